import { loadLedger, loadModels } from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../testing/e2e-data';

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

  it('needs a reason and a model id', async () => {
    const { cli } = await createWorkspace();
    expect((await cli(['alias', 'x', 'openai/gpt-4o'])).code).toBe(2);
    expect((await cli(['alias', 'x', 'GPT 4o', '--reason', 'r'])).code).toBe(2);
  });
});
