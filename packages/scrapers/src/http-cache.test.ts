import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileHttpCache, createMemoryHttpCache } from './http-cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tracker-http-cache-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (body: string) => ({ etag: `"${body}"`, body, finalUrl: 'https://a.test/', headers: {} });

describe('createFileHttpCache', () => {
  it('keeps entries across instances, sorted by URL, and survives concurrent writes', async () => {
    const file = join(dir, 'nested', '.http-cache.json');
    const cache = createFileHttpCache(file);
    await Promise.all([cache.set('https://b.test/', entry('b')), cache.set('https://a.test/', entry('a'))]);
    const reread = createFileHttpCache(file);
    expect(await reread.get('https://a.test/')).toEqual(entry('a'));
    expect(await reread.get('https://b.test/')).toEqual(entry('b'));
    const stored = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(stored.entries)).toEqual(['https://a.test/', 'https://b.test/']);
  });

  it('treats a damaged file as empty', async () => {
    const file = join(dir, '.http-cache.json');
    await writeFile(file, '{"entries": {"https://a.test/": ');
    const cache = createFileHttpCache(file);
    expect(await cache.get('https://a.test/')).toBeUndefined();
    await cache.set('https://a.test/', entry('fresh'));
    expect(await createFileHttpCache(file).get('https://a.test/')).toEqual(entry('fresh'));
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
