import { formatNumberText, sanitizeText } from '@tracker/schema';
import { MAGNITUDE_FIELDS, type QueryField, type QueryRow } from '../row';

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection guidance). */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Neutralises a text cell that a spreadsheet would run as a formula, by prefixing a single quote, and replaces
 * its control characters (ESC…) with U+FFFD; tabs and line breaks stay, as CSV allows them in a quoted cell. Only text is
 * neutralised: numbers are written by {@link formatCsvValue} from typed values, never from scraped text, and the
 * tracker's numbers are never negative, so a numeric cell cannot begin with a trigger.
 */
export function neutraliseCsvCell(text: string): string {
  const safe = sanitizeText(text, { newlines: true, tabs: true });
  return FORMULA_TRIGGERS.some((trigger) => safe.startsWith(trigger)) ? `'${safe}` : safe;
}

/** Quotes a cell per RFC 4180 when it holds a comma, a double quote, CR or LF; quotes inside are doubled. */
export function quoteCsvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV cell before quoting: null → empty; magnitudes in exponent form (`3.8e+25`), numbers to six significant
 * digits (JSON keeps full precision); booleans `true`/`false`; lists joined with "; "; text neutralised.
 */
export function formatCsvValue(field: QueryField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumberText(value, { exponent: MAGNITUDE_FIELDS.has(field) });
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return neutraliseCsvCell(value.join('; '));
  return neutraliseCsvCell(String(value));
}

/** Formats rows as RFC 4180 CSV: a header of field names, CRLF after every record, formula cells neutralised. */
export function formatCsv(rows: readonly QueryRow[], fields: readonly QueryField[]): string {
  const lines = [fields.map((field) => quoteCsvCell(field))];
  for (const row of rows) lines.push(fields.map((field) => quoteCsvCell(formatCsvValue(field, row[field]))));
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}
