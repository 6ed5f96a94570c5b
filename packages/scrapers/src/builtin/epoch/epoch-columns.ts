import { normalizeHeader } from '../kit';

/** What a column of an Epoch CSV feeds. `ignored` columns are known and deliberately not read (prose, notes). */
export type EpochField =
  | 'model'
  | 'developer'
  | 'releaseDate'
  | 'parameters'
  | 'trainingTokens'
  | 'epochs'
  | 'compute'
  | 'confidence'
  | 'computeLower'
  | 'computeUpper'
  | 'computeMethod'
  | 'computeNotes'
  | 'chip'
  | 'chipCount'
  | 'trainingHours'
  | 'utilization'
  | 'costUsd'
  | 'finetuneCompute'
  | 'baseModel'
  | 'accessibility'
  | 'domain'
  | 'link'
  | 'over1e25'
  | 'maybeOver1e25'
  | 'ignored';

/**
 * Every header Epoch's downloads have used, oldest layouts included, and the field it feeds. Within one field
 * the first header listed that a file has wins (the newest name first). Layouts seen:
 * - early 2025: `Training dataset size (datapoints)`, `Hardware utilization`, `Country (from Organization)`;
 * - 2026: `Training dataset size (total)` beside `(DEPRECATED) Training dataset size (datapoints)`,
 *   `Hardware utilization (MFU)` and `(HFU)`, `Country (of organization)`;
 * - frontier file: a bare `Training dataset size`, the over-1e25 flags.
 */
export const EPOCH_HEADERS: readonly (readonly [header: string, field: EpochField])[] = [
  ['Model', 'model'],
  ['Organization', 'developer'],
  ['Publication date', 'releaseDate'],
  ['Parameters', 'parameters'],
  ['Training dataset size (total)', 'trainingTokens'],
  ['(DEPRECATED) Training dataset size (datapoints)', 'trainingTokens'],
  ['Training dataset size (datapoints)', 'trainingTokens'],
  ['Training dataset size', 'trainingTokens'],
  ['Epochs', 'epochs'],
  ['Training compute (FLOP)', 'compute'],
  ['Confidence', 'confidence'],
  ['Training compute lower bound', 'computeLower'],
  ['Training compute upper bound', 'computeUpper'],
  ['Training compute estimation method', 'computeMethod'],
  ['Training compute notes', 'computeNotes'],
  ['Training hardware', 'chip'],
  ['Hardware quantity', 'chipCount'],
  ['Training time (hours)', 'trainingHours'],
  ['Hardware utilization (MFU)', 'utilization'],
  ['Hardware utilization', 'utilization'],
  ['Training compute cost (2023 USD)', 'costUsd'],
  ['Finetune compute (FLOP)', 'finetuneCompute'],
  ['Post-training compute (FLOP)', 'finetuneCompute'],
  ['Base model', 'baseModel'],
  ['Model accessibility', 'accessibility'],
  ['Domain', 'domain'],
  ['Link', 'link'],
  ['Estimated over 1e25 FLOP', 'over1e25'],
  ['Maybe over 1e25 FLOP', 'maybeOver1e25'],
  // Known columns the tracker does not store (prose, notes, bookkeeping, or figures in another unit).
  ...(
    [
      'Country (of organization)',
      'Country (from Organization)',
      'Task',
      'Authors',
      'Reference',
      'Citations',
      'Abstract',
      'Approach',
      'Notability criteria',
      'Notability criteria notes',
      'Parameters notes',
      'Training dataset',
      'Training dataset notes',
      'Dataset size notes',
      'Training time notes',
      'Finetune compute notes',
      'Post-training compute notes',
      'Compute cost notes',
      'Utilization notes',
      'Accessibility notes',
      'Batch size',
      'Batch size notes',
      'Organization categorization',
      'Foundation model',
      'Frontier model',
      'Training chip-hours',
      'Training code accessibility',
      'Inference code accessibility',
      'Possibly over 1e23 FLOP',
      'Numerical format',
      'Training power draw (W)',
      'Power per GPU',
      'Training cloud compute vendor',
      'Training data center',
      'Archived links',
      'Last modified',
      'WikiText and Penn Treebank data',
      'Hugging Face developer id',
      'Hardware utilization (HFU)',
      'Hardware acquisition cost',
      'Hardware release date',
      'Training compute cost (cloud)',
      'Training compute cost (upfront)',
      'Base model compute',
      'API prices',
      'FLOP/$',
      'Model versions (benchmarks)',
      'Open model weights?',
    ] as const
  ).map((header) => [header, 'ignored'] as const),
];

const FIELD_BY_HEADER = new Map(EPOCH_HEADERS.map(([header, field]) => [normalizeHeader(header), field]));

/** A header's stem: normalised, without `(DEPRECATED)` and parenthesised units (`Hardware utilization (MFU)` → `hardware utilization`). */
function headerStem(header: string): string {
  return normalizeHeader(header)
    .replace(/\(deprecated\)/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const FIELD_BY_STEM = new Map<string, EpochField>();
for (const [header, field] of EPOCH_HEADERS) {
  if (field !== 'ignored' && !FIELD_BY_STEM.has(headerStem(header)))
    FIELD_BY_STEM.set(headerStem(header), field);
}

/** How a file's header maps onto fields. */
export interface EpochColumnMap {
  /** For each field, the file's columns that feed it, preferred first. */
  columns: Map<EpochField, string[]>;
  /** Columns that are not in {@link EPOCH_HEADERS} but look like a known field's column, with that field. */
  lookalikes: { column: string; field: EpochField }[];
  /** Columns that are neither known nor look like one. */
  unknown: string[];
}

/** Maps a file's header through {@link EPOCH_HEADERS}. */
export function mapEpochColumns(columns: readonly string[]): EpochColumnMap {
  const present = new Set(columns.map(normalizeHeader));
  const map: EpochColumnMap = { columns: new Map(), lookalikes: [], unknown: [] };
  for (const [header, field] of EPOCH_HEADERS) {
    if (field === 'ignored' || !present.has(normalizeHeader(header))) continue;
    const list = map.columns.get(field);
    if (list) list.push(header);
    else map.columns.set(field, [header]);
  }
  for (const column of columns) {
    if (column.trim() === '' || FIELD_BY_HEADER.has(normalizeHeader(column))) continue;
    const field = FIELD_BY_STEM.get(headerStem(column));
    if (field) map.lookalikes.push({ column, field });
    else map.unknown.push(column);
  }
  return map;
}
