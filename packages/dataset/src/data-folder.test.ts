import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { openDataFolder } from './data-folder';
import { findHeldLock } from './lock';
import { createTempDir, makeModelsFile, makeObservation, makeRecord } from './test-factories';

describe('openDataFolder', () => {
  it('owns the layout: every path of DESIGN §3 under its root', async () => {
    const dir = await createTempDir();
    const folder = openDataFolder(dir);
    expect(folder.root).toBe(path.resolve(dir));
    expect(folder.paths.modelsFile).toBe(path.join(folder.root, 'models.json'));
    expect(folder.paths.observationFile('epoch')).toBe(path.join(folder.root, 'observations', 'epoch.json'));
    expect(folder.httpCacheFile('epoch')).toBe(
      path.join(folder.root, 'snapshots', 'epoch', '.http-cache.json'),
    );
    expect(folder.display(path.dirname(folder.root))).toBe(path.basename(folder.root));
    expect(() => folder.httpCacheFile('../etc')).toThrow(/kebab-case/);
    expect(() => folder.httpCache('../etc')).toThrow(/kebab-case/);
  });

  it("keeps a source's HTTP cache as one text file, replaced whole with no temp file left", async () => {
    const folder = openDataFolder(await createTempDir());
    const cache = folder.httpCache('epoch');
    expect(await cache.read()).toBeUndefined();
    await cache.write('{"version":1}\n');
    await cache.write('{"version":1,"entries":{}}\n');
    expect(await readFile(folder.httpCacheFile('epoch'), 'utf8')).toBe('{"version":1,"entries":{}}\n');
    expect(await folder.httpCache('epoch').read()).toBe('{"version":1,"entries":{}}\n');
    expect(await readdir(path.dirname(folder.httpCacheFile('epoch')))).toEqual(['.http-cache.json']);
  });

  it('loads and saves through one object: observations, models, ledger', async () => {
    const folder = openDataFolder(await createTempDir());
    expect(await folder.loadObservations()).toEqual([]);
    expect(await folder.loadModels()).toBeNull();
    expect(await folder.loadModelsUnchecked()).toBeNull();
    expect(await folder.loadLedger()).toEqual([]);
    const observation = makeObservation({ rawName: 'Model A' });
    const saved = await folder.saveObservations(observation.source, {
      snapshot: {
        retrievedAt: observation.retrievedAt,
        sourceUrl: observation.sourceUrl,
        observationCount: 1,
        origin: 'live',
      },
      observations: [observation],
    });
    expect(saved.added).toBe(1);
    expect((await folder.loadObservations()).map((file) => file.source)).toEqual([observation.source]);
    expect(await folder.summarizeObservations(observation.source)).toMatchObject({
      source: observation.source,
      observationCount: 1,
    });
    expect(await folder.summarizeObservations('nothing-here')).toBeNull();
    await folder.saveModels(makeModelsFile([makeRecord('lab/model-a')]));
    expect((await folder.loadModels())?.models.map((record) => record.id)).toEqual(['lab/model-a']);
    expect((await folder.loadModelsUnchecked()) as { models: unknown[] }).toMatchObject({
      models: [{ id: 'lab/model-a' }],
    });
    await writeFile(folder.paths.modelsFile, '{"models": [');
    await expect(folder.loadModelsUnchecked()).rejects.toMatchObject({
      code: 'DATA_INVALID',
      details: { syntax: true },
    });
  });

  it('takes the lock for a section and releases it after', async () => {
    const folder = openDataFolder(await createTempDir());
    const seen = await folder.withLock(
      (lock) => {
        expect(findHeldLock(folder.root)).toBe(lock);
        return lock.info.command;
      },
      { command: 'test' },
    );
    expect(seen).toBe('test');
    expect(findHeldLock(folder.root)).toBeUndefined();
  });
});

describe('the snapshot store handed to the scrapers', () => {
  it('keeps a payload once, hash-named, atomically, and reports it relative to the folder', async () => {
    const folder = openDataFolder(await createTempDir());
    const payload = {
      source: 'lmarena',
      url: 'https://example.test/leaderboard',
      retrievedAt: '2026-03-25T10:15:00.500Z',
      body: '{"rows":[]}',
      contentType: 'application/json; charset=utf-8',
    };
    const saved = await folder.snapshots.save(payload);
    expect(saved.sha256).toBe('1633902c6cbba5e7770dbed172df754a25078bb76efe1f23474edc87f1a47655');
    expect(saved.file).toBe(`snapshots/lmarena/20260325T101500Z-${saved.sha256.slice(0, 12)}.json`);
    expect(await readFile(path.join(folder.root, saved.file), 'utf8')).toBe(payload.body);
    // The same body fetched later is not written again.
    const again = await folder.snapshots.save({ ...payload, retrievedAt: '2026-03-26T00:00:00Z' });
    expect(again).toEqual(saved);
    expect(await readdir(path.join(folder.root, 'snapshots', 'lmarena'))).toHaveLength(1);
    const html = await folder.snapshots.save({ ...payload, body: '<table></table>', contentType: undefined });
    expect(html.file).toMatch(/\.html$/);
    expect(findHeldLock(folder.root)).toBeUndefined();
  });

  it('refuses a source id that could leave the folder', async () => {
    const folder = openDataFolder(await createTempDir());
    const error = await folder.snapshots
      .save({ source: '../etc', url: 'https://example.test/', retrievedAt: '2026-03-25T00:00:00Z', body: '' })
      .catch((caught: unknown) => caught);
    expect(TrackerError.is(error) && error.code).toBe('IO_FAILED');
  });
});
