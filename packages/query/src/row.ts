import type { Confidence, CuratedStatus, Fact, ModelRecord, ThresholdStatus } from '@tracker/schema';

/**
 * The flat view of one model that every query works on: filtering, sorting, field selection, stats and output.
 * Field names are a public contract (scripts and `tracker query --fields` use them); add fields, never rename.
 * Every field is present; `null` means "not known".
 */
export interface QueryRow {
  /** Canonical id, e.g. `openai/gpt-4o`. */
  id: string;
  /** Display name. */
  name: string;
  /** Display developer, or null when no source says. */
  developer: string | null;
  /**
   * Release date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when no source is more precise): the earliest date any source
   * gives, refined to the most precise date that agrees with it (`2024` and `2024-05-13` give `2024-05-13`).
   */
  releaseDate: string | null;
  /**
   * Curated status: the ledger's status when the record has a curation, else derived from the machine assessment
   * (`above` or `likely-above` → `candidate`, anything else → `unreviewed`).
   */
  status: CuratedStatus;
  /** The machine's threshold status; `unknown` when the record has no assessment. */
  thresholdStatus: ThresholdStatus;
  /** P(compute > threshold), or null without an estimate. */
  probabilityAbove: number | null;
  /** Median training compute in FLOP. */
  median: number | null;
  /** Low end of the 90% interval, in FLOP. */
  low: number | null;
  /** High end of the 90% interval, in FLOP. */
  high: number | null;
  /** Confidence label of the estimate. */
  confidence: Confidence | null;
  /** Estimator id that set the estimate (or `combined`). */
  method: string | null;
  /** Total parameters: the first `facts.parameters` entry in record order (the merge puts the most trusted first). */
  parameters: number | null;
  /** Active parameters per token (mixture of experts): first `facts.activeParameters` entry in record order. */
  activeParameters: number | null;
  /** Training tokens: first `facts.trainingTokens` entry in record order. */
  trainingTokens: number | null;
  /** Distinct source ids of the observations the record was merged from, sorted. */
  sources: string[];
  /** Other names sources use for the model, as the record lists them. */
  aliases: string[];
  /** A human ruling exists but the machine estimate has since moved (false when there is no curation). */
  needsReview: boolean;
  /**
   * The sources' own ids of the model (OpenRouter's `mistralai/mistral-large-2407`, Hugging Face repo ids), sorted,
   * without repeats: what `search` finds a model by besides its names.
   */
  sourceIds: string[];
}

/** One field name of {@link QueryRow}. */
export type QueryField = keyof QueryRow;

/** Every field of {@link QueryRow}, in the default output order. */
export const QUERY_ROW_FIELDS = [
  'id',
  'name',
  'developer',
  'releaseDate',
  'status',
  'thresholdStatus',
  'probabilityAbove',
  'median',
  'low',
  'high',
  'confidence',
  'method',
  'parameters',
  'activeParameters',
  'trainingTokens',
  'sources',
  'aliases',
  'needsReview',
  'sourceIds',
] as const satisfies readonly QueryField[];

/** Fields whose values are FLOP or counts: shown as `3.8e25` in tables. */
export const MAGNITUDE_FIELDS: ReadonlySet<QueryField> = new Set<QueryField>([
  'median',
  'low',
  'high',
  'parameters',
  'activeParameters',
  'trainingTokens',
]);

/** Fields that hold numbers (right-aligned in tables). */
export const NUMERIC_FIELDS: ReadonlySet<QueryField> = new Set<QueryField>([
  ...MAGNITUDE_FIELDS,
  'probabilityAbove',
]);

/** True when `value` names a field of {@link QueryRow}. */
export function isQueryField(value: unknown): value is QueryField {
  return typeof value === 'string' && (QUERY_ROW_FIELDS as readonly string[]).includes(value);
}

/**
 * Flattens a model record into a {@link QueryRow}. Pure and deterministic: the same record always gives the same
 * row, whatever order the caller holds records in.
 */
export function toQueryRow(record: ModelRecord): QueryRow {
  const estimate = record.estimate ?? null;
  const assessment = record.assessment;
  const thresholdStatus: ThresholdStatus = assessment?.status ?? 'unknown';
  return {
    id: record.id,
    name: record.name,
    developer: record.developer,
    releaseDate: pickReleaseDate(record.facts.releaseDate),
    status: record.curation?.status ?? deriveStatus(thresholdStatus),
    thresholdStatus,
    probabilityAbove: assessment?.probabilityAbove ?? null,
    median: estimate?.median ?? null,
    low: estimate?.interval90[0] ?? null,
    high: estimate?.interval90[1] ?? null,
    confidence: estimate?.confidence ?? null,
    method: estimate?.method ?? null,
    parameters: firstValue(record.facts.parameters),
    activeParameters: firstValue(record.facts.activeParameters),
    trainingTokens: firstValue(record.facts.trainingTokens),
    sources: [...new Set(record.observations.map((observation) => observation.source))].sort(),
    aliases: [...record.aliases],
    needsReview: record.curation?.needsReview ?? false,
    sourceIds: sourceIdsOf(record),
  };
}

/** Flattens many records; see {@link toQueryRow}. */
export function toQueryRows(records: readonly ModelRecord[]): QueryRow[] {
  return records.map(toQueryRow);
}

function sourceIdsOf(record: ModelRecord): string[] {
  const ids = new Set<string>();
  for (const ref of record.observations) if (ref.sourceModelId !== undefined) ids.add(ref.sourceModelId);
  for (const fact of record.facts.huggingFaceId ?? []) ids.add(fact.value);
  return [...ids].sort();
}

function deriveStatus(thresholdStatus: ThresholdStatus): CuratedStatus {
  return thresholdStatus === 'above' || thresholdStatus === 'likely-above' ? 'candidate' : 'unreviewed';
}

function firstValue(facts: readonly Fact<number>[] | undefined): number | null {
  return facts?.[0]?.value ?? null;
}

/**
 * Earliest date, then refined: ISO dates (full or partial) sort as strings, so the earliest string wins, and a
 * more precise date that starts with it (`2024` → `2024-05` → `2024-05-13`) replaces it, earliest first.
 */
function pickReleaseDate(facts: readonly Fact<string>[] | undefined): string | null {
  if (!facts || facts.length === 0) return null;
  const dates = [...new Set(facts.map((fact) => fact.value))].sort();
  let chosen = dates[0] ?? null;
  while (chosen !== null) {
    const prefix = `${chosen}-`;
    const refined = dates.find((date) => date.startsWith(prefix));
    if (refined === undefined) break;
    chosen = refined;
  }
  return chosen;
}
