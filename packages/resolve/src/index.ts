export type {
  AliasConfig,
  AliasConfigInput,
  DeveloperEntry,
  ExclusionConfig,
  ExclusionConfigInput,
  ExclusionRule,
  ModelEntry,
} from './config';
export { loadAliasConfig, loadExclusionConfig } from './config';
export { defaultAliasConfig, defaultExclusionConfig } from './default-config';
export type { FindModelRecordOptions, ModelMatchKind, ModelRecordMatch } from './find-model';
export { findModelRecord } from './find-model';
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
