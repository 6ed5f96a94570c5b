import { appendLedger, loadLedger, loadModels } from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../test-support/e2e-data';

describe('tracker duplicates and tracker alias', () => {
  it('lists suggestions as rows with a merge command', async () => {
    const { cli } = await createWorkspace();
    const result = await cli(['duplicates', '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { keep: string; merge: string; command: string }[];
    for (const row of rows) expect(row.command).toMatch(/^tracker alias \S+/);
    expect(result.stderr).toMatch(/possible duplicates/);
  });

  it('merges a name into a model, then undoes it, keeping both decisions in the ledger', async () => {
    const { cli, dataDir } = await createWorkspace();
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const before = (await loadModels(dataDir))!.models;
    const [target, other] = before;
    const merged = await cli(['alias', other!.name, target!.id, '--reason', 'same model under two names']);
    expect(merged.code, merged.stderr).toBe(0);
    const after = (await loadModels(dataDir))!.models;
    const otherNames = other!.observations.map((ref) => ref.rawName);
    expect(after.find((record) => record.id === other!.id)).toBeUndefined();
    expect(after.find((record) => record.id === target!.id)!.observations.map((ref) => ref.rawName)).toEqual(
      expect.arrayContaining(otherNames),
    );
    expect(after).toHaveLength(before.length - 1);
    const undone = await cli([
      'alias',
      other!.name,
      target!.id,
      '--remove',
      '--reason',
      'they differ after all',
    ]);
    expect(undone.code, undone.stderr).toBe(0);
    const ledger = await loadLedger(dataDir);
    expect(new Set(ledger.map((entry) => entry.action))).toEqual(new Set(['alias', 'unalias']));
    expect((await loadModels(dataDir))!.models.map((record) => record.id)).toContain(other!.id);
  });

  it('carries the rulings of the merged model to the survivor, flags a conflict and says so', async () => {
    const { cli, dataDir } = await createWorkspace();
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const [target, other] = (await loadModels(dataDir))!.models;
    const ruled = async (id: string, flag: string, by: string) => {
      const result = await cli(['decide', id, flag, '--reason', `${by} checked`, '--by', by]);
      expect(result.code, result.stderr).toBe(0);
    };
    await ruled(other!.id, '--above', 'ana');
    await ruled(target!.id, '--below', 'bo');
    const merged = await cli(['alias', other!.name, target!.id, '--reason', 'same model', '--by', 'cy']);
    expect(merged.code, merged.stderr).toBe(0);
    // A table like decide's, one row per name moved.
    expect(merged.stdout).toMatch(/^id\s+model\s+action\s+flop\s+confidence\s+by\s+reason/);
    expect(merged.stdout).toMatch(new RegExp(`${target!.id}\\s+alias`));
    expect(merged.stderr).toContain(`${target!.id} needs review: rulings disagree after a merge`);
    expect(merged.stderr).toContain(`${target!.id} now carries the rulings made on ${other!.id}.`);
    const survivor = (await loadModels(dataDir))!.models.find((record) => record.id === target!.id)!;
    const rulings = [survivor.curation!.ruling!, ...(survivor.curation!.otherRulings ?? [])];
    expect(rulings.map((ruling) => [ruling.action, ruling.by, ruling.carriedFrom])).toEqual([
      ['confirm-below', 'bo', undefined],
      ['confirm-above', 'ana', other!.id],
    ]);
    expect(survivor.curation!.needsReview).toBe(true);
    const ledger = await loadLedger(dataDir);
    expect(
      ledger
        .filter((entry) => entry.action === 'alias')
        .every((entry) => 'value' in entry && (entry.value as { from?: string }).from === other!.id),
    ).toBe(true);
    // Nothing was orphaned, and run says so by listing nothing.
    const rerun = await cli(['run', '--offline']);
    expect(rerun.stderr).not.toContain('no longer exists');
    const json = await cli([
      'alias',
      'another name',
      target!.id,
      '--reason',
      'r',
      '--by',
      'cy',
      '--format',
      'jsonl',
    ]);
    expect(JSON.parse(json.stdout.trim())).toMatchObject({
      action: 'alias',
      value: { name: 'another name' },
    });
  });

  it('run lists every ruling whose model no longer exists', async () => {
    const { cli, dataDir } = await createWorkspace();
    await appendLedger(dataDir, [
      {
        id: '20260301T000000Z-vanished',
        at: '2026-03-01T00:00:00.000Z',
        modelId: 'acme/vanished',
        action: 'confirm-above',
        by: 'ana',
        reason: 'was listed',
      },
    ]);
    const result = await cli(['run', '--offline']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Rulings whose model no longer exists: 1');
    expect(result.stderr).toContain(
      'acme/vanished: confirm-above by ana on 2026-03-01 (ledger 20260301T000000Z-vanished)',
    );
  });

  it('needs a reason and a model id', async () => {
    const { cli } = await createWorkspace();
    expect((await cli(['alias', 'x', 'openai/gpt-4o'])).code).toBe(2);
    expect((await cli(['alias', 'x', 'GPT 4o', '--reason', 'r'])).code).toBe(2);
  });
});
