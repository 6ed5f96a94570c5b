import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendLedger, createLedgerEntry, loadReleaseFile } from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../test-support/e2e-data';

/** After `run --offline`, with Vantor Prime confirmed above by a human. */
async function ruledWorkspace() {
  const workspace = await createWorkspace();
  expect((await workspace.cli(['run', '--offline'])).code).toBe(0);
  await appendLedger(workspace.dataDir, [
    createLedgerEntry({
      modelId: 'vantorsystems/vantor-prime',
      action: 'confirm-above',
      by: 'ana',
      reason: 'Epoch: 2e26, confident',
      evidence: ['https://epoch.ai/data/ai-models'],
      machineMedian: 2e26,
    }),
  ]);
  return workspace;
}

describe('tracker release', () => {
  it('writes the release folder: confirmed models and unreviewed ones the machine is sure of', async () => {
    const { dataDir, cli } = await ruledWorkspace();
    const result = await cli(['release', '--date', '2026-01-01', '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { id: string; status: string; unreviewed: boolean }[];
    // Helio 3 (P 0.61) stays out; Northwind Atlas (P 0.99 ≥ 0.95) is in as unreviewed.
    expect(rows.map((row) => [row.id, row.status, row.unreviewed])).toEqual([
      ['northwindlabs/northwind-atlas', 'candidate', true],
      ['vantorsystems/vantor-prime', 'confirmed-above', false],
    ]);
    expect((await readdir(join(dataDir, 'releases', '2026-01-01'))).sort()).toEqual([
      'CHANGELOG.md',
      'models.csv',
      'models.json',
      'models.parquet',
    ]);
    expect((await loadReleaseFile(join(dataDir, 'releases', '2026-01-01'))).models).toHaveLength(2);
    expect(result.stderr).toMatch(/^Wrote data\/releases\/2026-01-01\/ \(models\.json \d+ bytes/m);
    expect(result.stderr).toMatch(
      /Release 2026-01-01: 2 models \(1 confirmed above, 1 unreviewed with P\(above\) ≥ 0\.95\)/,
    );
    expect(result.stderr).toMatch(/First release: nothing to compare with\./);
  });

  it('compares with the previous release, and tracker diff reads both by date', async () => {
    const { dataDir, cli } = await ruledWorkspace();
    expect((await cli(['release', '--date', '2026-01-01'])).code).toBe(0);
    await appendLedger(dataDir, [
      createLedgerEntry({
        modelId: 'northwindlabs/northwind-atlas',
        action: 'exclude',
        by: 'ana',
        reason: 'duplicate listing',
      }),
      createLedgerEntry({
        modelId: 'helioai/helio-3',
        action: 'set-compute',
        value: { flop: 3e25, confidence: 'likely' },
        by: 'ana',
        reason: 'hardware disclosed',
        machineMedian: 1.5e25,
      }),
    ]);
    const second = await cli(['release', '--date', '2026-02-01']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/helioai\/helio-3\s+Helio 3/);
    expect(second.stderr).toMatch(/Since 2026-01-01: 1 added, 1 removed, 0 changed/);
    const changelog = await readFile(join(dataDir, 'releases', '2026-02-01', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/duplicate listing/);
    const diff = await cli(['diff', '2026-01-01', '2026-02-01', '--format', 'json']);
    expect(diff.code).toBe(0);
    const parsed = JSON.parse(diff.stdout) as { added: { id: string }[]; removed: { id: string }[] };
    expect(parsed.added.map((row) => row.id)).toEqual(['helioai/helio-3']);
    expect(parsed.removed.map((row) => row.id)).toEqual(['northwindlabs/northwind-atlas']);
  });

  it('--dry-run prints the rows and the summary but writes nothing', async () => {
    const { dataDir, cli } = await ruledWorkspace();
    const result = await cli(['release', '--dry-run', '--date', '2026-01-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/vantorsystems\/vantor-prime/);
    expect(result.stderr).toMatch(/Dry run: would write data\/releases\/2026-01-01\//);
    expect(result.stderr).toMatch(/Nothing was written\./);
    expect(await readdir(dataDir)).not.toContain('releases');
  });

  it('follows release.includeUnreviewedAbove of the configuration', async () => {
    const { cwd, cli } = await ruledWorkspace();
    await writeFile(join(cwd, 'tracker.config.yaml'), 'release:\n  includeUnreviewedAbove: 1.01\n');
    const result = await cli(['release', '--date', '2026-01-01', '--format', 'jsonl']);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['vantorsystems/vantor-prime']);
  });

  it('replaces a release of the same date and says so', async () => {
    const { cli } = await ruledWorkspace();
    expect((await cli(['release', '--date', '2026-01-01'])).code).toBe(0);
    const again = await cli(['release', '--date', '2026-01-01']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^Replaced data\/releases\/2026-01-01\//m);
  });

  it('refuses a malformed date (usage, exit 2) and a data folder never run (exit 1)', async () => {
    const { cli } = await ruledWorkspace();
    const bad = await cli(['release', '--date', '2026-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^error USAGE: \[release\] expected a release date YYYY-MM-DD, got "2026-13-01"/,
    );
    const fresh = await createWorkspace();
    await rm(join(fresh.cwd, 'data'), { recursive: true });
    await mkdir(join(fresh.cwd, 'data'));
    const missing = await fresh.cli(['release']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error NOT_FOUND: data: no models\.json and no observations/);
  });
});
