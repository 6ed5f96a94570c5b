import { describe, expect, it } from 'vitest';
import {
  createCurationDataDir,
  readLedger,
  readLedgerText,
  readModel,
  runIn,
} from '../../test-support/curation-data';

interface DeveloperRow {
  developer: string;
  models: number;
  above: number;
  bestMedian: number | null;
  bestModel: string | null;
  capacity: string | null;
  noteReason: string | null;
}

async function list(cwd: string): Promise<DeveloperRow[]> {
  const result = await runIn(cwd, ['developers', '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('tracker developers', () => {
  it('lists each developer with its counts and best estimate, largest first', async () => {
    const { cwd } = await createCurationDataDir();
    const rows = await list(cwd);
    expect(rows.map((row) => row.developer)).toEqual([
      'xAI',
      'OpenAI',
      'Meta AI',
      'Anthropic',
      'Google DeepMind',
      '(unknown)',
    ]);
    expect(rows[0]).toMatchObject({
      models: 1,
      above: 1,
      bestMedian: 4.6e26,
      bestModel: 'xai/grok-3',
      capacity: null,
    });
    // A confirmed-below ruling is not counted over the threshold even though the machine now says above.
    expect(rows.find((row) => row.developer === 'Anthropic')).toMatchObject({ models: 1, above: 0 });
    expect(rows.find((row) => row.developer === 'Google DeepMind')).toMatchObject({
      above: 0,
      bestModel: 'google/gemma-2-9b',
    });
    expect(rows.at(-1)).toMatchObject({
      developer: '(unknown)',
      models: 1,
      bestMedian: null,
      bestModel: null,
    });
    const table = await runIn(cwd, ['developers']);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^developer\s+models\s+over threshold\s+best median\s+best model/,
    );
    expect(table.stdout).toMatch(/xAI\s+1\s+1\s+4\.6e26\s+xai\/grok-3/);
  });

  it('records a capacity note under the spelling the records use, shows it, and the estimate carries it as evidence only', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const medianBefore = (await readModel(dataDir, 'google/gemma-2-9b'))?.estimate?.median;
    const result = await runIn(cwd, [
      'developers',
      'google deepmind',
      '--capacity',
      'frontier-lab',
      '--reason',
      'runs large pretraining clusters',
      '--evidence',
      'https://deepmind.google/',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      action: 'developer-note',
      developer: 'Google DeepMind',
      value: { capacity: 'frontier-lab' },
      reason: 'runs large pretraining clusters',
      evidence: ['https://deepmind.google/'],
      by: 'tester',
    });
    expect((await readLedger(dataDir)).at(-1)).toMatchObject({
      action: 'developer-note',
      developer: 'Google DeepMind',
    });
    const row = (await list(cwd)).find((entry) => entry.developer === 'Google DeepMind');
    expect(row).toMatchObject({ capacity: 'frontier-lab', noteReason: 'runs large pretraining clusters' });
    const one = await runIn(cwd, ['developers', 'Google DeepMind']);
    expect(one.stdout).toContain('frontier-lab');
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(3); // heading, rule, one row

    // A rebuild (here through `tracker add`) shows the note in the estimates of that developer, without changing them.
    expect((await runIn(cwd, ['add', '--name', 'Other Model', '--developer', 'Somebody'])).code).toBe(0);
    const gemma = await readModel(dataDir, 'google/gemma-2-9b');
    expect(gemma?.estimate?.median).toBe(medianBefore);
    expect(gemma?.estimate?.notes?.join(' ')).toContain('frontier-lab');
  });

  it('warns about a developer no model has yet but keeps the note, listed with no models', async () => {
    const { cwd } = await createCurationDataDir();
    const result = await runIn(cwd, [
      'developers',
      'Acme AI',
      '--capacity',
      'fine-tunes-only',
      '--reason',
      'no cluster',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no model has the developer "Acme AI" yet/);
    expect((await list(cwd)).find((row) => row.developer === 'Acme AI')).toMatchObject({
      models: 0,
      capacity: 'fine-tunes-only',
    });
  });

  it.each([
    [['--capacity', 'fine-tunes-only', '--reason', 'x'], /--capacity needs the DEVELOPER/],
    [['OpenAI', '--capacity', 'frontier-lab'], /--reason TEXT is required with --capacity/],
    [['OpenAI', '--reason', 'x'], /--reason goes with DEVELOPER --capacity/],
    [['OpenAI', '--capacity', 'x', '--reason', 'y', '--evidence', 'nope'], /expected an http\(s\) URL/],
  ])('%j is a usage error and writes nothing', async (argv, message) => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['developers', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await readLedgerText(dataDir)).toBe(before);
  });

  it('says so when a named developer is unknown', async () => {
    const { cwd } = await createCurationDataDir();
    const result = await runIn(cwd, ['developers', 'Nobody Inc']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error NOT_FOUND: no developer "Nobody Inc"/);
  });
});
