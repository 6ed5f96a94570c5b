import { describe, expect, it } from 'vitest';
import { escapeJsonControls, formatNumberText, sanitizeText } from './text';

const ESC = '\u001b';

describe('sanitizeText', () => {
  it('returns ordinary text unchanged, including non-ASCII', () => {
    expect(sanitizeText('GPT-4o — Ωmega 文心')).toBe('GPT-4o — Ωmega 文心');
  });

  it('leaves no ESC, BEL, C1 CSI/OSC introducer or bidi override, so no escape sequence can start', () => {
    const hostile = `a${ESC}[2Jb${ESC}]52;c;ZXZpbA==\u0007c\u009b31md\u009d0;t\u009ce\u202ef\u2066g\u007f`;
    const cleaned = sanitizeText(hostile);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for control characters
    expect(cleaned).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(cleaned).toBe(
      'a\ufffd[2Jb\ufffd]52;c;ZXZpbA==\ufffdc\ufffd31md\ufffd0;t\ufffde\ufffdf\ufffdg\ufffd',
    );
  });

  it('puts one line on one line: CR, LF, CRLF, NEL, LS, PS and tabs become a space', () => {
    expect(sanitizeText('a\r\nb\rc\nd\u0085e\u2028f\u2029g\th')).toBe('a b c d e f g h');
  });

  it('keeps line breaks (as LF) and tabs where the format allows them', () => {
    expect(sanitizeText(`a\r\nb\tc${ESC}d`, { newlines: true, tabs: true })).toBe('a\nb\tc\ufffdd');
  });
});

describe('escapeJsonControls', () => {
  it('escapes C1, DEL, bidi and line separators so JSON text holds none raw, and reads back the same', () => {
    const value = { name: `a\u009b31m\u009d0;x\u007f\u202e\u2028b${ESC}` };
    const json = escapeJsonControls(JSON.stringify(value));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for control characters
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('formatNumberText', () => {
  it.each([
    [2.4299999999999997e24, {}, '2.43e+24'],
    [5.0000000000001e26, {}, '5e+26'],
    [0.1 + 0.2, {}, '0.3'],
    [123456789, {}, '123456789'],
    [1380.25, {}, '1380.25'],
    [2.4299999999999997e24, { exponent: true }, '2.43e+24'],
    [1.2e11, { exponent: true }, '1.2e+11'],
    [3.8123456789e25, { exponent: true }, '3.81235e+25'],
  ])('writes %s (%j) as %s', (value, options, expected) => {
    expect(formatNumberText(value, options)).toBe(expected);
  });
});
