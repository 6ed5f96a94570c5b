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
 * Where {@link createFileHttpCache} keeps its JSON text. The data folder's is `openDataFolder(dir).httpCache(source)`
 * of `@tracker/dataset` (`snapshots/<source>/.http-cache.json`, replaced atomically).
 */
export interface HttpCacheStorage {
  /** The place, for messages (e.g. the file). */
  readonly name: string;
  /** The stored text, or `undefined` when nothing is stored yet. */
  read(): Promise<string | undefined>;
  /** Replaces the stored text whole. */
  write(text: string): Promise<void>;
}

/**
 * An {@link HttpCache} kept as one JSON text in `storage` (e.g. `data/snapshots/<source>/.http-cache.json`), read
 * once and rewritten whole after each change. Writes from one instance are serialised. A damaged or unreadable
 * text is treated as empty: the cache only saves bandwidth, so losing it is harmless.
 */
export function createFileHttpCache(storage: HttpCacheStorage): HttpCache {
  let entries: Promise<Map<string, HttpCacheEntry>> | undefined;
  let writing: Promise<void> = Promise.resolve();

  function load(): Promise<Map<string, HttpCacheEntry>> {
    entries ??= storage.read().then(
      (text) => {
        if (text === undefined) return new Map();
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
    try {
      await storage.write(`${JSON.stringify({ version: 1, entries: sorted }, null, 2)}\n`);
    } catch (error) {
      throw new TrackerError('IO_FAILED', `[http-cache] ${storage.name}: could not write the HTTP cache`, {
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
