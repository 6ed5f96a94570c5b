import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReleaseFile, ReleaseRow } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { curate } from './curate';
import { diffDataDirs, diffModelSets, summarizeRecord, toDiffRow } from './diff';
import { createLedgerEntry } from './ledger';
import { saveModels } from './store';
import { createTempDir, makeModelsFile, makeRecord, testEstimation } from './test-factories';

const dated = (date: string) => ({
  releaseDate: [
    {
      value: date,
      source: 'openrouter',
      url: 'https://openrouter.ai/api/v1/models',
      retrievedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
});

describe('summarizeRecord', () => {
  it('flattens a machine-only record', () => {
    const record = curate(
      [makeRecord('openai/gpt-4o', 3e25, { facts: dated('2024-05-13'), developer: 'OpenAI' })],
      [],
      { estimation: testEstimation, threshold: 1e25 },
    )[0]!;
    expect(summarizeRecord(record)).toEqual({
      id: 'openai/gpt-4o',
      name: 'gpt-4o',
      developer: 'OpenAI',
      releaseDate: '2024-05-13',
      status: 'candidate',
      unreviewed: true,
      flop: 3e25,
      low: 1e25,
      high: 9e25,
      probabilityAbove: 0.9,
      confidence: 'confident',
      method: 'operation-count',
      reason: 'machine estimate by operation-count, P(above) 0.90',
      evidence: [],
    });
  });

  it('shows the human figure of a ruling with its interval, evidence and confidence', () => {
    const entry = createLedgerEntry({
      modelId: 'openai/gpt-4o',
      action: 'set-compute',
      by: 'ana',
      reason: 'developer paper',
      value: { flop: 2e25, confidence: 'likely' },
      evidence: ['https://example.org/paper'],
    });
    const record = curate([makeRecord('openai/gpt-4o', 3e25)], [entry], {
      estimation: testEstimation,
      threshold: 1e25,
    })[0]!;
    expect(summarizeRecord(record, { ledger: [entry] })).toMatchObject({
      status: 'confirmed-above',
      unreviewed: false,
      flop: 2e25,
      // "likely" is ×/÷ 10, as for a reported figure.
      low: 2e24,
      high: 2e26,
      probabilityAbove: record.assessment!.probabilityAbove,
      confidence: 'likely',
      method: 'ledger',
      reason: 'developer paper',
      evidence: ['https://example.org/paper'],
    });
  });
});

describe('diffModelSets', () => {
  it('lists added, removed and changed models with each changed field', () => {
    const before = [makeRecord('a/one', 3e25), makeRecord('a/two', 1e24)];
    const after = [makeRecord('a/one', 6e25), makeRecord('a/three', 2e25)];
    const diff = diffModelSets(before, after);
    expect(diff.added.map((row) => row.id)).toEqual(['a/three']);
    expect(diff.removed.map((row) => row.id)).toEqual(['a/two']);
    expect(diff.changed).toEqual([
      {
        id: 'a/one',
        changes: [
          { field: 'flop', from: 3e25, to: 6e25 },
          { field: 'low', from: 1e25, to: 2e25 },
          { field: 'high', from: 9e25, to: 1.8e26 },
        ],
      },
    ]);
    expect(diffModelSets(before, before)).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('diffDataDirs', () => {
  it('compares a data folder with a release folder', async () => {
    const dir = await createTempDir();
    await saveModels(dir, makeModelsFile([makeRecord('a/one', 3e25), makeRecord('a/two', 2e25)]));
    const rows: ReleaseRow[] = [makeRecord('a/one', 3e25)].map((record) => ({
      ...summarizeRecord(record),
      status: 'confirmed-above',
    }));
    const release: ReleaseFile = {
      schemaVersion: 1,
      date: '2026-02-01',
      generatedAt: '2026-02-01T00:00:00Z',
      threshold: 1e25,
      models: rows,
    };
    const releaseDir = path.join(dir, 'releases', '2026-02-01');
    await mkdir(releaseDir, { recursive: true });
    await writeFile(path.join(releaseDir, 'models.json'), JSON.stringify(release));
    const diff = await diffDataDirs(releaseDir, dir);
    expect(diff.added.map((row) => row.id)).toEqual(['a/two']);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      { id: 'a/one', changes: [{ field: 'status', from: 'confirmed-above', to: 'candidate' }] },
    ]);
    expect(toDiffRow(rows[0]!)).not.toHaveProperty('reason');
  });

  it('names the damaged file', async () => {
    const dir = await createTempDir();
    await writeFile(
      path.join(dir, 'models.json'),
      JSON.stringify({ schemaVersion: 1, date: '2026-02-01', models: 'none' }),
    );
    await expect(diffDataDirs(dir, dir)).rejects.toThrow(/models\.json: \$\.generatedAt: /);
  });
});

describe('summarizeRecord after an include ruling', () => {
  it('still counts the model as unreviewed on the threshold', () => {
    const include = createLedgerEntry({
      modelId: 'acme/big',
      action: 'include',
      by: 'ana',
      reason: 'announced model',
    });
    const record = curate([makeRecord('acme/big', 3e25)], [include], {
      estimation: testEstimation,
      threshold: 1e25,
    })[0]!;
    expect(summarizeRecord(record)).toMatchObject({
      status: 'candidate',
      unreviewed: true,
      reason: 'announced model',
    });
  });
});
