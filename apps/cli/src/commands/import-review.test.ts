import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadLedger, loadModels } from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import { createWorkspace, fillSheet } from '../../test-support/e2e-data';

/** A data folder after `run --offline` and a freshly exported sheet.csv. */
async function exportedWorkspace(env?: Record<string, string | undefined>) {
  const workspace = await createWorkspace(env);
  expect((await workspace.cli(['run', '--offline'])).code).toBe(0);
  expect((await workspace.cli(['export-review', 'sheet.csv'])).code).toBe(0);
  const sheet = await readFile(join(workspace.cwd, 'sheet.csv'), 'utf8');
  const save = (text: string) => writeFile(join(workspace.cwd, 'sheet.csv'), text);
  return { ...workspace, sheet, save };
}

async function statuses(dataDir: string): Promise<Record<string, string | undefined>> {
  const models = await loadModels(dataDir);
  return Object.fromEntries((models?.models ?? []).map((record) => [record.id, record.curation?.status]));
}

describe('tracker import-review', () => {
  it('records the filled rows, re-curates models.json, and prints the entries', async () => {
    const { dataDir, cli, sheet, save } = await exportedWorkspace();
    await save(
      fillSheet(sheet, {
        'vantorsystems/vantor-prime': {
          decision: 'above',
          reason: 'Epoch: 2e26, confident',
          evidence: 'https://epoch.ai/data/ai-models',
          reviewer: 'carla',
        },
        'helioai/helio-3': {
          decision: 'set-compute',
          flop: '8e24',
          confidence: 'Likely',
          reason: 'tech report, 6ND',
        },
      }),
    );
    const result = await cli(['import-review', 'sheet.csv', '--by', 'ana', '--format', 'json']);
    expect(result.stderr).toMatch(
      /sheet\.csv: 2 decisions recorded; 1 row without a decision skipped; 0 rows already applied/,
    );
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(printed.map((row) => [row.modelId, row.action, row.by, row.flop])).toEqual([
      ['vantorsystems/vantor-prime', 'confirm-above', 'carla', null],
      ['helioai/helio-3', 'set-compute', 'ana', 8e24],
    ]);
    const ledger = await loadLedger(dataDir);
    expect(ledger.map((entry) => entry.id)).toEqual(printed.map((row) => row.id));
    expect(ledger[0]?.origin).toMatch(/^sheet:sheet\.csv#row2:[0-9a-f]{12}$/);
    expect(await statuses(dataDir)).toMatchObject({
      'vantorsystems/vantor-prime': 'confirmed-above',
      'helioai/helio-3': 'confirmed-below',
      'northwindlabs/northwind-atlas': 'candidate',
    });
  });

  it('adds nothing when the same sheet is imported again, and says so', async () => {
    const { dataDir, cli, sheet, save } = await exportedWorkspace();
    await save(fillSheet(sheet, { 'helioai/helio-3': { decision: 'below', reason: 'small run' } }));
    expect((await cli(['import-review', 'sheet.csv'])).code).toBe(0);
    const ledger = await readFile(join(dataDir, 'ledger.jsonl'), 'utf8');
    const again = await cli(['import-review', 'sheet.csv']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(
      /0 decisions recorded; 2 rows without a decision skipped; 1 row already applied/,
    );
    expect(await readFile(join(dataDir, 'ledger.jsonl'), 'utf8')).toBe(ledger);
  });

  it('refuses a sheet with bad rows, listing each row and column, and writes nothing', async () => {
    const { dataDir, cli, sheet, save } = await exportedWorkspace();
    await save(
      fillSheet(sheet, {
        'vantorsystems/vantor-prime': { decision: 'above', reason: 'fine row', reviewer: 'ana' },
        'northwindlabs/northwind-atlas': {
          decision: 'set-compute',
          flop: 'lots',
          reason: 'x',
          reviewer: 'ana',
        },
        'helioai/helio-3': { decision: 'maybe', reviewer: 'ana' },
      }),
    );
    const modelsBefore = await readFile(join(dataDir, 'models.json'), 'utf8');
    const result = await cli(['import-review', 'sheet.csv']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error SHEET_INVALID: /);
    expect(result.stderr).toContain(
      'sheet.csv: row 3, column "flop": expected a number like 3.8e25, got "lots"',
    );
    expect(result.stderr).toContain('sheet.csv: row 3, column "confidence": set-compute needs a confidence');
    expect(result.stderr).toContain('sheet.csv: row 4, column "decision": expected one of above, below');
    expect(result.stderr).toContain('sheet.csv: 2 rows cannot be applied; nothing was imported');
    await expect(stat(join(dataDir, 'ledger.jsonl'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(dataDir, 'models.json'), 'utf8')).toBe(modelsBefore);
  });

  it('--dry-run shows what would be recorded and writes nothing', async () => {
    const { dataDir, cli, sheet, save } = await exportedWorkspace();
    await save(fillSheet(sheet, { 'helioai/helio-3': { decision: 'exclude', reason: 'duplicate entry' } }));
    const result = await cli(['import-review', 'sheet.csv', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/helioai\/helio-3\s+exclude/);
    expect(result.stderr).toMatch(/1 decision would be recorded \(dry run: nothing written\)/);
    await expect(stat(join(dataDir, 'ledger.jsonl'))).rejects.toThrow(/ENOENT/);
    expect((await statuses(dataDir))['helioai/helio-3']).toBe('candidate');
  });

  it('names the reviewer column when no reviewer is known (no cell, no --by, no config, no $USER)', async () => {
    const { cli, sheet, save } = await exportedWorkspace({});
    await save(fillSheet(sheet, { 'helioai/helio-3': { decision: 'below', reason: 'small run' } }));
    const result = await cli(['import-review', 'sheet.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/row 4, column "reviewer": no reviewer named/);
    const withBy = await cli(['import-review', 'sheet.csv', '--by', 'ana']);
    expect(withBy.code).toBe(0);
    expect(withBy.stdout).toMatch(/helioai\/helio-3\s+confirm-below.*ana/);
  });

  it('fails clearly on a missing sheet or a sheet of another shape', async () => {
    const { cwd, cli } = await exportedWorkspace();
    const missing = await cli(['import-review', 'nowhere.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error NOT_FOUND: nowhere\.csv: cannot read the review sheet/);
    await writeFile(join(cwd, 'other.csv'), 'a,b\r\n1,2\r\n');
    const other = await cli(['import-review', 'other.csv']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^error SHEET_INVALID: other\.csv: row 1: missing columns "id", "decision"/);
  });
});
