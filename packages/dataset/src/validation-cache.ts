import { createHash } from 'node:crypto';
import path from 'node:path';
import { ObservationFileSchema, TrackerError } from '@tracker/schema';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { decodeDataText, readDataBytes } from './json-file';

/**
 * Which observation files passed the schema check, by the SHA-256 of their bytes: `.cache/validated.json` in the
 * data folder (docs/data-format.md). Checking 5,000 observations against the schema costs far more than hashing
 * their bytes, and identical bytes give an identical result, so a file whose bytes were validated before (under the
 * same schema) is not checked again. Only a process holding the folder's lock writes the cache; anything unreadable
 * in it counts as an empty cache. It is machine output: deleting it only makes the next load slower.
 */
export interface ValidationCache {
  /** The file's hash when its bytes were validated under the current schema, else undefined. */
  validated(name: string, sha256: string): boolean;
  /** Records that a file's bytes passed. */
  remember(name: string, sha256: string): void;
  /** Writes the cache when it changed, keeping only the files given (the folder's current ones). */
  save(names: readonly string[]): Promise<void>;
}

/** Format of the cache file; bumped when what a cached file skips changes. */
const CACHE_VERSION = 1;

/** The cache is small (a name and a hash per source); anything larger is not ours. */
const MAX_CACHE_BYTES = 1024 * 1024;

let schemaFingerprint: string | undefined;

/**
 * The observation file schema as a hash of its JSON Schema (every type, pattern, bound and strictness it checks):
 * a tracker whose schema differs validates everything again.
 */
function currentSchema(): string {
  schemaFingerprint ??= createHash('sha256')
    .update(`${CACHE_VERSION}\n${JSON.stringify(z.toJSONSchema(ObservationFileSchema))}`)
    .digest('hex');
  return schemaFingerprint;
}

/** SHA-256 of a file's bytes, hex. */
export function fingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The cache of the data folder whose cache file is `file`, read now. */
export async function openValidationCache(file: string): Promise<ValidationCache> {
  const known = await readCacheFile(file);
  const files = new Map(known);
  let changed = false;
  return {
    validated: (name, sha256) => files.get(name) === sha256,
    remember(name, sha256) {
      if (files.get(name) === sha256) return;
      files.set(name, sha256);
      changed = true;
    },
    async save(names) {
      const kept = [...names].sort().filter((name) => files.has(name));
      if (!changed && kept.length === known.size) return;
      const text = JSON.stringify({
        version: CACHE_VERSION,
        schema: currentSchema(),
        files: Object.fromEntries(kept.map((name) => [name, files.get(name)!])),
      });
      await writeFileAtomic(file, `${text}\n`, { durable: false });
    },
  };
}

/** The validated files a cache file lists for the current schema; empty when it is missing or unreadable. */
async function readCacheFile(file: string): Promise<Map<string, string>> {
  const none = new Map<string, string>();
  const cache = (await readCacheJson(file)) as
    | { version?: unknown; schema?: unknown; files?: unknown }
    | undefined;
  if (
    typeof cache !== 'object' ||
    cache === null ||
    cache.version !== CACHE_VERSION ||
    typeof cache.files !== 'object' ||
    cache.files === null ||
    cache.schema !== currentSchema()
  ) {
    return none;
  }
  const files = new Map<string, string>();
  for (const [name, sha256] of Object.entries(cache.files)) {
    if (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256) && path.basename(name) === name) {
      files.set(name, sha256);
    }
  }
  return files;
}

/**
 * A cache file of the data folder parsed as JSON, or `undefined` when it is missing, over `maxBytes`, not UTF-8 or
 * not JSON: a cache that cannot be read is no cache.
 */
export async function readCacheJson(file: string, maxBytes = MAX_CACHE_BYTES): Promise<unknown> {
  try {
    const bytes = await readDataBytes(file, { missingOk: true, maxBytes });
    return bytes === undefined ? undefined : JSON.parse(decodeDataText(bytes, file));
  } catch (error) {
    if (TrackerError.is(error) || error instanceof SyntaxError || error instanceof RangeError)
      return undefined;
    throw error;
  }
}
