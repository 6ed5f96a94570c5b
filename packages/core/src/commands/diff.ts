import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dataPaths, diffDataDirs } from '@tracker/dataset';
import { formatObjects, type ObjectColumn } from '@tracker/query';
import { TrackerError } from '@tracker/schema';
import { type CommandContext, printOptions } from '../context';

export interface DiffOptions {
  /** Data folder, release folder, models.json, or a release date of the data folder. */
  before: string;
  after: string;
}

const COLUMNS: ObjectColumn[] = [
  { field: 'change', kind: 'code' },
  { field: 'id' },
  { field: 'name' },
  { field: 'field', kind: 'code' },
  { field: 'from' },
  { field: 'to' },
];

/** `tracker diff A B`: added, removed and changed models between two data folders or releases. */
export async function run(context: CommandContext, options: DiffOptions): Promise<number> {
  const [before, after] = await Promise.all([
    locate(context, options.before),
    locate(context, options.after),
  ]);
  const diff = await diffDataDirs(before!, after!);
  if (context.format === 'json') {
    context.io.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
    return 0;
  }
  const rows = [
    ...diff.added.map((row) => ({
      change: 'added',
      id: row.id,
      name: row.name,
      field: null,
      from: null,
      to: null,
    })),
    ...diff.removed.map((row) => ({
      change: 'removed',
      id: row.id,
      name: row.name,
      field: null,
      from: null,
      to: null,
    })),
    ...diff.changed.flatMap((entry) =>
      entry.changes.map((change) => ({
        change: 'changed',
        id: entry.id,
        name: null,
        field: change.field,
        from: show(change.from),
        to: show(change.to),
      })),
    ),
  ];
  context.io.stdout.write(
    formatObjects(rows, {
      ...printOptions(context),
      columns: COLUMNS,
    }),
  );
  if (context.format === 'table') {
    context.log.info(
      `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
    );
  }
  return 0;
}

function show(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number')
    return Math.abs(value) >= 1e6 ? Number(value.toPrecision(3)).toExponential() : value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A folder or file path; a bare release date means that release of the data folder. */
async function locate(context: CommandContext, argument: string): Promise<string> {
  const candidates = [resolve(context.io.cwd, argument)];
  if (/^\d{4}-\d{2}-\d{2}$/.test(argument)) candidates.push(context.folder.paths.releaseDir(argument));
  for (const candidate of candidates) {
    const found = await stat(candidate).catch(() => null);
    if (!found) continue;
    // A data folder and a release folder both keep their list in models.json.
    const file = found.isDirectory() ? dataPaths(candidate).modelsFile : candidate;
    if (await stat(file).catch(() => null)) return candidate;
    throw new TrackerError(
      'NOT_FOUND',
      `${argument}: no models.json in this folder (expected a data folder or a release folder)`,
    );
  }
  throw new TrackerError('NOT_FOUND', `${argument}: no such data folder, release folder or release date`);
}
