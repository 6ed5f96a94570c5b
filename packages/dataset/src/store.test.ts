import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LedgerEntry, ReleaseFile } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { createLedgerEntry } from './ledger';
import { acquireLock } from './lock';
import { displayPath } from './paths';
import {
  appendLedger,
  loadLedger,
  loadModels,
  loadObservations,
  loadReleaseFile,
  saveModels,
  saveObservations,
  writeObservationFile,
} from './store';
import { createTempDir, failure, makeModelsFile, makeObservation, makeRecord } from './test-factories';

function entry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return createLedgerEntry({
    modelId: 'openai/gpt-4o',
    action: 'confirm-above',
    by: 'reviewer',
    reason: 'reported by the developer',
    ...overrides,
  } as Parameters<typeof createLedgerEntry>[0]);
}

const snapshot = (retrievedAt: string, sha: string) => ({
  retrievedAt,
  sourceUrl: 'https://example.org/leaderboard',
  sha256: sha.repeat(64).slice(0, 64),
  observationCount: 1,
  origin: 'live' as const,
});

describe('loading validates every file and names file, path and problem', () => {
  it('treats missing optional files as empty', async () => {
    const dir = await createTempDir();
    expect(await loadModels(dir)).toBeNull();
    expect(await loadLedger(dir)).toEqual([]);
    expect(await loadObservations(dir)).toEqual([]);
  });

  it('reports bad JSON in models.json with its position', async () => {
    const dir = await createTempDir();
    await writeFile(path.join(dir, 'models.json'), '{\n  "schemaVersion": 1,\n  "models": [}\n');
    const error = await failure(loadModels(dir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(
      new RegExp(
        `^${displayPath(path.join(dir, 'models.json'))}: line 3, column 14: invalid JSON: unexpected character "}"$`,
      ),
    );
  });

  it('reports a value of the wrong type with its JSON path', async () => {
    const dir = await createTempDir();
    const file = makeModelsFile([makeRecord('openai/gpt-4o', 3e25)]);
    const damaged = JSON.parse(JSON.stringify(file));
    damaged.models[0].estimate.median = 'big';
    await writeFile(path.join(dir, 'models.json'), JSON.stringify(damaged));
    const error = await failure(loadModels(dir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(/models\.json: \$\.models\[0\]\.estimate\.median: .*number/i);
  });

  it('reports a missing field of an observation file', async () => {
    const dir = await createTempDir();
    await mkdir(path.join(dir, 'observations'));
    const file = {
      schemaVersion: 1,
      source: 'lmarena',
      snapshots: [],
      observations: [{ source: 'lmarena', rawName: 'x', retrievedAt: '2026-01-01T00:00:00Z' }],
    };
    await writeFile(path.join(dir, 'observations', 'lmarena.json'), JSON.stringify(file));
    const error = await failure(loadObservations(dir));
    expect(error.message).toMatch(/observations\/lmarena\.json: \$\.observations\[0\]\.sourceUrl: /);
  });

  it('refuses an observation file whose source is not its name', async () => {
    const dir = await createTempDir();
    await mkdir(path.join(dir, 'observations'));
    const file = { schemaVersion: 1, source: 'openrouter', snapshots: [], observations: [] };
    await writeFile(path.join(dir, 'observations', 'lmarena.json'), JSON.stringify(file));
    const error = await failure(loadObservations(dir));
    expect(error.message).toMatch(
      /lmarena\.json: \$\.source: expected "lmarena" \(the file name\), got "openrouter"$/,
    );
  });

  it('reports an invalid ledger line as "line N" with the JSON path', async () => {
    const dir = await createTempDir();
    const good = JSON.stringify(entry());
    const bad = JSON.stringify({ ...entry(), action: 'approve' });
    await writeFile(path.join(dir, 'ledger.jsonl'), `${good}\n\n${bad}\n`);
    const error = await failure(loadLedger(dir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(/ledger\.jsonl: line 3: \$\.action: /);
  });

  it('reports a torn last ledger line instead of dropping it', async () => {
    const dir = await createTempDir();
    const good = JSON.stringify(entry());
    await writeFile(path.join(dir, 'ledger.jsonl'), `${good}\n${JSON.stringify(entry()).slice(0, 40)}`);
    const error = await failure(loadLedger(dir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(
      /ledger\.jsonl: line 2, column 41: invalid JSON: unexpected end of input; the last line has no newline, so an interrupted write may have cut it off/,
    );
    expect(error.details).toMatchObject({ line: 2, torn: true });
  });

  it('accepts a last ledger line without newline when it is complete', async () => {
    const dir = await createTempDir();
    const first = entry();
    await writeFile(path.join(dir, 'ledger.jsonl'), JSON.stringify(first));
    expect(await loadLedger(dir)).toEqual([first]);
  });

  it('refuses duplicate ledger ids and __proto__ keys', async () => {
    const dir = await createTempDir();
    const first = entry();
    await writeFile(path.join(dir, 'ledger.jsonl'), `${JSON.stringify(first)}\n${JSON.stringify(first)}\n`);
    expect((await failure(loadLedger(dir))).message).toMatch(
      /line 2: \$\.id: duplicate id ".*" \(first on line 1\)/,
    );
    const polluted = JSON.stringify(first).replace('{', '{"__proto__":{"admin":true},');
    await writeFile(path.join(dir, 'ledger.jsonl'), `${polluted}\n`);
    expect((await failure(loadLedger(dir))).message).toMatch(
      /ledger\.jsonl: line 1: \$\.__proto__: the key "__proto__" is not allowed/,
    );
  });

  it('loads a release folder and reports a damaged one', async () => {
    const dir = await createTempDir();
    const release: ReleaseFile = {
      schemaVersion: 1,
      date: '2026-02-01',
      generatedAt: '2026-02-01T00:00:00Z',
      threshold: 1e25,
      models: [],
    };
    await mkdir(path.join(dir, 'releases', '2026-02-01'), { recursive: true });
    await writeFile(path.join(dir, 'releases', '2026-02-01', 'models.json'), JSON.stringify(release));
    expect(await loadReleaseFile(path.join(dir, 'releases', '2026-02-01'))).toEqual(release);
    await writeFile(
      path.join(dir, 'releases', '2026-02-01', 'models.json'),
      JSON.stringify({ ...release, date: 'Feb 1' }),
    );
    expect((await failure(loadReleaseFile(path.join(dir, 'releases', '2026-02-01')))).message).toMatch(
      /models\.json: \$\.date: /,
    );
  });
});

describe('saveModels', () => {
  it('writes models sorted by id with stable bytes, and round-trips', async () => {
    const dir = await createTempDir();
    const file = makeModelsFile([
      makeRecord('openai/gpt-4o', 3e25, { aliases: ['b', 'a'] }),
      makeRecord('anthropic/claude-3.5-sonnet', 4e25),
    ]);
    await saveModels(dir, file);
    const text = await readFile(path.join(dir, 'models.json'), 'utf8');
    expect(text.startsWith('{"schemaVersion":2,')).toBe(true);
    const loaded = await loadModels(dir);
    expect(loaded?.models.map((model) => model.id)).toEqual(['anthropic/claude-3.5-sonnet', 'openai/gpt-4o']);
    expect(loaded?.models[1]?.aliases).toEqual(['a', 'b']);
    await saveModels(dir, { ...loaded!, models: [...loaded!.models].reverse() });
    expect(await readFile(path.join(dir, 'models.json'), 'utf8')).toBe(text);
  });

  it('writes the same bytes without the schema check when the caller opts out', async () => {
    const dir = await createTempDir();
    const file = makeModelsFile([
      makeRecord('openai/gpt-4o', 3e25, { aliases: ['b', 'a'] }),
      makeRecord('anthropic/claude-3.5-sonnet', 4e25),
    ]);
    await saveModels(dir, file);
    const checked = await readFile(path.join(dir, 'models.json'), 'utf8');
    await saveModels(dir, file, { validate: false });
    expect(await readFile(path.join(dir, 'models.json'), 'utf8')).toBe(checked);
  });

  it('refuses an invalid file without touching the old one', async () => {
    const dir = await createTempDir();
    await saveModels(dir, makeModelsFile([makeRecord('openai/gpt-4o', 3e25)]));
    const before = await readFile(path.join(dir, 'models.json'), 'utf8');
    const bad = makeModelsFile([makeRecord('openai/gpt-4o', 3e25, { id: 'Not An Id' })]);
    const error = await failure(saveModels(dir, bad));
    expect(error.code).toBe('RECORD_INVALID');
    expect(error.message).toMatch(/models\.json: \$\.models\[0\]\.id: /);
    expect(await readFile(path.join(dir, 'models.json'), 'utf8')).toBe(before);
  });

  it('fails with LOCK_HELD while another holder has the lock, and writes under a lock passed in', async () => {
    const dir = await createTempDir();
    const lock = await acquireLock(dir, { command: 'tracker run' });
    try {
      await saveModels(dir, makeModelsFile([]), { lock });
      expect(await loadModels(dir)).toMatchObject({ models: [] });
    } finally {
      await lock.release();
    }
    const foreign = {
      pid: 1,
      host: 'elsewhere',
      since: '2026-01-01T00:00:00Z',
      command: 'tracker run',
      token: 't',
    };
    await writeFile(path.join(dir, '.lock'), JSON.stringify(foreign));
    const error = await failure(saveModels(dir, makeModelsFile([]), { wait: 0 }));
    expect(error.code).toBe('LOCK_HELD');
    expect(error.message).toContain('locked by pid 1 on host elsewhere');
  });
});

describe('saveObservations', () => {
  const ranked = (asOf: string, value: number, retrievedAt: string) =>
    makeObservation({ rawName: 'GPT-4o', retrievedAt, scores: { 'lmarena-text': { value, asOf } } });

  it('keeps each leaderboard date side by side and skips an identical re-fetch', async () => {
    const dir = await createTempDir();
    const first = await saveObservations(dir, 'lmarena', {
      snapshot: snapshot('2026-01-10T00:00:00Z', 'a'),
      observations: [ranked('2026-01-09', 1300, '2026-01-10T00:00:00Z')],
    });
    expect(first).toMatchObject({ changed: true, added: 1 });
    await saveObservations(dir, 'lmarena', {
      snapshot: snapshot('2026-02-10T00:00:00Z', 'b'),
      observations: [ranked('2026-02-09', 1310, '2026-02-10T00:00:00Z')],
    });
    const text = await readFile(path.join(dir, 'observations', 'lmarena.json'), 'utf8');
    const again = await saveObservations(dir, 'lmarena', {
      snapshot: snapshot('2026-02-11T00:00:00Z', 'b'),
      observations: [ranked('2026-02-09', 1310, '2026-02-11T00:00:00Z')],
    });
    expect(again.changed).toBe(false);
    expect(await readFile(path.join(dir, 'observations', 'lmarena.json'), 'utf8')).toBe(text);
    const [file] = await loadObservations(dir);
    expect(file?.snapshots.map((item) => item.retrievedAt)).toEqual([
      '2026-01-10T00:00:00Z',
      '2026-02-10T00:00:00Z',
    ]);
    expect(file?.observations.map((item) => item.scores?.['lmarena-text']?.asOf)).toEqual([
      '2026-01-09',
      '2026-02-09',
    ]);
  });

  it('refuses observations of another source', async () => {
    const dir = await createTempDir();
    const error = await failure(
      saveObservations(dir, 'lmarena', {
        snapshot: snapshot('2026-01-10T00:00:00Z', 'a'),
        observations: [makeObservation({ rawName: 'x', source: 'openrouter' })],
      }),
    );
    expect(error.code).toBe('RECORD_INVALID');
    expect(error.message).toContain('$[0].source: expected "lmarena", got "openrouter"');
  });

  it('writes a whole file sorted', async () => {
    const dir = await createTempDir();
    const observations = [makeObservation({ rawName: 'b' }), makeObservation({ rawName: 'a' })];
    await writeObservationFile(dir, { schemaVersion: 1, source: 'lmarena', snapshots: [], observations });
    const [file] = await loadObservations(dir);
    expect(file?.observations.map((item) => item.rawName)).toEqual(['a', 'b']);
  });
});

describe('appendLedger', () => {
  it('appends lines, keeping existing bytes, and refuses duplicate ids and unknown supersedes', async () => {
    const dir = await createTempDir();
    const ledgerFile = path.join(dir, 'ledger.jsonl');
    const handWritten = `${JSON.stringify(entry())}`;
    await writeFile(ledgerFile, handWritten);
    const second = entry({ action: 'exclude', reason: 'not a model' } as Partial<LedgerEntry>);
    await appendLedger(dir, [second]);
    const text = await readFile(ledgerFile, 'utf8');
    expect(text.startsWith(`${handWritten}\n{"id":"${second.id}","at":`)).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(await loadLedger(dir)).toHaveLength(2);
    const duplicate = await failure(appendLedger(dir, [second]));
    expect(duplicate.code).toBe('DECISION_INVALID');
    expect(duplicate.message).toContain(`entry id "${second.id}" is already in`);
    const dangling = await failure(appendLedger(dir, [entry({ supersedes: 'nope-nope-nope' })]));
    expect(dangling.message).toContain('supersedes "nope-nope-nope", which is not an earlier entry');
    expect(await readFile(ledgerFile, 'utf8')).toBe(text);
  });

  it('validates entries and names the problem', async () => {
    const dir = await createTempDir();
    const error = await failure(appendLedger(dir, [{ ...entry(), at: 'yesterday' }]));
    expect(error.code).toBe('DECISION_INVALID');
    expect(error.message).toMatch(/^\[ledger\] \$\[0\]\.at: /);
  });

  it('refuses a ruling without a reason and a released lock', async () => {
    const dir = await createTempDir();
    const error = await failure(appendLedger(dir, [{ ...entry(), reason: '' }]));
    expect(error.message).toBe('[ledger] $[0].reason: a confirm-above ruling needs a reason');
    const lock = await acquireLock(dir);
    await lock.release();
    expect((await failure(appendLedger(dir, [entry()], { lock }))).code).toBe('USAGE');
    expect(await loadLedger(dir)).toEqual([]);
  });

  it('refuses to append to a damaged ledger', async () => {
    const dir = await createTempDir();
    await writeFile(path.join(dir, 'ledger.jsonl'), '{"id": "broken');
    expect((await failure(appendLedger(dir, [entry()]))).code).toBe('DATA_INVALID');
    expect(await readFile(path.join(dir, 'ledger.jsonl'), 'utf8')).toBe('{"id": "broken');
  });
});
