import { developerNotes } from '@tracker/dataset';
import { formatObjects, isAboveThreshold, type ObjectColumn, toQueryRow } from '@tracker/query';
import { TrackerError } from '@tracker/schema';
import { type CommandContext, printOptions } from '../context';
import { loadCurationState, recordDecisions, reviewerName } from '../curation';
import { formatEntries, parseEvidence } from './decide';

export interface DevelopersOptions {
  /** One developer (its row, or the one a note is about). */
  developer?: string;
  /** A note on what the developer can train (e.g. fine-tunes-only), with `reason`. */
  capacity?: string;
  reason?: string;
  evidence?: readonly string[];
  by?: string;
}

const UNKNOWN = '(unknown)';

const COLUMNS: ObjectColumn[] = [
  { field: 'developer' },
  { field: 'models', kind: 'number' },
  { field: 'above', header: 'over threshold', kind: 'number' },
  { field: 'bestMedian', header: 'best median', kind: 'magnitude' },
  { field: 'bestModel', header: 'best model', kind: 'code' },
  { field: 'capacity' },
  { field: 'noteReason', header: 'note' },
];

interface DeveloperRow {
  developer: string;
  models: number;
  above: number;
  bestMedian: number | null;
  bestModel: string | null;
  capacity: string | null;
  noteReason: string | null;
  noteBy: string | null;
  noteAt: string | null;
}

/** `tracker developers [DEVELOPER --capacity TEXT --reason TEXT]`: the developers seen, or a note on one. */
export async function run(context: CommandContext, options: DevelopersOptions = {}): Promise<number> {
  const { developer } = options;
  const capacity = options.capacity?.trim();
  if (capacity !== undefined && developer === undefined) {
    throw new TrackerError('USAGE', '--capacity needs the DEVELOPER it describes');
  }
  if (capacity === undefined && options.reason !== undefined) {
    throw new TrackerError('USAGE', '--reason goes with DEVELOPER --capacity TEXT');
  }
  const state = await loadCurationState(context);
  const known = [...new Set(state.models.models.map((record) => record.developer ?? UNKNOWN))];
  if (developer !== undefined && capacity !== undefined) {
    if (!capacity) throw new TrackerError('USAGE', '--capacity: say what is known, e.g. fine-tunes-only');
    const reason = options.reason?.trim();
    if (!reason) throw new TrackerError('USAGE', '--reason TEXT is required with --capacity: say why');
    const evidence = parseEvidence(options.evidence ?? []);
    const by = reviewerName(context, options.by);
    // Notes are keyed by the developer name as the records write it; match the spelling the records use.
    const name = known.find((entry) => entry.toLowerCase() === developer.toLowerCase()) ?? developer;
    if (!known.includes(name)) {
      context.log.warn(`no model has the developer "${name}" yet; the note applies once one does`);
    }
    const stored = await recordDecisions(
      context,
      [
        {
          action: 'developer-note',
          developer: name,
          value: { capacity },
          by,
          reason,
          evidence,
          origin: 'cli',
        },
      ],
      { command: 'tracker developers' },
    );
    context.io.stdout.write(formatEntries(context, stored));
    context.log.info(
      `Noted for ${name}: ${capacity}. Estimates show it as evidence (never as a cap) from the next tracker run.`,
    );
    return 0;
  }

  const notes = developerNotes(state.ledger);
  const rows = new Map<string, DeveloperRow>();
  const rowOf = (name: string): DeveloperRow => {
    let row = rows.get(name);
    if (!row) {
      const note = notes.get(name);
      row = {
        developer: name,
        models: 0,
        above: 0,
        bestMedian: null,
        bestModel: null,
        capacity: note?.capacity ?? null,
        noteReason: note?.reason ?? null,
        noteBy: note?.by ?? null,
        noteAt: note?.at ?? null,
      };
      rows.set(name, row);
    }
    return row;
  };
  for (const record of state.models.models) {
    const row = rowOf(record.developer ?? UNKNOWN);
    row.models++;
    if (isAboveThreshold(toQueryRow(record), context.loaded.config.statusCuts.likelyAbove)) row.above++;
    const median = record.estimate?.median;
    if (median !== undefined && (row.bestMedian === null || median > row.bestMedian)) {
      row.bestMedian = median;
      row.bestModel = record.id;
    }
  }
  // A developer with a note but no model yet is listed too, so the note is not forgotten.
  for (const name of notes.keys()) rowOf(name);
  let list = [...rows.values()].sort(
    (left, right) =>
      (right.bestMedian ?? -1) - (left.bestMedian ?? -1) ||
      right.models - left.models ||
      (left.developer < right.developer ? -1 : left.developer > right.developer ? 1 : 0),
  );
  if (developer !== undefined) {
    list = list.filter((row) => row.developer.toLowerCase() === developer.toLowerCase());
    if (list.length === 0) {
      throw new TrackerError('NOT_FOUND', `no developer "${developer}" (tracker developers lists them)`);
    }
  }
  const full = context.format === 'json' || context.format === 'jsonl';
  context.io.stdout.write(
    formatObjects(list as unknown as Record<string, unknown>[], {
      ...printOptions(context),
      columns: full ? [...COLUMNS, { field: 'noteBy' }, { field: 'noteAt' }] : COLUMNS,
    }),
  );
  return 0;
}
