import { describe, expect, it, vi } from 'vitest';
import {
  createCurationDataDir,
  readLedger,
  readLedgerText,
  readModel,
  runIn,
} from '../../test-support/curation-data';

// The OS account is the last fallback for who decides; a test can make it unavailable.
const { userInfo } = vi.hoisted(() => ({ userInfo: vi.fn<() => { username: string }>() }));
vi.mock('node:os', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:os')>();
  userInfo.mockImplementation(() => actual.userInfo());
  return { ...actual, userInfo };
});

describe('tracker decide', () => {
  it('records a confirmation with the compute and the machine median, and re-curates models.json', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedger(dataDir);
    const result = await runIn(cwd, [
      'decide',
      'openai/gpt-4o',
      '--above',
      '--reason',
      'Epoch estimate, likely',
      '--flop',
      '38e24',
      '--confidence',
      'likely',
      '--evidence',
      'https://epoch.ai/data/notable-ai-models',
      '--by',
      'ana',
      '--json',
    ]);
    expect(result.stderr).toContain('openai/gpt-4o: candidate → confirmed-above');
    expect(result.code).toBe(0);
    const entry = JSON.parse(result.stdout);
    expect(entry).toMatchObject({
      action: 'confirm-above',
      modelId: 'openai/gpt-4o',
      by: 'ana',
      reason: 'Epoch estimate, likely',
      value: { flop: 3.8e25, confidence: 'likely' },
      machineMedian: 3.8e25,
      evidence: ['https://epoch.ai/data/notable-ai-models'],
      origin: 'cli',
    });
    expect(Object.keys(entry.value).sort()).toEqual(['confidence', 'flop']);
    const after = await readLedger(dataDir);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual(entry);
    const record = await readModel(dataDir, 'openai/gpt-4o');
    expect(record?.curation).toMatchObject({
      status: 'confirmed-above',
      ruling: { flop: 3.8e25, by: 'ana' },
    });
    // The machine output is untouched: the human figure lives in the curation only.
    expect(record?.estimate?.median).toBe(3.8e25);
  });

  it('finds a model by its name, excludes it and prints a one-line table', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const result = await runIn(cwd, ['decide', 'grok 3', '--exclude', '--reason', 'duplicate listing']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+model\s+action/);
    expect(lines.slice(1).join(' ')).toMatch(/xai\/grok-3\s+exclude/);
    expect((await readLedger(dataDir)).at(-1)).toMatchObject({
      action: 'exclude',
      modelId: 'xai/grok-3',
      by: 'tester',
      machineMedian: 4.6e26,
    });
    expect((await readModel(dataDir, 'xai/grok-3'))?.curation?.status).toBe('excluded');
  });

  it('records confirm-below without a figure', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const result = await runIn(cwd, [
      'decide',
      'GPT-4o',
      '--below',
      '--reason',
      'smaller than thought',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const entry = JSON.parse(result.stdout);
    expect(entry.action).toBe('confirm-below');
    expect(entry).not.toHaveProperty('value');
    expect((await readModel(dataDir, 'openai/gpt-4o'))?.curation?.status).toBe('confirmed-below');
  });

  it('fails with NOT_FOUND and suggestions for an unknown model, writing nothing', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['decide', 'gpt', '--above', '--reason', 'x']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error NOT_FOUND: no model "gpt"; did you mean openai\/gpt-4o/);
    expect(await readLedgerText(dataDir)).toBe(before);
  });

  it.each([
    [['openai/gpt-4o', '--reason', 'x'], /say what you decide: --above, --below or --exclude/],
    [['openai/gpt-4o', '--above', '--below', '--reason', 'x'], /choose one of --above, --below, --exclude/],
    [['openai/gpt-4o', '--above'], /--reason TEXT is required/],
    [['openai/gpt-4o', '--above', '--reason', '  '], /--reason TEXT is required/],
    [['openai/gpt-4o', '--above', '--reason', 'x', '--flop', '3e25'], /--flop needs --confidence/],
    [
      ['openai/gpt-4o', '--above', '--reason', 'x', '--confidence', 'likely'],
      /--confidence goes with --flop/,
    ],
    [
      ['openai/gpt-4o', '--exclude', '--reason', 'x', '--flop', '3e25', '--confidence', 'likely'],
      /--flop cannot go with --exclude/,
    ],
    [
      ['openai/gpt-4o', '--above', '--reason', 'x', '--flop', 'lots', '--confidence', 'likely'],
      /--flop: expected a positive number/,
    ],
    [
      ['openai/gpt-4o', '--above', '--reason', 'x', '--flop', '3e25', '--confidence', 'sure'],
      /--confidence: expected confident, likely, speculative/,
    ],
    [
      ['openai/gpt-4o', '--above', '--reason', 'x', '--evidence', 'javascript:alert(1)'],
      /expected an http\(s\) URL/,
    ],
    [['--above', '--reason', 'x'], /expected MODEL/],
  ])('%j is a usage error (exit 2) and writes nothing', async (argv, message) => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['decide', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage: tracker decide/);
    expect(await readLedgerText(dataDir)).toBe(before);
  });

  it('falls back to the OS account when $USER is unset, records it and says so', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    userInfo.mockImplementationOnce(() => ({ username: 'container-user' }));
    const result = await runIn(
      cwd,
      ['decide', 'openai/gpt-4o', '--above', '--flop', '3.8e25', '--confidence', 'likely', '--reason', 'x'],
      { env: { USER: undefined, USERNAME: undefined } },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Recording decisions as "container-user" (the OS account');
    expect((await readLedger(dataDir)).at(-1)).toMatchObject({
      by: 'container-user',
      action: 'confirm-above',
    });
    // --by and $USER still come first.
    const named = await runIn(cwd, ['decide', 'openai/gpt-4o', '--below', '--reason', 'y', '--by', 'ana'], {
      env: { USER: undefined },
    });
    expect(named.code).toBe(0);
    expect(named.stderr).not.toContain('OS account');
    expect((await readLedger(dataDir)).at(-1)).toMatchObject({ by: 'ana' });
  });

  it("shows the figure as the model's estimate, with the machine's beside it", async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readModel(dataDir, 'openai/gpt-4o');
    const decided = await runIn(cwd, [
      'decide',
      'openai/gpt-4o',
      '--above',
      '--flop',
      '3.8e25',
      '--confidence',
      'likely',
      '--reason',
      'Epoch: 3.8e25, likely',
    ]);
    expect(decided.code, decided.stderr).toBe(0);
    const query = await runIn(cwd, ['query', '--search', 'gpt-4o', '--format', 'json']);
    const rows = JSON.parse(query.stdout) as { id: string; median: number; method: string }[];
    expect(rows.find((row) => row.id === 'openai/gpt-4o')).toMatchObject({
      median: 3.8e25,
      method: 'ledger',
    });
    const explained = await runIn(cwd, ['explain', 'openai/gpt-4o']);
    expect(explained.stdout).toContain('median 3.80e25, 90% interval 3.80e24 – 3.80e26');
    expect(explained.stdout).toContain('Machine estimate (kept beside the ruling');
    expect(explained.stdout).toContain(
      `median ${before!.estimate!.median.toExponential(2).replace('e+', 'e')}`,
    );
    // A later decision records the machine's median, not the figure now shown as the estimate.
    const again = await runIn(cwd, ['decide', 'openai/gpt-4o', '--above', '--reason', 'still above']);
    expect(again.code, again.stderr).toBe(0);
    expect((await readLedger(dataDir)).at(-1)).toMatchObject({ machineMedian: before!.estimate!.median });
  });

  it('needs to know who decides when there is no name at all', async () => {
    const { cwd } = await createCurationDataDir();
    userInfo.mockImplementationOnce(() => {
      throw new Error('no passwd entry');
    });
    const result = await runIn(cwd, ['decide', 'openai/gpt-4o', '--above', '--reason', 'x'], {
      env: { USER: undefined, USERNAME: undefined },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--by NAME/);
  });
});
