import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../scraper';
import { createFixtureHttpClient, testScraper } from '../../testing';
import { expectParseFailed as expectSourceParseFailed } from '../kit/expect-parse-failed';
import { formatLmarenaRowsUrl, LMARENA_LEADERBOARD_URL, lmarenaScraper } from './lmarena-scraper';
import { detectLmarenaFormat, parseLmarena } from './parse-lmarena';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const retrievedAt = '2026-04-20T08:00:00.000Z';

function load(name: string, url = LMARENA_LEADERBOARD_URL): Payload {
  return { body: readFileSync(fixture(name), 'utf8'), url, retrievedAt, fileName: name };
}
function inline(body: string, fileName?: string): Payload {
  return { body, url: LMARENA_LEADERBOARD_URL, retrievedAt, ...(fileName ? { fileName } : {}) };
}
const expectParseFailed = (run: () => unknown, fragment: RegExp) =>
  expectSourceParseFailed('lmarena', run, fragment);
const score = (result: ReturnType<typeof parseLmarena>, name: string) =>
  result.observations.find((observation) => observation.rawName === name)?.scores?.['lmarena-text'];

describe('parseLmarena: datasets-server rows (synthetic)', () => {
  const result = parseLmarena(load('datasets-server-rows.json', formatLmarenaRowsUrl(0)));

  it('keeps only the overall category', () => {
    expect(detectLmarenaFormat(load('datasets-server-rows.json'))).toBe('datasets-server');
    expect(result.issues).toEqual([]);
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'gemini-3-pro',
      'grok-4.1-thinking',
    ]);
  });

  it('warns when no row has the text category', () => {
    const body = JSON.stringify({
      rows: [{ row_idx: 0, row: { model_name: 'm', rating: 1200, category: 'coding' }, truncated_cells: [] }],
      num_rows_total: 1,
    });
    const only = parseLmarena({ body, url: formatLmarenaRowsUrl(0), retrievedAt });
    expect(only.observations).toEqual([]);
    expect(only.issues).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('categories seen: coding'),
      }),
    ]);
  });

  it('matches the snapshot', () => {
    expect(result.observations).toMatchSnapshot();
  });

  it('reads rating, bounds, votes and rank, dated by leaderboard_publish_date', () => {
    expect(result.observations[0]).toEqual({
      source: 'lmarena',
      sourceUrl: formatLmarenaRowsUrl(0),
      retrievedAt,
      rawName: 'gemini-3-pro',
      developer: 'Google',
      license: 'Proprietary',
      scores: {
        'lmarena-text': {
          value: 1487.2,
          lower: 1482.4,
          upper: 1491.9,
          votes: 32205,
          rank: 1,
          asOf: '2026-02-01',
        },
      },
    });
  });
});

describe('parseLmarena: site table, 2026-02 layout', () => {
  it.each([
    ['site-table_2026-02-03.csv', '2026-02-03'],
    ['leaderboard-text_layout-2026-02.html', '2026-04-20'],
  ])('reads %s', (name, asOf) => {
    const result = parseLmarena(load(name));
    expect(detectLmarenaFormat(load(name))).toBe('site-2026-02');
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(5);
    expect(result.observations[0]).toMatchObject({
      rawName: 'gemini-3-pro',
      developer: 'Google',
      license: 'Proprietary',
    });
    expect(score(result, 'gemini-3-pro')).toEqual({
      value: 1487,
      lower: 1482,
      upper: 1492,
      votes: 32205,
      rank: 1,
      asOf,
      preliminary: false,
    });
    expect(score(result, 'ernie-5.0-0110')).toMatchObject({
      value: 1453,
      lower: 1446,
      upper: 1460,
      preliminary: true,
      rank: 9,
    });
  });
});

describe('parseLmarena: site table, 2026-03 layout', () => {
  it.each([
    ['site-table_2026-03-29.csv', '2026-03-29'],
    ['leaderboard-text_layout-2026-03.html', '2026-04-20'],
  ])('reads %s', (name, asOf) => {
    const result = parseLmarena(load(name));
    expect(detectLmarenaFormat(load(name))).toBe('site-2026-03');
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(4);
    const first = result.observations[0];
    expect(first).toMatchObject({ rawName: 'claude-opus-4-6-thinking', contextLength: 1_000_000 });
    expect(first).not.toHaveProperty('developer');
    expect(score(result, 'claude-opus-4-6-thinking')).toEqual({
      value: 1504,
      lower: 1498,
      upper: 1510,
      votes: 12730,
      rank: 1,
      asOf,
      preliminary: false,
    });
    expect(score(result, 'grok-4.20-beta1')).toMatchObject({
      value: 1491,
      lower: 1484,
      upper: 1498,
      preliminary: true,
    });
    expect(result.observations[3]).not.toHaveProperty('contextLength');
    expect(result.observations).toMatchSnapshot();
  });
});

describe('parseLmarena: legacy exports', () => {
  it('reads the HF-space CSV with "+5/-5" intervals and links', () => {
    const result = parseLmarena(load('hf-space_2025-08-04.csv'));
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(4);
    expect(result.observations[2]).toEqual({
      source: 'lmarena',
      sourceUrl: LMARENA_LEADERBOARD_URL,
      retrievedAt,
      rawName: 'GLM-4.5',
      developer: 'Z.ai',
      license: 'MIT',
      links: ['https://z.ai/blog/glm-4.5'],
      scores: {
        'lmarena-text': { value: 1434, lower: 1425, upper: 1443, votes: 4112, rank: 3, asOf: '2025-08-04' },
      },
    });
  });

  it('reads the LLM-parsed JSON, dated by its file name since last_updated is null', () => {
    const result = parseLmarena(load('llm-parsed_2026-04-19.json', 'https://arena.ai/leaderboard/text'));
    expect(result.observations).toHaveLength(3);
    expect(result.observations[0]).toMatchObject({
      rawName: 'claude-opus-4-7-thinking',
      developer: 'Anthropic',
      license: 'proprietary',
      scores: {
        'lmarena-text': { value: 1505, lower: 1494, upper: 1516, votes: 2618, rank: 1, asOf: '2026-04-19' },
      },
    });
  });

  it('takes asOf from the retrieval day when neither payload nor name has a date', () => {
    const body = readFileSync(fixture('llm-parsed_2026-04-19.json'), 'utf8');
    const result = parseLmarena(inline(body));
    expect(result.observations[0]?.scores?.['lmarena-text']?.asOf).toBe('2026-04-20');
  });
});

describe('parseLmarena faults', () => {
  const csv = readFileSync(fixture('site-table_2026-02-03.csv'), 'utf8');

  it('rejects an empty body', () => {
    expectParseFailed(() => parseLmarena(inline('\n ')), /found an empty body/);
  });

  it('rejects a truncated JSON body', () => {
    const json = readFileSync(fixture('datasets-server-rows.json'), 'utf8');
    expectParseFailed(() => parseLmarena(inline(json.slice(0, 300))), /not valid JSON/);
  });

  it('rejects a CSV truncated inside a quoted cell', () => {
    expectParseFailed(() => parseLmarena(inline(csv.slice(0, csv.indexOf('"32,') + 3))), /not valid CSV/);
  });

  it('rejects a changed layout (Score renamed), listing the columns found', () => {
    expectParseFailed(
      () => parseLmarena(inline(csv.replace('Score', 'Arena Score'), 'board.csv')),
      /board\.csv: expected an Arena text table with columns .*found columns Rank, Rank Spread, Model, Arena Score/,
    );
  });

  it('rejects an HTML page without a leaderboard table', () => {
    expectParseFailed(
      () => parseLmarena(inline('<html><body><p>moved</p></body></html>')),
      /found no <table>/,
    );
  });

  it('rejects JSON of another shape', () => {
    expectParseFailed(() => parseLmarena(inline('{"error":"not found"}')), /found an object with keys error/);
  });

  it('drops __proto__ keys of rows', () => {
    const body =
      '{"rows":[{"row_idx":0,"row":{"__proto__":{"polluted":1},"model_name":"m","rating":1200,"category":"overall","leaderboard_publish_date":"2026-01-01"}}],"num_rows_total":1}';
    const result = parseLmarena(inline(body));
    expect(result.observations).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns invalid numbers in a row into an issue while other rows parse', () => {
    const broken = csv
      .replace('"32,194"', 'lots')
      .replace('1471,± 5', 'n/a?,± 5')
      .replace('1468,± 5', '1468,±x');
    const result = parseLmarena(inline(broken, 'site-table_2026-02-03.csv'));
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'gemini-3-pro',
      'ernie-5.0-0110',
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        level: 'error',
        location: 'row 2 (line 3) (grok-4.1-thinking)',
        message: expect.stringContaining('votes "lots"'),
      }),
      expect.objectContaining({
        level: 'error',
        location: 'row 3 (line 4) (gemini-3-flash)',
        message: expect.stringContaining('score'),
      }),
      expect.objectContaining({
        level: 'error',
        location: 'row 4 (line 5) (claude-opus-4-5-20251101-thinking-32k)',
        message: expect.stringContaining('interval'),
      }),
    ]);
  });

  it('reports a row whose rank is not a positive integer', () => {
    const result = parseLmarena(
      inline(csv.replace('\n1,1 ◄─► 1', '\n0,1 ◄─► 1'), 'site-table_2026-02-03.csv'),
    );
    expect(result.observations).toHaveLength(4);
    expect(result.issues[0]).toMatchObject({ level: 'error', message: expect.stringContaining('rank') });
  });
});

describe('lmarenaScraper.scrape', () => {
  const context = (http: ReturnType<typeof createFixtureHttpClient>) => ({
    http,
    signal: new AbortController().signal,
    log: { debug() {}, info() {}, warn() {} },
    now: () => new Date(retrievedAt),
    env: {},
  });
  const page = (offset: number, names: string[], total: number) =>
    JSON.stringify({
      rows: names.map((name, index) => ({
        row_idx: offset + index,
        row: {
          model_name: name,
          rating: 1300 - offset - index,
          rank: offset + index + 1,
          vote_count: 10,
          category: 'overall',
          leaderboard_publish_date: '2026-03-01',
        },
        truncated_cells: [],
      })),
      num_rows_total: total,
    });

  it('pages through num_rows_total', async () => {
    const http = createFixtureHttpClient({
      [formatLmarenaRowsUrl(0)]: page(0, ['a', 'b'], 3),
      [formatLmarenaRowsUrl(2)]: page(2, ['c'], 3),
    });
    const result = await lmarenaScraper.scrape(context(http));
    expect(result.observations.map((observation) => observation.rawName)).toEqual(['a', 'b', 'c']);
    expect(http.requests.map((request) => request.url)).toEqual([
      formatLmarenaRowsUrl(0),
      formatLmarenaRowsUrl(2),
    ]);
  });

  it('falls back to the leaderboard page when the dataset fails', async () => {
    const http = createFixtureHttpClient({
      [formatLmarenaRowsUrl(0)]: { status: 503, body: 'unavailable' },
      [LMARENA_LEADERBOARD_URL]: readFileSync(fixture('leaderboard-text_layout-2026-03.html'), 'utf8'),
    });
    const result = await lmarenaScraper.scrape(context(http));
    expect(result.observations).toHaveLength(4);
    expect(http.requests.map((request) => request.url)).toEqual([
      formatLmarenaRowsUrl(0),
      LMARENA_LEADERBOARD_URL,
    ]);
  });
});

testScraper({
  scraper: lmarenaScraper,
  fixtures: [
    {
      file: fixture('datasets-server-rows.json'),
      url: formatLmarenaRowsUrl(0),
      retrievedAt,
      expect: { names: ['gemini-3-pro'] },
    },
    {
      file: fixture('leaderboard-text_layout-2026-02.html'),
      url: LMARENA_LEADERBOARD_URL,
      retrievedAt,
      expect: { minObservations: 5 },
    },
    {
      file: fixture('leaderboard-text_layout-2026-03.html'),
      url: LMARENA_LEADERBOARD_URL,
      retrievedAt,
      expect: { minObservations: 4 },
    },
    { file: fixture('site-table_2026-02-03.csv'), url: LMARENA_LEADERBOARD_URL, retrievedAt, scrape: false },
    { file: fixture('site-table_2026-03-29.csv'), url: LMARENA_LEADERBOARD_URL, retrievedAt, scrape: false },
    { file: fixture('hf-space_2025-08-04.csv'), url: LMARENA_LEADERBOARD_URL, retrievedAt, scrape: false },
    {
      file: fixture('llm-parsed_2026-04-19.json'),
      url: 'https://arena.ai/leaderboard/text',
      retrievedAt,
      scrape: false,
    },
  ],
});
