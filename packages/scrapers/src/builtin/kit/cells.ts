import { DateStringSchema } from '@tracker/schema';
import { isBlankCell, parseMagnitude } from './numbers';

/** A number read from a cell, with whatever text followed it (`"22 E"` gives `{value: 22, marker: "E"}`). */
export interface CellNumber {
  value: number;
  /** Text left after the number, trimmed; empty when the cell held only the number. */
  marker: string;
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

const LEADING_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?/i;

/**
 * Reads a number from a cell: `"1,234"`, `"$4.50"`, `"86.2%"`, `"22 E"`. Returns `"missing"` for an empty or
 * placeholder cell ({@link isBlankCell}) and `"invalid"` when the cell does not start with a number.
 */
export function parseCellNumber(text: string): CellNumber | 'missing' | 'invalid' {
  const cell = collapseWhitespace(text);
  if (isBlankCell(cell)) return 'missing';
  const unsigned = cell.replace(/^\$/, '');
  const match = LEADING_NUMBER.exec(unsigned);
  if (!match || match[0] === '' || !/\d/.test(match[0])) return 'invalid';
  const value = Number(match[0].replace(/,/g, ''));
  if (!Number.isFinite(value)) return 'invalid';
  const marker = unsigned.slice(match[0].length).replace(/^\s*%/, '').trim();
  return { value, marker };
}

/**
 * Reads a size with a unit suffix (`"1m"`, `"400k"`, `"70B"`, `"1.8T"`). Returns undefined when the cell has no
 * recognised suffix, since a bare number is ambiguous (tables write "70" for 70 billion parameters).
 */
export function parseSuffixedSize(text: string): number | undefined {
  const cell = collapseWhitespace(text);
  return /^\d+(?:\.\d+)?\s*[kmbt]$/i.test(cell) ? parseMagnitude(cell) : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Reads a date cell as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); accepts `2025/01/31`, `Jan 2025`, `31 Jan 2025`. */
export function parseDateCell(text: string): string | undefined {
  const cell = collapseWhitespace(text);
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(cell);
  let candidate: string | undefined;
  if (iso) {
    candidate = [iso[1], iso[2]?.padStart(2, '0'), iso[3]?.padStart(2, '0')].filter(Boolean).join('-');
  } else {
    const named = /^(?:(\d{1,2})\s+)?([a-z]{3})[a-z]*\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/i.exec(cell);
    const month = named ? MONTHS.indexOf(named[2]!.toLowerCase()) : -1;
    if (named && month >= 0) {
      const day = named[1] ?? named[3];
      candidate = [named[4], String(month + 1).padStart(2, '0'), day?.padStart(2, '0')]
        .filter(Boolean)
        .join('-');
    }
  }
  return candidate !== undefined && DateStringSchema.safeParse(candidate).success ? candidate : undefined;
}
