import { describeValue, queryError } from './errors';
import { formatCsv } from './format/csv';
import { formatJson, formatJsonLines } from './format/json';
import { formatMarkdown } from './format/markdown';
import { formatTable } from './format/table';
import { QUERY_ROW_FIELDS, type QueryField, type QueryRow } from './row';
import { parseFields } from './select';

/** Output formats of {@link formatRows}. */
export const QUERY_FORMATS = ['table', 'json', 'jsonl', 'csv', 'markdown'] as const;

/** One of {@link QUERY_FORMATS}. */
export type QueryFormat = (typeof QUERY_FORMATS)[number];

/** Columns `table` and `markdown` show when no `fields` are given: what fits a terminal. */
export const DEFAULT_TABLE_FIELDS = [
  'id',
  'name',
  'developer',
  'releaseDate',
  'status',
  'probabilityAbove',
  'median',
  'confidence',
  'method',
] as const satisfies readonly QueryField[];

/** Options of {@link formatRows}. */
export interface FormatRowsOptions {
  /** Output format; default `table`. */
  format?: QueryFormat;
  /**
   * Fields to output, in order: an array or a comma-separated string. Default: {@link DEFAULT_TABLE_FIELDS} for
   * `table` and `markdown`, every field ({@link QUERY_ROW_FIELDS}) for `json`, `jsonl` and `csv`.
   */
  fields?: readonly QueryField[] | string;
  /** `table` only: maximum line width in terminal columns (e.g. `process.stdout.columns`); no limit when absent. */
  width?: number;
  /** `table` only: ANSI bold headings. Default false; the caller decides (TTY, `NO_COLOR`). */
  color?: boolean;
}

/** Validates a format name; throws `QUERY_INVALID` listing the valid formats. */
export function parseFormat(format: unknown): QueryFormat {
  if ((QUERY_FORMATS as readonly unknown[]).includes(format)) return format as QueryFormat;
  throw queryError(
    'format',
    `unknown format ${describeValue(format)}; valid formats: ${QUERY_FORMATS.join(', ')}`,
    {
      validFormats: [...QUERY_FORMATS],
    },
  );
}

/**
 * Formats rows as text in one of {@link QUERY_FORMATS}. The result ends with a line break (CRLF for csv, as RFC
 * 4180 writes it; LF otherwise). Throws `QUERY_INVALID` on an unknown format, field or width.
 */
export function formatRows(rows: readonly QueryRow[], options: FormatRowsOptions = {}): string {
  const format = parseFormat(options.format ?? 'table');
  const defaults: readonly QueryField[] =
    format === 'table' || format === 'markdown' ? DEFAULT_TABLE_FIELDS : QUERY_ROW_FIELDS;
  const fields = parseFields(options.fields ?? defaults);
  switch (format) {
    case 'table':
      return formatTable(rows, {
        fields,
        ...(options.width === undefined ? {} : { width: options.width }),
        ...(options.color === undefined ? {} : { color: options.color }),
      });
    case 'json':
      return formatJson(rows, fields);
    case 'jsonl':
      return formatJsonLines(rows, fields);
    case 'csv':
      return formatCsv(rows, fields);
    case 'markdown':
      return formatMarkdown(rows, fields);
  }
}
