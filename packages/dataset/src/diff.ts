import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type Confidence,
  type LedgerEntry,
  type ModelRecord,
  parseWithSchema,
  ReleaseFileSchema,
  type ReleaseRow,
} from '@tracker/schema';
import { compareStrings, parseJsonText, readTextFile } from './json-file';
import { readModelsFile, roundFigure } from './models-file';
import { displayPath } from './paths';

/** The flat view of a model that diffs compare: the fields of a release row that describe the model itself. */
export interface DiffRow {
  id: string;
  name: string;
  developer: string | null;
  releaseDate: string | null;
  status: ReleaseRow['status'];
  flop: number | null;
  low: number | null;
  high: number | null;
  probabilityAbove: number | null;
  confidence: Confidence | null;
  method: string | null;
}

/** Anything a diff can compare: merged records, release rows, or rows already flattened. */
export type DiffableModel = ModelRecord | ReleaseRow | DiffRow;

/** The compared fields, in the order changes are listed. */
export const DIFF_FIELDS = [
  'name',
  'developer',
  'releaseDate',
  'status',
  'flop',
  'low',
  'high',
  'probabilityAbove',
  'confidence',
  'method',
] as const satisfies readonly (keyof DiffRow)[];

/** Options of {@link summarizeRecord}. */
export interface SummarizeRecordOptions {
  /** The ledger, to fill `evidence` and the human figure's confidence from the ruling's entry. */
  ledger?: readonly LedgerEntry[];
}

const ledgerIndexes = new WeakMap<readonly LedgerEntry[], Map<string, LedgerEntry>>();

/** Entry id → entry, built once per ledger array so summarising many records stays linear. */
function indexLedger(ledger: readonly LedgerEntry[]): Map<string, LedgerEntry> {
  let index = ledgerIndexes.get(ledger);
  if (!index) {
    index = new Map(ledger.map((entry) => [entry.id, entry]));
    ledgerIndexes.set(ledger, index);
  }
  return index;
}

function pickReleaseDate(record: ModelRecord): string | null {
  const facts = record.facts.releaseDate ?? [];
  const human = facts.find((fact) => fact.source === 'ledger');
  if (human) return human.value;
  // The most precise date any source gives, the earliest among those (a model is released once).
  let best: string | null = null;
  for (const { value } of facts) {
    if (best === null || value.length > best.length || (value.length === best.length && value < best))
      best = value;
  }
  return best;
}

/**
 * Flattens a curated record into a release row (the one flat shape the CLI, query and releases share).
 * `flop`, `low`, `high`, `confidence`, `method` and `probabilityAbove` describe the record's estimate: the human
 * figure when a ruling set one (method `ledger`, its interval from the ruling, see `curate`), else the machine's.
 * (A record curated before rulings carried an interval has the human figure with `low`/`high` null.) `unreviewed` is true when no human has ruled on the threshold (status `candidate` or `unreviewed`,
 * even after an `include`); `reason` is the ruling's, or the machine's method and probability.
 */
export function summarizeRecord(record: ModelRecord, options: SummarizeRecordOptions = {}): ReleaseRow {
  const ruling = record.curation?.ruling;
  const entry = ruling && options.ledger ? indexLedger(options.ledger).get(ruling.entryId) : undefined;
  const estimate = record.estimate ?? null;
  const probabilityAbove = record.assessment?.probabilityAbove ?? null;
  const status =
    record.curation?.status ??
    (record.assessment?.status === 'above' || record.assessment?.status === 'likely-above'
      ? 'candidate'
      : 'unreviewed');
  // Records curated by an older version keep the machine estimate beside a ruling's figure: show the figure alone.
  const legacyHuman = ruling?.flop !== undefined && estimate?.method !== 'ledger';
  const entryConfidence =
    entry && 'value' in entry && entry.value && 'confidence' in entry.value
      ? entry.value.confidence
      : undefined;
  const machineReason = estimate
    ? `machine estimate by ${estimate.method}${probabilityAbove === null ? '' : `, P(above) ${probabilityAbove.toFixed(2)}`}`
    : 'no estimate';
  return {
    id: record.id,
    name: record.name,
    developer: record.developer,
    releaseDate: pickReleaseDate(record),
    status,
    unreviewed: status === 'candidate' || status === 'unreviewed',
    flop: legacyHuman ? ruling.flop! : (estimate?.median ?? null),
    low: legacyHuman ? null : (estimate?.interval90[0] ?? null),
    high: legacyHuman ? null : (estimate?.interval90[1] ?? null),
    probabilityAbove,
    confidence: legacyHuman
      ? entryConfidence && entryConfidence !== 'unknown'
        ? entryConfidence
        : null
      : (estimate?.confidence ?? null),
    method: legacyHuman ? 'ledger' : (estimate?.method ?? null),
    reason: ruling ? ruling.reason : machineReason,
    evidence: entry ? [...entry.evidence] : [],
  };
}

function isModelRecord(model: DiffableModel): model is ModelRecord {
  return 'facts' in model;
}

/** Reduces any diffable model to a {@link DiffRow}. */
export function toDiffRow(model: DiffableModel): DiffRow {
  const row = isModelRecord(model) ? summarizeRecord(model) : model;
  return {
    id: row.id,
    name: row.name,
    developer: row.developer,
    releaseDate: row.releaseDate,
    status: row.status,
    flop: row.flop,
    low: row.low,
    high: row.high,
    probabilityAbove: row.probabilityAbove,
    confidence: row.confidence,
    method: row.method,
  };
}

/** One field that differs. */
export interface FieldChange {
  field: (typeof DIFF_FIELDS)[number];
  from: unknown;
  to: unknown;
}

/** What changed between two sets of models, each list sorted by id. */
export interface ModelSetDiff {
  added: DiffRow[];
  removed: DiffRow[];
  changed: { id: string; changes: FieldChange[] }[];
}

/** Estimate figures are equal when `models.json` writes them alike (to six significant digits), see `roundFigure`. */
function sameValue(field: (typeof DIFF_FIELDS)[number], left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  const figure = field === 'flop' || field === 'low' || field === 'high';
  return (
    figure &&
    Number.isFinite(left) &&
    Number.isFinite(right) &&
    roundFigure(left as number) === roundFigure(right as number)
  );
}

/** Compares two sets of models by id: which appeared, which disappeared, and which fields changed. */
export function diffModelSets(
  before: readonly DiffableModel[],
  after: readonly DiffableModel[],
): ModelSetDiff {
  const left = new Map(before.map((model) => [model.id, toDiffRow(model)]));
  const right = new Map(after.map((model) => [model.id, toDiffRow(model)]));
  const byId = (a: DiffRow, b: DiffRow) => compareStrings(a.id, b.id);
  const added = [...right.values()].filter((row) => !left.has(row.id)).sort(byId);
  const removed = [...left.values()].filter((row) => !right.has(row.id)).sort(byId);
  const changed: ModelSetDiff['changed'] = [];
  for (const id of [...left.keys()].filter((key) => right.has(key)).sort(compareStrings)) {
    const from = left.get(id)!;
    const to = right.get(id)!;
    const changes = DIFF_FIELDS.filter((field) => !sameValue(field, from[field], to[field])).map((field) => ({
      field,
      from: from[field],
      to: to[field],
    }));
    if (changes.length > 0) changed.push({ id, changes });
  }
  return { added, removed, changed };
}

/**
 * Loads what `tracker diff` compares: a data folder (its `models.json`), a release folder
 * (`releases/<date>/models.json`), or either `models.json` directly. The kind is told apart by the file's content
 * (a release has a `date`), and the file is validated as that kind (`DATA_INVALID` naming file, path, problem).
 */
export async function loadDiffRows(location: string): Promise<DiffRow[]> {
  const file = (await isDirectory(location)) ? path.join(location, 'models.json') : location;
  const text = await readTextFile(file);
  const value = parseJsonText(text!, { file });
  const shown = displayPath(file);
  if (typeof value === 'object' && value !== null && 'date' in value) {
    return parseWithSchema(ReleaseFileSchema, value, { file: shown, code: 'DATA_INVALID' }).models.map(
      toDiffRow,
    );
  }
  return readModelsFile(value, shown).models.map(toDiffRow);
}

async function isDirectory(location: string): Promise<boolean> {
  try {
    return (await stat(location)).isDirectory();
  } catch {
    return false;
  }
}

/** Diffs two data or release folders (or their `models.json` files); see {@link loadDiffRows}. */
export async function diffDataDirs(before: string, after: string): Promise<ModelSetDiff> {
  const [left, right] = await Promise.all([loadDiffRows(before), loadDiffRows(after)]);
  return diffModelSets(left, right);
}
