import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { diffDataDirs } from '@tracker/dataset';
import { formatObjects, type ObjectColumn } from '@tracker/query';
import { escapeJsonControls, TrackerError } from '@tracker/schema';
import type { CommandContext } from '../context';

const COLUMNS: ObjectColumn[] = [
  { field: 'change', kind: 'code' },
  { field: 'id' },
  { field: 'name' },
  { field: 'field', kind: 'code' },
  { field: 'from' },
  { field: 'to' },
];

/** `tracker diff A B`: added, removed and changed models between two data folders or releases. */
export async function run(context: CommandContext): Promise<number> {
  const [before, after] = await Promise.all(context.positionals.map((argument) => locate(context, argument)));
  const diff = await diffDataDirs(before!, after!);
  if (context.format === 'json') {
    context.io.stdout.write(`${escapeJsonControls(JSON.stringify(diff, null, 2))}\n`);
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
      format: context.format as 'table',
      columns: COLUMNS,
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      color: context.color,
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
  if (/^\d{4}-\d{2}-\d{2}$/.test(argument)) candidates.push(join(context.dataDir, 'releases', argument));
  for (const candidate of candidates) {
    const found = await stat(candidate).catch(() => null);
    if (!found) continue;
    const file = found.isDirectory() ? join(candidate, 'models.json') : candidate;
    if (await stat(file).catch(() => null)) return candidate;
    throw new TrackerError(
      'NOT_FOUND',
      `${argument}: no models.json in this folder (expected a data folder or a release folder)`,
    );
  }
  throw new TrackerError('NOT_FOUND', `${argument}: no such data folder, release folder or release date`);
}
