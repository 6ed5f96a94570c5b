import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModels } from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import {
  createCurationDataDir,
  readLedger,
  readLedgerText,
  readModel,
  runIn,
} from '../../test-support/curation-data';

describe('tracker add', () => {
  it('records an include entry and rebuilds models.json so the model appears with an estimate', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedger(dataDir);
    const result = await runIn(cwd, [
      'add',
      '--name',
      'Acme One',
      '--developer',
      'Acme AI',
      '--release-date',
      '2025-06-01',
      '--parameters',
      '70B',
      '--tokens',
      '15T',
      '--evidence',
      'https://acme.example/model-card',
      '--by',
      'ana',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout);
    expect(row).toMatchObject({
      name: 'Acme One',
      developer: 'Acme AI',
      status: 'unreviewed',
      method: 'operation-count',
    });
    // 6 × 70e9 parameters × 15e12 tokens
    expect(row.median).toBeCloseTo(6.3e24, -22);
    const ledger = await readLedger(dataDir);
    expect(ledger).toHaveLength(before.length + 1);
    expect(ledger.at(-1)).toMatchObject({
      action: 'include',
      modelId: row.id,
      by: 'ana',
      reason: 'entered by hand',
      origin: 'add',
      evidence: ['https://acme.example/model-card'],
      value: {
        name: 'Acme One',
        developer: 'Acme AI',
        releaseDate: '2025-06-01',
        parameters: 7e10,
        trainingTokens: 1.5e13,
      },
    });
    const models = (await loadModels(dataDir))?.models ?? [];
    // Every scraped model is still there: the rebuild used the data folder's observations.
    expect(models.map((record) => record.id)).toEqual(
      expect.arrayContaining(['openai/gpt-4o', 'xai/grok-3', row.id]),
    );
    expect(models).toHaveLength(7);
    expect((await readModel(dataDir, row.id))?.facts.parameters?.[0]).toMatchObject({
      value: 7e10,
      source: 'ledger',
      url: 'https://acme.example/model-card',
    });
    expect(result.stderr).toMatch(
      new RegExp(`Added ${row.id}: estimate 6\\.30e\\+24 FLOP \\(operation-count\\), status unreviewed`),
    );
  });

  it('with --flop records set-compute with the machine median, and the figure is the estimate of a model confirmed above', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const result = await runIn(cwd, [
      'add',
      '--name',
      'Acme Big',
      '--developer',
      'Acme AI',
      '--parameters',
      '1.76T',
      '--tokens',
      '13T',
      '--flop',
      '2e25',
      '--confidence',
      'likely',
      '--reason',
      'model card states the compute',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout);
    expect(row.status).toBe('confirmed-above');
    const [include, setCompute] = (await readLedger(dataDir)).slice(-2);
    expect(include).toMatchObject({
      action: 'include',
      value: { parameters: 1.76e12, trainingTokens: 1.3e13 },
    });
    expect(setCompute).toMatchObject({
      action: 'set-compute',
      modelId: row.id,
      value: { flop: 2e25, confidence: 'likely' },
      reason: 'model card states the compute',
    });
    // The figure is the model's estimate at once; the machine's (what the ruling records) stays beside it.
    expect(row).toMatchObject({ median: 2e25, method: 'ledger', low: 2e24, high: 2e26 });
    const record = await readModel(dataDir, row.id);
    expect(record?.machineEstimate?.method).toBe('operation-count');
    expect((setCompute as { machineMedian?: number }).machineMedian).toBe(record?.machineEstimate?.median);
    expect(result.stderr).toContain(`Added ${row.id}: estimate 2.00e+25 FLOP (ledger)`);
  });

  it('refuses a model that already exists and points to tracker decide, writing nothing', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['add', '--name', 'GPT-4o', '--developer', 'OpenAI']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error DECISION_INVALID: openai\/gpt-4o already exists; .*tracker decide openai\/gpt-4o/,
    );
    expect(await readLedgerText(dataDir)).toBe(before);
  });

  it('works in an empty data folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-add-empty-'));
    const result = await runIn(cwd, ['add', '--name', 'Solo', '--developer', 'Solo Lab', '--json']);
    expect(result.code).toBe(0);
    expect((await loadModels(join(cwd, 'data')))?.models).toHaveLength(1);
  });

  it.each([
    [[], /give --name N and --developer D \(or run it on a terminal/],
    [['--name', 'Acme'], /give both --name N and --developer D/],
    [
      ['--name', 'Acme', '--developer', 'Acme AI', '--parameters', 'lots'],
      /--parameters: expected a positive number/,
    ],
    [
      ['--name', 'Acme', '--developer', 'Acme AI', '--release-date', '2025-13-01'],
      /--release-date: expected a date/,
    ],
    [['--name', 'Acme', '--developer', 'Acme AI', '--flop', '1e25'], /--flop needs --confidence/],
  ])('%j is a usage error and writes nothing', async (argv, message) => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['add', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await readLedgerText(dataDir)).toBe(before);
  });

  it('asks for each field on a terminal, re-asking on invalid answers', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const answers = [
      '', // name is required
      'Acme Two',
      'Acme AI',
      '2025-13-01', // not a date
      '2025-06',
      '8B',
      '', // active parameters
      'lots', // not a number
      '2T',
      '', // no compute
      'not-a-url',
      'https://acme.example/two',
      'from the model card',
    ];
    const result = await runIn(cwd, ['add', '--json'], { input: `${answers.join('\n')}\n`, isTTY: true });
    expect(result.stderr).toContain('a name is required; try again');
    expect(result.stderr).toContain('expected a date YYYY-MM-DD');
    expect(result.stderr).toContain('expected a positive number like 3.8e25 or 405B, got "lots"');
    expect(result.stderr).toContain('expected an http(s) URL, got "not-a-url"');
    expect(result.code).toBe(0);
    const entry = (await readLedger(dataDir)).at(-1);
    expect(entry).toMatchObject({
      action: 'include',
      reason: 'from the model card',
      evidence: ['https://acme.example/two'],
      value: {
        name: 'Acme Two',
        developer: 'Acme AI',
        releaseDate: '2025-06',
        parameters: 8e9,
        trainingTokens: 2e12,
      },
    });
    expect(entry && 'value' in entry && entry.value).not.toHaveProperty('activeParameters');
  });

  it('records nothing when the input ends before the model is complete', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['add'], { input: 'Acme Three\n', isTTY: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Input ended: nothing was recorded/);
    expect(await readLedgerText(dataDir)).toBe(before);
  });
});
