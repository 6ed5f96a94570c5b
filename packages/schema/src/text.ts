/**
 * Data-derived text (scraped names, developers, a ruling's `by` and `reason`) is untrusted: an ESC or OSC
 * sequence could clear a terminal, retitle the window or write the clipboard (OSC 52), a CR or LF could fake
 * output lines, and bidirectional overrides could disguise what is shown. Every text output passes such text
 * through {@link sanitizeText} first.
 */

/** Which whitespace controls a format allows through {@link sanitizeText}. */
export interface SanitizeTextOptions {
  /**
   * Keep LF (and CRLF, written as LF) instead of turning line breaks into a space: for formats where a value may
   * span lines (a quoted CSV cell). Default false: one line.
   */
  newlines?: boolean;
  /** Keep tabs instead of turning them into a space. Default false. */
  tabs?: boolean;
}

const REPLACEMENT = '\ufffd';

/** True for a C0 or C1 control, DEL, or a bidirectional embedding, override or isolate. */
export function isControlCodePoint(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}

// A line break in any of its spellings: CRLF, CR, LF, VT, FF, NEL, LS, PS.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// Quick test: does the text hold anything to replace at all? Most text does not, and is returned as is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Makes untrusted text safe to write to a terminal or a text file: every C0/C1 control (ESC, BEL, the C1 CSI
 * and OSC introducers, …), DEL and bidirectional override becomes U+FFFD, so no escape sequence can start;
 * line breaks and tabs become a space unless the format allows them (`newlines`, `tabs`).
 */
export function sanitizeText(text: string, options: SanitizeTextOptions = {}): string {
  if (!ANY_CONTROL.test(text) && !/[\u2028\u2029]/.test(text)) return text;
  const lines = text.split(LINE_BREAK);
  const cleaned = lines.map((line) => {
    let result = '';
    for (const character of line) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (codePoint === 0x09) result += options.tabs ? '\t' : ' ';
      else if (isControlCodePoint(codePoint)) result += REPLACEMENT;
      else result += character;
    }
    return result;
  });
  return cleaned.join(options.newlines ? '\n' : ' ');
}

// What JSON.stringify leaves raw although a terminal may act on it: DEL, C1 controls, bidi controls, LS and PS.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes, in JSON text, the characters `JSON.stringify` leaves raw but a terminal may act on (DEL, the C1
 * controls such as CSI U+009B and OSC U+009D, bidirectional controls, U+2028/U+2029) as `\uXXXX`. They can only
 * occur inside strings, so the JSON reads back to exactly the same value; C0 controls such as ESC are already
 * escaped by `JSON.stringify`.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(
    RAW_IN_JSON,
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** Significant digits of {@link formatNumberText}. */
export const TEXT_NUMBER_DIGITS = 6;

/**
 * A number as people read it in a table or a CSV cell: whole numbers below 1e15 exactly, anything else rounded to
 * six significant digits in shortest form, so float noise (`2.4299999999999997e+24`, `0.30000000000000004`)
 * never shows. `exponent` writes the exponent form (`2.43e+24`, `1.2e+11`) that FLOP figures use. JSON keeps
 * full precision; this is for text only.
 */
export function formatNumberText(value: number, options: { exponent?: boolean } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded =
    Number.isInteger(value) && Math.abs(value) < 1e15 ? value : Number(value.toPrecision(TEXT_NUMBER_DIGITS));
  return options.exponent ? rounded.toExponential() : String(rounded);
}
