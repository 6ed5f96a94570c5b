import { stringify } from 'csv-stringify/sync';
import { sanitizeText } from './text';

/**
 * The one CSV writer of the project (query output, release lists, review sheets), on `csv-stringify`: RFC 4180 with
 * CRLF after every record, quotes only where a cell needs them (a comma, a double quote, CR or LF; quotes inside
 * doubled), and text cells that a spreadsheet would run as a formula prefixed with `'` (OWASP CSV injection
 * guidance, DESIGN §8).
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Prefixes a text cell that a spreadsheet would run as a formula with a single quote, and replaces its control
 * characters (ESC…) with U+FFFD; tabs and line breaks stay, as CSV allows them in a quoted cell.
 */
function neutraliseCsvCell(text: string): string {
  const safe = sanitizeText(text, { newlines: true, tabs: true });
  return FORMULA_TRIGGERS.some((trigger) => safe.startsWith(trigger)) ? `'${safe}` : safe;
}

/**
 * Undoes the neutralisation of {@link formatCsv} on a cell read back: a leading `'` is dropped only when a formula
 * trigger follows it, so text that merely starts with a quote (`'90s model`) is kept as written.
 */
export function restoreCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGERS.some((trigger) => text.startsWith(trigger, 1))
    ? text.slice(1)
    : text;
}

/** A value of a CSV cell: text is neutralised, numbers and booleans are written as such, null is empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /**
   * Writes a number of column `column` (0-based). Default: its shortest round-trip form (`3.8e+25`, `0.97`), which
   * every spreadsheet and CSV reader parses back to the same double.
   */
  formatNumber?: (value: number, column: number) => string;
}

/**
 * Formats a header and rows as RFC 4180 CSV with CRLF line ends. Text cells (the header's too) have their controls
 * replaced and formula triggers neutralised; numbers are written from typed values, never from scraped text, so
 * they are not neutralised (a negative number is a number, not a formula); booleans are `true`/`false`; null and
 * undefined are empty.
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: FormatCsvOptions = {},
): string {
  const formatNumber = options.formatNumber ?? ((value: number) => String(value));
  return stringify([header, ...rows] as CsvValue[][], {
    record_delimiter: '\r\n',
    // csv-stringify quotes a cell holding the record delimiter (CRLF); a lone CR or LF needs quotes as well.
    quoted_match: /[\r\n]/,
    cast: {
      string: neutraliseCsvCell,
      number: (value, context) => formatNumber(value, Number(context.index)),
      boolean: (value) => String(value),
    },
  });
}
