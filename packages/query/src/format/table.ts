import { describeValue, queryError } from '../errors';
import { NUMERIC_FIELDS, type QueryField, type QueryRow } from '../row';
import { displayWidth, formatDisplayValue, sanitizeForTerminal, truncateToWidth } from './text';

/** Short column headings for tables, so narrow numeric columns are not widened by long field names. */
export const QUERY_FIELD_LABELS: Readonly<Record<QueryField, string>> = {
  id: 'id',
  name: 'name',
  developer: 'developer',
  releaseDate: 'released',
  status: 'status',
  thresholdStatus: 'threshold',
  probabilityAbove: 'P(above)',
  median: 'median',
  low: 'low',
  high: 'high',
  confidence: 'confidence',
  method: 'method',
  parameters: 'params',
  activeParameters: 'active',
  trainingTokens: 'tokens',
  sources: 'sources',
  aliases: 'aliases',
  needsReview: 'review',
  sourceIds: 'source ids',
};

/** One column of a text table. */
export interface TextTableColumn {
  header: string;
  align: 'left' | 'right';
  /** False keeps the column whole (numbers, dates, statuses): it is left out rather than cut. Default true. */
  elide?: boolean;
}

/** Options of {@link renderTextTable}. */
export interface TextTableOptions {
  /** Maximum line width in columns; no limit when absent. */
  width?: number;
  /** Bold headings and dim placeholders with ANSI escapes. */
  color?: boolean;
}

const GAP = '  ';
const MINIMUM_COLUMN_WIDTH = 6;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;

/**
 * Lays out cells as an aligned text table no line of which is wider than `width`. Wide elidable columns shrink
 * first, down to 6 columns (cells end with '…'); when the rest still does not fit, trailing columns are left out;
 * a single column that does not fit is cut to the width.
 */
export function renderTextTable(
  columns: readonly TextTableColumn[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string {
  const width = parseWidth(options.width);
  const headers = columns.map((column) => sanitizeForTerminal(column.header));
  const cells = rows.map((row) => row.map((cell) => sanitizeForTerminal(cell)));
  // A loop, not Math.max(...cells): spreading tens of thousands of rows would overflow the call stack.
  const natural = headers.map((header) => displayWidth(header));
  for (const row of cells) {
    row.forEach((cell, index) => {
      natural[index] = Math.max(natural[index] ?? 0, displayWidth(cell));
    });
  }
  const minimums = natural.map((value, index) =>
    columns[index]?.elide === false ? value : Math.min(value, MINIMUM_COLUMN_WIDTH),
  );
  const widths = fitWidths(natural, minimums, width);
  const shown = widths.length;
  const renderLine = (values: readonly string[], bold: boolean): string => {
    const parts = values.slice(0, shown).map((value, index) => {
      const columnWidth = widths[index] ?? 0;
      const text = truncateToWidth(value, columnWidth);
      const padding = ' '.repeat(Math.max(0, columnWidth - displayWidth(text)));
      // Escapes wrap the text only, so padding stays plain and trailing spaces can be trimmed.
      const shownText = bold && options.color && text !== '' ? `${BOLD[0]}${text}${BOLD[1]}` : text;
      return columns[index]?.align === 'right' ? padding + shownText : shownText + padding;
    });
    return parts.join(GAP).trimEnd();
  };
  const rule = widths.map((columnWidth) => '─'.repeat(columnWidth)).join(GAP);
  const lines = [renderLine(headers, true), rule, ...cells.map((row) => renderLine(row, false))];
  return `${lines.join('\n')}\n`;
}

/** Validates a table width: a positive integer, or absent/Infinity for no limit. */
export function parseWidth(width: unknown): number {
  if (width === undefined || width === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) {
    throw queryError('width', `expected a positive whole number of columns, got ${describeValue(width)}`);
  }
  return width;
}

function totalWidth(widths: readonly number[]): number {
  return widths.reduce((sum, value) => sum + value, 0) + GAP.length * Math.max(0, widths.length - 1);
}

function fitWidths(allNatural: readonly number[], allMinimums: readonly number[], width: number): number[] {
  if (totalWidth(allNatural) <= width) return [...allNatural];
  // Leave out trailing columns only when the others at their minimum width still do not fit.
  let count = allNatural.length;
  while (count > 1 && totalWidth(allMinimums.slice(0, count)) > width) count--;
  const natural = allNatural.slice(0, count);
  const minimums = allMinimums.slice(0, count);
  if (count === 1 && (minimums[0] ?? 0) > width) return [Math.max(1, width)];
  const capped = (cap: number) =>
    natural.map((value, index) => Math.max(minimums[index] ?? 0, Math.min(value, cap)));
  // Find the largest cap on column width that fits: wide columns shrink first and even out.
  let low = 0;
  let high = Math.max(...natural);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (totalWidth(capped(middle)) <= width) low = middle;
    else high = middle - 1;
  }
  const widths = capped(low);
  // Hand the columns left over by the integer cap to the capped columns, left to right.
  let slack = width - totalWidth(widths);
  for (let index = 0; index < widths.length && slack > 0; index++) {
    if ((widths[index] ?? 0) < (natural[index] ?? 0)) {
      widths[index] = (widths[index] ?? 0) + 1;
      slack -= 1;
    }
  }
  return widths;
}

/** Options of {@link formatTable}. */
export interface FormatTableOptions extends TextTableOptions {
  /** Columns to show, in order. */
  fields: readonly QueryField[];
}

// Free text shrinks with '…'; short coded values (numbers, dates, statuses) stay whole, so that, unlike the old
// tracker's table, two statuses never elide to the same text.
const ELIDED_FIELDS: ReadonlySet<QueryField> = new Set<QueryField>([
  'id',
  'name',
  'developer',
  'method',
  'sources',
  'aliases',
]);

/**
 * Formats rows as a terminal table: FLOP as 3.8e25, probabilities as 0.97, lists joined with "; ". Text columns
 * (id, name, developer, method, sources, aliases) shrink first; if the rest still does not fit, trailing columns
 * are left out.
 */
export function formatTable(rows: readonly QueryRow[], options: FormatTableOptions): string {
  const columns = options.fields.map((field) => ({
    header: QUERY_FIELD_LABELS[field],
    align: NUMERIC_FIELDS.has(field) ? ('right' as const) : ('left' as const),
    elide: ELIDED_FIELDS.has(field),
  }));
  const cells = rows.map((row) => options.fields.map((field) => formatDisplayValue(field, row[field])));
  return renderTextTable(columns, cells, options);
}
