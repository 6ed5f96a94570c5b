import type { CuratedStatus } from '@tracker/schema';
import { formatMagnitude } from '../format/text';
import type { QueryRow } from '../row';
import { formatExactMagnitude } from './format-values';
import { html, joinHtml, mapHtml, type SafeHtml } from './html';

/** Why a model is left out of the chart. */
export type NotChartedReason = 'no release date' | 'no estimate' | 'no release date or estimate';

/** A model left out of the chart, with the reason. */
export interface NotChartedRow {
  row: QueryRow;
  reason: NotChartedReason;
}

/** The chart of compute over time, plus the models it could not place. */
export interface ComputeChart {
  /** The `<svg>` element, or a paragraph saying there is nothing to chart. */
  markup: SafeHtml;
  /** Number of models drawn as points. */
  charted: number;
  /** Of those, how many lie outside the time axis and are drawn at its edge with an arrow. */
  clipped: number;
  notCharted: NotChartedRow[];
}

/** Options of {@link renderComputeChart}. */
export interface ComputeChartOptions {
  /** Compute threshold in FLOP, drawn as a labelled horizontal line. */
  threshold: number;
}

/** Every curated status in legend order, with the label people read. */
export const STATUS_LABELS: Readonly<Record<CuratedStatus, string>> = {
  'confirmed-above': 'confirmed above',
  candidate: 'candidate',
  unreviewed: 'unreviewed',
  'confirmed-below': 'confirmed below',
  excluded: 'excluded',
};

// One shape per status so the chart reads without colour (and in greyscale print); centred on 0,0.
const MARKER_PATHS: Readonly<Record<CuratedStatus, string>> = {
  'confirmed-above': 'M0,-5.5A5.5,5.5 0 1 1 0,5.5A5.5,5.5 0 1 1 0,-5.5Z',
  candidate: 'M0,-6.5L6,4L-6,4Z',
  unreviewed: 'M0,-6L6,0L0,6L-6,0Z',
  'confirmed-below': 'M0,6.5L6,-4L-6,-4Z',
  excluded: 'M-4.5,-4.5L4.5,4.5M4.5,-4.5L-4.5,4.5',
};

/** `<defs>` with one reusable marker per status (`#marker-<status>`); markers take fill and stroke from the `<use>`. */
export function renderMarkerDefinitions(): SafeHtml {
  const paths = (Object.keys(MARKER_PATHS) as CuratedStatus[]).map(
    (status) => html`<path id="marker-${status}" d="${MARKER_PATHS[status]}"/>`,
  );
  return html`<svg class="marker-definitions" width="0" height="0" aria-hidden="true"><defs>${paths}</defs></svg>`;
}

// Rendered once per status: the table and the provenance sections show one per model.
const STATUS_MARKERS = new Map(
  (Object.keys(MARKER_PATHS) as CuratedStatus[]).map((status) => [
    status,
    html`<svg class="marker" viewBox="-8 -8 16 16" aria-hidden="true"><use class="status-${status}" href="#marker-${status}"/></svg>`,
  ]),
);

/** A small inline marker for a status (table cells, legend); decorative, the status is also written out. */
export function renderStatusMarker(status: CuratedStatus): SafeHtml {
  return STATUS_MARKERS.get(status) ?? html``;
}

const WIDTH = 960;
const HEIGHT = 520;
const MARGIN = { top: 28, right: 24, bottom: 56, left: 76 };
const PLOT_LEFT = MARGIN.left;
const PLOT_RIGHT = WIDTH - MARGIN.right;
const PLOT_TOP = MARGIN.top;
const PLOT_BOTTOM = HEIGHT - MARGIN.bottom;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `10²⁵`, as an axis reads it. */
function formatPowerOfTen(exponent: number): string {
  const digits = String(Math.abs(exponent))
    .split('')
    .map((digit) => SUPERSCRIPT_DIGITS[Number(digit)])
    .join('');
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

/**
 * A release date as a fractional year, at the middle of the period it names: `2024` → 2024.5, `2024-07` → the
 * middle of July. Null when the text is not a date.
 */
export function toFractionalYear(date: string): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return year + 0.5;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = match[3] === undefined ? daysInMonth / 2 : Number(match[3]) - 0.5;
  if (day < 0 || day > daysInMonth) return null;
  return year + (month - 1) / 12 + day / daysInMonth / 12;
}

function isPositive(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value > 0;
}

/** The smallest "nice" step (1, 2, 5 × 10ⁿ) that gives at most `maxTicks` ticks over `span`. */
function niceStep(span: number, maxTicks: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const factor of [1, 2, 5]) {
      if (span / (factor * magnitude) <= maxTicks) return factor * magnitude;
    }
  }
}

interface PlacedPoint {
  row: QueryRow;
  year: number;
  median: number;
  low: number;
  high: number;
}

/** Value at quantile `q` (0–1) of sorted values, by linear interpolation. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * The years the time axis spans: the data's range, unless a few dates lie far outside the rest (one model dated
 * 2007 among hundreds from 2023–2025 would squeeze them all into the right edge). Dates beyond Tukey's far fences
 * (3 interquartile ranges past the quartiles) are left outside the axis when they are at most 2% of the points;
 * they are still drawn, at the edge.
 */
export function robustYearRange(years: readonly number[]): [number, number] {
  const sorted = [...years].sort((left, right) => left - right);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  // At least a year of spread, so that a set of dates from one month does not call everything else an outlier.
  const spread = Math.max(q3 - q1, 1);
  const low = q1 - 3 * spread;
  const high = q3 + 3 * spread;
  const outside = sorted.filter((year) => year < low || year > high).length;
  if (outside === 0 || outside > sorted.length * 0.02) return [first, last];
  return [Math.max(first, low), Math.min(last, high)];
}

function round(value: number): string {
  return value.toFixed(1);
}

/**
 * Renders training compute against release date on a log axis: one point per model that has both, coloured and
 * shaped by curated status, with its 90% interval as a vertical bar and the threshold as a labelled line.
 */
export function renderComputeChart(rows: readonly QueryRow[], options: ComputeChartOptions): ComputeChart {
  const placed: PlacedPoint[] = [];
  const notCharted: NotChartedRow[] = [];
  for (const row of rows) {
    const year = row.releaseDate === null ? null : toFractionalYear(row.releaseDate);
    const hasEstimate = isPositive(row.median);
    if (year === null || !hasEstimate) {
      const reason: NotChartedReason =
        year === null && !hasEstimate
          ? 'no release date or estimate'
          : year === null
            ? 'no release date'
            : 'no estimate';
      notCharted.push({ row, reason });
      continue;
    }
    const median = row.median as number;
    // A missing or inverted bound collapses to the median rather than drawing a bar that means nothing.
    const low = isPositive(row.low) && row.low <= median ? row.low : median;
    const high = isPositive(row.high) && row.high >= median ? row.high : median;
    placed.push({ row, year, median, low, high });
  }
  if (placed.length === 0) {
    return {
      markup: html`<p class="chart-empty">No model has both a release date and an estimate, so there is nothing to chart.</p>`,
      charted: 0,
      clipped: 0,
      notCharted,
    };
  }

  const thresholdExponent = Math.log10(options.threshold);
  let minimumExponent = thresholdExponent;
  let maximumExponent = thresholdExponent;
  for (const point of placed) {
    minimumExponent = Math.min(minimumExponent, Math.log10(point.low));
    maximumExponent = Math.max(maximumExponent, Math.log10(point.high));
  }
  const yMin = Math.floor(minimumExponent);
  const yMax = Math.max(Math.ceil(maximumExponent), yMin + 1);
  const [firstYear, lastYear] = robustYearRange(placed.map((point) => point.year));
  const xMin = Math.floor(firstYear);
  const xMax = Math.max(Math.ceil(lastYear), xMin + 1);
  // A point outside the time axis (a lone early or late date) is drawn at the edge with an arrow, not dropped.
  const clip = (year: number) => Math.min(xMax, Math.max(xMin, year));
  const clippedBefore = placed.filter((point) => point.year < xMin).length;
  const clippedAfter = placed.filter((point) => point.year > xMax).length;
  const toX = (year: number) => PLOT_LEFT + ((clip(year) - xMin) / (xMax - xMin)) * (PLOT_RIGHT - PLOT_LEFT);
  const toY = (value: number) =>
    PLOT_BOTTOM - ((Math.log10(value) - yMin) / (yMax - yMin)) * (PLOT_BOTTOM - PLOT_TOP);

  const yStep = niceStep(yMax - yMin, 10);
  const yTicks: SafeHtml[] = [];
  for (let exponent = Math.ceil(yMin / yStep) * yStep; exponent <= yMax; exponent += yStep) {
    const y = round(toY(10 ** exponent));
    yTicks.push(
      html`<g class="tick tick-y"><line class="grid" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${y}" y2="${y}"/><text x="${PLOT_LEFT - 8}" y="${y}" dy="0.32em" text-anchor="end">${formatPowerOfTen(exponent)}</text></g>`,
    );
  }
  const xStep = niceStep(xMax - xMin, 12);
  const xTicks: SafeHtml[] = [];
  for (let year = Math.ceil(xMin / xStep) * xStep; year <= xMax; year += xStep) {
    const x = round(toX(year));
    xTicks.push(
      html`<g class="tick tick-x"><line class="grid" x1="${x}" x2="${x}" y1="${PLOT_TOP}" y2="${PLOT_BOTTOM}"/><text x="${x}" y="${PLOT_BOTTOM + 20}" text-anchor="middle">${year}</text></g>`,
    );
  }

  const thresholdY = round(toY(options.threshold));
  const thresholdText = `Threshold ${formatExactMagnitude(options.threshold)} FLOP`;
  const threshold = html`<g class="threshold"><line class="threshold-line" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${thresholdY}" y2="${thresholdY}"/><text class="threshold-label" x="${PLOT_LEFT + 6}" y="${thresholdY}" dy="-0.5em" text-anchor="start">${thresholdText}</text></g>`;

  // Painted in ascending median so the models near and over the threshold, what the report is about, end up on top.
  const ordered = [...placed].sort((left, right) => left.median - right.median);
  const points = mapHtml(ordered, (point) => {
    const { row } = point;
    const x = round(toX(point.year));
    const y = round(toY(point.median));
    const title = `${row.name} (${STATUS_LABELS[row.status]}${row.needsReview ? ', needs review' : ''}): median ${formatMagnitude(point.median)} FLOP, 90% interval ${formatMagnitude(point.low)}–${formatMagnitude(point.high)} FLOP, released ${row.releaseDate}`;
    const ring = row.needsReview
      ? html`<circle class="needs-review-ring" cx="${x}" cy="${y}" r="10"/>`
      : null;
    const clipped = point.year < xMin ? 'before' : point.year > xMax ? 'after' : null;
    const arrow =
      clipped === null
        ? null
        : html`<path class="clip-arrow" d="${clipped === 'before' ? `M${round(Number(x) - 9)},${y}l6,-4v8z` : `M${round(Number(x) + 9)},${y}l-6,-4v8z`}"/>`;
    return html`<g class="point status-${row.status}${clipped ? ' clipped' : ''}" data-model-id="${row.id}"><title>${title}${clipped ? `; drawn at the ${clipped === 'before' ? 'left' : 'right'} edge of the time axis` : ''}</title><line class="interval" x1="${x}" x2="${x}" y1="${round(toY(point.high))}" y2="${round(toY(point.low))}"/>${ring}<use href="#marker-${row.status}" x="${x}" y="${y}"/>${arrow}</g>`;
  });

  const clippedText = [
    clippedBefore ? `${clippedBefore} released before ${xMin} drawn at the left edge` : '',
    clippedAfter ? `${clippedAfter} released after ${xMax} drawn at the right edge` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const label = `Training compute against release date for ${placed.length} models, log scale from ${formatPowerOfTen(yMin)} to ${formatPowerOfTen(yMax)} FLOP, years ${xMin} to ${xMax}${clippedText ? ` (${clippedText})` : ''}, with the threshold at ${formatExactMagnitude(options.threshold)} FLOP; ${placed.filter((point) => point.median > options.threshold).length} medians lie above it.`;
  const markup = html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" preserveAspectRatio="xMidYMid meet"><rect class="plot-area" x="${PLOT_LEFT}" y="${PLOT_TOP}" width="${PLOT_RIGHT - PLOT_LEFT}" height="${PLOT_BOTTOM - PLOT_TOP}"/>${joinHtml(yTicks)}${joinHtml(xTicks)}<line class="axis" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM}"/><line class="axis" x1="${PLOT_LEFT}" x2="${PLOT_LEFT}" y1="${PLOT_TOP}" y2="${PLOT_BOTTOM}"/><text class="axis-label" x="${(PLOT_LEFT + PLOT_RIGHT) / 2}" y="${HEIGHT - 10}" text-anchor="middle">Release date</text><text class="axis-label" transform="translate(18 ${(PLOT_TOP + PLOT_BOTTOM) / 2}) rotate(-90)" text-anchor="middle">Training compute (FLOP, log scale)</text><g class="points">${points}</g>${threshold}</svg>`;
  return { markup, charted: placed.length, notCharted, clipped: clippedBefore + clippedAfter };
}
