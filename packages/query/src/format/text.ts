import { formatNumberText, sanitizeText } from '@tracker/schema';
import { MAGNITUDE_FIELDS, type QueryField } from '../row';

/** Shows a FLOP or count compactly: 3.8e25. */
export function formatMagnitude(value: number): string {
  return value.toExponential(1).replace('e+', 'e');
}

/** Shows a probability with two decimals: 0.97. */
export function formatProbability(value: number): string {
  return value.toFixed(2);
}

/**
 * A cell as people read it (table, markdown): magnitudes as 3.8e25, probabilities as 0.97, other numbers to six
 * significant digits, lists joined with "; ",
 * booleans as yes/no, and null as the empty string.
 */
export function formatDisplayValue(field: QueryField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (MAGNITUDE_FIELDS.has(field)) return formatMagnitude(value);
    if (field === 'probabilityAbove') return formatProbability(value);
    return formatNumberText(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/**
 * Makes untrusted text safe and single-line for a terminal: line breaks become spaces, controls (ESC, OSC, C1,
 * bidirectional overrides) become U+FFFD. The same rule as `sanitizeText` of `@tracker/schema`, which every text
 * output uses.
 */
export function sanitizeForTerminal(text: string): string {
  return sanitizeText(text);
}

const COMBINING_MARK = /^(?:\p{Mn}|\p{Me})$/u;
/** A UTF-16 unit from U+0300 up (surrogates included): text without one takes one column per unit. */
const BEYOND_NARROW = /[\u0300-\uffff]/;

/** Columns one code point takes in a terminal: 0 for combining marks, 2 for East Asian wide and emoji, else 1. */
function codePointWidth(codePoint: number, character: string): number {
  // Below U+0300 (the first combining mark) every code point takes one column: no pattern to test.
  if (codePoint < 0x300) return 1;
  if (COMBINING_MARK.test(character)) return 0;
  if ((codePoint >= 0x200b && codePoint <= 0x200f) || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Columns a (sanitised) string takes in a terminal. */
export function displayWidth(text: string): number {
  // Most cells: one column per UTF-16 unit, counted without walking the code points.
  if (!BEYOND_NARROW.test(text)) return text.length;
  let width = 0;
  for (const character of text) width += codePointWidth(character.codePointAt(0) ?? 0, character);
  return width;
}

/** Cuts text to at most `width` columns, ending with '…' when something was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let result = '';
  let used = 0;
  for (const character of text) {
    const characterWidth = codePointWidth(character.codePointAt(0) ?? 0, character);
    if (used + characterWidth > width - 1) break;
    result += character;
    used += characterWidth;
  }
  return `${result}…`;
}
