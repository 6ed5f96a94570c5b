import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath, importReviewSheet } from '@tracker/dataset';
import { formatObjects, type ObjectColumn } from '@tracker/query';
import { type LedgerEntry, TrackerError } from '@tracker/schema';
import { type CommandContext, printOptions } from '../context';
import { recordDecisions, reviewerName } from '../curation';

export interface ImportReviewOptions {
  /** The filled sheet (CSV), relative to the working directory. */
  file: string;
  /** Check every row and say what would be recorded, writing nothing. */
  dryRun?: boolean;
  /** Reviewer for rows that name none. */
  by?: string;
}

const COLUMNS: ObjectColumn[] = [
  { field: 'modelId', header: 'model', kind: 'code' },
  { field: 'action', kind: 'code' },
  { field: 'flop', kind: 'magnitude' },
  { field: 'confidence', kind: 'code' },
  { field: 'by', kind: 'code' },
  { field: 'reason' },
  { field: 'origin' },
  { field: 'id', header: 'entry', kind: 'code' },
];

/**
 * `tracker import-review FILE.csv`: the filled rows of a review sheet become ledger entries. Every row is checked
 * first; one bad row and nothing is written. Rows already imported (same model, shown median and decision) are
 * counted and skipped, so importing a sheet twice adds nothing.
 */
export async function run(context: CommandContext, options: ImportReviewOptions): Promise<number> {
  const path = resolve(context.io.cwd, options.file);
  const shown = displayPath(path, context.io.cwd);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new TrackerError(
      error.code === 'ENOENT' ? 'NOT_FOUND' : 'IO_FAILED',
      `${shown}: cannot read the review sheet (${error.code ?? error.message})`,
      { cause: error },
    );
  });
  const dryRun = options.dryRun === true;
  const explicit = options.by;
  // Rows name their reviewer; the default only fills empty cells, so a missing default is not an error yet.
  const defaultReviewer = explicit ?? tryReviewer(context);

  // The sheet is checked against the ledger as it is under the lock, so two imports at once cannot both apply a row.
  const lock = dryRun
    ? undefined
    : await context.folder.lock({ command: 'tracker import-review', wait: 30_000 });
  try {
    const [models, ledger] = await Promise.all([context.folder.loadModels(), context.folder.loadLedger()]);
    if (!models) {
      throw new TrackerError(
        'NOT_FOUND',
        `${context.folder.display(context.io.cwd)}: no models.json yet; run "tracker run" (or "tracker run --offline") first`,
      );
    }
    const result = importReviewSheet(text, {
      file: shown,
      records: models.models,
      ledger,
      ...(defaultReviewer === undefined ? {} : { defaultReviewer }),
    });
    const stored: readonly LedgerEntry[] =
      dryRun || result.entries.length === 0
        ? result.entries
        : await recordDecisions(context, result.entries, {
            ...(lock ? { lock } : {}),
            command: 'tracker import-review',
          });
    context.io.stdout.write(
      formatObjects(stored.map(toRow), {
        ...printOptions(context),
        columns: COLUMNS,
      }),
    );
    const parts = [
      `${count(stored.length, 'decision')} ${dryRun ? 'would be recorded (dry run: nothing written)' : 'recorded'}`,
      `${count(result.skipped, 'row')} without a decision skipped`,
      `${count(result.alreadyApplied, 'row')} already applied`,
    ];
    context.log.info(`${shown}: ${parts.join('; ')}`);
    if (!dryRun && stored.length > 0) {
      context.log.info('models.json is re-curated; tracker candidates shows what is left.');
    }
    return 0;
  } finally {
    await lock?.release();
  }
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function tryReviewer(context: CommandContext): string | undefined {
  try {
    return reviewerName(context, undefined, { osAccount: false });
  } catch {
    return undefined;
  }
}

function toRow(entry: LedgerEntry): Record<string, unknown> {
  const value = 'value' in entry ? entry.value : undefined;
  const compute = value && typeof value === 'object' && 'flop' in value ? value : undefined;
  return {
    modelId: 'modelId' in entry ? entry.modelId : null,
    action: entry.action,
    flop: compute?.flop ?? null,
    confidence: compute?.confidence ?? null,
    by: entry.by,
    reason: entry.reason,
    origin: entry.origin ?? null,
    id: entry.id,
  };
}
