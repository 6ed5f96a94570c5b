import { describe, expect, it } from 'vitest';
import { mergeObservationSnapshot, observationSnapshotKey } from './observations';
import { makeObservation } from './test-factories';

const snapshot = (retrievedAt: string, sha?: string) => ({
  retrievedAt,
  sourceUrl: 'https://example.org/leaderboard',
  ...(sha ? { sha256: sha.repeat(64).slice(0, 64) } : {}),
  observationCount: 1,
  origin: 'live' as const,
});

describe('mergeObservationSnapshot', () => {
  it('starts a file from the first snapshot', () => {
    const observation = makeObservation({ rawName: 'GPT-4o' });
    const result = mergeObservationSnapshot(null, snapshot('2026-01-10T00:00:00.000Z', 'a'), [observation]);
    expect(result).toMatchObject({ changed: true, added: 1, replaced: 0 });
    expect(result.file).toEqual({
      schemaVersion: 1,
      source: 'lmarena',
      snapshots: [snapshot('2026-01-10T00:00:00.000Z', 'a')],
      observations: [observation],
    });
  });

  it('keeps observations of different leaderboard dates and replaces a re-read of the same date', () => {
    const january = makeObservation({
      rawName: 'GPT-4o',
      scores: { 'lmarena-text': { value: 1300, asOf: '2026-01-09' } },
    });
    const first = mergeObservationSnapshot(null, snapshot('2026-01-10T00:00:00.000Z', 'a'), [january]).file;
    const february = makeObservation({
      rawName: 'GPT-4o',
      retrievedAt: '2026-02-10T00:00:00.000Z',
      scores: { 'lmarena-text': { value: 1310, asOf: '2026-02-09' } },
    });
    const second = mergeObservationSnapshot(first, snapshot('2026-02-10T00:00:00.000Z', 'b'), [february]);
    expect(second).toMatchObject({ added: 1, replaced: 0 });
    expect(second.file.observations).toEqual([january, february]);
    const corrected = {
      ...february,
      retrievedAt: '2026-02-11T00:00:00.000Z',
      scores: { 'lmarena-text': { value: 1311, asOf: '2026-02-09' } },
    };
    const third = mergeObservationSnapshot(second.file, snapshot('2026-02-11T00:00:00.000Z', 'c'), [
      corrected,
    ]);
    expect(third).toMatchObject({ added: 0, replaced: 1 });
    expect(third.file.observations).toEqual([january, corrected]);
    expect(third.file.snapshots).toHaveLength(3);
  });

  it('lets the newest fetch of an undated source replace the older observation', () => {
    const old = makeObservation({ source: 'openrouter', rawName: 'gpt-4o', contextLength: 8000 });
    const file = mergeObservationSnapshot(null, snapshot('2026-01-10T00:00:00.000Z'), [old]).file;
    const newer = { ...old, retrievedAt: '2026-03-01T00:00:00.000Z', contextLength: 128000 };
    const merged = mergeObservationSnapshot(file, snapshot('2026-03-01T00:00:00.000Z'), [newer]);
    expect(merged.file.observations).toEqual([newer]);
    const stale = mergeObservationSnapshot(merged.file, snapshot('2025-12-01T00:00:00.000Z'), [
      { ...old, retrievedAt: '2025-12-01T00:00:00.000Z' },
    ]);
    expect(stale).toMatchObject({ ignored: 1 });
    expect(stale.file.observations).toEqual([newer]);
  });

  it('changes nothing for a payload it has already stored', () => {
    const observation = makeObservation({ rawName: 'GPT-4o' });
    const file = mergeObservationSnapshot(null, snapshot('2026-01-10T00:00:00.000Z', 'a'), [
      observation,
    ]).file;
    const again = mergeObservationSnapshot(file, snapshot('2026-01-11T00:00:00.000Z', 'a'), [
      { ...observation, retrievedAt: '2026-01-11T00:00:00.000Z' },
    ]);
    expect(again.changed).toBe(false);
    expect(again.file).toBe(file);
  });

  it('sorts observations by name then time and validates them', () => {
    const file = mergeObservationSnapshot(null, snapshot('2026-01-10T00:00:00.000Z'), [
      makeObservation({ rawName: 'b' }),
      makeObservation({ rawName: 'a', retrievedAt: '2026-01-11T00:00:00.000Z' }),
    ]).file;
    expect(file.observations.map((item) => item.rawName)).toEqual(['a', 'b']);
    expect(() =>
      mergeObservationSnapshot(null, snapshot('2026-01-10T00:00:00.000Z'), [
        makeObservation({ rawName: 'x', sourceUrl: 'not a url' }),
      ]),
    ).toThrow(/observations of lmarena: \$\[0\]\.sourceUrl: /);
  });

  it('reports names that occur twice for the same date within one snapshot', () => {
    const result = mergeObservationSnapshot(null, snapshot('2026-01-10T00:00:00.000Z'), [
      makeObservation({ rawName: 'twin', contextLength: 1 }),
      makeObservation({ rawName: 'twin', contextLength: 2 }),
      makeObservation({ rawName: 'single' }),
    ]);
    expect(result.duplicateNames).toEqual(['twin']);
    expect(result.file.observations.map((item) => item.contextLength)).toEqual([undefined, 2]);
  });

  it('dates an observation by its latest score snapshot', () => {
    const observation = makeObservation({
      rawName: 'x',
      scores: { a: { value: 1, asOf: '2026-01-01' }, b: { value: 2, asOf: '2026-01-03' } },
    });
    expect(observationSnapshotKey(observation)).toBe('x\u00002026-01-03');
  });
});
