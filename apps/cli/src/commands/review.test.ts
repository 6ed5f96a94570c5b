import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createCurationDataDir,
  readLedger,
  readLedgerText,
  readModel,
  runIn,
} from '../../test-support/curation-data';

const lines = (...answers: string[]) => `${answers.join('\n')}\n`;

describe('tracker review (answers from a pipe)', () => {
  it('shows each candidate with its evidence and saves each decision as it is made', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedger(dataDir);
    const input = lines(
      // 1. Grok 3: confirm above, no evidence
      'a',
      'xAI reported the cluster',
      '',
      // 2. GPT-4o: skip
      's',
      // 3. Claude 3.5 Sonnet: set compute, with a bad figure first
      'c',
      'lots',
      '5e24',
      'sure',
      'speculative',
      'cluster size over training time',
      'https://www.anthropic.com/news/claude-3-5-sonnet',
    );
    const result = await runIn(cwd, ['review', '--by', 'ana'], { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('note: stdin is not a terminal; reading the answers line by line.');
    // The card: facts with sources, scores with snapshot dates, each method with its arithmetic, the probability.
    expect(result.stderr).toContain('[1/3] Grok 3 (xai/grok-3)');
    expect(result.stderr).toMatch(
      /reportedCompute: flop 4\.6e26, confidence likely {2}\(epoch, https:\/\/epoch\.ai\/data\/notable_ai_models\.csv, 2026-03-01\)/,
    );
    expect(result.stderr).toMatch(
      /lmarena-text: 1285 on the 2026-03-29 snapshot {2}\(lmarena, https:\/\/lmarena\.ai/,
    );
    expect(result.stderr).toMatch(/Estimate: 4\.6e26 FLOP, 90% \S+–\S+ \(reported, \w+\)/);
    expect(result.stderr).toMatch(/P\(compute > 1\.0e25\) = 1\.00 → above/);
    expect(result.stderr).toMatch(/flagged: machine median moved from 8\.00e\+24/);
    expect(result.stderr).toContain('expected a positive number like 3.8e25 or 405B, got "lots"; try again');
    expect(result.stderr).toContain('expected confident, likely, speculative, got "sure"; try again');
    expect(result.stderr).toContain('saved: xai/grok-3 is now confirmed-above');
    expect(result.stderr).toMatch(/Decided 2, skipped 1\.\n$/);

    const added = (await readLedger(dataDir)).slice(before.length);
    expect(added).toHaveLength(2);
    expect(added[0]).toMatchObject({
      action: 'confirm-above',
      modelId: 'xai/grok-3',
      by: 'ana',
      reason: 'xAI reported the cluster',
      evidence: [],
      origin: 'review',
      machineMedian: 4.6e26,
    });
    expect(added[0]).not.toHaveProperty('value');
    expect(added[1]).toMatchObject({
      action: 'set-compute',
      modelId: 'anthropic/claude-3.5-sonnet',
      value: { flop: 5e24, confidence: 'speculative' },
      evidence: ['https://www.anthropic.com/news/claude-3-5-sonnet'],
      machineMedian: 3.6e25,
    });
    expect((await readModel(dataDir, 'openai/gpt-4o'))?.curation?.status).toBe('candidate');
    expect((await readModel(dataDir, 'anthropic/claude-3.5-sonnet'))?.curation).toMatchObject({
      status: 'confirmed-below',
      needsReview: false,
    });
  });

  it('records nothing for skips', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['review'], { input: lines('s', 's', 's') });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Decided 0, skipped 3\.\n$/);
    expect(await readLedgerText(dataDir)).toBe(before);
  });

  it('stops at q, keeping what was decided before', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedger(dataDir);
    const result = await runIn(cwd, ['review'], {
      input: lines('x', 'test entry', '', 'q', 'a', 'never read', ''),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('[3/3]');
    expect(result.stderr).toMatch(/Decided 1, skipped 0, 2 left for later\.\n$/);
    const added = (await readLedger(dataDir)).slice(before.length);
    expect(added.map((entry) => entry.action)).toEqual(['exclude']);
  });

  it('quits cleanly when the input ends, even in the middle of a decision', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedgerText(dataDir);
    const result = await runIn(cwd, ['review'], { input: lines('a', 'the cluster size') });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Decided 0, skipped 0, 3 left for later\.\n$/);
    expect(await readLedgerText(dataDir)).toBe(before);
  });

  it('asks the reason before the evidence, re-asks on an unknown key, an empty reason or a bad URL, and honours --limit', async () => {
    const { cwd, dataDir } = await createCurationDataDir();
    const result = await runIn(cwd, ['review', '--limit', '1'], {
      input: lines('maybe', 'b', '', 'smaller cluster', 'ftp://nope', 'a smaller cluster than claimed', ''),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('answer a, b, x, c, s or q');
    expect(result.stderr.indexOf('Reason: ')).toBeLessThan(result.stderr.indexOf('Evidence URL'));
    expect(result.stderr).toContain('a reason is required; try again');
    expect(result.stderr).toContain('got "ftp://nope"; try again');
    // The error quotes everything typed, not only the first word.
    expect(result.stderr).toContain('got "a smaller cluster than claimed"; try again');
    expect(result.stderr).not.toContain('[2/');
    expect((await readLedger(dataDir)).at(-1)).toMatchObject({
      action: 'confirm-below',
      modelId: 'xai/grok-3',
      reason: 'smaller cluster',
      by: 'tester',
    });
  });

  it('says when nothing awaits a decision', async () => {
    const { cwd } = await createCurationDataDir();
    for (const model of ['xai/grok-3', 'openai/gpt-4o', 'anthropic/claude-3.5-sonnet']) {
      await runIn(cwd, ['decide', model, '--exclude', '--reason', 'x']);
    }
    const result = await runIn(cwd, ['review'], { input: '' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Nothing awaits a decision.\n');
  });
});

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasScript)
  console.warn(
    '[review.test] the `script` command (util-linux) is missing: the real-terminal test is skipped',
  );

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

describe.skipIf(!hasScript)('tracker review under a real pseudo-terminal', () => {
  it('reads the answers typed at the prompt and saves them in the ledger', async () => {
    if (!existsSync(BIN)) {
      throw new Error(`${BIN} is missing: build the CLI first (npx tsup in apps/cli, or pnpm build)`);
    }
    const { cwd, dataDir } = await createCurationDataDir();
    const before = await readLedger(dataDir);
    // Each answer is typed only once its prompt is on the screen, as a person would.
    const script: [prompt: string, answer: string][] = [
      ['[a]bove [b]elow', 'a'],
      ['Reason: ', 'confirmed at the terminal'],
      ['Evidence URL', ''],
      ['[a]bove [b]elow', 'x'],
      ['Reason: ', 'duplicate listing'],
      ['Evidence URL', 'https://example.com/duplicate'],
    ];
    const command = `${quote(process.execPath)} ${quote(BIN)} review --data-dir ${quote(dataDir)} --by pty-tester --limit 2`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let cursor = 0;
    let step = 0;
    const onData = (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      while (step < script.length) {
        const [prompt, answer] = script[step]!;
        const found = screen.indexOf(prompt, cursor);
        if (found === -1) break;
        cursor = found + prompt.length;
        step++;
        child.stdin.write(`${answer}\r`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // Cleanup only, not an assertion: a prompt that never comes must not leave the child running.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    child.stdin.end();
    expect(screen).not.toContain('not a terminal');
    expect(step).toBe(script.length);
    expect(screen).toContain('Decided 2, skipped 0.');
    expect(code).toBe(0);
    const added = (await readLedger(dataDir)).slice(before.length);
    expect(added).toMatchObject([
      {
        action: 'confirm-above',
        modelId: 'xai/grok-3',
        by: 'pty-tester',
        reason: 'confirmed at the terminal',
        origin: 'review',
      },
      {
        action: 'exclude',
        modelId: 'openai/gpt-4o',
        reason: 'duplicate listing',
        evidence: ['https://example.com/duplicate'],
      },
    ]);
  }, 300_000);
});
