import type { AliasConfig, ExclusionConfig } from './config';
import { DEFAULT_ALIAS_CONFIG, DEFAULT_EXCLUSION_CONFIG } from './default-config.generated';

/*
 * The bundled configs. `configs/aliases.yaml` and `configs/exclusions.yaml` are the source; the generated TS copy
 * lets the published package work without the repository. It holds them as validated (defaults filled in), so
 * they load without a schema check: `default-config.test.ts` fails when the copy drifts from what parsing the YAML
 * gives, and rewrites it when run with TRACKER_WRITE_DEFAULT_CONFIG=1.
 */

/** The bundled `configs/aliases.yaml`, validated. Returns a fresh copy the caller may change. */
export function defaultAliasConfig(): AliasConfig {
  return structuredClone(DEFAULT_ALIAS_CONFIG);
}

/** The bundled `configs/exclusions.yaml`, validated. Returns a fresh copy the caller may change. */
export function defaultExclusionConfig(): ExclusionConfig {
  return structuredClone(DEFAULT_EXCLUSION_CONFIG);
}
