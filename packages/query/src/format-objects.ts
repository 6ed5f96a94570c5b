import { type CsvValue, escapeJsonControls, formatCsv, formatNumberText } from '@tracker/schema';
import { describeValue, queryError } from './errors';
import { renderMarkdownTable } from './format/markdown';
import { renderTextTable } from './format/table';
import { formatMagnitude, formatProbability } from './format/text';
import { parseFormat, type QueryFormat } from './format-rows';

/** How a column's values are shown in `table` and `markdown` output. */
export type ColumnKind = 'text' | 'number' | 'magnitude' | 'probability' | 'code';

/** One column of {@link formatObjects}. */
export interface ObjectColumn {
  /** Key in each row object; also the name used in json, jsonl and csv output. */
  field: string;
  /** Heading in table and markdown output (default: the field). */
  header?: string;
  /** `magnitude` shows 3.8e25, `probability` 0.97; `code` is short text kept whole; `text` may be shortened. */
  kind?: ColumnKind;
}

/** Options of {@link formatObjects}. */
export interface FormatObjectsOptions {
  format?: QueryFormat;
  /** Columns in order; names or full column descriptions. Default: every key of the first row, as text. */
  columns?: readonly (string | ObjectColumn)[];
  /** `table` only: maximum line width. */
  width?: number;
  /** `table` only: ANSI bold headings. */
  color?: boolean;
}

/**
 * Formats any list of flat objects in the formats of {@link formatRows}, with the same safety rules: csv is RFC
 * 4180 with formula cells neutralised, markdown cells are escaped, terminal text is sanitised and fitted to the
 * width. The CLI uses it for diffs, candidates, estimates and other tables that are not model rows.
 */
export function formatObjects(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: FormatObjectsOptions = {},
): string {
  const format = parseFormat(options.format ?? 'table');
  const columns = normaliseColumns(options.columns ?? Object.keys(rows[0] ?? {}));
  const pick = (row: Readonly<Record<string, unknown>>) =>
    Object.fromEntries(columns.map((column) => [column.field, row[column.field] ?? null]));
  switch (format) {
    case 'json':
      return `${escapeJsonControls(JSON.stringify(rows.map(pick), null, 2))}\n`;
    case 'jsonl':
      return rows.map((row) => `${escapeJsonControls(JSON.stringify(pick(row)))}\n`).join('');
    case 'csv':
      return formatCsv(
        columns.map((column) => column.field),
        rows.map((row) => columns.map((column) => csvValue(column, row[column.field]))),
        {
          formatNumber: (value, index) =>
            formatNumberText(value, { exponent: columns[index]?.kind === 'magnitude' }),
        },
      );
    case 'markdown':
      return renderMarkdownTable(
        columns.map((column) => column.header ?? column.field),
        rows.map((row) => columns.map((column) => displayValue(column, row[column.field]))),
        columns.map((column) => isNumeric(column)),
      );
    case 'table':
      return renderTextTable(
        columns.map((column) => ({
          header: column.header ?? column.field,
          align: isNumeric(column) ? ('right' as const) : ('left' as const),
          elide: column.kind === undefined || column.kind === 'text',
        })),
        rows.map((row) => columns.map((column) => displayValue(column, row[column.field]))),
        {
          ...(options.width === undefined ? {} : { width: options.width }),
          ...(options.color === undefined ? {} : { color: options.color }),
        },
      );
  }
}

function normaliseColumns(columns: readonly (string | ObjectColumn)[]): ObjectColumn[] {
  return columns.map((column) => {
    const normalised = typeof column === 'string' ? { field: column } : column;
    if (typeof normalised.field !== 'string' || normalised.field === '') {
      throw queryError('columns', `expected a column name, got ${describeValue(normalised.field)}`);
    }
    return normalised;
  });
}

function isNumeric(column: ObjectColumn): boolean {
  return column.kind === 'number' || column.kind === 'magnitude' || column.kind === 'probability';
}

function displayValue(column: ObjectColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (column.kind === 'magnitude') return formatMagnitude(value);
    if (column.kind === 'probability') return formatProbability(value);
    return formatNumberText(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A cell for `formatCsv`: numbers and booleans as typed values, anything else as its display text. */
function csvValue(column: ObjectColumn, value: unknown): CsvValue {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return displayValue({ field: column.field }, value);
}
