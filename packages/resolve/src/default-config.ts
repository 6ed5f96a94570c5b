import { type AliasConfig, type ExclusionConfig, parseAliasConfig, parseExclusionConfig } from './config';
import { DEFAULT_ALIAS_CONFIG, DEFAULT_EXCLUSION_CONFIG } from './default-config.generated';

/*
 * The bundled configs. `configs/aliases.yaml` and `configs/exclusions.yaml` are the source; the generated TS copy
 * lets the published package work without the repository. `default-config.test.ts` fails when they drift and
 * rewrites the copy when run with TRACKER_WRITE_DEFAULT_CONFIG=1.
 */

let aliasCache: AliasConfig | undefined;
let exclusionCache: ExclusionConfig | undefined;

/** The bundled `configs/aliases.yaml`, validated. Returns a fresh copy the caller may change. */
export function defaultAliasConfig(): AliasConfig {
  aliasCache ??= parseAliasConfig(DEFAULT_ALIAS_CONFIG, 'configs/aliases.yaml (bundled)');
  return structuredClone(aliasCache);
}

/** The bundled `configs/exclusions.yaml`, validated. Returns a fresh copy the caller may change. */
export function defaultExclusionConfig(): ExclusionConfig {
  exclusionCache ??= parseExclusionConfig(DEFAULT_EXCLUSION_CONFIG, 'configs/exclusions.yaml (bundled)');
  return structuredClone(exclusionCache);
}
