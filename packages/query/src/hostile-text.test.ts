import { ModelsFileSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import { formatObjects } from './format-objects';
import { formatRows, QUERY_FORMATS } from './format-rows';
import { type QueryRow, toQueryRows } from './row';
import { computeStats, formatStats } from './stats';

const ESC = '\u001b';
const hostileText = `evil${ESC}]52;c;ZXZpbA==\u0007${ESC}[2J\r\nfake line\u009b31m\u202e`;
const rows = toQueryRows(ModelsFileSchema.parse(fixture).models);
const hostileRows: QueryRow[] = rows.map((row, index) => ({
  ...row,
  name: `${row.name} ${hostileText}`,
  developer: index % 2 ? hostileText : row.developer,
  aliases: [hostileText],
}));

// No output format may write a control byte that came from data: an ESC (or the C1 CSI/OSC introducers) would
// start a terminal escape sequence when the output is shown.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
const TERMINAL_CONTROL = /[\u001b\u0007\u0080-\u009f\u202e]/;

describe('hostile text in every output format', () => {
  for (const format of QUERY_FORMATS) {
    it(`formatRows --format ${format} writes no escape byte from data`, () => {
      const output = formatRows(hostileRows, { format, fields: ['id', 'name', 'developer', 'aliases'] });
      expect(output).not.toMatch(TERMINAL_CONTROL);
    });
    it(`formatObjects --format ${format} writes no escape byte from data`, () => {
      const output = formatObjects(
        [{ who: hostileText, what: [hostileText], nested: { text: hostileText } }],
        { format },
      );
      expect(output).not.toMatch(TERMINAL_CONTROL);
    });
  }

  it('keeps text cells on one line in table and markdown output', () => {
    for (const format of ['table', 'markdown'] as const) {
      const output = formatRows(hostileRows.slice(0, 1), { format, fields: ['name'] });
      expect(output.trimEnd().split('\n')).toHaveLength(3);
    }
  });

  it('formatStats writes no escape byte from data in any of its formats', () => {
    for (const format of ['table', 'json', 'markdown'] as const) {
      expect(formatStats(computeStats(hostileRows), { format })).not.toMatch(TERMINAL_CONTROL);
    }
  });
});
