import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../scraper';
import {
  createObservationCollector,
  dropUndefined,
  extractHtmlTables,
  findDateInName,
  findMissingColumns,
  formatUnixDate,
  isBlankCell,
  parseInteger,
  parseIsoDate,
  parseLinkHeader,
  parseMagnitude,
  parseMargin,
  parseNumber,
  parsePlusMinus,
  parsePricePair,
  parseScoreCell,
  readCsv,
  readJsonPayload,
  resolveAsOf,
  roundTo,
} from '.';

const payload = (body: string, fileName?: string): Payload => ({
  body,
  url: 'https://example.com/board',
  retrievedAt: '2026-03-30T10:00:00.000Z',
  ...(fileName ? { fileName } : {}),
});

describe('numbers', () => {
  it('reads plain numbers with thousands separators', () => {
    expect(parseNumber('32,205')).toBe(32205);
    expect(parseNumber(' 1,234.5 ')).toBe(1234.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber(7)).toBe(7);
    expect(parseNumber('1,5')).toBeUndefined();
    expect(parseNumber('12abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
    expect(parseInteger('4.5')).toBeUndefined();
    expect(parseInteger('1,000')).toBe(1000);
  });

  it('tells blank cells from unreadable ones', () => {
    expect(['', 'N/A', '-', '—', 'NaN', ' n/a '].every((cell) => isBlankCell(cell))).toBe(true);
    expect(isBlankCell('lots')).toBe(false);
  });

  it('reads Arena score cells', () => {
    expect(parseScoreCell('1504 ±6')).toEqual({ value: 1504, margin: 6, preliminary: false });
    expect(parseScoreCell('1491 ±7 Preliminary')).toEqual({ value: 1491, margin: 7, preliminary: true });
    expect(parseScoreCell('1453 Preliminary')).toEqual({ value: 1453, preliminary: true });
    expect(parseScoreCell('1487')).toEqual({ value: 1487, preliminary: false });
    expect(parseScoreCell('1504 +/- 6')).toEqual({ value: 1504, margin: 6, preliminary: false });
    expect(parseScoreCell('high')).toBeUndefined();
    expect(parseScoreCell('1504 ±x')).toBeUndefined();
  });

  it('reads intervals', () => {
    expect(parseMargin('± 5')).toBe(5);
    expect(parseMargin('±12')).toBe(12);
    expect(parseMargin(4)).toBe(4);
    expect(parseMargin('-4')).toBeUndefined();
    expect(parsePlusMinus('+5/-5')).toEqual({ plus: 5, minus: 5 });
    expect(parsePlusMinus('+6 / -4')).toEqual({ plus: 6, minus: 4 });
    expect(parsePlusMinus('± 3')).toEqual({ plus: 3, minus: 3 });
    expect(parsePlusMinus('5')).toBeUndefined();
  });

  it('reads magnitudes and prices', () => {
    expect(parseMagnitude('1M')).toBe(1_000_000);
    expect(parseMagnitude('131.1K')).toBe(131_100);
    expect(parseMagnitude('262.1k')).toBe(262_100);
    expect(parseMagnitude('1.5T')).toBe(1.5e12);
    expect(parseMagnitude('70B')).toBe(7e10);
    expect(parseMagnitude('N/A')).toBeUndefined();
    expect(parsePricePair('$5 / $25')).toEqual({ input: 5, output: 25 });
    expect(parsePricePair('$0.30 / $2.50')).toEqual({ input: 0.3, output: 2.5 });
    expect(parsePricePair('N/A')).toBeUndefined();
    expect(roundTo(79.40000000000001, 3)).toBe(79.4);
  });
});

describe('dates', () => {
  it('converts Unix seconds and rejects milliseconds', () => {
    expect(formatUnixDate(1715558400)).toBe('2024-05-13');
    expect(formatUnixDate(1715558400000)).toBeUndefined();
    expect(formatUnixDate(-1)).toBeUndefined();
    expect(formatUnixDate('1715558400')).toBeUndefined();
  });

  it('reads ISO dates and timestamps', () => {
    expect(parseIsoDate('2024-07-18T08:56:00.000Z')).toBe('2024-07-18');
    expect(parseIsoDate('2026-04-19T23:30:00-05:00')).toBe('2026-04-20');
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('soon')).toBeUndefined();
  });

  it('finds dates in file names', () => {
    expect(findDateInName('table_2026_06_25.csv')).toBe('2026-06-25');
    expect(findDateInName('site-table_lmarena-leaderboard-text_2026-03-29.csv')).toBe('2026-03-29');
    expect(findDateInName('elo_results_20250804.pkl')).toBe('2025-08-04');
    expect(findDateInName('2025-01-01/board_2026-02-03.csv')).toBe('2026-02-03');
    expect(findDateInName('table_2026_13_25.csv')).toBeUndefined();
    expect(findDateInName('model-12345678901.csv')).toBeUndefined();
  });

  it('resolves asOf: payload, then file name or URL, then retrieval day', () => {
    const retrievedAt = '2026-03-30T10:00:00.000Z';
    expect(resolveAsOf({ snapshotDate: '2026-03-01', fileName: 'x_2026-02-02.csv', retrievedAt })).toEqual({
      asOf: '2026-03-01',
      basis: 'payload',
    });
    expect(resolveAsOf({ fileName: 'x_2026-02-02.csv', retrievedAt })).toEqual({
      asOf: '2026-02-02',
      basis: 'file-name',
    });
    expect(resolveAsOf({ url: 'https://livebench.ai/table_2026_01_08.csv', retrievedAt })).toEqual({
      asOf: '2026-01-08',
      basis: 'file-name',
    });
    expect(
      resolveAsOf({ snapshotDate: 'n/a', url: 'https://lmarena.ai/leaderboard/text', retrievedAt }),
    ).toEqual({ asOf: '2026-03-30', basis: 'retrieved-at' });
  });
});

describe('readCsv', () => {
  it('reads a header and rows with row and line numbers, keeping ragged rows', () => {
    const table = readCsv('test', payload('\uFEFFModel,Votes\n\na,"32,205"\nb\n'));
    expect(table.columns).toEqual(['Model', 'Votes']);
    expect(table.rows.map((row) => [row.row, row.line, row.cells])).toEqual([
      [1, 3, ['a', '32,205']],
      [2, 4, ['b']],
    ]);
    expect(table.rows[0]?.get(' votes ')).toBe('32,205');
    expect(table.hasColumn('MODEL')).toBe(true);
    expect(findMissingColumns(table.columns, ['model', 'Score'])).toEqual(['Score']);
  });

  it('throws PARSE_FAILED for empty, header-only and broken CSV', () => {
    for (const [body, message] of [
      ['', /empty body/],
      ['a,b\n', /only a header row/],
      ['a,b\n1,"2\n', /not valid CSV/],
    ] as const) {
      try {
        readCsv('test', payload(body, 'f.csv'));
        throw new Error('no error');
      } catch (error) {
        expect(TrackerError.is(error)).toBe(true);
        expect((error as TrackerError).code).toBe('PARSE_FAILED');
        expect((error as Error).message).toMatch(/^\[scraper:test\] f\.csv: expected /);
        expect((error as Error).message).toMatch(message);
      }
    }
  });
});

describe('extractHtmlTables', () => {
  const read = (html: string) =>
    extractHtmlTables(html, { scraperId: 'test', location: 'page.html' }).map((table) => ({
      headers: table.headers,
      rows: table.rows.map((row) => row.cells),
    }));

  it('reads headers from thead and cell text with nested markup', () => {
    const html = `<table><thead><tr><th colspan="2">group</th></tr><tr><th>Model</th><th>Score</th></tr></thead>
      <tbody><tr><td><a><span>m1</span></a></td><td>1504 <span>±6</span>\n Preliminary</td></tr>
      <tr><td>m2<table><tr><td>nested</td></tr></table></td><td>1500</td></tr></tbody></table>`;
    const tables = read(html);
    expect(tables[0]).toEqual({
      headers: ['Model', 'Score'],
      rows: [
        ['m1', '1504 ±6 Preliminary'],
        ['m2nested', '1500'],
      ],
    });
    expect(tables).toHaveLength(2);
  });

  it('takes a first row of th cells as the header when there is no thead', () => {
    expect(read('<table><tr><th>A</th></tr><tr><td>1</td></tr></table>')[0]).toEqual({
      headers: ['A'],
      rows: [['1']],
    });
    expect(read('<p>none</p>')).toEqual([]);
  });
});

describe('parseLinkHeader', () => {
  it('reads relations and resolves relative URLs', () => {
    expect(parseLinkHeader('<https://huggingface.co/api/models?cursor=abc>; rel="next"')).toEqual({
      next: 'https://huggingface.co/api/models?cursor=abc',
    });
    expect(
      parseLinkHeader('</page/3>; rel="next last", <https://x.test/1>; rel=prev', 'https://x.test/page/2'),
    ).toEqual({
      next: 'https://x.test/page/3',
      last: 'https://x.test/page/3',
      prev: 'https://x.test/1',
    });
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader('<no-rel>')).toEqual({});
  });
});

describe('readJsonPayload', () => {
  it('drops __proto__ keys and rejects empty or broken JSON', () => {
    const value = readJsonPayload('test', payload('{"__proto__":{"polluted":true},"a":1}'), 'JSON') as Record<
      string,
      unknown
    >;
    expect(Object.keys(value)).toEqual(['a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => readJsonPayload('test', payload(''), 'JSON')).toThrow(
      /\[scraper:test\] https:\/\/example\.com\/board: expected JSON, found an empty body/,
    );
    expect(() => readJsonPayload('test', payload('{"a":'), 'JSON')).toThrow(/not valid JSON/);
  });
});

describe('createObservationCollector', () => {
  it('keeps valid observations and turns invalid ones into located issues', () => {
    const collector = createObservationCollector();
    const base = {
      source: 'test',
      sourceUrl: 'https://example.com/',
      retrievedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(collector.add({ ...base, rawName: 'ok', developer: undefined }, 'row 1')).toBe(true);
    expect(collector.add({ ...base, rawName: 'bad', contextLength: -1 }, 'row 2')).toBe(false);
    collector.issue('warning', 'note');
    const result = collector.result();
    expect(result.observations).toEqual([{ ...base, rawName: 'ok' }]);
    expect(result.issues).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(/^invalid observation "bad" skipped: contextLength: /),
        location: 'row 2',
      },
      { level: 'warning', message: 'note' },
    ]);
  });

  it('drops undefined members recursively', () => {
    expect(dropUndefined({ a: 1, b: undefined, c: { d: undefined, e: [1, undefined] } })).toEqual({
      a: 1,
      c: { e: [1, undefined] },
    });
  });
});
