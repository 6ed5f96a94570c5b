import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from './lock';
import { dataPaths, displayPath } from './paths';
import { loadObservations, writeObservationFile } from './store';
import { createTempDir, failure, makeObservation } from './test-factories';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function folderWithSource(): Promise<{ dir: string; file: string }> {
  const dir = await createTempDir();
  await writeObservationFile(dir, {
    schemaVersion: 1,
    source: 'lmarena',
    snapshots: [],
    observations: [makeObservation({ rawName: 'GPT-4o' })],
  });
  return { dir, file: dataPaths(dir).observationFile('lmarena') };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function loadLocked(dir: string) {
  const lock = await acquireLock(dir);
  try {
    return await loadObservations(dir);
  } finally {
    await lock.release();
  }
}

describe('the validation cache of the observation files', () => {
  it('is written only under the lock, with the hash of each file that passed', async () => {
    const { dir, file } = await folderWithSource();
    const cacheFile = dataPaths(dir).validationCacheFile;
    const unlocked = await loadObservations(dir);
    expect(await exists(cacheFile)).toBe(false);
    expect(await loadLocked(dir)).toEqual(unlocked);
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'));
    expect(cache.files).toEqual({ 'lmarena.json': sha256(await readFile(file)) });
    // With the cache, a load gives the same result, locked or not.
    expect(await loadObservations(dir)).toEqual(unlocked);
    expect(await loadLocked(dir)).toEqual(unlocked);
  });

  it('checks changed bytes again and reports a bad file exactly as without a cache', async () => {
    const { dir, file } = await folderWithSource();
    await loadLocked(dir);
    const value = JSON.parse(await readFile(file, 'utf8'));
    value.observations[0].releaseDate = 'soon';
    await writeFile(file, JSON.stringify(value));
    const error = await failure(loadLocked(dir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toBe(
      `${displayPath(file)}: $.observations[0].releaseDate: expected a date YYYY-MM-DD (or YYYY-MM, YYYY)`,
    );
    const cache = JSON.parse(await readFile(dataPaths(dir).validationCacheFile, 'utf8'));
    expect(cache.files['lmarena.json']).not.toBe(sha256(await readFile(file)));
  });

  it('skips the schema check only for bytes it lists, and still checks the sources', async () => {
    const { dir, file } = await folderWithSource();
    await loadLocked(dir);
    const cacheFile = dataPaths(dir).validationCacheFile;
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'));
    // A cache that lists these bytes as checked: identical bytes would give an identical result, so they are not
    // checked again. (The cache is machine output of the folder, as trusted as the files beside it.)
    const value = JSON.parse(await readFile(file, 'utf8'));
    value.observations[0].releaseDate = 'soon';
    const text = JSON.stringify(value);
    await writeFile(file, text);
    await writeFile(cacheFile, JSON.stringify({ ...cache, files: { 'lmarena.json': sha256(text) } }));
    expect((await loadObservations(dir))[0]!.observations[0]!.releaseDate).toBe('soon');
    value.source = 'openrouter';
    const renamed = JSON.stringify(value);
    await writeFile(file, renamed);
    await writeFile(cacheFile, JSON.stringify({ ...cache, files: { 'lmarena.json': sha256(renamed) } }));
    expect((await failure(loadObservations(dir))).message).toBe(
      `${displayPath(file)}: $.source: expected "lmarena" (the file name), got "openrouter"`,
    );
  });

  it('ignores a cache that is damaged, too large, for another schema or not UTF-8', async () => {
    const { dir, file } = await folderWithSource();
    await loadLocked(dir);
    const cacheFile = dataPaths(dir).validationCacheFile;
    const good = JSON.parse(await readFile(cacheFile, 'utf8'));
    const value = JSON.parse(await readFile(file, 'utf8'));
    value.observations[0].releaseDate = 'soon';
    const text = JSON.stringify(value);
    await writeFile(file, text);
    const listed = { 'lmarena.json': sha256(text) };
    await mkdir(path.dirname(cacheFile), { recursive: true });
    for (const damaged of [
      '{"version":1,',
      JSON.stringify({ ...good, schema: 'another', files: listed }),
      JSON.stringify({ ...good, version: 0, files: listed }),
      JSON.stringify({ ...good, files: listed, padding: 'x'.repeat(2 * 1024 * 1024) }),
      Buffer.concat([Buffer.from(JSON.stringify({ ...good, files: listed })), Buffer.from([0xff])]),
      'null',
    ]) {
      await writeFile(cacheFile, damaged);
      expect((await failure(loadObservations(dir))).message).toMatch(/releaseDate: expected a date/);
    }
  });
});
