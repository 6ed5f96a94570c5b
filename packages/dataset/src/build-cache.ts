import { deserialize, serialize } from 'node:v8';
import { TrackerError } from '@tracker/schema';
import { readDataBytes } from './json-file';

/**
 * The machine part of the last build, by a key that names everything it was computed from: `.cache/build.v8` in
 * the data folder (docs/data-format.md). The key is made by the caller (the pipeline hashes the observation files'
 * bytes, the ledger, the alias lists, the settings and the code that builds); this module only stores one value
 * under one key. The value is written with V8's serializer, which keeps every number, `undefined` and `NaN`
 * exactly as computed, so a value read back is the value written. Anything unreadable (another format, another
 * key, a cut-off or foreign file) is no cache; deleting the file only makes the next build slower.
 */
const BUILD_CACHE_VERSION = 1;

/** A build of tens of thousands of models stays far below this. */
const MAX_BUILD_CACHE_BYTES = 512 * 1024 * 1024;

/** The bytes of a cache file holding `value` under `key`; made at once, so later changes to `value` are not kept. */
export function encodeBuildCache(key: string, value: unknown): Buffer {
  return serialize({ version: BUILD_CACHE_VERSION, key, value });
}

/** The value stored under `key` in `file`, or undefined when the file is missing, unreadable or for another key. */
export async function readBuildCache(file: string, key: string): Promise<unknown> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readDataBytes(file, { missingOk: true, maxBytes: MAX_BUILD_CACHE_BYTES });
  } catch (error) {
    if (TrackerError.is(error)) return undefined;
    throw error;
  }
  if (bytes === undefined) return undefined;
  let stored: unknown;
  try {
    stored = deserialize(bytes);
  } catch {
    return undefined;
  }
  if (typeof stored !== 'object' || stored === null) return undefined;
  const entry = stored as { version?: unknown; key?: unknown; value?: unknown };
  return entry.version === BUILD_CACHE_VERSION && entry.key === key ? entry.value : undefined;
}
