import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendLedger, createLedgerEntry, REVIEW_SHEET_COLUMNS } from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../test-support/e2e-data';

async function ranWorkspace() {
  const workspace = await createWorkspace();
  expect((await workspace.cli(['run', '--offline'])).code).toBe(0);
  return workspace;
}

describe('tracker export-review', () => {
  it('writes one row per candidate with empty decision columns; the path on stdout, the counts on stderr', async () => {
    const { cwd, cli } = await ranWorkspace();
    const result = await cli(['export-review', 'sheet.csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('sheet.csv\n');
    expect(result.stderr).toMatch(/sheet\.csv: 3 rows \(3 candidates, 0 rulings flagged needs-review\)/);
    const lines = (await readFile(join(cwd, 'sheet.csv'), 'utf8')).split('\r\n');
    expect(lines[0]).toBe(REVIEW_SHEET_COLUMNS.join(','));
    // Most likely over the threshold first; decision columns empty.
    expect(lines.slice(1, 4).map((line) => line.split(',')[0])).toEqual([
      'vantorsystems/vantor-prime',
      'northwindlabs/northwind-atlas',
      'helioai/helio-3',
    ]);
    for (const line of lines.slice(1, 4)) expect(line.endsWith(',,,,,,')).toBe(true);
    expect(lines.slice(4)).toEqual(['']);
  });

  it('lists a ruled model once the machine has moved, with the reason and the ruling', async () => {
    const { cwd, dataDir, cli } = await ranWorkspace();
    await appendLedger(dataDir, [
      createLedgerEntry({
        modelId: 'helioai/helio-3',
        action: 'confirm-below',
        by: 'ana',
        reason: 'announced as a small run',
        // The ruling was made when the machine said 1e24: 1.5e25 is more than ×3 away.
        machineMedian: 1e24,
      }),
    ]);
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const result = await cli(['export-review', 'review/sheet.csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/3 rows \(2 candidates, 1 rulings flagged needs-review\)/);
    const sheet = await readFile(join(cwd, 'review', 'sheet.csv'), 'utf8');
    const helio = sheet.split('\r\n').find((line) => line.startsWith('helioai/helio-3,'));
    expect(helio).toMatch(/confirmed-below/);
    expect(helio).toMatch(/1\.00e\+24.*1\.50e\+25/);
    expect(helio).toMatch(/confirm-below by ana on \d{4}-\d{2}-\d{2}: announced as a small run/);
  });

  it('replaces an existing file whole and leaves no temp file', async () => {
    const { cwd, cli } = await ranWorkspace();
    await writeFile(join(cwd, 'sheet.csv'), 'old content that is much longer than nothing\n'.repeat(200));
    expect((await cli(['export-review', 'sheet.csv'])).code).toBe(0);
    const text = await readFile(join(cwd, 'sheet.csv'), 'utf8');
    expect(text.startsWith('id,name,')).toBe(true);
    expect(text).not.toContain('old content');
    expect((await readdir(cwd)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the header only when nothing awaits a decision', async () => {
    const { cwd, dataDir, cli } = await ranWorkspace();
    await appendLedger(
      dataDir,
      ['vantorsystems/vantor-prime', 'northwindlabs/northwind-atlas', 'helioai/helio-3'].map((modelId) =>
        createLedgerEntry({ modelId, action: 'exclude', by: 'ana', reason: 'test' }),
      ),
    );
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const result = await cli(['export-review', 'sheet.csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/nothing awaits a decision/);
    expect(await readFile(join(cwd, 'sheet.csv'), 'utf8')).toBe(`${REVIEW_SHEET_COLUMNS.join(',')}\r\n`);
  });

  it('fails with NOT_FOUND on a data folder with nothing in it, writing nothing', async () => {
    const { cwd, cli } = await createWorkspace();
    await rm(join(cwd, 'data'), { recursive: true });
    await mkdir(join(cwd, 'data'));
    const result = await cli(['export-review', 'sheet.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error NOT_FOUND: data: no models\.json and no observations; run "tracker run"/,
    );
    expect(await readdir(cwd)).toEqual(['data']);
  });

  it('needs the file name (usage, exit 2)', async () => {
    const { cli } = await createWorkspace();
    const result = await cli(['export-review']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/expected FILE\.csv/);
  });
});
