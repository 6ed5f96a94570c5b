import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { diffModelSets, toDiffRow } from './diff';
import { dataPaths } from './paths';
import { loadModelRows, loadModelsUnvalidated, saveModels } from './store';
import { createTempDir, makeModelsFile, makeRecord } from './test-factories';

/** A folder whose models.json was just saved: plain records, a candidate, a figure beyond six digits, a ruling. */
async function savedFolder(): Promise<string> {
  const dir = await createTempDir();
  await saveModels(
    dir,
    makeModelsFile([
      makeRecord('lab/plain', 3.0000001234e25),
      makeRecord('lab/small', 2e23, { developer: 'Lab' }),
      makeRecord('lab/candidate', 5e25, { curation: { status: 'candidate', needsReview: false } }),
      makeRecord('lab/ruled', 4e24, {
        curation: {
          status: 'confirmed-below',
          needsReview: false,
          ruling: {
            entryId: 'e1',
            action: 'confirm-below',
            at: '2026-05-01T00:00:00.000Z',
            by: 'ana',
            reason: 'paper',
            flop: 1.23456789e23,
          },
        },
      }),
      makeRecord('lab/bare'),
    ]),
  );
  return dir;
}

/** The rows read from the file itself, without the cache. */
async function rowsFromFile(dir: string) {
  const models = (await loadModelsUnvalidated(dir))!.models;
  return {
    rows: models.map((record) => toDiffRow(record)),
    candidates: models.filter((r) => r.curation?.status === 'candidate').map((r) => r.id),
  };
}

describe('the rows cache of models.json', () => {
  it('is written with models.json and gives what the file gives, to the precision the diff compares', async () => {
    const dir = await savedFolder();
    const cache = JSON.parse(await readFile(dataPaths(dir).rowsCacheFile, 'utf8'));
    expect(cache.rows).toHaveLength(5);
    const cached = (await loadModelRows(dir))!;
    const fromFile = await rowsFromFile(dir);
    expect(cached.rows.map((row) => row.id)).toEqual(fromFile.rows.map((row) => row.id));
    expect([...cached.candidates]).toEqual(fromFile.candidates);
    expect(diffModelSets(cached.rows, fromFile.rows)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('is used only for the bytes it was written for', async () => {
    const dir = await savedFolder();
    const cacheFile = dataPaths(dir).rowsCacheFile;
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'));
    // Rows that differ from the file, under the file's hash: they are what a load gives (the cache is used).
    cache.rows[0][1] = 'Renamed in the cache';
    await writeFile(cacheFile, JSON.stringify(cache));
    expect((await loadModelRows(dir))!.rows[0]!.name).toBe('Renamed in the cache');
    // Other bytes (the same JSON with one more newline): the file is read.
    const modelsFile = dataPaths(dir).modelsFile;
    await writeFile(modelsFile, `${await readFile(modelsFile, 'utf8')}\n`);
    expect((await loadModelRows(dir))!.rows[0]!.name).toBe('bare');
  });

  it('is ignored when damaged, and a damaged models.json is reported as without it', async () => {
    const dir = await savedFolder();
    const cacheFile = dataPaths(dir).rowsCacheFile;
    const good = JSON.parse(await readFile(cacheFile, 'utf8'));
    const expected = await loadModelRows(dir);
    for (const damaged of [
      '{"version":1,',
      JSON.stringify({ ...good, code: 'another' }),
      JSON.stringify({ ...good, rows: [['lab/x']] }),
      JSON.stringify({ ...good, rows: [[1, ...good.rows[0].slice(1)]] }),
      JSON.stringify({ ...good, rows: [[...good.rows[0].slice(0, -1), { deep: [] }]] }),
      JSON.stringify({ ...good, candidates: [1] }),
      'null',
    ]) {
      await writeFile(cacheFile, damaged);
      expect(await loadModelRows(dir)).toEqual(expected);
    }
    const modelsFile = dataPaths(dir).modelsFile;
    const text = await readFile(modelsFile, 'utf8');
    await writeFile(modelsFile, text.slice(0, 200));
    await expect(loadModelRows(dir)).rejects.toMatchObject({
      code: 'DATA_INVALID',
      details: { syntax: true },
    });
  });
});

describe('the rows cache across saves of the same models', () => {
  it('is keyed by the content without its time stamp, and not written again for the same content', async () => {
    const dir = await createTempDir();
    const file = makeModelsFile([makeRecord('lab/a', 3e25), makeRecord('lab/b', 2e23)]);
    await saveModels(dir, { ...file, generatedAt: '2026-01-01T00:00:00.000Z' });
    const cache = dataPaths(dir).rowsCacheFile;
    const written = (await stat(cache)).mtimeMs;
    const first = await readFile(cache, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await saveModels(dir, { ...file, generatedAt: '2026-02-01T00:00:00.000Z' });
    expect((await stat(cache)).mtimeMs).toBe(written);
    expect(await loadModelRows(dir)).toEqual({
      rows: (await loadModelsUnvalidated(dir))!.models.map(toDiffRow),
      candidates: new Set(),
    });
    // Other models: the cache follows.
    await saveModels(dir, makeModelsFile([makeRecord('lab/a', 4e25)]));
    expect(await readFile(cache, 'utf8')).not.toBe(first);
    expect((await loadModelRows(dir))?.rows.map((row) => row.id)).toEqual(['lab/a']);
  });
});
