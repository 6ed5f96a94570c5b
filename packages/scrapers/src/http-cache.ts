import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TrackerError } from '@tracker/schema';

/** What the client remembers of a response to make the next request for the same URL conditional. */
export interface HttpCacheEntry {
  /** The `ETag` header, sent back as `If-None-Match`. */
  etag?: string;
  /** The `Last-Modified` header, sent back as `If-Modified-Since`. */
  lastModified?: string;
  /** The decoded body, returned again when the server answers 304. */
  body: string;
  /** URL after redirects. */
  finalUrl: string;
  /** Response headers of the stored 200 (credentials are never in response headers we keep). */
  headers: Record<string, string>;
}

/** A small store of validators and bodies by URL. Pluggable: in memory by default, a JSON file for the CLI. */
export interface HttpCache {
  get(url: string): Promise<HttpCacheEntry | undefined>;
  set(url: string, entry: HttpCacheEntry): Promise<void>;
}

/** An {@link HttpCache} in memory, for one process. */
export function createMemoryHttpCache(): HttpCache {
  const entries = new Map<string, HttpCacheEntry>();
  return {
    async get(url) {
      return entries.get(url);
    },
    async set(url, entry) {
      entries.set(url, entry);
    },
  };
}

/**
 * An {@link HttpCache} kept in one JSON file (e.g. `data/snapshots/<source>/.http-cache.json`), read once and
 * rewritten atomically (temp file + rename) after each change. Writes from one instance are serialised.
 * A damaged file is treated as empty: the cache only saves bandwidth, so losing it is harmless.
 */
export function createFileHttpCache(file: string): HttpCache {
  let entries: Promise<Map<string, HttpCacheEntry>> | undefined;
  let writing: Promise<void> = Promise.resolve();

  function load(): Promise<Map<string, HttpCacheEntry>> {
    entries ??= readFile(file, 'utf8').then(
      (text) => {
        try {
          const parsed = JSON.parse(text) as { entries?: Record<string, HttpCacheEntry> };
          return new Map(
            Object.entries(parsed.entries ?? {}).filter(([, entry]) => typeof entry?.body === 'string'),
          );
        } catch {
          return new Map();
        }
      },
      () => new Map(),
    );
    return entries;
  }

  async function save(map: Map<string, HttpCacheEntry>): Promise<void> {
    const sorted = Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(temporary, `${JSON.stringify({ version: 1, entries: sorted }, null, 2)}\n`);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new TrackerError('IO_FAILED', `[http-cache] ${file}: could not write the HTTP cache`, {
        cause: error,
      });
    }
  }

  return {
    async get(url) {
      return (await load()).get(url);
    },
    async set(url, entry) {
      const map = await load();
      map.set(url, entry);
      const next = writing.then(() => save(map));
      // A failed write must not block later ones; the caller still sees this one's failure.
      writing = next.catch(() => undefined);
      await next;
    },
  };
}
