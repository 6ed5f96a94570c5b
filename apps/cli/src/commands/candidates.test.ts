import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCurationDataDir, runIn } from '../../test-support/curation-data';

const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((row) => row.id);

describe('tracker candidates', () => {
  it('lists candidates and flagged rulings, most likely over the threshold first, with the evidence', async () => {
    const { cwd } = await createCurationDataDir();
    const result = await runIn(cwd, ['candidates', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout);
    // Llama is confirmed and not flagged; Gemma and the unestimated model are below or unknown.
    expect(rows.map((row: { id: string }) => row.id)).toEqual([
      'xai/grok-3',
      'openai/gpt-4o',
      'anthropic/claude-3.5-sonnet',
    ]);
    const probabilities = rows.map((row: { probabilityAbove: number }) => row.probabilityAbove);
    expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
    const claude = rows[2];
    expect(claude.status).toBe('confirmed-below');
    expect(claude.flagged).toMatch(/machine median moved from 8\.00e\+24 to 3\.60e\+25/);
    expect(claude.ruling).toMatchObject({ action: 'confirm-below', by: 'analyst' });
    // JSON keeps the full estimate with each method's arithmetic.
    expect(rows[0].estimate.components[0].reasoning).toEqual(expect.any(String));
    expect(rows[0].sources).toEqual(['epoch']);
    expect(rows[1].sources).toEqual(['epoch', 'lmarena']);
    expect(rows[0].links).toContain('https://epoch.ai/data/notable_ai_models.csv');
    expect(result.stderr).toMatch(/3 awaiting a decision/);
  });

  it('prints a table with short evidence and the needs-review reason, and the other formats', async () => {
    const { cwd } = await createCurationDataDir();
    const table = await runIn(cwd, ['candidates'], {});
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+developer\s+released\s+P\(>thr\)\s+median/);
    expect(lines[1]).toMatch(/^─+\s+─+/);
    expect(lines[2]).toMatch(/^xai\/grok-3\s+Grok 3\s+xAI\s+2025-02-17\s+1\.00\s+4\.6e26/);
    expect(table.stdout).toContain('sources: epoch');
    const csv = await runIn(cwd, ['candidates', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'id,name,developer,releaseDate,probabilityAbove,median,low,high,method,confidence,evidence,flagged',
    );
    expect(csv.stdout.split('\r\n')).toHaveLength(5);
    const jsonl = await runIn(cwd, ['candidates', '--format', 'jsonl']);
    expect(jsonl.stdout.trimEnd().split('\n')).toHaveLength(3);
    const markdown = await runIn(cwd, ['candidates', '--format', 'markdown']);
    expect(markdown.stdout.split('\n')[1]).toMatch(/^\| --- \|/);
  });

  it('--limit keeps the first N and says how many there are', async () => {
    const { cwd } = await createCurationDataDir();
    const result = await runIn(cwd, ['candidates', '--limit', '1', '--json']);
    expect(ids(result.stdout)).toEqual(['xai/grok-3']);
    expect(result.stderr).toMatch(/3 awaiting a decision \(1 shown\)/);
    for (const bad of ['0', '1.5', 'many']) {
      const refused = await runIn(cwd, ['candidates', '--limit', bad]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--limit: expected a whole number/);
    }
  });

  it('no longer lists a model once it is decided, and lists a flagged ruling until it is confirmed again', async () => {
    const { cwd } = await createCurationDataDir();
    expect((await runIn(cwd, ['decide', 'openai/gpt-4o', '--above', '--reason', 'reported'])).code).toBe(0);
    expect(ids((await runIn(cwd, ['candidates', '--json'])).stdout)).toEqual([
      'xai/grok-3',
      'anthropic/claude-3.5-sonnet',
    ]);
    expect(
      (await runIn(cwd, ['decide', 'anthropic/claude-3.5-sonnet', '--above', '--reason', 'estimate moved']))
        .code,
    ).toBe(0);
    expect(ids((await runIn(cwd, ['candidates', '--json'])).stdout)).toEqual(['xai/grok-3']);
    await runIn(cwd, ['decide', 'xai/grok-3', '--exclude', '--reason', 'x']);
    const empty = await runIn(cwd, ['candidates', '--json']);
    expect(JSON.parse(empty.stdout)).toEqual([]);
    expect(empty.stderr).toMatch(/Nothing awaits a decision/);
  });

  it('fails clearly without models.json', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-candidates-empty-'));
    const result = await runIn(cwd, ['candidates']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error NOT_FOUND: .*no models\.json and no observations/);
  });
});
