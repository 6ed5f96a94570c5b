import { deserialize, serialize } from 'node:v8';
import { TrackerError } from '@tracker/schema';
import { readDataBytes } from './json-file';

/**
 * The machine part of the last build, by a key that names everything it was computed from: `.cache/build.v8` in
 * the data folder (docs/data-format.md). The key is made by the caller (the pipeline hashes the observation files'
 * bytes, the ledger, the alias lists, the settings and the code that builds); this module only stores one value
 * under one key, and gives back exactly the value stored.
 *
 * The file is a header line `tracker-build-cache <version> <key>` and the value in V8's serialization (`node:v8`),
 * which keeps every value exactly (`undefined`, −0, every double). The header is read first, so a cache for another
 * key is not deserialized. (JSON was measured as well: decoding and parsing 11 MB of it costs what deserializing
 * does, and it loses `undefined` and −0.) Anything unreadable (another format or key, a cut-off or foreign file) is
 * no cache; deleting the file only makes the next build slower.
 */
const BUILD_CACHE_VERSION = 2;
const MAGIC = 'tracker-build-cache';

/** A build of tens of thousands of models stays far below this. */
const MAX_BUILD_CACHE_BYTES = 512 * 1024 * 1024;

/** The bytes of a cache file holding `value` under `key`; made at once, so later changes to `value` are not kept. */
export function encodeBuildCache(key: string, value: unknown): Buffer {
  if (/\s/.test(key)) throw new TrackerError('USAGE', `[build cache] the key "${key}" contains white space`);
  return Buffer.concat([Buffer.from(`${MAGIC} ${BUILD_CACHE_VERSION} ${key}\n`), serialize(value)]);
}

/**
 * The value stored under `key` in `file`, or undefined when the file is missing, unreadable or for another key (or
 * the key is null). The file is read at once, while a key still being computed is awaited.
 */
export async function readBuildCache(
  file: string,
  key: string | null | PromiseLike<string | null>,
): Promise<unknown> {
  const reading = readDataBytes(file, { missingOk: true, maxBytes: MAX_BUILD_CACHE_BYTES }).catch(
    (error: unknown) => {
      if (TrackerError.is(error)) return undefined;
      throw error;
    },
  );
  const [bytes, wanted] = await Promise.all([reading, key]);
  if (bytes === undefined || wanted === null) return undefined;
  const end = bytes.indexOf(0x0a);
  if (end === -1 || end > 256) return undefined;
  if (bytes.toString('latin1', 0, end) !== `${MAGIC} ${BUILD_CACHE_VERSION} ${wanted}`) return undefined;
  try {
    return deserialize(bytes.subarray(end + 1));
  } catch {
    // A cut-off or damaged value: no cache.
    return undefined;
  }
}
