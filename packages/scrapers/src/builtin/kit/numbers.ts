/**
 * Number parsing for leaderboard cells as pages and exports print them: `"32,205"`, `"1504 ±6"`,
 * `"+5/-5"`, `"$5 / $25"`, `"131.1K"`. Every function returns `undefined` for text it cannot read, so
 * callers decide whether that is a blank cell ({@link isBlankCell}) or a row problem worth an issue.
 */

const BLANK_CELLS = new Set(['', '-', '--', '–', '—', 'n/a', 'na', 'nan', 'none', 'null', '?']);

/** True for cells that mean "no value" (`""`, `"N/A"`, `"-"`, `"—"`, `"NaN"`...), as opposed to unreadable text. */
export function isBlankCell(text: string | null | undefined): boolean {
  return text === null || text === undefined || BLANK_CELLS.has(text.trim().toLowerCase());
}

/**
 * Reads a plain number: `"32,205"` → 32205, `"1,234.5"` → 1234.5, `" 7 "` → 7, `"3.8e+25"` (Epoch's exports) →
 * 3.8e25, or a finite JS number as is.
 * Thousands separators are only accepted between digit groups of three, so `"1,5"` is rejected rather than misread.
 */
export function parseNumber(text: string | number | null | undefined): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().replace(/[\u00a0\u2009\u202f]/g, '');
  if (
    !/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?([eE][-+]?\d+)?$/.test(trimmed) &&
    !/^[-+]?\.\d+([eE][-+]?\d+)?$/.test(trimmed)
  )
    return undefined;
  const value = Number(trimmed.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** Like {@link parseNumber} but only accepts whole numbers (ranks, votes). */
export function parseInteger(text: string | number | null | undefined): number | undefined {
  const value = parseNumber(text);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** A score cell split into its parts. */
export interface ScoreCell {
  value: number;
  /** Half-width of the confidence interval when the cell carries one (`"1504 ±6"` → 6). */
  margin?: number;
  /** The cell carries the word "Preliminary" (Arena marks scores with few votes this way). */
  preliminary: boolean;
}

/**
 * Reads Arena-style score cells: `"1504"`, `"1504 ±6"`, `"1491 ±7 Preliminary"`, `"1453 Preliminary"`, `"1504 +/- 6"`.
 */
export function parseScoreCell(text: string | null | undefined): ScoreCell | undefined {
  if (typeof text !== 'string') return undefined;
  let rest = text.trim();
  const preliminary = /\bpreliminary\b/i.test(rest);
  rest = rest.replace(/\bpreliminary\b/i, '').trim();
  const match = /^([-+]?[\d,]*\.?\d+)\s*(?:(?:±|\+\/-|\+-)\s*([\d,]*\.?\d+))?$/.exec(rest);
  if (!match) return undefined;
  const value = parseNumber(match[1]);
  if (value === undefined) return undefined;
  if (match[2] === undefined) return { value, preliminary };
  const margin = parseNumber(match[2]);
  return margin === undefined ? undefined : { value, margin, preliminary };
}

/** Reads a symmetric interval half-width: `"± 5"`, `"±5"`, `"+/- 5"`, `"5"` → 5. */
export function parseMargin(text: string | number | null | undefined): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const stripped = text.trim().replace(/^(±|\+\/-|\+-)\s*/, '');
  const value = parseNumber(stripped);
  return value !== undefined && value >= 0 ? value : undefined;
}

/** An interval given as distances above and below a value. */
export interface PlusMinus {
  plus: number;
  minus: number;
}

/** Reads `"+5/-5"`, `"+6/-4"`, `"+5 / -5"` (also a bare `"± 5"`) into distances above and below the value. */
export function parsePlusMinus(text: string | null | undefined): PlusMinus | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^\+\s*([\d,]*\.?\d+)\s*\/\s*-\s*([\d,]*\.?\d+)$/.exec(text.trim());
  if (!match) {
    const margin = parseMargin(text);
    return margin === undefined || !/±|\+\/-/.test(text) ? undefined : { plus: margin, minus: margin };
  }
  const plus = parseNumber(match[1]);
  const minus = parseNumber(match[2]);
  return plus === undefined || minus === undefined ? undefined : { plus, minus };
}

const MAGNITUDE_SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/**
 * Reads numbers with a magnitude suffix, case-insensitive: `"1M"` → 1e6, `"131.1K"` → 131100, `"1.5T"` → 1.5e12,
 * `"70B"` → 7e10, and plain numbers as {@link parseNumber} does. Floating-point noise is rounded away
 * (`"131.1K"` is exactly 131100, not 131099.99999999999).
 */
export function parseMagnitude(text: string | number | null | undefined): number | undefined {
  if (typeof text === 'number') return parseNumber(text);
  if (typeof text !== 'string') return undefined;
  const match = /^([-+]?[\d,]*\.?\d+)\s*([kmbgt])?$/i.exec(text.trim());
  if (!match) return undefined;
  const base = parseNumber(match[1]);
  if (base === undefined) return undefined;
  const factor = match[2] ? (MAGNITUDE_SUFFIXES[match[2].toLowerCase()] ?? 1) : 1;
  return Number((base * factor).toPrecision(12));
}

/** Input and output prices in dollars per million tokens. */
export interface PricePair {
  input: number;
  output: number;
}

/** Reads `"$5 / $25"`, `"$0.30 / $2.50"` into input and output prices; `"N/A"` and other text give `undefined`. */
export function parsePricePair(text: string | null | undefined): PricePair | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^\$?\s*([\d,]*\.?\d+)\s*\/\s*\$?\s*([\d,]*\.?\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const input = parseNumber(match[1]);
  const output = parseNumber(match[2]);
  return input === undefined || output === undefined ? undefined : { input, output };
}

/** Rounds away binary floating-point noise from computed averages (e.g. 79.40000000000001 → 79.4). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
