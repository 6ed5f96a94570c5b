import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrackerError } from '@tracker/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSnapshotStore, formatCompactTimestamp } from './snapshot';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tracker-snapshot-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createFileSnapshotStore', () => {
  it('writes <source>/<UTC time>-<sha256 prefix>.<ext> and returns the full hash', async () => {
    const store = createFileSnapshotStore(dir);
    const saved = await store.save({
      source: 'openrouter',
      url: 'https://openrouter.ai/api/v1/models',
      retrievedAt: '2026-03-29T12:34:56.789+02:00',
      body: '{"data":[]}',
      contentType: 'application/json; charset=utf-8',
    });
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.file).toBe(join(dir, 'openrouter', `20260329T103456Z-${saved.sha256.slice(0, 12)}.json`));
    expect(await readFile(saved.file, 'utf8')).toBe('{"data":[]}');
  });

  it('does not write an identical payload twice, and leaves no temporary files', async () => {
    const store = createFileSnapshotStore(dir);
    const input = {
      source: 'lmarena',
      url: 'https://lmarena.ai/',
      body: '<table></table>',
      contentType: 'text/html',
    };
    const first = await store.save({ ...input, retrievedAt: '2026-01-01T00:00:00Z' });
    const second = await store.save({ ...input, retrievedAt: '2026-01-02T00:00:00Z' });
    const third = await store.save({
      ...input,
      retrievedAt: '2026-01-03T00:00:00Z',
      body: '<table><tr></tr></table>',
    });
    expect(second).toEqual(first);
    expect(third.file).not.toBe(first.file);
    expect((await readdir(join(dir, 'lmarena'))).sort()).toEqual(
      [first.file, third.file].map((file) => file.split(/[\\/]/).pop()).sort(),
    );
  });

  it('reports paths relative to the data folder when asked', async () => {
    const store = createFileSnapshotStore(join(dir, 'snapshots'), { relativeTo: dir });
    const saved = await store.save({
      source: 'epoch',
      url: 'https://epoch.ai/data.csv',
      retrievedAt: '2026-01-01T00:00:00Z',
      body: 'a\n',
      contentType: 'text/csv',
    });
    expect(saved.file).toBe(`snapshots/epoch/20260101T000000Z-${saved.sha256.slice(0, 12)}.csv`);
    expect(await readFile(join(dir, saved.file), 'utf8')).toBe('a\n');
  });

  it('picks the extension from the content type, or sniffs it', async () => {
    const store = createFileSnapshotStore(dir);
    const base = { source: 's', url: 'https://x.test/', retrievedAt: '2026-01-01T00:00:00Z' };
    expect((await store.save({ ...base, body: 'a,b\n1,2\n', contentType: 'text/csv' })).file).toMatch(
      /\.csv$/,
    );
    expect((await store.save({ ...base, body: 'plain' })).file).toMatch(/\.txt$/);
    expect((await store.save({ ...base, body: '[1]' })).file).toMatch(/\.json$/);
    expect((await store.save({ ...base, body: '<p>' })).file).toMatch(/\.html$/);
  });

  it('refuses a source id that could leave the directory', async () => {
    const store = createFileSnapshotStore(dir);
    const error = await store
      .save({ source: '../escape', url: 'https://x.test/', retrievedAt: '2026-01-01T00:00:00Z', body: 'x' })
      .catch((caught: unknown) => caught);
    expect(TrackerError.is(error) && error.code).toBe('IO_FAILED');
  });

  it('formats timestamps in UTC without separators', () => {
    expect(formatCompactTimestamp('2026-12-31T23:59:59.999Z')).toBe('20261231T235959Z');
  });
});
