import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Payload, ScrapeContext } from '../../scraper';
import { createFixtureHttpClient, testScraper } from '../../testing';
import { expectParseFailed as expectSourceParseFailed } from '../kit/expect-parse-failed';
import { createLivebenchScraper, formatLivebenchReleaseUrls, livebenchScraper } from './livebench-scraper';
import {
  DEFAULT_LIVEBENCH_CATEGORIES,
  formatLivebenchBenchmarkId,
  livebenchSourceUrl,
  parseLivebench,
  parseLivebenchCategories,
  parseLivebenchSiteTable,
  parseLivebenchTable,
  stripLivebenchFootnote,
} from './parse-livebench';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const read = (name: string) => readFileSync(fixture(name), 'utf8');
const retrievedAt = '2026-08-22T12:00:00.000Z';
const urls = formatLivebenchReleaseUrls('2026-06-25');

function payload(body: string, fileName?: string, url = urls.table): Payload {
  return { body, url, retrievedAt, ...(fileName ? { fileName } : {}) };
}
const expectParseFailed = (run: () => unknown, fragment: RegExp) =>
  expectSourceParseFailed('livebench', run, fragment);

describe('livebench helpers', () => {
  it('makes kebab benchmark ids', () => {
    expect(formatLivebenchBenchmarkId('Agentic Coding')).toBe('livebench-agentic-coding');
    expect(formatLivebenchBenchmarkId('IF')).toBe('livebench-if');
    expect(formatLivebenchBenchmarkId('Data Analysis')).toBe('livebench-data-analysis');
  });

  it('strips footnotes stuck to names', () => {
    expect(stripLivebenchFootnote('Gemini 3.1 Pro Preview High**see note 1')).toBe(
      'Gemini 3.1 Pro Preview High',
    );
    expect(stripLivebenchFootnote('GPT-5.4 Thinking*')).toBe('GPT-5.4 Thinking');
    expect(stripLivebenchFootnote('GLM 5')).toBe('GLM 5');
  });

  it('reads a categories file and rejects a malformed one', () => {
    expect(parseLivebenchCategories(payload(read('categories_2026_06_25.json')))).toEqual(
      DEFAULT_LIVEBENCH_CATEGORIES,
    );
    expectParseFailed(
      () => parseLivebenchCategories(payload('{"Reasoning":"zebra_puzzle"}')),
      /category "Reasoning" = a string/,
    );
    expectParseFailed(() => parseLivebenchCategories(payload('[]')), /found an array of 0 items/);
  });
});

describe('parseLivebenchTable', () => {
  const categories = parseLivebenchCategories(payload(read('categories_2026_06_25.json')));
  const result = parseLivebenchTable(payload(read('table_2026_06_25.csv'), 'table_2026_06_25.csv'), {
    categories,
  });

  it('computes category averages and the global average, dated by the file name', () => {
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(3);
    const asOf = '2026-06-25';
    expect(result.observations[0]).toEqual({
      source: 'livebench',
      sourceUrl: urls.table,
      retrievedAt,
      rawName: 'claude-opus-4-5-20251101-thinking-64k-high-effort',
      scores: {
        'livebench-reasoning': { value: 80.087, asOf },
        'livebench-coding': { value: 79.654, asOf },
        'livebench-agentic-coding': { value: 39.697, asOf },
        'livebench-mathematics': { value: 90.389, asOf },
        'livebench-data-analysis': { value: 74.442, asOf },
        'livebench-language': { value: 81.261, asOf },
        'livebench-if': { value: 62.546, asOf },
        'livebench-global': { value: 72.582, asOf },
      },
    });
  });

  it('takes asOf from the URL when there is no file name', () => {
    const fromUrl = parseLivebenchTable(payload(read('table_2026_06_25.csv')));
    expect(fromUrl.observations[0]?.scores?.['livebench-global']?.asOf).toBe('2026-06-25');
  });

  it('matches the snapshot', () => {
    expect(result.observations).toMatchSnapshot();
  });
});

describe('parseLivebench: site table export', () => {
  it('reads display names without footnotes, organisations and the site averages', () => {
    const result = parseLivebench(
      payload(read('site-table_2026-03-24.csv'), 'site-table_2026-03-24.csv', 'https://livebench.ai/'),
    );
    expect(result.issues).toEqual([]);
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'GPT-5.4 Thinking xHigh Effort',
      'Gemini 3.1 Pro Preview High',
      'Claude 4.6 Opus Thinking High Effort',
    ]);
    expect(result.observations[1]).toMatchObject({
      developer: 'Google',
      scores: {
        'livebench-global': { value: 79.93, asOf: '2026-03-24' },
        'livebench-agentic-coding': { value: 65, asOf: '2026-03-24' },
        'livebench-if': { value: 79.1, asOf: '2026-03-24' },
      },
    });
    expect(Object.keys(result.observations[0]?.scores ?? {})).toHaveLength(8);
  });
});

describe('parseLivebench faults', () => {
  const table = read('table_2026_06_25.csv');

  it('rejects an empty body', () => {
    expectParseFailed(() => parseLivebench(payload('')), /found an empty body/);
  });

  it('rejects a body with only a header', () => {
    expectParseFailed(() => parseLivebench(payload(table.split('\n')[0] ?? '')), /found only a header row/);
  });

  it('rejects a changed layout (model column renamed)', () => {
    expectParseFailed(
      () => parseLivebench(payload(table.replace(/^model,/, 'name,'), 'table_2026_06_25.csv')),
      /table_2026_06_25\.csv: expected a LiveBench table with a "model" column.*found columns name, AMPS_Hard/,
    );
  });

  it('rejects a site table whose Global Average column was renamed', () => {
    const site = read('site-table_2026-03-24.csv').replace('Model,', 'Name,');
    expectParseFailed(() => parseLivebenchSiteTable(payload(site)), /expected a LiveBench site table/);
  });

  it('rejects a categories JSON given alone', () => {
    expectParseFailed(
      () => parseLivebench(payload(read('categories_2026_06_25.json'))),
      /categories JSON is read together with its table/,
    );
  });

  it('keeps a row with an invalid number, omitting only what it touches', () => {
    const broken = table.replace('99.0,80.435', 'lots,80.435');
    const result = parseLivebenchTable(payload(broken, 'table_2026_06_25.csv'));
    expect(result.observations).toHaveLength(3);
    const scores = result.observations[0]?.scores ?? {};
    expect(scores).not.toHaveProperty('livebench-mathematics');
    expect(scores).not.toHaveProperty('livebench-global');
    expect(scores).toHaveProperty('livebench-coding');
    expect(Object.keys(result.observations[1]?.scores ?? {})).toHaveLength(8);
    expect(result.issues).toEqual([
      expect.objectContaining({
        level: 'error',
        location: expect.stringMatching(/^row 1 \(line 2\)/),
        message: expect.stringContaining('AMPS_Hard="lots"'),
      }),
    ]);
  });

  it('keeps a ragged row by name with a warning', () => {
    const lines = table.trimEnd().split('\n');
    lines[2] = (lines[2] ?? '').split(',').slice(0, 21).join(',');
    const result = parseLivebenchTable(payload(lines.join('\n'), 'table_2026_06_25.csv'));
    expect(result.observations).toHaveLength(3);
    expect(result.observations[1]).not.toHaveProperty('scores');
    expect(result.issues).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('21 cells') }),
    ]);
  });

  it('warns about subtask columns it does not know and categories it cannot compute', () => {
    const renamed = table.replace('typos', 'typos_v2');
    const result = parseLivebenchTable(payload(renamed, 'table_2026_06_25.csv'));
    expect(result.observations[0]?.scores).not.toHaveProperty('livebench-language');
    expect(result.observations[0]?.scores).not.toHaveProperty('livebench-global');
    expect(result.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('missing'),
      expect.stringContaining('typos_v2'),
    ]);
  });
});

describe('createLivebenchScraper', () => {
  const context = (
    http: ReturnType<typeof createFixtureHttpClient>,
    warnings: string[] = [],
  ): ScrapeContext => ({
    http,
    signal: new AbortController().signal,
    log: { debug() {}, info() {}, warn: (message) => warnings.push(message) },
    now: () => new Date(retrievedAt),
    env: {},
  });

  it('rejects release dates that are not YYYY-MM-DD', () => {
    expect(() => createLivebenchScraper({ releases: ['2026_06_25'] })).toThrow(
      /expected release dates as YYYY-MM-DD/,
    );
  });

  it('falls back to the built-in categories when the categories file is missing', async () => {
    const warnings: string[] = [];
    const http = createFixtureHttpClient({ [urls.table]: read('table_2026_06_25.csv') }, { retrievedAt });
    const result = await livebenchScraper.scrape(context(http, warnings));
    expect(result.observations).toHaveLength(3);
    expect(warnings).toEqual([expect.stringContaining('built-in categories')]);
  });

  it('reads each configured release', async () => {
    const other = formatLivebenchReleaseUrls('2026-01-08', 'https://mirror.example/');
    expect(other.table).toBe('https://mirror.example/table_2026_01_08.csv');
    const http = createFixtureHttpClient(
      { [other.table]: read('table_2026_06_25.csv'), [other.categories]: read('categories_2026_06_25.json') },
      { retrievedAt },
    );
    const scraper = createLivebenchScraper({ releases: ['2026-01-08'], baseUrl: 'https://mirror.example/' });
    const result = await scraper.scrape(context(http));
    expect(result.observations[0]?.scores?.['livebench-global']?.asOf).toBe('2026-01-08');
  });
});

testScraper({
  scraper: livebenchScraper,
  fixtures: [
    {
      file: fixture('table_2026_06_25.csv'),
      url: urls.table,
      retrievedAt,
      routes: { [urls.categories]: read('categories_2026_06_25.json') },
      expect: { minObservations: 3 },
    },
    { file: fixture('site-table_2026-03-24.csv'), url: 'https://livebench.ai/', retrievedAt, scrape: false },
  ],
});

describe('livebenchScraper.parseMany', () => {
  it('reads a table together with the categories file of its release', () => {
    const table = payload(read('table_2026_06_25.csv'), 'table_2026_06_25.csv');
    const categories = payload(
      read('categories_2026_06_25.json'),
      'categories_2026_06_25.json',
      urls.categories,
    );
    const together = livebenchScraper.parseMany?.([categories, table]);
    const expected = parseLivebenchTable(table, { categories: parseLivebenchCategories(categories) });
    expect(together?.observations).toEqual(expected.observations);
    expect(together?.observations.length).toBeGreaterThan(0);
  });

  it('reads tables alone with the built-in categories', () => {
    const table = payload(read('table_2026_06_25.csv'), 'table_2026_06_25.csv');
    expect(livebenchScraper.parseMany?.([table]).observations).toEqual(parseLivebench(table).observations);
  });
});

describe('livebenchSourceUrl', () => {
  it('gives each saved release table its own URL, whatever single URL the tables were saved under', () => {
    const url = (fileName: string, payloadUrl: string) => livebenchSourceUrl({ url: payloadUrl, fileName });
    expect(url('table_2026_01_08.csv', 'https://livebench.ai/table_2026_06_25.csv')).toBe(
      'https://livebench.ai/table_2026_01_08.csv',
    );
    expect(url('table_2026_01_08.csv', 'file:///tmp/x/table_2026_01_08.csv')).toBe(
      'https://livebench.ai/table_2026_01_08.csv',
    );
    expect(url('table_2026_01_08.csv', 'https://mirror.example/data/table_2026_01_08.csv')).toBe(
      'https://mirror.example/data/table_2026_01_08.csv',
    );
    expect(url('table_2026_01_08.csv', 'https://mirror.example/board')).toBe('https://mirror.example/board');
    expect(url('site-table_2026-03-24.csv', 'https://livebench.ai/')).toBe('https://livebench.ai/');
  });
});
