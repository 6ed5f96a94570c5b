import { readFileSync } from 'node:fs';
import { ObservationSchema, TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequestOptions, ScrapeContext } from '../../scraper';
import { artificialAnalysisScraper } from './artificial-analysis-scraper';
import { ARTIFICIAL_ANALYSIS_API_URL, parseArtificialAnalysis } from './parse-artificial-analysis';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const RETRIEVED_AT = '2026-04-02T08:30:00.000Z';

function parseError(run: () => unknown): TrackerError {
  try {
    run();
  } catch (error) {
    if (TrackerError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a TrackerError');
}

describe('parseArtificialAnalysis on the API (SYNTHETIC fixture)', () => {
  const result = parseArtificialAnalysis({
    body: fixture('api-v2-llms-models.json'),
    url: ARTIFICIAL_ANALYSIS_API_URL,
    retrievedAt: RETRIEVED_AT,
    contentType: 'application/json',
  });

  it('reads name, id, creator, release date and the indices of every model', () => {
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(3);
    expect(result.observations[0]).toEqual({
      source: 'artificial-analysis',
      sourceUrl: ARTIFICIAL_ANALYSIS_API_URL,
      retrievedAt: RETRIEVED_AT,
      rawName: 'Example Pro 3',
      sourceModelId: '2dad8957-4c16-4e74-bf2d-8b21514e0ae9',
      developer: 'Example Labs',
      releaseDate: '2026-02-19',
      scores: {
        'aa-intelligence-index': { value: 57.2, asOf: '2026-04-02' },
        'aa-coding-index': { value: 55.5, asOf: '2026-04-02' },
        'aa-math-index': { value: 95.7, asOf: '2026-04-02' },
      },
      pricing: {
        inputUsdPerMillionTokens: 2,
        outputUsdPerMillionTokens: 12,
        blendedUsdPerMillionTokens: 4.5,
      },
    });
  });

  it('leaves out null indices and missing dates', () => {
    expect(result.observations[1]).toMatchObject({
      releaseDate: '2025-11',
      scores: { 'aa-intelligence-index': { value: 21 } },
    });
    expect(Object.keys(result.observations[1]?.scores ?? {})).toEqual(['aa-intelligence-index']);
    expect(result.observations[2]).not.toHaveProperty('scores');
    expect(result.observations[2]).not.toHaveProperty('releaseDate');
  });

  it('turns a bad model entry into an issue and keeps the others', () => {
    const body = JSON.stringify({
      status: 200,
      data: [
        { name: 'Good', evaluations: { artificial_analysis_intelligence_index: 'high' } },
        { id: 'no-name' },
        'junk',
      ],
    });
    const partial = parseArtificialAnalysis({
      body,
      url: ARTIFICIAL_ANALYSIS_API_URL,
      retrievedAt: RETRIEVED_AT,
      fileName: 'models.json',
    });
    expect(partial.observations.map((observation) => observation.rawName)).toEqual(['Good']);
    expect(partial.issues.map((issue) => issue.location)).toEqual([
      '$.data[0].evaluations.artificial_analysis_intelligence_index',
      '$.data[1]',
      '$.data[2]',
    ]);
  });

  it('drops __proto__ keys without polluting prototypes', () => {
    const body =
      '{"status":200,"__proto__":{"polluted":true},"data":[{"name":"Proto","__proto__":{"polluted":true},"model_creator":{"name":"P","__proto__":{"isAdmin":true}},"evaluations":{"__proto__":{"artificial_analysis_intelligence_index":99}}}]}';
    const parsed = parseArtificialAnalysis({
      body,
      url: ARTIFICIAL_ANALYSIS_API_URL,
      retrievedAt: RETRIEVED_AT,
      fileName: 'models.json',
    });
    expect(parsed.observations).toEqual([expect.objectContaining({ rawName: 'Proto', developer: 'P' })]);
    expect(parsed.observations[0]).not.toHaveProperty('scores');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const constructorPayload =
      '{"status":200,"data":[{"name":"Ctor","constructor":{"prototype":{"polluted":true}}}]}';
    const ctor = parseArtificialAnalysis({
      body: constructorPayload,
      url: ARTIFICIAL_ANALYSIS_API_URL,
      retrievedAt: RETRIEVED_AT,
      fileName: 'models.json',
    });
    expect(ctor.observations.map((observation) => observation.rawName)).toEqual(['Ctor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects empty, truncated and wrongly shaped responses', () => {
    const payload = (body: string) => ({
      body,
      url: ARTIFICIAL_ANALYSIS_API_URL,
      retrievedAt: RETRIEVED_AT,
      fileName: 'models.json',
    });
    expect(parseError(() => parseArtificialAnalysis(payload(''))).message).toBe(
      '[scraper:artificial-analysis] models.json: expected the API JSON or the leaderboard table, found an empty body',
    );
    const full = fixture('api-v2-llms-models.json');
    const truncated = parseError(() => parseArtificialAnalysis(payload(full.slice(0, 400))));
    expect(truncated.code).toBe('PARSE_FAILED');
    expect(truncated.message).toMatch(
      /^\[scraper:artificial-analysis\] models\.json: expected JSON, found text that is not valid JSON/,
    );
    expect(parseError(() => parseArtificialAnalysis(payload('{"models":[]}'))).message).toBe(
      '[scraper:artificial-analysis] models.json: expected an object {data: [...], pagination: {...}}, found an object with keys models',
    );
    expect(parseError(() => parseArtificialAnalysis(payload('{"status":200,"data":[]}'))).message).toContain(
      'expected at least one model in $.data, found an empty list',
    );
    expect(parseError(() => parseArtificialAnalysis(payload('{"status":401,"data":[]}'))).message).toContain(
      'expected status 200, found status 401',
    );
  });
});

describe('parseArtificialAnalysis on the saved leaderboard table', () => {
  for (const fileName of ['leaderboard-models_2026-03-30.csv', 'leaderboard-models_2026-03-30.html']) {
    it(`reads every row of ${fileName}`, () => {
      const result = parseArtificialAnalysis({
        body: fixture(fileName),
        url: `file:///saved/${fileName}`,
        retrievedAt: RETRIEVED_AT,
        fileName,
      });
      expect(result.issues.filter((issue) => !issue.message.includes('rows are named "GLM-5"'))).toEqual([]);
      const byName = new Map(result.observations.map((observation) => [observation.rawName, observation]));
      expect(byName.get('Gemini 3.1 Pro Preview')).toEqual({
        source: 'artificial-analysis',
        sourceUrl: 'https://artificialanalysis.ai/leaderboards/models',
        retrievedAt: RETRIEVED_AT,
        rawName: 'Gemini 3.1 Pro Preview',
        developer: 'Google',
        contextLength: 1_000_000,
        pricing: { blendedUsdPerMillionTokens: 4.5 },
        scores: { 'aa-intelligence-index': { value: 57, asOf: '2026-03-30' } },
      });
      expect(byName.get('Llama 4 Behemoth')).toMatchObject({
        contextLength: 10_000_000,
        scores: { 'aa-intelligence-index': { value: 22, asOf: '2026-03-30', preliminary: true } },
      });
      expect(byName.get('Apertus 8B Instruct')).toMatchObject({
        developer: 'Swiss AI Initiative',
        contextLength: 66_000,
      });
      expect(byName.get('Apertus 8B Instruct')).not.toHaveProperty('scores');
      for (const observation of result.observations)
        expect(ObservationSchema.safeParse(observation).success).toBe(true);
    });
  }

  it('keeps rows that share a name (the table drops the reasoning-mode label)', () => {
    const result = parseArtificialAnalysis({
      body: fixture('leaderboard-models_2026-03-30.csv'),
      url: 'file:///x.csv',
      retrievedAt: RETRIEVED_AT,
    });
    expect(result.observations).toHaveLength(6);
    expect(
      result.observations
        .filter((observation) => observation.rawName === 'GLM-5')
        .map((observation) => observation.scores?.['aa-intelligence-index']?.value),
    ).toEqual([50, 41]);
    expect(result.observations[2]?.rawName).toBe('Claude Sonnet 4.6 (Non-reasoning, Low Effort)');
    expect(result.issues).toEqual([
      {
        level: 'warning',
        message: '2 rows are named "GLM-5" (the table does not tell their variants apart); all kept',
      },
    ]);
  });

  it('dates the scores by retrieval when the file name has no date', () => {
    const result = parseArtificialAnalysis({
      body: fixture('leaderboard-models_2026-03-30.csv'),
      url: 'file:///x/board.csv',
      retrievedAt: RETRIEVED_AT,
    });
    expect(result.observations[0]?.scores?.['aa-intelligence-index']?.asOf).toBe('2026-04-02');
  });

  it('names a renamed column and lists the headers found', () => {
    const renamed = fixture('leaderboard-models_2026-03-30.csv').replace(
      'Artificial Analysis Intelligence Index',
      'Intelligence',
    );
    const error = parseError(() =>
      parseArtificialAnalysis({ body: renamed, url: 'file:///x/board.csv', retrievedAt: RETRIEVED_AT }),
    );
    expect(error.message).toMatch(
      /^\[scraper:artificial-analysis\] board\.csv: expected a table with columns "Model", "Creator", "Artificial Analysis Intelligence Index", found table 1 with headers "Model", "Context Window", "Creator", "Intelligence",/,
    );
  });

  it('rejects truncated CSV and HTML', () => {
    const csv = fixture('leaderboard-models_2026-03-30.csv');
    expect(
      parseError(() =>
        parseArtificialAnalysis({
          body: csv.slice(0, csv.indexOf(',$0.13')),
          url: 'file:///b.csv',
          retrievedAt: RETRIEVED_AT,
        }),
      ).message,
    ).toContain('no final newline (truncated?)');
    const html = fixture('leaderboard-models_2026-03-30.html');
    expect(
      parseError(() =>
        parseArtificialAnalysis({
          body: html.slice(0, html.indexOf('GLM-5')),
          url: 'file:///b.html',
          retrievedAt: RETRIEVED_AT,
        }),
      ).message,
    ).toContain('(truncated?)');
  });
});

describe('artificialAnalysisScraper.scrape', () => {
  function contextWith(
    env: Record<string, string | undefined>,
    calls: { url: string; options?: HttpRequestOptions }[],
  ): ScrapeContext {
    const http: HttpClient = {
      async get(url, options) {
        calls.push({ url, options });
        return {
          url,
          finalUrl: url,
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: fixture('api-v2-llms-models.json'),
          retrievedAt: RETRIEVED_AT,
          notModified: false,
        };
      },
      async getJson() {
        throw new Error('not used');
      },
    };
    return {
      http,
      signal: new AbortController().signal,
      log: { debug() {}, info() {}, warn() {} },
      now: () => new Date(RETRIEVED_AT),
      env,
    };
  }

  it('asks the client to send the key from ARTIFICIAL_ANALYSIS_API_KEY as x-api-key', async () => {
    const calls: { url: string; options?: HttpRequestOptions }[] = [];
    const result = await artificialAnalysisScraper.scrape(
      contextWith({ ARTIFICIAL_ANALYSIS_API_KEY: 'secret-value' }, calls),
    );
    expect(calls).toEqual([
      {
        url: ARTIFICIAL_ANALYSIS_API_URL,
        options: expect.objectContaining({
          apiKeyEnv: 'ARTIFICIAL_ANALYSIS_API_KEY',
          apiKeyHeader: 'x-api-key',
        }),
      },
    ]);
    expect(JSON.stringify(calls)).not.toContain('secret-value');
    expect(result.observations).toHaveLength(3);
    expect(artificialAnalysisScraper.requiresEnv).toEqual(['ARTIFICIAL_ANALYSIS_API_KEY']);
  });

  it('fails without the key, naming the variable, before any request', async () => {
    const calls: { url: string }[] = [];
    await expect(artificialAnalysisScraper.scrape(contextWith({}, calls))).rejects.toMatchObject({
      code: 'HTTP_FAILED',
      message: expect.stringContaining('the environment variable ARTIFICIAL_ANALYSIS_API_KEY is not set'),
    });
    expect(calls).toEqual([]);
  });
});

describe('parseArtificialAnalysis snapshots', () => {
  it.each([
    'api-v2-llms-models.json',
    'leaderboard-models_2026-03-30.csv',
    'leaderboard-models_2026-03-30.html',
  ])('%s', (fileName) => {
    const url = fileName.endsWith('.json')
      ? ARTIFICIAL_ANALYSIS_API_URL
      : 'https://artificialanalysis.ai/leaderboards/models';
    expect(
      parseArtificialAnalysis({ body: fixture(fileName), url, retrievedAt: RETRIEVED_AT, fileName }),
    ).toMatchSnapshot();
  });
});
