export type {
  AliasConfig,
  AliasConfigInput,
  DeveloperEntry,
  ExclusionConfig,
  ExclusionConfigInput,
  ExclusionRule,
  ModelEntry,
} from './config';
export {
  AliasConfigSchema,
  DeveloperEntrySchema,
  ExclusionConfigSchema,
  ExclusionRuleSchema,
  loadAliasConfig,
  loadExclusionConfig,
  ModelEntrySchema,
  parseAliasConfig,
  parseExclusionConfig,
} from './config';
export { defaultAliasConfig, defaultExclusionConfig } from './default-config';
export type { FindModelRecordOptions, ModelMatchKind, ModelRecordMatch } from './find-model';
export { findModelRecord, modelRecordNames } from './find-model';
export type {
  ExcludedName,
  Resolution,
  ResolveAllResult,
  ResolvedName,
  ResolveHints,
  Resolver,
  ResolverOptions,
} from './resolver';
export { createResolver } from './resolver';
export type { SuggestionCandidate } from './suggestions';
export { findMergeSuggestions } from './suggestions';
