import { sanitizeText } from '@tracker/schema';

/**
 * A small RFC 4180 CSV writer for release lists and review sheets. `@tracker/query` has its own for query output;
 * the dataset package must not depend on it, and the rules are the same: CRLF after every record, quotes only where
 * needed, and text cells that a spreadsheet would run as a formula prefixed with `'` (OWASP CSV injection guidance).
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Prefixes a text cell that a spreadsheet would run as a formula with a single quote, and replaces its control
 * characters (ESC…) with U+FFFD; tabs and line breaks stay, as CSV allows them in a quoted cell.
 */
export function neutraliseCsvCell(text: string): string {
  const safe = sanitizeText(text, { newlines: true, tabs: true });
  return FORMULA_TRIGGERS.some((trigger) => safe.startsWith(trigger)) ? `'${safe}` : safe;
}

/**
 * Undoes {@link neutraliseCsvCell} on a cell read back: a leading `'` is dropped only when a formula trigger follows
 * it, so text that merely starts with a quote (`'90s model`) is kept as written.
 */
export function restoreCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGERS.some((trigger) => text.startsWith(trigger, 1))
    ? text.slice(1)
    : text;
}

/** Quotes a cell when it holds a comma, a double quote, CR or LF; quotes inside are doubled. */
export function quoteCsvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A value of a CSV cell: text is neutralised, numbers and booleans are written as such, null is empty. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell before quoting. Numbers use their shortest round-trip form (`3.8e+25`, `0.97`), which every
 * spreadsheet and CSV reader parses back to the same double; they are written from typed values, never from
 * scraped text, so they are not neutralised (a negative number is a number, not a formula).
 */
export function formatCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return neutraliseCsvCell(value);
}

/** Formats a header and rows as RFC 4180 CSV with CRLF line ends and formula cells neutralised. */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map((name) => quoteCsvCell(neutraliseCsvCell(name)))];
  for (const row of rows) lines.push(row.map((value) => quoteCsvCell(formatCsvCell(value))));
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}
