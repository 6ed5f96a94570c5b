import {
  type Confidence,
  ConfidenceSchema,
  type CuratedStatus,
  CuratedStatusSchema,
  DateStringSchema,
  DEFAULT_STATUS_CUTS,
  type ThresholdStatus,
  ThresholdStatusSchema,
} from '@tracker/schema';
import { describeValue, queryError } from './errors';
import type { QueryRow } from './row';

/**
 * A status a filter may ask for: a curated status, a machine threshold status (the two sets do not overlap), or
 * `needs-review`, the curation flag of DESIGN §2 (the same as `needsReview: true`).
 */
export type QueryStatus = CuratedStatus | ThresholdStatus | 'needs-review';

/** Every value the `status` filter accepts. */
export const QUERY_STATUSES: readonly QueryStatus[] = [
  ...CuratedStatusSchema.options,
  ...ThresholdStatusSchema.options,
  'needs-review',
];

/**
 * Which rows to keep. Every option is optional and options combine with AND; an option that takes a list keeps a
 * row matching ANY of its values. Unset options (`undefined`) are ignored, so a CLI can pass its flags as they are.
 */
export interface QueryFilter {
  /**
   * `true` keeps rows over the threshold (see {@link isAboveThreshold}: confirmed above by a human, or P(above) ≥ 0.5
   * with no human ruling against it); `false` keeps every other row.
   */
  above?: boolean;
  /** `true` keeps rows under the threshold (see {@link isBelowThreshold}); `false` keeps every other row. */
  below?: boolean;
  /** Keeps rows whose curated `status` or machine `thresholdStatus` is one of these (`needs-review`: flagged rows). */
  status?: QueryStatus | readonly QueryStatus[];
  /** Keeps rows with `probabilityAbove` ≥ this (0–1). Rows without a probability are dropped. */
  minProbability?: number;
  /** Keeps rows with `probabilityAbove` ≤ this (0–1). Rows without a probability are dropped. */
  maxProbability?: number;
  /** Keeps rows whose developer contains one of these, ignoring case (`google` matches `Google DeepMind`). */
  developer?: string | readonly string[];
  /** Keeps rows released on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). Rows without a date are dropped. */
  releasedAfter?: string;
  /** Keeps rows released on or before this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). Rows without a date are dropped. */
  releasedBefore?: string;
  /** Keeps rows whose estimate has one of these confidence labels. */
  confidence?: Confidence | readonly Confidence[];
  /** Keeps rows whose estimate was set by one of these estimator ids (exact, ignoring case). */
  method?: string | readonly string[];
  /** Keeps rows with at least one observation from one of these source ids (exact, ignoring case). */
  source?: string | readonly string[];
  /**
   * Case-insensitive text search in name, id, aliases and the sources' own ids (`sourceIds`); punctuation and spaces
   * are ignored (`gpt4o` finds `GPT-4o`).
   */
  search?: string;
  /** Keeps rows whose `needsReview` flag equals this. */
  needsReview?: boolean;
  /**
   * The P(above) at or over which `above`/`below` count an unruled model as over the threshold: pass the
   * configured `statusCuts.likelyAbove` (default `DEFAULT_STATUS_CUTS.likelyAbove` of `@tracker/schema`).
   */
  aboveCut?: number;
}

/** A validated {@link QueryFilter} with every list normalised to an array. */
export interface ParsedQueryFilter {
  above?: boolean;
  below?: boolean;
  status?: QueryStatus[];
  minProbability?: number;
  maxProbability?: number;
  developer?: string[];
  releasedAfter?: string;
  releasedBefore?: string;
  confidence?: Confidence[];
  method?: string[];
  source?: string[];
  search?: string;
  needsReview?: boolean;
  aboveCut?: number;
}

/** Every option {@link QueryFilter} accepts. */
export const QUERY_FILTER_OPTIONS = [
  'above',
  'below',
  'status',
  'minProbability',
  'maxProbability',
  'developer',
  'releasedAfter',
  'releasedBefore',
  'confidence',
  'method',
  'source',
  'search',
  'needsReview',
  'aboveCut',
] as const satisfies readonly (keyof QueryFilter)[];

/**
 * Validates a filter, from typed code or from loose input such as CLI flags: booleans may be given as
 * `"true"`/`"false"`, numbers as numeric strings, and `status`, `confidence`, `method` and `source` as
 * comma-separated strings. Throws `TrackerError('QUERY_INVALID')` naming the option at fault.
 */
export function parseFilter(input: unknown): ParsedQueryFilter {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw queryError('filter', `expected an object of filter options, got ${describeValue(input)}`);
  }
  const options = input as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!(QUERY_FILTER_OPTIONS as readonly string[]).includes(key)) {
      throw queryError(key, `unknown filter option; valid options: ${QUERY_FILTER_OPTIONS.join(', ')}`, {
        validOptions: [...QUERY_FILTER_OPTIONS],
      });
    }
  }
  const parsed: ParsedQueryFilter = {};
  const above = parseBoolean('above', options.above);
  if (above !== undefined) parsed.above = above;
  const below = parseBoolean('below', options.below);
  if (below !== undefined) parsed.below = below;
  if (parsed.above === true && parsed.below === true) {
    throw queryError('above', 'cannot be combined with below: no model is both over and under the threshold');
  }
  const aboveCut = parseProbability('aboveCut', options.aboveCut);
  if (aboveCut !== undefined) parsed.aboveCut = aboveCut;
  const status = parseList('status', options.status, true);
  if (status !== undefined) parsed.status = status.map((value) => parseStatus(value));
  const minProbability = parseProbability('minProbability', options.minProbability);
  if (minProbability !== undefined) parsed.minProbability = minProbability;
  const maxProbability = parseProbability('maxProbability', options.maxProbability);
  if (maxProbability !== undefined) parsed.maxProbability = maxProbability;
  if (minProbability !== undefined && maxProbability !== undefined && minProbability > maxProbability) {
    throw queryError('minProbability', `${minProbability} is greater than maxProbability ${maxProbability}`);
  }
  const developer = parseList('developer', options.developer, false);
  if (developer !== undefined) parsed.developer = developer;
  const releasedAfter = parseDate('releasedAfter', options.releasedAfter);
  if (releasedAfter !== undefined) parsed.releasedAfter = releasedAfter;
  const releasedBefore = parseDate('releasedBefore', options.releasedBefore);
  if (releasedBefore !== undefined) parsed.releasedBefore = releasedBefore;
  if (
    releasedAfter !== undefined &&
    releasedBefore !== undefined &&
    compareDates(releasedAfter, releasedBefore) > 0
  ) {
    throw queryError('releasedAfter', `${releasedAfter} is later than releasedBefore ${releasedBefore}`);
  }
  const confidence = parseList('confidence', options.confidence, true);
  if (confidence !== undefined) parsed.confidence = confidence.map((value) => parseConfidence(value));
  const method = parseList('method', options.method, true);
  if (method !== undefined) parsed.method = method;
  const source = parseList('source', options.source, true);
  if (source !== undefined) parsed.source = source;
  if (options.search !== undefined) {
    if (typeof options.search !== 'string' || options.search.trim() === '') {
      throw queryError('search', `expected non-empty text, got ${describeValue(options.search)}`);
    }
    parsed.search = options.search.trim();
  }
  const needsReview = parseBoolean('needsReview', options.needsReview);
  if (needsReview !== undefined) parsed.needsReview = needsReview;
  return parsed;
}

/**
 * Over the threshold: a human confirmed it above, or no human ruled it below or excluded it and the machine gives
 * P(above) ≥ `cut`, the configured `statusCuts.likelyAbove` (or, lacking a probability, a threshold status of `above`/`likely-above`). A model without an
 * estimate is never over the threshold unless a human says so.
 */
export function isAboveThreshold(row: QueryRow, cut: number = DEFAULT_STATUS_CUTS.likelyAbove): boolean {
  if (row.status === 'confirmed-above') return true;
  if (row.status === 'confirmed-below' || row.status === 'excluded') return false;
  if (row.probabilityAbove !== null) return row.probabilityAbove >= cut;
  return row.thresholdStatus === 'above' || row.thresholdStatus === 'likely-above';
}

/**
 * Under the threshold: a human confirmed it below, or no human ruled it above or excluded it and the machine gives
 * P(above) < `cut` (or a threshold status of `below`/`likely-below`). A model without an estimate is neither.
 */
export function isBelowThreshold(row: QueryRow, cut: number = DEFAULT_STATUS_CUTS.likelyAbove): boolean {
  if (row.status === 'confirmed-below') return true;
  if (row.status === 'confirmed-above' || row.status === 'excluded') return false;
  if (row.probabilityAbove !== null) return row.probabilityAbove < cut;
  return row.thresholdStatus === 'below' || row.thresholdStatus === 'likely-below';
}

/** Builds a predicate for a filter (validated first), for callers that filter in their own loops. */
export function createRowPredicate(filter: QueryFilter | ParsedQueryFilter = {}): (row: QueryRow) => boolean {
  const parsed = parseFilter(filter);
  const checks: ((row: QueryRow) => boolean)[] = [];
  const cut = parsed.aboveCut ?? DEFAULT_STATUS_CUTS.likelyAbove;
  if (parsed.above !== undefined) checks.push((row) => isAboveThreshold(row, cut) === parsed.above);
  if (parsed.below !== undefined) checks.push((row) => isBelowThreshold(row, cut) === parsed.below);
  if (parsed.status) {
    const wanted = new Set<string>(parsed.status);
    const flagged = wanted.has('needs-review');
    checks.push(
      (row) => wanted.has(row.status) || wanted.has(row.thresholdStatus) || (flagged && row.needsReview),
    );
  }
  if (parsed.minProbability !== undefined) {
    const minimum = parsed.minProbability;
    checks.push((row) => row.probabilityAbove !== null && row.probabilityAbove >= minimum);
  }
  if (parsed.maxProbability !== undefined) {
    const maximum = parsed.maxProbability;
    checks.push((row) => row.probabilityAbove !== null && row.probabilityAbove <= maximum);
  }
  if (parsed.developer) {
    const needles = parsed.developer.map((value) => value.toLowerCase());
    checks.push((row) => {
      const developer = row.developer?.toLowerCase();
      return developer !== undefined && needles.some((needle) => developer.includes(needle));
    });
  }
  if (parsed.releasedAfter !== undefined) {
    const after = parsed.releasedAfter;
    checks.push((row) => row.releaseDate !== null && compareDates(row.releaseDate, after) >= 0);
  }
  if (parsed.releasedBefore !== undefined) {
    const before = parsed.releasedBefore;
    checks.push((row) => row.releaseDate !== null && compareDates(row.releaseDate, before) <= 0);
  }
  if (parsed.confidence) {
    const wanted = new Set<string>(parsed.confidence);
    checks.push((row) => row.confidence !== null && wanted.has(row.confidence));
  }
  if (parsed.method) {
    const wanted = new Set(parsed.method.map((value) => value.toLowerCase()));
    checks.push((row) => row.method !== null && wanted.has(row.method.toLowerCase()));
  }
  if (parsed.source) {
    const wanted = new Set(parsed.source.map((value) => value.toLowerCase()));
    checks.push((row) => row.sources.some((source) => wanted.has(source.toLowerCase())));
  }
  if (parsed.search !== undefined) {
    const matches = createTextMatcher(parsed.search);
    checks.push(
      (row) =>
        matches(row.name) || matches(row.id) || row.aliases.some(matches) || row.sourceIds.some(matches),
    );
  }
  if (parsed.needsReview !== undefined) checks.push((row) => row.needsReview === parsed.needsReview);
  return (row) => checks.every((check) => check(row));
}

/** Keeps the rows that match every option of `filter`, in their order. Throws `QUERY_INVALID` on a bad filter. */
export function filterRows<Row extends QueryRow>(
  rows: readonly Row[],
  filter: QueryFilter | ParsedQueryFilter = {},
): Row[] {
  const predicate = createRowPredicate(filter);
  return rows.filter(predicate);
}

/**
 * Compares ISO dates that may be partial at the precision of the less precise one, so `2024-05` equals every day of
 * May 2024: a partial date is kept by a range it could fall in.
 */
export function compareDates(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  const a = left.slice(0, length);
  const b = right.slice(0, length);
  return a < b ? -1 : a > b ? 1 : 0;
}

function createTextMatcher(query: string): (text: string) => boolean {
  const plain = query.toLowerCase();
  const compact = compactText(query);
  // A query of punctuation only ("-") has no compact form; fall back to a plain substring search.
  if (compact === '') return (text) => text.toLowerCase().includes(plain);
  return (text) => text.toLowerCase().includes(plain) || compactText(text).includes(compact);
}

function compactText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function parseBoolean(option: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw queryError(option, `expected true or false, got ${describeValue(value)}`);
}

function parseProbability(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw queryError(option, `expected a probability between 0 and 1, got ${describeValue(value)}`);
  }
  return number;
}

function parseDate(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DateStringSchema.safeParse(value).success) {
    throw queryError(option, `expected a date YYYY-MM-DD, YYYY-MM or YYYY, got ${describeValue(value)}`);
  }
  return value;
}

/** A string or an array of strings; `splitCommas` also splits each string on commas (for id-like values). */
function parseList(option: string, value: unknown, splitCommas: boolean): string[] | undefined {
  if (value === undefined) return undefined;
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
    throw queryError(option, `expected a string or a list of strings, got ${describeValue(value)}`);
  }
  const values = (items as string[])
    .flatMap((item) => (splitCommas ? item.split(',') : [item]))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (values.length === 0) throw queryError(option, 'expected at least one non-empty value');
  return [...new Set(values)];
}

function parseStatus(value: string): QueryStatus {
  if ((QUERY_STATUSES as readonly string[]).includes(value)) return value as QueryStatus;
  throw queryError(
    'status',
    `unknown status ${describeValue(value)}; valid statuses: ${QUERY_STATUSES.join(', ')}`,
    {
      validValues: [...QUERY_STATUSES],
    },
  );
}

function parseConfidence(value: string): Confidence {
  const result = ConfidenceSchema.safeParse(value);
  if (result.success) return result.data;
  throw queryError(
    'confidence',
    `unknown confidence ${describeValue(value)}; valid values: ${ConfidenceSchema.options.join(', ')}`,
    { validValues: [...ConfidenceSchema.options] },
  );
}
