import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { artificialAnalysisScraper } from './builtin/artificial-analysis';
import { OPENROUTER_MODELS_URL, openrouterScraper } from './builtin/openrouter';
import { checkSources, compareShape, payloadFields } from './check-sources';
import { createHttpClient } from './http-client';

const openrouterFixture = readFileSync(
  new URL('./builtin/openrouter/__fixtures__/models-2026-05.json', import.meta.url),
  'utf8',
);
const sharedFixtures = fileURLToPath(new URL('../../../../shared/fixtures', import.meta.url));

function http() {
  return createHttpClient({ sourceId: 'check', minIntervalMs: 0, retry: { limit: 0 }, cache: false });
}

function serveOpenRouter(body: string, status = 200) {
  return nock('https://openrouter.ai').get('/api/v1/models').reply(status, body, {
    'content-type': 'application/json',
  });
}

afterEach(() => nock.cleanAll());

describe('checkSources (nock on recorded payloads)', () => {
  it('passes a payload in the expected shape with a plausible count', async () => {
    const scope = serveOpenRouter(openrouterFixture);
    const [check] = await checkSources([openrouterScraper], {
      http: http(),
      env: {},
      previousCounts: { openrouter: 6 },
    });
    expect(scope.isDone()).toBe(true);
    expect(check).toEqual({
      source: 'openrouter',
      status: 'ok',
      url: OPENROUTER_MODELS_URL,
      observations: 5,
      previousObservations: 6,
      missingFields: [],
      newFields: [],
      findings: [],
    });
  });

  it('lists missing and new fields and an implausible count the day the format changes', async () => {
    const renamed = openrouterFixture.replaceAll('"pricing"', '"prices"');
    serveOpenRouter(renamed);
    const [check] = await checkSources([openrouterScraper], {
      http: http(),
      env: {},
      previousCounts: { openrouter: 300 },
    });
    expect(check?.status).toBe('changed');
    expect(check?.missingFields).toEqual(['pricing']);
    expect(check?.newFields).toEqual(['prices']);
    expect(check?.findings).toEqual([
      'fields the parser reads are missing: pricing',
      'new fields the parser does not know: prices',
      '5 observations is implausible against 300 in the last run',
    ]);
  });

  it('reports a failing fetch, and skips a source whose key is not set', async () => {
    serveOpenRouter('busy', 503);
    const checks = await checkSources([openrouterScraper, artificialAnalysisScraper], {
      http: http(),
      env: {},
    });
    expect(checks.map((check) => check.status)).toEqual(['failed', 'skipped']);
    expect(checks[0]?.findings[0]).toContain('HTTP 503');
    expect(checks[1]?.findings).toEqual(['needs ARTIFICIAL_ANALYSIS_API_KEY in the environment']);
  });

  it.skipIf(!existsSync(sharedFixtures))(
    'passes the real recorded OpenRouter lists of both schemas',
    async () => {
      for (const file of ['api_v1_models_2026-05.json', 'api_v1_models_2025-12-02_compact.json']) {
        serveOpenRouter(readFileSync(`${sharedFixtures}/openrouter/${file}`, 'utf8'));
        const [check] = await checkSources([openrouterScraper], { http: http(), env: {} });
        expect(check?.status, file).toBe('ok');
        expect(check?.newFields, file).toEqual([]);
      }
    },
  );
});

describe('payloadFields and compareShape', () => {
  it('reads JSON record keys, CSV headers and the widest HTML table', () => {
    expect(payloadFields('x', { body: '{"data":[{"a":1},{"b":2}]}', finalUrl: 'https://x.test/' })).toEqual([
      'a',
      'b',
    ]);
    expect(
      payloadFields('x', {
        body: '{"rows":[{"row_idx":0,"row":{"model_name":"m"}}]}',
        finalUrl: 'https://x.test/',
      }),
    ).toEqual(['model_name']);
    expect(payloadFields('x', { body: 'Model,Score\nm,1\n', finalUrl: 'https://x.test/' })).toEqual([
      'Model',
      'Score',
    ]);
    expect(
      payloadFields('x', {
        body: '<table><tr><th>A</th></tr><tr><td>1</td></tr></table><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>',
        finalUrl: 'https://x.test/',
      }),
    ).toEqual(['A', 'B']);
    expect(compareShape(['Model', 'Extra'], { read: ['Model', 'Score'], known: ['Notes'] })).toEqual({
      missingFields: ['Score'],
      newFields: ['Extra'],
    });
  });
});
