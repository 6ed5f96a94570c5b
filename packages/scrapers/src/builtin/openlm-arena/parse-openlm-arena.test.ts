import { readFileSync } from 'node:fs';
import { ObservationSchema, TrackerError } from '@tracker/schema';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { HttpClient, ScrapeContext } from '../../scraper';
import { openlmArenaScraper } from './openlm-arena-scraper';
import { OPENLM_ARENA_URL, parseOpenlmArena } from './parse-openlm-arena';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const RETRIEVED_AT = '2025-08-15T20:00:00.000Z';
const HTML = fixture('chatbot-arena.html');
const CSV_NAME = 'chatbot-arena-with-cost_2026-08-22.csv';

function htmlPayload(body: string) {
  return { body, url: OPENLM_ARENA_URL, retrievedAt: RETRIEVED_AT, contentType: 'text/html; charset=utf-8' };
}

function parseError(run: () => unknown): TrackerError {
  try {
    run();
  } catch (error) {
    if (TrackerError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a TrackerError');
}

describe('parseOpenlmArena on the page (SYNTHETIC fixture in the documented shape)', () => {
  const result = parseOpenlmArena(htmlPayload(HTML));

  it('reads the leaderboard table, not the "Best Open LM" table above it', () => {
    expect(result.issues).toEqual([]);
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'Gemini-2.5-Pro',
      'o3',
      'Kimi-K2',
      'Qwen3-235B-A22B',
      'GPT-4o (2024-05-13)',
      'Yi-Lightning',
    ]);
    for (const observation of result.observations)
      expect(ObservationSchema.safeParse(observation).success).toBe(true);
  });

  it('reads every score column, the organization and the license', () => {
    const asOf = '2025-08-12';
    expect(result.observations[0]).toEqual({
      source: 'openlm-arena',
      sourceUrl: OPENLM_ARENA_URL,
      retrievedAt: RETRIEVED_AT,
      rawName: 'Gemini-2.5-Pro',
      developer: 'Google',
      license: 'Proprietary',
      links: ['https://deepmind.google/technologies/gemini/pro/'],
      scores: {
        'openlm-arena-elo': { value: 1469, asOf },
        'openlm-arena-coding': { value: 1471, asOf },
        'openlm-arena-vision': { value: 1318, asOf },
        'openlm-aaii': { value: 65, asOf },
        'mmlu-pro': { value: 86.2, asOf },
        'arc-agi': { value: 41, asOf },
      },
    });
  });

  it('leaves out placeholder cells and keeps rows with only some scores', () => {
    expect(result.observations[2]).toMatchObject({ developer: 'Moonshot', license: 'Modified MIT' });
    expect(Object.keys(result.observations[2]?.scores ?? {})).toEqual([
      'openlm-arena-elo',
      'openlm-arena-coding',
      'openlm-aaii',
      'mmlu-pro',
    ]);
    expect(result.observations[5]).toMatchObject({
      developer: '01 AI',
      scores: { 'openlm-arena-elo': { value: 1287 } },
    });
    expect(Object.keys(result.observations[5]?.scores ?? {})).toEqual(['openlm-arena-elo']);
  });

  it('picks the longer table when the summary table has the same columns', () => {
    const $ = load(HTML);
    const leaderboardHead = $('table').eq(1).find('thead').html() ?? '';
    $('table').eq(0).find('thead').html(leaderboardHead);
    $('table')
      .eq(0)
      .find('tbody')
      .html(
        '<tr><td></td><td>DeepSeek-R1</td><td>1398</td><td>-</td><td>-</td><td>-</td><td>84.0</td><td>-</td><td>DeepSeek</td><td>MIT</td></tr>',
      );
    expect(parseOpenlmArena(htmlPayload($.html())).observations).toHaveLength(6);
  });

  it('warns once about a missing optional column (older pages have no ARC-AGI)', () => {
    const $ = load(HTML);
    $('table')
      .eq(1)
      .find('tr')
      .each((_, row) => {
        $(row).children().eq(7).remove();
      });
    const older = parseOpenlmArena(htmlPayload($.html()));
    expect(older.issues).toEqual([
      { level: 'warning', message: expect.stringMatching(/^column "ARC-AGI" not found/) },
    ]);
    expect(older.observations[0]).toMatchObject({ developer: 'Google', license: 'Proprietary' });
    expect(older.observations[0]?.scores?.['arc-agi']).toBeUndefined();
  });

  it('rejects a page whose leaderboard lost its Arena Elo column', () => {
    const renamed = HTML.replace(/<th>Arena Elo<\/th>/g, '<th>Elo</th>');
    expect(parseError(() => parseOpenlmArena(htmlPayload(renamed))).message).toMatch(
      /^\[scraper:openlm-arena\] https:\/\/openlm\.ai\/chatbot-arena\/: expected a table with columns "Model" and "Arena Elo" \(or "Arena Score"\), found table 1 with headers "Model", "Elo", .*; table 2 with headers "", "Model", "Elo", "Coding"/,
    );
  });

  it('rejects empty, truncated and table-less pages', () => {
    expect(parseError(() => parseOpenlmArena(htmlPayload(''))).message).toContain(
      'expected the leaderboard as HTML or CSV, found an empty body',
    );
    expect(
      parseError(() => parseOpenlmArena(htmlPayload(HTML.slice(0, HTML.indexOf('Qwen3'))))).message,
    ).toContain('expected a complete HTML document, found 2 <table> tags but 1 </table> (truncated?)');
    expect(
      parseError(() => parseOpenlmArena(htmlPayload('<html><body>Just a moment...</body></html>'))).message,
    ).toContain('found no table');
  });
});

describe('parseOpenlmArena on the derived CSV', () => {
  const result = parseOpenlmArena({
    body: fixture(CSV_NAME),
    url: `file:///saved/${CSV_NAME}`,
    retrievedAt: RETRIEVED_AT,
    fileName: CSV_NAME,
  });

  it('reads only the leaderboard columns, dated by the file name', () => {
    expect(result.issues).toEqual([]);
    const asOf = '2026-08-22';
    expect(result.observations[0]).toEqual({
      source: 'openlm-arena',
      sourceUrl: OPENLM_ARENA_URL,
      retrievedAt: RETRIEVED_AT,
      rawName: 'claude opus 5',
      developer: 'Anthropic',
      license: 'Proprietary',
      scores: {
        'openlm-arena-elo': { value: 1511, asOf },
        'openlm-arena-coding': { value: 1566, asOf },
        'openlm-arena-vision': { value: 1314, asOf },
        'openlm-aaii': { value: 63, asOf },
        'mmlu-pro': { value: 91.6, asOf },
        'arc-agi': { value: 90.4, asOf },
      },
    });
  });

  it('strips the check mark and keeps a row without an Arena Score', () => {
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'claude opus 5',
      'kimi-k3',
      'gpt-4o 2024-05-13',
      'qwen2.5-vl-32b-instruct',
    ]);
    expect(result.observations[3]).toMatchObject({
      developer: 'Alibaba',
      license: 'Apache 2.0',
      scores: { 'openlm-arena-vision': { value: 1149 } },
    });
    expect(Object.keys(result.observations[3]?.scores ?? {})).toEqual(['openlm-arena-vision']);
  });

  it('reports a non-numeric score as an issue and keeps the row', () => {
    const broken = fixture(CSV_NAME).replace('1562,1311', 'n/e,1311');
    const partial = parseOpenlmArena({ body: broken, url: 'file:///x.csv', retrievedAt: RETRIEVED_AT });
    expect(partial.observations).toHaveLength(4);
    expect(partial.issues).toEqual([
      { level: 'warning', location: 'line 3', message: 'column "coding": not a number: "n/e"' },
    ]);
  });
});

describe('openlmArenaScraper.scrape', () => {
  it('fetches the page through ctx.http and parses it', async () => {
    const requested: string[] = [];
    const http: HttpClient = {
      async get(url) {
        requested.push(url);
        return {
          url,
          finalUrl: url,
          statusCode: 200,
          headers: { 'content-type': 'text/html' },
          body: HTML,
          retrievedAt: RETRIEVED_AT,
          notModified: false,
        };
      },
      async getJson() {
        throw new Error('not used');
      },
    };
    const context: ScrapeContext = {
      http,
      signal: new AbortController().signal,
      log: { debug() {}, info() {}, warn() {} },
      now: () => new Date(RETRIEVED_AT),
      env: {},
    };
    const result = await openlmArenaScraper.scrape(context);
    expect(requested).toEqual([OPENLM_ARENA_URL]);
    expect(result.observations).toHaveLength(6);
  });
});

describe('parseOpenlmArena snapshots', () => {
  it.each(['chatbot-arena.html', CSV_NAME])('%s', (fileName) => {
    expect(
      parseOpenlmArena({
        body: fixture(fileName),
        url: OPENLM_ARENA_URL,
        retrievedAt: RETRIEVED_AT,
        fileName,
      }),
    ).toMatchSnapshot();
  });
});
