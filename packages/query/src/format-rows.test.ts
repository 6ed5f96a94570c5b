import { ModelsFileSchema, TrackerError } from '@tracker/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import { resolveTableWidth } from './format/table';
import { displayWidth } from './format/text';
import { DEFAULT_TABLE_FIELDS, formatRows, parseFormat, QUERY_FORMATS } from './format-rows';
import { QUERY_ROW_FIELDS, type QueryRow, toQueryRows } from './row';

const rows = toQueryRows(ModelsFileSchema.parse(fixture).models);
const gpt4o = rows.find((row) => row.id === 'openai/gpt-4o') as QueryRow;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

/** A minimal RFC 4180 reader, to check that what we write reads back as written. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      index++;
    } else cell += character;
  }
  if (cell !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

describe('formatRows: table', () => {
  it('shows FLOP as 3.8e25 and probabilities as 0.97, with short headings and the default columns', () => {
    const output = formatRows([gpt4o]);
    const [header, rule, line] = output.split('\n');
    expect(header).toMatch(
      /^id\s+name\s+developer\s+released\s+status\s+P\(above\)\s+median\s+confidence\s+method$/,
    );
    expect(rule).toMatch(/^─+/);
    expect(line).toContain('3.8e25');
    expect(line).toContain('0.92');
    expect(line).toContain('2024-05-13');
    expect(output.endsWith('\n')).toBe(true);
    expect(output).not.toMatch(ANSI);
  });

  it('right-aligns numbers, joins lists with "; ", shows yes/no and leaves nulls blank', () => {
    const output = formatRows(rows, { fields: ['id', 'high', 'sources', 'needsReview'] });
    const lines = output.split('\n');
    const claude = lines.find((line) => line.startsWith('anthropic/'));
    expect(claude).toMatch(/ 1\.1e27 {2}lmarena; openrouter\s+yes$/);
    const mystery = lines.find((line) => line.startsWith('openrouter/'));
    expect(mystery).toMatch(/^openrouter\/mystery-model\s+openrouter\s+no$/);
    const widths = lines.filter((line) => / \d\.\de2\d/.test(line)).map((line) => line.indexOf('e2'));
    expect(new Set(widths).size).toBe(1);
  });

  it('elides wide text columns with … so that no line exceeds the width, keeping numbers and statuses whole', () => {
    const output = formatRows(rows, { format: 'table', width: 100 });
    const lines = output.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    expect(output).toContain('…');
    expect(lines[0]).toMatch(/method$/);
    const claude = lines.find((line) => line.startsWith('anthropi…')) ?? '';
    expect(claude).toMatch(/2024-06-20 {2}confirmed-below\s+0\.62\s+3\.6e25 {2}speculative/);
  });

  it('leaves out trailing columns when even narrow text columns cannot fit, and never exceeds a tiny width', () => {
    const narrow = formatRows(rows, { fields: [...QUERY_ROW_FIELDS], width: 60 });
    const lines = narrow.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^id\s+name\s+developer\s+released\s+status$/);
    expect(lines[2]).toMatch(/^anthropi…\s+Claude 3…\s+Anthropic\s+2024-06-20\s+confirmed-below$/);
    const tiny = formatRows(rows, { width: 1 });
    for (const line of tiny.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(1);
  });

  it('never exceeds the width whatever the cell text (wide characters, controls, long names)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', '模', '型', '🚀', 'é', '\u0301', '\n', '\t', '\u001b', '|', '…'),
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { maxLength: 5 }),
        fc.integer({ min: 1, max: 80 }),
        (cells, width) => {
          const custom = cells.map(([name, developer]) => ({ ...gpt4o, name: name || 'x', developer }));
          const output = formatRows(custom, { fields: ['name', 'developer', 'median', 'aliases'], width });
          const lines = output.split('\n');
          expect(lines.pop()).toBe('');
          expect(lines).toHaveLength(custom.length + 2);
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('neutralises terminal escape sequences and line breaks in scraped names', () => {
    const hostile = { ...gpt4o, name: 'evil\u001b[2J\nname\u202eabc' };
    const output = formatRows([hostile], { fields: ['name'] });
    expect(output).not.toContain('\u001b');
    expect(output).not.toContain('\u202e');
    expect(output.split('\n')).toHaveLength(4);
    expect(output).toContain('evil\ufffd[2J name\ufffdabc');
  });

  it('adds ANSI bold headings only when color is true', () => {
    const colored = formatRows([gpt4o], { color: true, fields: ['id'] });
    expect(colored.split('\n')[0]).toBe('\u001b[1mid\u001b[22m');
    const twoColumns = formatRows([gpt4o], { color: true, fields: ['id', 'median'] });
    expect(twoColumns.split('\n')[0]).toBe(
      `\u001b[1mid\u001b[22m${' '.repeat(11)}  \u001b[1mmedian\u001b[22m`,
    );
    expect(colored.split('\n')[2]).not.toMatch(ANSI);
    expect(formatRows([gpt4o], { color: false, fields: ['id'] })).not.toMatch(ANSI);
  });

  it('prints only the header for no rows', () => {
    expect(formatRows([], { fields: ['id', 'median'] })).toBe('id  median\n──  ──────\n');
  });
});

describe('formatRows: json and jsonl', () => {
  it('writes a pretty array with full-precision numbers and arrays kept as arrays', () => {
    const precise = { ...gpt4o, median: 3.8123456789e25, probabilityAbove: 0.923456789 };
    const output = formatRows([precise], { format: 'json' });
    expect(output.startsWith('[\n  {\n    "id": "openai/gpt-4o",')).toBe(true);
    const parsed = JSON.parse(output);
    expect(parsed).toEqual([precise]);
    expect(Object.keys(parsed[0])).toEqual([...QUERY_ROW_FIELDS]);
  });

  it('honours field selection and order', () => {
    expect(JSON.parse(formatRows([gpt4o], { format: 'json', fields: 'median,id' }))).toEqual([
      { median: 3.8e25, id: 'openai/gpt-4o' },
    ]);
    expect(formatRows([], { format: 'json' })).toBe('[]\n');
  });

  it('writes one compact object per line', () => {
    const output = formatRows(rows, { format: 'jsonl', fields: ['id', 'sources'] });
    const lines = output.split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      id: 'anthropic/claude-3-5-sonnet',
      sources: ['lmarena', 'openrouter'],
    });
    expect(formatRows([], { format: 'jsonl' })).toBe('');
  });
});

describe('formatRows: csv', () => {
  it('writes a header of field names and CRLF after every record', () => {
    const output = formatRows([gpt4o], {
      format: 'csv',
      fields: ['id', 'median', 'probabilityAbove', 'aliases', 'needsReview', 'parameters'],
    });
    expect(output).toBe(
      'id,median,probabilityAbove,aliases,needsReview,parameters\r\n' +
        'openai/gpt-4o,3.8e+25,0.92,gpt-4o-2024-05-13; openai/gpt-4o,false,\r\n',
    );
    expect(output.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('defaults to every field', () => {
    expect(formatRows([], { format: 'csv' })).toBe(`${QUERY_ROW_FIELDS.join(',')}\r\n`);
  });

  it('quotes cells with commas, quotes, CR or LF and doubles inner quotes', () => {
    const tricky = { ...gpt4o, name: 'Model "X", v2', developer: 'Line\nbreak', method: 'carriage\rreturn' };
    const output = formatRows([tricky], { format: 'csv', fields: ['name', 'developer', 'method'] });
    // A lone CR (which would move a terminal's cursor) is written as a line break.
    expect(output).toBe('name,developer,method\r\n"Model ""X"", v2","Line\nbreak","carriage\nreturn"\r\n');
    expect(readCsv(output)[1]).toEqual(['Model "X", v2', 'Line\nbreak', 'carriage\nreturn']);
  });

  it.each([
    ['=HYPERLINK("http://example.com")', `"'=HYPERLINK(""http://example.com"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('neutralises a cell starting with a formula trigger: %j', (name, expected) => {
    const output = formatRows([{ ...gpt4o, name }], { format: 'csv', fields: ['name'] });
    expect(output).toBe(`name\r\n${expected}\r\n`);
    expect(readCsv(output)[1]).toEqual([`'${name}`]);
  });

  it('neutralises list cells and leaves safe text and typed numbers alone', () => {
    const row = { ...gpt4o, aliases: ['-x', 'y'], name: 'a=b', developer: ' =spaced' };
    const output = formatRows([row], { format: 'csv', fields: ['aliases', 'name', 'developer', 'median'] });
    expect(readCsv(output)[1]).toEqual(["'-x; y", 'a=b', ' =spaced', '3.8e+25']);
  });

  it('writes numbers at six significant digits (whole numbers exactly), never float noise', () => {
    const values = {
      median: 3.8123456789012e25,
      low: 1e-3,
      high: 123456789,
      probabilityAbove: 0.1 + 0.2,
      trainingTokens: 1.5e13,
    };
    const output = formatRows([{ ...gpt4o, ...values }], {
      format: 'csv',
      fields: Object.keys(values) as (keyof typeof values)[],
    });
    const cells = readCsv(output)[1] ?? [];
    expect(cells).toEqual(['3.81235e+25', '1e-3', '1.23456789e+8', '0.3', '1.5e+13']);
    cells.forEach((cell, index) => {
      const value = Object.values(values)[index]!;
      expect(Math.abs(Number(cell) - value) / value).toBeLessThan(1e-5);
    });
  });
});

describe('formatRows: markdown', () => {
  it('writes a GitHub table with numeric columns right-aligned', () => {
    expect(
      formatRows([gpt4o], { format: 'markdown', fields: ['id', 'median', 'probabilityAbove', 'aliases'] }),
    ).toBe(
      '| id | median | probabilityAbove | aliases |\n' +
        '| --- | ---: | ---: | --- |\n' +
        '| openai/gpt-4o | 3.8e25 | 0.92 | gpt-4o-2024-05-13; openai/gpt-4o |\n',
    );
  });

  it('escapes pipes, backslashes and HTML and flattens line breaks', () => {
    const row = { ...gpt4o, name: 'a|b\\|c\nd\r\ne <script>' };
    const line = formatRows([row], { format: 'markdown', fields: ['name'] }).split('\n')[2];
    expect(line).toBe('| a\\|b\\\\\\|c d e &lt;script&gt; |');
  });

  it('uses the table defaults when no fields are given', () => {
    expect(formatRows([], { format: 'markdown' }).split('\n')[0]).toBe(
      `| ${DEFAULT_TABLE_FIELDS.join(' | ')} |`,
    );
  });
});

describe('formatRows: options', () => {
  it.each([
    [
      { format: 'xml' },
      /\[query\] format: unknown format "xml"; valid formats: table, json, jsonl, csv, markdown/,
    ],
    [{ fields: ['id', 'flop'] }, /\[query\] fields: unknown field "flop"; valid fields:/],
    [{ width: 0 }, /\[query\] width: expected a positive whole number/],
    [{ width: 12.5 }, /\[query\] width:/],
  ])('rejects %j with QUERY_INVALID', (options, message) => {
    try {
      formatRows(rows, options as never);
      expect.unreachable();
    } catch (error) {
      expect(TrackerError.is(error) && error.code).toBe('QUERY_INVALID');
      expect((error as Error).message).toMatch(message);
    }
  });

  it('parseFormat accepts every listed format', () => {
    for (const format of QUERY_FORMATS) expect(parseFormat(format)).toBe(format);
  });
});

describe('formatRows: many rows', () => {
  // The 200,000-row table (call-stack safety at scale) is timed by `pnpm bench` (bench/scale-tables.mjs).
  it('formats a few thousand rows as a table, one line each', () => {
    const many = Array.from({ length: 5_000 }, (_, index) => ({ ...gpt4o, id: `openai/model-${index}` }));
    const output = formatRows(many, { fields: ['id', 'median'], width: 80 });
    expect(output.split('\n')).toHaveLength(5_000 + 3);
  });
});

describe('resolveTableWidth', () => {
  it('uses the terminal, then $COLUMNS, and nothing with --wide or when piped', () => {
    expect(resolveTableWidth({ columns: 100, columnsEnv: '60' })).toBe(100);
    expect(resolveTableWidth({ columnsEnv: '60' })).toBe(60);
    expect(resolveTableWidth({ columnsEnv: 'wide' })).toBeUndefined();
    expect(resolveTableWidth({})).toBeUndefined();
    expect(resolveTableWidth({ wide: true, columns: 100, columnsEnv: '60' })).toBeUndefined();
  });
});
