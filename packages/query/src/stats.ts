import {
  type Confidence,
  ConfidenceSchema,
  type CuratedStatus,
  CuratedStatusSchema,
  escapeJsonControls,
  type ThresholdStatus,
  ThresholdStatusSchema,
} from '@tracker/schema';
import { describeValue, queryError } from './errors';
import { isAboveThreshold, isBelowThreshold } from './filter';
import { renderMarkdownTable } from './format/markdown';
import { renderTextTable } from './format/table';
import { formatMagnitude } from './format/text';
import type { QueryRow } from './row';

/** How many models one developer has; `developer` is null for models no source attributes. */
export interface DeveloperCount {
  developer: string | null;
  count: number;
}

/** How many models were released in one year; `year` is null for models without a release date. */
export interface YearCount {
  year: string | null;
  count: number;
}

/** Models whose median estimate lies in one decade of FLOP: `low` ≤ median < `high`, `high` = 10 × `low`. */
export interface ComputeDecade {
  /** log10 of `low`: 25 for the decade 1e25–1e26. */
  exponent: number;
  low: number;
  high: number;
  count: number;
}

/** The distribution of the models' median compute estimates. */
export interface ComputeDistribution {
  /** Rows with a median estimate. */
  withEstimate: number;
  /** Rows without one. */
  withoutEstimate: number;
  /** Smallest median, or null when no row has an estimate. */
  min: number | null;
  /** Median of the medians (for an even count, the geometric mean of the middle two, as FLOP spans decades). */
  median: number | null;
  /** Largest median, or null when no row has an estimate. */
  max: number | null;
  /** Every decade from the smallest to the largest median, empty ones included so the histogram has no gaps. */
  byDecade: ComputeDecade[];
}

/** Summary counts over a set of rows, from {@link computeStats}. */
export interface QueryStats {
  total: number;
  /** Rows over the threshold by the rule of the `above` filter. */
  aboveThreshold: number;
  /** Rows under the threshold by the rule of the `below` filter. */
  belowThreshold: number;
  /** Count per curated status, every status present (zero when none). */
  byStatus: Record<CuratedStatus, number>;
  /** Count per machine threshold status, every status present. */
  byThresholdStatus: Record<ThresholdStatus, number>;
  /** Count per confidence label; `none` counts rows without an estimate. */
  byConfidence: Record<Confidence | 'none', number>;
  /** Most models first, then by name; the unattributed (null) last. */
  byDeveloper: DeveloperCount[];
  /** Oldest year first; undated (null) last. */
  byReleaseYear: YearCount[];
  compute: ComputeDistribution;
}

/** Counts rows by status, developer, release year and confidence, and describes their compute distribution. */
export function computeStats(rows: readonly QueryRow[]): QueryStats {
  const byStatus = Object.fromEntries(CuratedStatusSchema.options.map((status) => [status, 0])) as Record<
    CuratedStatus,
    number
  >;
  const byThresholdStatus = Object.fromEntries(
    ThresholdStatusSchema.options.map((status) => [status, 0]),
  ) as Record<ThresholdStatus, number>;
  const byConfidence = Object.fromEntries(
    [...ConfidenceSchema.options, 'none'].map((label) => [label, 0]),
  ) as Record<Confidence | 'none', number>;
  const developers = new Map<string | null, number>();
  const years = new Map<string | null, number>();
  let aboveThreshold = 0;
  let belowThreshold = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    byThresholdStatus[row.thresholdStatus] += 1;
    byConfidence[row.confidence ?? 'none'] += 1;
    developers.set(row.developer, (developers.get(row.developer) ?? 0) + 1);
    const year = row.releaseDate?.slice(0, 4) ?? null;
    years.set(year, (years.get(year) ?? 0) + 1);
    if (isAboveThreshold(row)) aboveThreshold += 1;
    if (isBelowThreshold(row)) belowThreshold += 1;
  }
  const byDeveloper = [...developers]
    .map(([developer, count]) => ({ developer, count }))
    .sort(
      (left, right) =>
        Number(left.developer === null) - Number(right.developer === null) ||
        right.count - left.count ||
        compareText(left.developer ?? '', right.developer ?? ''),
    );
  const byReleaseYear = [...years]
    .map(([year, count]) => ({ year, count }))
    .sort(
      (left, right) =>
        Number(left.year === null) - Number(right.year === null) ||
        compareText(left.year ?? '', right.year ?? ''),
    );
  return {
    total: rows.length,
    aboveThreshold,
    belowThreshold,
    byStatus,
    byThresholdStatus,
    byConfidence,
    byDeveloper,
    byReleaseYear,
    compute: computeDistribution(rows),
  };
}

function computeDistribution(rows: readonly QueryRow[]): ComputeDistribution {
  const medians = rows
    .map((row) => row.median)
    .filter((value): value is number => value !== null && value > 0)
    .sort((left, right) => left - right);
  const withoutEstimate = rows.length - medians.length;
  const min = medians[0];
  const max = medians[medians.length - 1];
  if (min === undefined || max === undefined) {
    return { withEstimate: 0, withoutEstimate, min: null, max: null, median: null, byDecade: [] };
  }
  const middle = medians.length / 2;
  const median =
    medians.length % 2 === 1
      ? (medians[Math.floor(middle)] ?? min)
      : Math.sqrt((medians[middle - 1] ?? min) * (medians[middle] ?? min));
  const lowest = decadeOf(min);
  const highest = decadeOf(max);
  const byDecade: ComputeDecade[] = [];
  for (let exponent = lowest; exponent <= highest; exponent++) {
    byDecade.push({ exponent, low: powerOfTen(exponent), high: powerOfTen(exponent + 1), count: 0 });
  }
  for (const value of medians) {
    const decade = byDecade[decadeOf(value) - lowest];
    if (decade) decade.count += 1;
  }
  return { withEstimate: medians.length, withoutEstimate, min, median, max, byDecade };
}

/** The exact double nearest 10^exponent (the literal `1e25`), which `10 ** 25` need not be. */
function powerOfTen(exponent: number): number {
  return Number(`1e${exponent}`);
}

/** floor(log10(value)), corrected where floating-point log10 lands just beside an exact power of ten. */
function decadeOf(value: number): number {
  let exponent = Math.floor(Math.log10(value));
  if (powerOfTen(exponent + 1) <= value) exponent += 1;
  if (powerOfTen(exponent) > value) exponent -= 1;
  return exponent;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Output formats of {@link formatStats}. */
export const STATS_FORMATS = ['table', 'json', 'markdown'] as const;

/** One of {@link STATS_FORMATS}. */
export type StatsFormat = (typeof STATS_FORMATS)[number];

/** Options of {@link formatStats}. */
export interface FormatStatsOptions {
  /** Default `table`. */
  format?: StatsFormat;
  /** Table only: maximum line width in columns. */
  width?: number;
  /** Table only: ANSI bold headings. Default false. */
  color?: boolean;
}

/** Formats stats as aligned text tables, pretty JSON or Markdown sections. */
export function formatStats(stats: QueryStats, options: FormatStatsOptions = {}): string {
  const format = options.format ?? 'table';
  if (!(STATS_FORMATS as readonly string[]).includes(format)) {
    throw queryError(
      'format',
      `unknown stats format ${describeValue(format)}; valid formats: ${STATS_FORMATS.join(', ')}`,
    );
  }
  if (format === 'json') return `${escapeJsonControls(JSON.stringify(stats, null, 2))}\n`;
  const sections = describeSections(stats);
  const summary = `${stats.total} models: ${stats.aboveThreshold} over the threshold, ${stats.belowThreshold} under it.`;
  const compute = stats.compute;
  const computeLine =
    compute.min === null || compute.median === null || compute.max === null
      ? `No compute estimates (${compute.withoutEstimate} models without one).`
      : `Compute estimates: ${compute.withEstimate} models with one, ${compute.withoutEstimate} without; ` +
        `min ${formatMagnitude(compute.min)}, median ${formatMagnitude(compute.median)}, max ${formatMagnitude(compute.max)}.`;
  if (format === 'markdown') {
    const parts = sections.map(
      (section) =>
        `### ${section.title}\n\n${renderMarkdownTable([section.label, 'count'], section.rows, [
          false,
          true,
        ])}`,
    );
    return `${summary}\n\n${computeLine}\n\n${parts.join('\n')}`;
  }
  const tableOptions = {
    ...(options.width === undefined ? {} : { width: options.width }),
    ...(options.color === undefined ? {} : { color: options.color }),
  };
  const parts = sections.map((section) =>
    renderTextTable(
      [
        { header: section.label, align: 'left' },
        { header: 'count', align: 'right' },
      ],
      section.rows,
      tableOptions,
    ),
  );
  return `${summary}\n${computeLine}\n\n${parts.join('\n')}`;
}

interface StatsSection {
  title: string;
  label: string;
  rows: string[][];
}

function describeSections(stats: QueryStats): StatsSection[] {
  const counts = (record: Record<string, number>) =>
    Object.entries(record).map(([key, count]) => [key, String(count)]);
  return [
    { title: 'By status', label: 'status', rows: counts(stats.byStatus) },
    { title: 'By threshold status', label: 'threshold', rows: counts(stats.byThresholdStatus) },
    { title: 'By confidence', label: 'confidence', rows: counts(stats.byConfidence) },
    {
      title: 'By developer',
      label: 'developer',
      rows: stats.byDeveloper.map((entry) => [entry.developer ?? '(unknown)', String(entry.count)]),
    },
    {
      title: 'By release year',
      label: 'year',
      rows: stats.byReleaseYear.map((entry) => [entry.year ?? '(undated)', String(entry.count)]),
    },
    {
      title: 'Compute distribution (median estimate)',
      label: 'FLOP',
      rows: stats.compute.byDecade.map((decade) => [
        `1e${decade.exponent}–1e${decade.exponent + 1}`,
        String(decade.count),
      ]),
    },
  ];
}
