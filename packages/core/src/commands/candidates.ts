import { formatObjects, type ObjectColumn, type QueryRow, toQueryRow } from '@tracker/query';
import { type ModelRecord, TrackerError } from '@tracker/schema';
import { type CommandContext, printOptions } from '../context';
import { loadCurationState } from '../curation';

export interface CandidatesOptions {
  /** At most this many (a whole number ≥ 1). */
  limit?: string | number;
}

/** A model awaiting a decision, with its flat row. */
export interface ReviewItem {
  record: ModelRecord;
  row: QueryRow;
}

/**
 * What awaits a decision: models without a ruling whose P(above) is at least the review floor (config
 * `reviewFloor`), and rulings flagged needs-review, most likely over the threshold first, then the largest
 * median, then by id.
 */
export function listReviewItems(
  records: readonly ModelRecord[],
  limit: number | undefined,
  reviewFloor: number,
): ReviewItem[] {
  const items = records
    .map((record) => ({ record, row: toQueryRow(record) }))
    .filter(({ row }) => awaitsReview(row, reviewFloor));
  items.sort(
    (left, right) =>
      (right.row.probabilityAbove ?? -1) - (left.row.probabilityAbove ?? -1) ||
      (right.row.median ?? -1) - (left.row.median ?? -1) ||
      (left.row.id < right.row.id ? -1 : left.row.id > right.row.id ? 1 : 0),
  );
  return limit === undefined ? items : items.slice(0, limit);
}

/** Whether a model's row belongs to the review queue of {@link listReviewItems}. */
export function awaitsReview(row: QueryRow, reviewFloor: number): boolean {
  return (
    row.needsReview ||
    ((row.status === 'candidate' || row.status === 'unreviewed') &&
      (row.probabilityAbove ?? -1) >= reviewFloor)
  );
}

/**
 * The records with every unruled model at P(above) ≥ `reviewFloor` marked as a candidate (curation marks only
 * those the machine calls above or likely above), so the review sheet holds the same queue as `candidates`.
 */
export function withReviewFloor(records: readonly ModelRecord[], reviewFloor: number): ModelRecord[] {
  return records.map((record) =>
    record.curation?.status === 'unreviewed' && (record.assessment?.probabilityAbove ?? -1) >= reviewFloor
      ? { ...record, curation: { ...record.curation, status: 'candidate' } }
      : record,
  );
}

/** `--limit N`: a whole number of at least 1. */
export function parseLimit(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new TrackerError('USAGE', `--limit: expected a whole number of at least 1, got "${text}"`);
  }
  return limit;
}

/** The deciding method's reasoning (its first line), else how the components were combined. */
export function reasoningOf(record: ModelRecord): string | null {
  const estimate = record.estimate;
  if (!estimate) return null;
  const deciding = estimate.components.find((component) => component.method === estimate.method);
  return (deciding?.reasoning ?? estimate.combination).split('\n')[0]!.trim();
}

/** Source ids behind the record: its observations and every fact's source. */
export function sourcesOf(record: ModelRecord): string[] {
  const sources = new Set(record.observations.map((observation) => observation.source));
  for (const list of Object.values(record.facts) as { source: string }[][]) {
    for (const fact of list ?? []) sources.add(fact.source);
  }
  return [...sources].sort();
}

/** Distinct http(s) URLs of the record's facts. */
function linksOf(record: ModelRecord): string[] {
  const links = new Set<string>();
  for (const list of Object.values(record.facts) as { url: string }[][]) {
    for (const fact of list ?? []) if (/^https?:\/\//.test(fact.url)) links.add(fact.url);
  }
  return [...links];
}

const SHORT_COLUMNS: ObjectColumn[] = [
  { field: 'id', kind: 'code' },
  { field: 'name' },
  { field: 'developer' },
  { field: 'releaseDate', header: 'released', kind: 'code' },
  { field: 'probabilityAbove', header: 'P(>thr)', kind: 'probability' },
  { field: 'median', kind: 'magnitude' },
  { field: 'low', kind: 'magnitude' },
  { field: 'high', kind: 'magnitude' },
  { field: 'method', kind: 'code' },
  { field: 'confidence', kind: 'code' },
  { field: 'evidence' },
  { field: 'flagged' },
];

// JSON keeps the whole story: the estimate's components, the sources and links, and any ruling.
const FULL_COLUMNS: ObjectColumn[] = [
  ...SHORT_COLUMNS,
  { field: 'status' },
  { field: 'thresholdStatus' },
  { field: 'sources' },
  { field: 'links' },
  { field: 'ruling' },
  { field: 'estimate' },
];

function toCandidateRow({ record, row }: ReviewItem, full: boolean): Record<string, unknown> {
  const reasoning = reasoningOf(record);
  const sources = sourcesOf(record);
  return {
    id: row.id,
    name: row.name,
    developer: row.developer,
    releaseDate: row.releaseDate,
    probabilityAbove: row.probabilityAbove,
    median: row.median,
    low: row.low,
    high: row.high,
    method: row.method,
    confidence: row.confidence,
    evidence: full
      ? reasoning
      : [reasoning, sources.length ? `sources: ${sources.join(', ')}` : null].filter(Boolean).join('; '),
    flagged: record.curation?.needsReview ? (record.curation.needsReviewReason ?? 'needs review') : null,
    status: row.status,
    thresholdStatus: row.thresholdStatus,
    sources,
    links: linksOf(record),
    ruling: record.curation?.ruling ?? null,
    estimate: record.estimate ?? null,
  };
}

/** `tracker candidates`: what awaits a decision, with the evidence. */
export async function run(context: CommandContext, options: CandidatesOptions = {}): Promise<ReviewItem[]> {
  const limit = parseLimit(options.limit);
  const { models } = await loadCurationState(context);
  const queue = listReviewItems(models.models, undefined, context.loaded.config.reviewFloor);
  const items = limit === undefined ? queue : queue.slice(0, limit);
  const full = context.format === 'json' || context.format === 'jsonl';
  context.io.stdout.write(
    formatObjects(
      items.map((item) => toCandidateRow(item, full)),
      {
        ...printOptions(context),
        columns: full ? FULL_COLUMNS : SHORT_COLUMNS,
      },
    ),
  );
  const total = queue.length;
  context.log.info(
    total === 0
      ? 'Nothing awaits a decision.'
      : `${total} awaiting a decision${items.length < total ? ` (${items.length} shown)` : ''}. Next: tracker review, or tracker decide MODEL --above|--below|--exclude --reason TEXT`,
  );
  return items;
}
