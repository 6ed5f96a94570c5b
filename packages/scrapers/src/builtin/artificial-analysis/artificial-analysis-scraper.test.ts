import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScrapeContext } from '../../scraper';
import { createFixtureHttpClient, testScraper } from '../../testing';
import {
  ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY,
  artificialAnalysisScraper,
  createArtificialAnalysisScraper,
} from './artificial-analysis-scraper';
import { ARTIFICIAL_ANALYSIS_API_URL, ARTIFICIAL_ANALYSIS_TABLE_URL } from './parse-artificial-analysis';

testScraper({
  scraper: artificialAnalysisScraper,
  fixtures: [
    {
      file: new URL('./__fixtures__/api-v2-llms-models.json', import.meta.url),
      url: ARTIFICIAL_ANALYSIS_API_URL,
      expect: { minObservations: 3, names: ['Example Pro 3', 'Example Mini (Non-reasoning)'] },
    },
    {
      file: new URL('./__fixtures__/leaderboard-models_2026-03-30.csv', import.meta.url),
      url: ARTIFICIAL_ANALYSIS_TABLE_URL,
      expect: {
        minObservations: 6,
        names: ['Gemini 3.1 Pro Preview', 'Claude Sonnet 4.6 (Non-reasoning, Low Effort)'],
      },
      // The saved table lists two GLM-5 variants under one name (see the parser's warning).
      allowDuplicates: true,
      scrape: false,
    },
    {
      file: new URL('./__fixtures__/leaderboard-models_2026-03-30.html', import.meta.url),
      url: ARTIFICIAL_ANALYSIS_TABLE_URL,
      expect: { minObservations: 4, names: ['Llama 4 Behemoth'] },
      scrape: false,
    },
  ],
});

describe('the v2 API, page by page', () => {
  const page = (n: number) =>
    readFileSync(new URL(`./__fixtures__/api-v2-llms-models_v3_page-${n}.json`, import.meta.url), 'utf8');
  const context = (http: ScrapeContext['http']): ScrapeContext => ({
    http,
    signal: new AbortController().signal,
    log: { debug: () => {}, info: () => {}, warn: () => {} },
    now: () => new Date('2026-06-01T00:00:00.000Z'),
    env: { ARTIFICIAL_ANALYSIS_API_KEY: 'test-key' },
  });

  it('follows every page and keys the index by its version, with prices and release dates', async () => {
    const http = createFixtureHttpClient(
      { [ARTIFICIAL_ANALYSIS_API_URL]: page(1), [`${ARTIFICIAL_ANALYSIS_API_URL}?page=2`]: page(2) },
      { sourceId: 'artificial-analysis', retrievedAt: '2026-06-01T00:00:00.000Z' },
    );
    const result = await artificialAnalysisScraper.scrape(context(http));
    expect(http.requests.map((request) => request.url)).toEqual([
      ARTIFICIAL_ANALYSIS_API_URL,
      `${ARTIFICIAL_ANALYSIS_API_URL}?page=2`,
    ]);
    expect(result.issues).toEqual([]);
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'Paged Alpha',
      'Paged Beta',
      'Paged Gamma',
    ]);
    expect(result.observations[0]).toMatchObject({
      releaseDate: '2026-05-01',
      scores: {
        'aa-intelligence-v3': { value: 61.4, asOf: '2026-06-01' },
        'aa-coding-v3': { value: 58.1, asOf: '2026-06-01' },
      },
      pricing: {
        blendedUsdPerMillionTokens: 3.44,
        inputUsdPerMillionTokens: 1.25,
        outputUsdPerMillionTokens: 10,
      },
    });
    expect(result.observations[1]).not.toHaveProperty('releaseDate');
    expect(result.observations[2]?.scores).toEqual({
      'aa-intelligence-v3': { value: 30.5, asOf: '2026-06-01' },
    });
  });

  it('reads a configured URL, and a 404 names the URL and the config key', async () => {
    const moved = 'https://artificialanalysis.example/api/v3/models';
    const scraper = createArtificialAnalysisScraper({ apiUrl: moved });
    expect(scraper.sources[0]).toBe(moved);
    const http = createFixtureHttpClient(
      { [moved]: { status: 404, body: 'not found' } },
      { sourceId: 'artificial-analysis' },
    );
    await expect(scraper.scrape(context(http))).rejects.toThrow(
      `[scraper:artificial-analysis] ${moved}: HTTP 404, the API is not at this URL (it was announced to move in late 2026); set ${ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY} in tracker.config.yaml to its new address`,
    );
    expect(() => createArtificialAnalysisScraper({ apiUrl: 'not a url' })).toThrow(
      /sourceOptions\.artificial-analysis\.apiUrl/,
    );
  });

  it('stops at maxPages with a warning when more pages follow', async () => {
    const http = createFixtureHttpClient(
      { [ARTIFICIAL_ANALYSIS_API_URL]: page(1) },
      { sourceId: 'artificial-analysis' },
    );
    const result = await createArtificialAnalysisScraper({ maxPages: 1 }).scrape(context(http));
    expect(result.observations).toHaveLength(2);
    expect(result.issues).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('stopped after 1 pages'),
      }),
    ]);
  });
});
