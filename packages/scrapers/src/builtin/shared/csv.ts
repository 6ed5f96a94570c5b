import { parse } from 'csv-parse/sync';
import type { Payload } from '../../scraper';
import { createParseError } from './payload';

/** One data row of a CSV file. */
export interface CsvRow {
  /** 1-based number of the data row (the header is row 0), used in issue locations (`row 12`). */
  row: number;
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The cells as text, trimmed. May be shorter or longer than the header: check `cells.length`. */
  cells: string[];
  /** The cell of a column by header name, compared case- and space-insensitively (`undefined` when absent). */
  get(column: string): string | undefined;
}

/** A CSV file read into a header and rows. */
export interface CsvTable {
  /** Header cells as written (trimmed). */
  columns: string[];
  rows: CsvRow[];
  /** True when a header (compared with {@link normalizeHeader}) is present. */
  hasColumn(column: string): boolean;
}

/** Normalises a header for comparison: lower case, trimmed, inner whitespace collapsed. */
export function normalizeHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Reads CSV text with a header row via `csv-parse/sync` (BOM stripped, blank lines skipped, ragged rows kept so
 * the caller can report them). An empty body, a body with only a header, or broken quoting (a truncated file)
 * throws `PARSE_FAILED` for `scraperId`.
 */
export function readCsv(scraperId: string, payload: Payload): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(payload.body, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw createParseError(
      scraperId,
      payload,
      'a CSV table',
      `text that is not valid CSV (${reason})`,
      error,
    );
  }
  const [header, ...data] = records;
  if (!header) throw createParseError(scraperId, payload, 'a CSV table with a header row', 'an empty body');
  if (data.length === 0) {
    throw createParseError(scraperId, payload, 'a CSV table with data rows', 'only a header row');
  }
  const columns = header.record;
  const indexByName = new Map<string, number>();
  columns.forEach((column, index) => {
    const key = normalizeHeader(column);
    if (!indexByName.has(key)) indexByName.set(key, index);
  });
  const rows = data.map(({ record, info }, index): CsvRow => {
    // `info.lines` is the line where the record ends; multi-line cells are rare in these exports.
    const lineCount = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    return {
      row: index + 1,
      line: info.lines - lineCount,
      cells: record,
      get(column: string) {
        const position = indexByName.get(normalizeHeader(column));
        return position === undefined ? undefined : record[position];
      },
    };
  });
  return { columns, rows, hasColumn: (column) => indexByName.has(normalizeHeader(column)) };
}

/** The required columns missing from `columns` (compared with {@link normalizeHeader}). */
export function findMissingColumns(columns: readonly string[], required: readonly string[]): string[] {
  const present = new Set(columns.map(normalizeHeader));
  return required.filter((column) => !present.has(normalizeHeader(column)));
}
