import { describe, expect, it } from 'vitest';
import { defineScraper } from '../define-scraper';
import { isScrapeError, ScrapeError } from '../errors';
import type { Payload, ScrapeResult } from '../scraper';
import { assertFaultHandled, assertValidResult } from './conformance-checks';
import { createFixtureHttpClient } from './fixture-http-client';
import { testScraper } from './test-scraper';

const url = 'https://board.example.test/table.csv';

/** A small CSV source written the way the rules ask: PARSE_FAILED for a foreign payload, issues for bad rows. */
function parseBoard(payload: Payload): ScrapeResult {
  const [header, ...rows] = payload.body.split('\n').filter((line) => line.trim() !== '');
  if (header?.trim() !== 'model,elo') {
    throw new ScrapeError({
      code: 'PARSE_FAILED',
      scraperId: 'board',
      url: payload.url,
      problem: 'expected a CSV whose header is "model,elo"',
    });
  }
  const result: ScrapeResult = { observations: [], issues: [] };
  rows.forEach((row, index) => {
    const [model, elo] = row.split(',');
    const value = Number(elo);
    if (!model || !Number.isFinite(value) || elo?.trim() === '') {
      result.issues.push({
        level: 'warning',
        message: 'skipped a row without a model and a numeric elo',
        location: `row ${index + 2}`,
      });
      return;
    }
    result.observations.push({
      source: 'board',
      sourceUrl: payload.url,
      retrievedAt: payload.retrievedAt,
      rawName: model,
      scores: { 'board-elo': { value, asOf: payload.retrievedAt.slice(0, 10) } },
    });
  });
  return result;
}

const board = defineScraper({
  id: 'board',
  description: 'A CSV leaderboard',
  sources: [url],
  provides: ['names', 'scores'],
  async scrape(context) {
    const response = await context.http.get(url, { signal: context.signal });
    return parseBoard({ body: response.body, url: response.finalUrl, retrievedAt: response.retrievedAt });
  },
  parse: parseBoard,
});

const csv = 'model,elo\nAlpha-1,1300\nBeta-2,1250\nGamma-3,1210\nDelta-4,1190\n';

// The suite itself, run on a well-behaved scraper: every block it registers must pass.
testScraper({
  scraper: board,
  fixtures: [
    {
      body: csv,
      url,
      fileName: 'table.csv',
      retrievedAt: '2026-02-01T00:00:00.000Z',
      expect: { minObservations: 4, names: ['Alpha-1', 'Delta-4'] },
    },
  ],
  additionalTests: ({ payloads }) => {
    it('hands the payloads to additional tests', () => {
      expect(payloads[0]?.fileName).toBe('table.csv');
      expect(payloads[0]?.contentType).toBe('text/csv');
    });
  },
});

describe('conformance checks catch scrapers that break the rules', () => {
  const payload: Payload = { body: '', url, retrievedAt: '2026-02-01T00:00:00.000Z' };
  const define = (parse: (payload: Payload) => ScrapeResult) =>
    defineScraper({
      id: 'bad',
      description: 'd',
      provides: ['names'],
      async scrape() {
        return { observations: [], issues: [] };
      },
      parse,
    });

  it('a raw TypeError on a foreign payload fails', () => {
    const scraper = define((input) => ({
      observations: [],
      issues: [{ level: 'error', message: (JSON.parse(input.body) as { a: { b: string } }).a.b }],
    }));
    expect(() => assertFaultHandled(scraper, { ...payload, body: '{}' }, 'strict')).toThrow(
      /threw a TypeError instead of a TrackerError/,
    );
  });

  it('zero observations without an error-level issue fails', () => {
    const scraper = define(() => ({ observations: [], issues: [] }));
    expect(() => assertFaultHandled(scraper, payload, 'strict')).toThrow(/error-level issue/);
  });

  it('a PARSE_FAILED error that does not name the source fails', () => {
    const scraper = define(() => {
      throw new ScrapeError({ code: 'PARSE_FAILED', scraperId: 'someone-else', url, problem: 'x' });
    });
    expect(() => assertFaultHandled(scraper, payload, 'strict')).toThrow(/names the source/);
  });

  it('observations from a foreign payload fail in strict mode but pass when partial', () => {
    const scraper = define((input) => ({
      observations: [
        { source: 'bad', sourceUrl: input.url, retrievedAt: input.retrievedAt, rawName: 'Ghost' },
      ],
      issues: [],
    }));
    expect(() => assertFaultHandled(scraper, payload, 'strict')).toThrow();
    expect(() => assertFaultHandled(scraper, payload, 'partial')).not.toThrow();
  });

  it('observations of another source or not matching the schema fail', () => {
    const scraper = define(() => ({ observations: [], issues: [] }));
    const base = { sourceUrl: url, retrievedAt: '2026-02-01T00:00:00.000Z', rawName: 'A' };
    expect(() =>
      assertValidResult(scraper, { observations: [{ ...base, source: 'other' }], issues: [] }),
    ).toThrow(/source/);
    expect(() =>
      assertValidResult(scraper, {
        observations: [{ ...base, source: 'bad', releaseDate: 'soon' }],
        issues: [],
      }),
    ).toThrow(/releaseDate/);
    expect(() =>
      assertValidResult(scraper, { observations: [], issues: [{ level: 'fatal', message: 'x' } as never] }),
    ).toThrow(/ScrapeIssueSchema/);
  });
});

describe('createFixtureHttpClient', () => {
  it('serves routes, records requests and parses JSON safely', async () => {
    const http = createFixtureHttpClient(
      {
        'https://a.test/x.json': '{"__proto__":{"p":1},"ok":true}',
        'https://a.test/page': { status: 200, body: '<p>', headers: { 'Content-Type': 'text/html' } },
      },
      { retrievedAt: '2026-05-05T00:00:00.000Z' },
    );
    const { data, response } = await http.getJson('https://a.test/x.json');
    expect(data).toEqual({ ok: true });
    expect(response.retrievedAt).toBe('2026-05-05T00:00:00.000Z');
    expect((await http.get('https://a.test/page')).headers['content-type']).toBe('text/html');
    expect(http.requests.map((request) => request.url)).toEqual([
      'https://a.test/x.json',
      'https://a.test/page',
    ]);
  });

  it('fails like the real client: unknown URL, HTTP errors, empty bodies, bad JSON, missing keys', async () => {
    const http = createFixtureHttpClient(
      {
        'https://a.test/503': { status: 503, body: '' },
        'https://a.test/empty': '',
        'https://a.test/bad': '{',
      },
      { sourceId: 'src', env: {} },
    );
    const failure = async (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => (isScrapeError(error) ? error : undefined),
      );
    expect((await failure(http.get('https://a.test/none')))?.message).toContain('no fixture for this URL');
    expect(await failure(http.get('https://a.test/503'))).toMatchObject({
      code: 'HTTP_FAILED',
      statusCode: 503,
      retryable: true,
    });
    expect((await failure(http.get('https://a.test/empty')))?.code).toBe('PARSE_FAILED');
    expect((await failure(http.getJson('https://a.test/bad')))?.message).toMatch(
      /^\[scraper:src\] .*expected JSON/,
    );
    expect((await failure(http.get('https://a.test/bad', { apiKeyEnv: 'SOME_KEY' })))?.message).toContain(
      'SOME_KEY',
    );
  });
});
