import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  appendLedger,
  createLedgerEntry,
  loadLedger,
  loadModels,
  loadObservations,
  loadReleaseFile,
  readLock,
} from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import { addLaterObservation, createWorkspace, fillSheet } from '../test-support/e2e-data';

interface Row {
  id: string;
  status: string;
  needsReview?: boolean;
  [field: string]: unknown;
}

/** The rows of `tracker query --json` by id. */
async function queryById(cli: Awaited<ReturnType<typeof createWorkspace>>['cli']): Promise<Map<string, Row>> {
  const result = await cli(['query', '--json']);
  expect(result.code).toBe(0);
  return new Map((JSON.parse(result.stdout) as Row[]).map((row) => [row.id, row]));
}

describe('curation end to end, as an analyst would work', () => {
  it('run → candidates → decide → run → estimate moves → sheet → import → release → decide → release → diff → report', async () => {
    const { cwd, dataDir, cli } = await createWorkspace({ USER: 'ana' });

    // 1. First run from the observations on file.
    const first = await cli(['run', '--offline']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Models: 7 from 11 observations/);
    expect(first.stderr).toMatch(/candidates awaiting review: 3/);
    expect(first.stderr).toMatch(
      /Review queue \(tracker candidates: unruled models at P\(above\) ≥ 0\.2, and rulings to look at again\): \d+/,
    );

    // 2. What awaits a decision.
    const candidates = await cli(['candidates', '--format', 'json']);
    expect(candidates.code).toBe(0);
    const listed = (JSON.parse(candidates.stdout) as Row[]).map((row) => row.id);
    expect(listed).toEqual([
      'vantorsystems/vantor-prime',
      'northwindlabs/northwind-atlas',
      'helioai/helio-3',
    ]);

    // 3. Helio 3 (P(above) 0.61 from a "likely" 1.5e25) is judged below by a reviewer.
    const decided = await cli([
      'decide',
      'Helio 3',
      '--below',
      '--reason',
      'developer says the run was under 1e25',
    ]);
    expect(decided.code).toBe(0);
    expect((await queryById(cli)).get('helioai/helio-3')?.status).toBe('confirmed-below');

    // 4. The next run keeps the ruling: the machine never changes it.
    const second = await cli(['run', '--offline']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/candidates awaiting review: 2; rulings needing another look: 0/);
    const afterSecond = (await queryById(cli)).get('helioai/helio-3');
    expect(afterSecond).toMatchObject({ status: 'confirmed-below', needsReview: false });

    // 5. Epoch revises Helio 3 to 1.5e26: the ruling stays but is flagged, showing both values.
    await addLaterObservation(dataDir, 'epoch', 'Helio 3', '2025-12-20T09:00:00.000Z', {
      reportedCompute: { flop: 1.5e26, confidence: 'likely' },
    });
    const third = await cli(['run', '--offline']);
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/rulings needing another look: 1/);
    expect((await queryById(cli)).get('helioai/helio-3')).toMatchObject({
      status: 'confirmed-below',
      needsReview: true,
      median: 1.5e26,
    });
    const flagged = await cli(['candidates', '--format', 'json']);
    const helio = (JSON.parse(flagged.stdout) as Row[]).find((row) => row.id === 'helioai/helio-3');
    expect(helio?.flagged).toMatch(/1\.50e\+25.*1\.50e\+26/);

    // 6. The contractor's sheet: two candidates and the flagged ruling.
    const exported = await cli(['export-review', 'sheet.csv']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/3 rows \(2 candidates, 1 rulings flagged needs-review\)/);
    const sheet = await readFile(join(cwd, 'sheet.csv'), 'utf8');
    expect(sheet).toMatch(/helioai\/helio-3,.*machine median moved from 1\.50e\+25 to 1\.50e\+26/);

    // 7. Filled in a spreadsheet and imported.
    await writeFile(
      join(cwd, 'sheet.csv'),
      fillSheet(sheet, {
        'vantorsystems/vantor-prime': {
          decision: 'above',
          reason: 'Epoch: 2e26, confident',
          evidence: 'https://epoch.ai/data/ai-models',
          reviewer: 'carla',
        },
        'northwindlabs/northwind-atlas': {
          decision: 'set-compute',
          flop: '5.2E+25',
          confidence: 'Confident',
          reason: 'technical report, 6ND',
        },
        'helioai/helio-3': {
          decision: 'above',
          flop: '1.5e26',
          confidence: 'likely',
          reason: 'Epoch revised it',
        },
      }),
    );
    const imported = await cli(['import-review', 'sheet.csv', '--by', 'bruno']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(
      /3 decisions recorded; 0 rows without a decision skipped; 0 rows already applied/,
    );
    expect(imported.stdout).toMatch(/vantorsystems\/vantor-prime\s+confirm-above/);
    const afterImport = await queryById(cli);
    for (const id of listed)
      expect(afterImport.get(id)).toMatchObject({ status: 'confirmed-above', needsReview: false });
    const ledger = await readFile(join(dataDir, 'ledger.jsonl'), 'utf8');
    expect(ledger.trimEnd().split('\n')).toHaveLength(4);

    // 8. Importing the same sheet again adds nothing.
    const again = await cli(['import-review', 'sheet.csv', '--by', 'bruno']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 decisions recorded; .*3 rows already applied/);
    expect(await readFile(join(dataDir, 'ledger.jsonl'), 'utf8')).toBe(ledger);

    // 9. First release.
    const january = await cli(['release', '--date', '2026-01-01', '--format', 'json']);
    expect(january.code).toBe(0);
    expect((JSON.parse(january.stdout) as Row[]).map((row) => [row.id, row.flop])).toEqual([
      ['helioai/helio-3', 1.5e26],
      ['northwindlabs/northwind-atlas', 5.2e25],
      ['vantorsystems/vantor-prime', 2e26],
    ]);

    // 10. Another decision, then the next release.
    const excluded = await cli([
      'decide',
      'northwindlabs/northwind-atlas',
      '--exclude',
      '--reason',
      'listed twice under another name',
    ]);
    expect(excluded.code).toBe(0);
    const february = await cli(['release', '--date', '2026-02-01']);
    expect(february.code).toBe(0);
    expect(february.stderr).toMatch(/Since 2026-01-01: 0 added, 1 removed, 0 changed/);
    expect(await readFile(join(dataDir, 'releases', '2026-02-01', 'CHANGELOG.md'), 'utf8')).toMatch(
      /listed twice under another name/,
    );

    // 11. The two releases compared by date.
    const diff = await cli(['diff', '2026-01-01', '2026-02-01']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/removed\s+northwindlabs\/northwind-atlas\s+Northwind Atlas/);
    expect(diff.stderr).toMatch(/0 added, 1 removed, 0 changed/);

    // 12. The HTML report.
    const report = await cli(['report', '--out', 'r.html']);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe('r.html\n');
    const page = await readFile(join(cwd, 'r.html'), 'utf8');
    for (const name of ['Vantor Prime', 'Helio 3', 'Northwind Atlas', 'Quillstone-70B'])
      expect(page).toContain(name);

    // Every file of the data folder still loads and validates.
    await expectValidDataFolder(dataDir);
    expect(await loadLedger(dataDir)).toHaveLength(5);
  });
});

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const built = existsSync(BIN);
if (!built)
  console.log(`e2e: ${BIN} is not built (run "npx tsup" in apps/cli); the spawned-process suite was skipped`);

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: readonly string[], cwd: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', USER: 'spawned' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exit };
}

/** Every data file parses and matches its schema, and no temp file or lock is left behind. */
async function expectValidDataFolder(dataDir: string): Promise<void> {
  const models = await loadModels(dataDir);
  expect(models?.models.length).toBe(7);
  await loadLedger(dataDir);
  expect((await loadObservations(dataDir)).map((file) => file.source)).toEqual([
    'epoch',
    'huggingface',
    'lmarena',
  ]);
  for (const date of await readdir(join(dataDir, 'releases')).catch(() => [] as string[])) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) await loadReleaseFile(join(dataDir, 'releases', date));
  }
}

describe.skipIf(!built)('the built CLI as separate processes', () => {
  it('two runs at once: both succeed one after the other, or one says LOCK_HELD naming the holder', async () => {
    const { cwd, dataDir } = await createWorkspace();
    await appendLedger(dataDir, [
      createLedgerEntry({
        modelId: 'helioai/helio-3',
        action: 'confirm-below',
        by: 'ana',
        reason: 'small run',
      }),
    ]);
    const ledgerBefore = await readFile(join(dataDir, 'ledger.jsonl'), 'utf8');
    const args = ['run', '--offline', '--data-dir', dataDir];
    const [left, right] = await Promise.all([spawnCli(args, cwd).exit, spawnCli(args, cwd).exit]);
    for (const result of [left, right]) {
      if (result.code === 0) continue;
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error LOCK_HELD: .*pid \d+.*tracker run/);
    }
    expect([left.code, right.code]).toContain(0);
    await expectValidDataFolder(dataDir);
    expect(await readFile(join(dataDir, 'ledger.jsonl'), 'utf8')).toBe(ledgerBefore);
    expect(
      (await loadModels(dataDir))?.models.find((record) => record.id === 'helioai/helio-3')?.curation?.status,
    ).toBe('confirmed-below');
    expect(await readLock(dataDir)).toBeNull();
  }, 600_000);

  it('runs and releases killed at random moments leave every file valid, and the next run recovers', async () => {
    const { cwd, dataDir } = await createWorkspace();
    expect((await spawnCli(['run', '--offline', '--data-dir', dataDir], cwd).exit).code).toBe(0);
    await appendLedger(dataDir, [
      createLedgerEntry({
        modelId: 'vantorsystems/vantor-prime',
        action: 'confirm-above',
        by: 'ana',
        reason: 'Epoch: 2e26',
      }),
    ]);
    // One kill exactly while the lock is held (deterministic), then kills at random moments of a run's life.
    const lockFile = join(dataDir, '.lock');
    const held = spawnCli(['run', '--offline', '--data-dir', dataDir], cwd);
    const seen = await new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(lockFile)) {
          clearInterval(poll);
          held.child.kill('SIGKILL');
          resolve(true);
        }
      }, 2);
      held.exit.then(() => {
        clearInterval(poll);
        resolve(false);
      });
    });
    const heldExit = await held.exit;
    if (seen) expect(heldExit.signal).toBe('SIGKILL');
    await expectValidDataFolder(dataDir);

    const started = Date.now();
    expect((await spawnCli(['run', '--offline', '--data-dir', dataDir], cwd).exit).code).toBe(0);
    const duration = Date.now() - started;
    for (let attempt = 0; attempt < 8; attempt++) {
      const args =
        attempt % 2 === 0
          ? ['run', '--offline', '--data-dir', dataDir]
          : ['release', '--date', '2026-03-01', '--data-dir', dataDir];
      const { child, exit } = spawnCli(args, cwd);
      // Anywhere from start-up to the final writes of a run measured just above.
      const timer = setTimeout(
        () => child.kill('SIGKILL'),
        Math.floor(duration * (0.2 + Math.random() * 0.8)),
      );
      const result = await exit;
      clearTimeout(timer);
      if (result.signal !== 'SIGKILL') expect(result.code, result.stderr).toBe(0);
      await expectValidDataFolder(dataDir);
    }
    // The kills above are random; the recovery below must hold whatever they hit.
    const recovered = await spawnCli(['run', '--offline', '--data-dir', dataDir], cwd).exit;
    expect(recovered.code, recovered.stderr).toBe(0);
    const released = await spawnCli(['release', '--date', '2026-03-01', '--data-dir', dataDir], cwd).exit;
    expect(released.code, released.stderr).toBe(0);
    await expectValidDataFolder(dataDir);
    expect((await readdir(join(dataDir, 'releases'))).filter((name) => name.startsWith('.'))).toEqual([]);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp') || name === '.lock')).toEqual([]);
    expect(
      (await loadReleaseFile(join(dataDir, 'releases', '2026-03-01'))).models.map((row) => row.id),
    ).toContain('vantorsystems/vantor-prime');
  }, 600_000);
});
