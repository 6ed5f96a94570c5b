import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCsv, type Observation, type ObservationFile } from '@tracker/schema';
import { runCli } from '../src/cli';
import { createFakeIo } from './fake-io';

/** The small observation files (three sources, seven models) the curation tests start from (kept beside core). */
export const E2E_DATA = new URL('../../../packages/core/src/__fixtures__/e2e', import.meta.url);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp working directory holding `data/` copied from the fixtures, and a `cli(...)` that runs in it. */
export async function createWorkspace(env: Record<string, string | undefined> = { USER: 'tester' }) {
  const cwd = await mkdtemp(join(tmpdir(), 'tracker-curation-'));
  const dataDir = join(cwd, 'data');
  await cp(E2E_DATA, dataDir, { recursive: true });
  const cli = async (
    argv: readonly string[],
    extraEnv: Record<string, string | undefined> = {},
  ): Promise<CliResult> => {
    const fake = createFakeIo({ cwd, env: { ...env, ...extraEnv }, columns: 240 });
    const code = await runCli(argv, fake.io);
    return { code, stdout: fake.stdout, stderr: fake.stderr };
  };
  return { cwd, dataDir, cli };
}

/** The decision cells of one sheet row, in the order of the sheet's decision columns. */
export interface SheetDecision {
  decision: string;
  flop?: string;
  confidence?: string;
  reason?: string;
  evidence?: string;
  reviewer?: string;
}

/**
 * Fills the decision columns of an exported review sheet as a spreadsheet would save it: the six empty cells at the
 * end of each row of a listed model are replaced. Rows of other models stay empty.
 */
export function fillSheet(sheet: string, decisions: Readonly<Record<string, SheetDecision>>): string {
  return sheet
    .split('\r\n')
    .map((line, index) => {
      if (index === 0 || line === '') return line;
      const decision = decisions[line.slice(0, line.indexOf(','))];
      if (!decision) return line;
      if (!line.endsWith(',,,,,,')) throw new Error(`row ${index + 1} has filled decision cells already`);
      const cells = [
        decision.decision,
        decision.flop ?? '',
        decision.confidence ?? '',
        decision.reason ?? '',
        decision.evidence ?? '',
        decision.reviewer ?? '',
      ];
      // The six cells as one CSV record, without its CRLF.
      return `${line.slice(0, -6)},${formatCsv(cells, []).slice(0, -2)}`;
    })
    .join('\r\n');
}

/**
 * Adds a newer observation of `rawName` to `observations/<source>.json`, copying its last one with `changes`, as a
 * later fetch of that source would (a new snapshot, the file kept sorted).
 */
export async function addLaterObservation(
  dataDir: string,
  source: string,
  rawName: string,
  retrievedAt: string,
  changes: Partial<Observation>,
): Promise<void> {
  const path = join(dataDir, 'observations', `${source}.json`);
  const file = JSON.parse(await readFile(path, 'utf8')) as ObservationFile;
  const last = file.observations.filter((observation) => observation.rawName === rawName).at(-1);
  if (!last) throw new Error(`no observation of ${rawName} in ${source}`);
  file.snapshots.push({ retrievedAt, sourceUrl: last.sourceUrl, observationCount: 1, origin: 'file' });
  file.observations.push({ ...last, ...changes, retrievedAt });
  const key = (observation: Observation) => `${observation.rawName}\u0000${observation.retrievedAt}`;
  file.observations.sort((left, right) => (key(left) < key(right) ? -1 : key(left) > key(right) ? 1 : 0));
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
}
