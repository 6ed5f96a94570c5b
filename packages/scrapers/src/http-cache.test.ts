import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { createFileHttpCache, createMemoryHttpCache, type HttpCacheStorage } from './http-cache';

const entry = (body: string) => ({ etag: `"${body}"`, body, finalUrl: 'https://a.test/', headers: {} });

/** A storage in memory (the data folder's own, an atomic file, is tested in @tracker/dataset). */
function memoryStorage(initial?: string): HttpCacheStorage & { text: string | undefined } {
  return {
    name: 'memory/.http-cache.json',
    text: initial,
    async read() {
      return this.text;
    },
    async write(text) {
      this.text = text;
    },
  };
}

describe('createFileHttpCache', () => {
  it('keeps entries across instances, sorted by URL, and survives concurrent writes', async () => {
    const storage = memoryStorage();
    const cache = createFileHttpCache(storage);
    await Promise.all([cache.set('https://b.test/', entry('b')), cache.set('https://a.test/', entry('a'))]);
    const reread = createFileHttpCache(storage);
    expect(await reread.get('https://a.test/')).toEqual(entry('a'));
    expect(await reread.get('https://b.test/')).toEqual(entry('b'));
    const stored = JSON.parse(storage.text ?? '') as { entries: Record<string, unknown> };
    expect(Object.keys(stored.entries)).toEqual(['https://a.test/', 'https://b.test/']);
  });

  it('treats a damaged or unreadable text as empty', async () => {
    const storage = memoryStorage('{"entries": {"https://a.test/": ');
    const cache = createFileHttpCache(storage);
    expect(await cache.get('https://a.test/')).toBeUndefined();
    await cache.set('https://a.test/', entry('fresh'));
    expect(await createFileHttpCache(storage).get('https://a.test/')).toEqual(entry('fresh'));
    const unreadable = createFileHttpCache({
      ...memoryStorage(),
      read: () => Promise.reject(new Error('EACCES')),
    });
    expect(await unreadable.get('https://a.test/')).toBeUndefined();
  });

  it('fails a write with IO_FAILED naming the storage, and later writes still go through', async () => {
    const storage = memoryStorage();
    let fail = true;
    const cache = createFileHttpCache({
      ...storage,
      read: () => storage.read(),
      write: (text) => (fail ? Promise.reject(new Error('disk full')) : storage.write(text)),
    });
    const error = await cache.set('https://a.test/', entry('a')).catch((caught: unknown) => caught);
    expect(TrackerError.is(error) && error.code).toBe('IO_FAILED');
    expect((error as Error).message).toBe(
      '[http-cache] memory/.http-cache.json: could not write the HTTP cache',
    );
    fail = false;
    await cache.set('https://b.test/', entry('b'));
    expect(Object.keys(JSON.parse(storage.text ?? '').entries)).toEqual([
      'https://a.test/',
      'https://b.test/',
    ]);
  });
});

describe('createMemoryHttpCache', () => {
  it('returns what was set', async () => {
    const cache = createMemoryHttpCache();
    await cache.set('https://a.test/', entry('a'));
    expect(await cache.get('https://a.test/')).toEqual(entry('a'));
    expect(await cache.get('https://b.test/')).toBeUndefined();
  });
});
