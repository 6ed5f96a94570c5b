import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openDataFolder } from './data-folder';
import { dataPaths } from './paths';
import { loadObservations, observationsDigest, writeObservationFile } from './store';
import { createTempDir, makeObservation } from './test-factories';

describe('the build cache of a data folder', () => {
  it('gives back exactly the value stored under a key, and nothing under another key', async () => {
    const folder = openDataFolder(await createTempDir());
    const value = { records: [{ id: 'a', figure: 1e25, missing: undefined, odd: Number.NaN }], count: 3 };
    await folder.withLock(() => folder.saveBuildCache('key-1', value));
    expect(await folder.readBuildCache('key-1')).toEqual(value);
    expect(await folder.readBuildCache('key-2')).toBeUndefined();
  });

  it('keeps every value exactly, and reads the key before the value', async () => {
    const folder = openDataFolder(await createTempDir());
    const file = dataPaths(folder.root).buildCacheFile;
    const odd = {
      a: undefined,
      b: -0,
      c: Number.POSITIVE_INFINITY,
      d: new Map([['x', 1]]),
      e: [1, undefined, 3],
    };
    await folder.withLock(() => folder.saveBuildCache('k', odd));
    expect((await readFile(file, 'latin1')).split('\n')[0]).toBe('tracker-build-cache 2 k');
    const back = (await folder.readBuildCache('k')) as typeof odd;
    expect(back).toEqual(odd);
    expect(Object.is(back.b, -0)).toBe(true);
    expect('a' in back).toBe(true);
  });

  it('keeps the value as it was when saved', async () => {
    const folder = openDataFolder(await createTempDir());
    const value = { records: [{ id: 'a' }] };
    await folder.withLock(async () => {
      const saving = folder.saveBuildCache('key', value);
      value.records[0]!.id = 'changed after';
      await saving;
    });
    expect(await folder.readBuildCache('key')).toEqual({ records: [{ id: 'a' }] });
  });

  it('is written only under the lock, and a damaged or foreign file is no cache', async () => {
    const folder = openDataFolder(await createTempDir());
    await folder.saveBuildCache('key', { a: 1 });
    expect(await folder.readBuildCache('key')).toBeUndefined();
    const file = dataPaths(folder.root).buildCacheFile;
    await folder.withLock(() => folder.saveBuildCache('key', { a: 1 }));
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 3));
    expect(await folder.readBuildCache('key')).toBeUndefined();
    await writeFile(file, '{"version":1,"key":"key","value":{"a":1}}');
    expect(await folder.readBuildCache('key')).toBeUndefined();
  });
});

describe('observationsDigest', () => {
  it('names the bytes of the files a load read: the same bytes give the same digest, others another', async () => {
    const dir = await createTempDir();
    const file = {
      schemaVersion: 1 as const,
      source: 'lmarena',
      snapshots: [],
      observations: [makeObservation({ rawName: 'GPT-4o' })],
    };
    await writeObservationFile(dir, file);
    const first = await loadObservations(dir);
    const digest = observationsDigest(first);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(observationsDigest(await loadObservations(dir))).toBe(digest);
    expect(observationsDigest([...first])).toBeUndefined();
    const path = dataPaths(dir).observationFile('lmarena');
    await writeFile(path, `${(await readFile(path, 'utf8')).trimEnd()}\n\n`);
    expect(observationsDigest(await loadObservations(dir))).not.toBe(digest);
  });

  it('is known before the files are parsed: a set reads and hashes them, and parses them once when loaded', async () => {
    const dir = await createTempDir();
    await writeObservationFile(dir, {
      schemaVersion: 1 as const,
      source: 'lmarena',
      snapshots: [],
      observations: [makeObservation({ rawName: 'GPT-4o' })],
    });
    const folder = openDataFolder(dir);
    const set = await folder.readObservationSet();
    // Damaged after the read: the set parses the bytes it read.
    await writeFile(dataPaths(dir).observationFile('lmarena'), '{');
    const files = await set.load();
    expect(await set.load()).toBe(files);
    expect(files[0]?.observations[0]?.rawName).toBe('GPT-4o');
    expect(observationsDigest(files)).toBe(set.digest);
    await expect(folder.loadObservations()).rejects.toMatchObject({ code: 'DATA_INVALID' });
  });
});
