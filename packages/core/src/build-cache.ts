import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LedgerEntry } from '@tracker/schema';
import type { BuildModelsInput } from './pipeline';

/**
 * Bumped when what the build cache holds changes shape. The code itself is in the key too ({@link codeFingerprint}),
 * so a tracker built from other sources never reads another's cache.
 */
const BUILD_CACHE_FORMAT = 1;

/** The packages whose code the machine part of a build runs: resolution, merge, estimation and their schemas. */
const BUILD_PACKAGES = [
  '@tracker/schema',
  '@tracker/resolve',
  '@tracker/dataset',
  '@tracker/estimation',
] as const;

let code: string | null | undefined;

/**
 * A SHA-256 of the code a build runs: the entry file of each package it uses, and every module file beside this
 * one (the pipeline's own). Null when a file cannot be read: then nothing is cached.
 */
export function codeFingerprint(): string | null {
  if (code !== undefined) return code;
  try {
    const hash = createHash('sha256');
    const require = createRequire(import.meta.url);
    for (const name of BUILD_PACKAGES) hash.update(readFileSync(require.resolve(name)));
    const directory = path.dirname(fileURLToPath(import.meta.url));
    for (const name of readdirSync(directory)
      .filter((file) => /\.(js|ts)$/.test(file))
      .sort())
      hash.update(readFileSync(path.join(directory, name)));
    code = hash.digest('hex');
  } catch {
    code = null;
  }
  return code;
}

/**
 * The key of a build's machine part (resolve → merge → ledger facts → estimate): a hash of everything it is computed
 * from — the observation files' bytes (their digest), the ledger, the alias and exclusion lists, the settings that
 * reach estimation, and the code. Null when the files' digest or the code is unknown: such a build is not cached.
 */
export function buildCacheKey(
  input: Omit<BuildModelsInput, 'observationFiles' | 'ledger'>,
  observations: string | undefined,
  ledger: readonly LedgerEntry[],
): string | null {
  const fingerprint = codeFingerprint();
  if (observations === undefined || fingerprint === null) return null;
  return createHash('sha256')
    .update(
      JSON.stringify([
        BUILD_CACHE_FORMAT,
        fingerprint,
        observations,
        ledger,
        input.aliases ?? null,
        input.exclusions ?? null,
        input.threshold,
        input.cutPoints ?? null,
        input.sourceRank,
        input.blind === true,
      ]),
    )
    .digest('hex');
}
