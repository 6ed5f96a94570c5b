import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineScraper } from './define-scraper';
import { isScrapeError } from './errors';
import { createHttpClient } from './http-client';
import { runScrapers } from './run-scrapers';
import type { SnapshotStore } from './snapshot';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/models.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"models":["A","B"]}');
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function jsonSource(id: string, path: string, options: { requiresEnv?: string[]; bad?: boolean } = {}) {
  return defineScraper({
    id,
    description: id,
    provides: ['names'],
    requiresEnv: options.requiresEnv ?? [],
    async scrape(context) {
      const { data, response } = await context.http.getJson(`${base}${path}`);
      const names = (data as { models: string[] }).models;
      return {
        observations: names.map((rawName) => ({
          source: options.bad ? 'someone-else' : id,
          sourceUrl: response.finalUrl,
          retrievedAt: response.retrievedAt,
          rawName,
        })),
        issues: [],
      };
    },
    parse: () => ({ observations: [], issues: [] }),
  });
}

describe('runScrapers', () => {
  it('runs every source, keeps going past a failure, and reports snapshots per source', async () => {
    const saved: string[] = [];
    const store: SnapshotStore = {
      async save(snapshot) {
        saved.push(snapshot.source);
        return { file: `${snapshot.source}/x.json`, sha256: 'a'.repeat(64) };
      },
    };
    const http = createHttpClient({ minIntervalMs: 0, snapshotStore: store, retry: { limit: 0 } });
    const finished: string[] = [];
    const results = await runScrapers(
      [
        jsonSource('good', '/models.json'),
        jsonSource('gone', '/missing.json'),
        jsonSource('keyed', '/models.json', { requiresEnv: ['TRACKER_TEST_UNSET_KEY'] }),
        jsonSource('bad', '/models.json', { bad: true }),
      ],
      { http, env: {}, onResult: (result) => finished.push(result.source) },
    );
    expect(results.map((result) => [result.source, result.status])).toEqual([
      ['good', 'ok'],
      ['gone', 'failed'],
      ['keyed', 'failed'],
      ['bad', 'ok'],
    ]);
    expect(results[0]?.observations.map((observation) => observation.rawName)).toEqual(['A', 'B']);
    expect(results[0]?.snapshots).toEqual([expect.objectContaining({ source: 'good', file: 'good/x.json' })]);
    expect(isScrapeError(results[1]?.error)).toBe(true);
    expect(results[1]?.error?.message).toContain('[scraper:gone]');
    expect(results[2]?.error).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(results[2]?.error?.message).toContain('TRACKER_TEST_UNSET_KEY');
    expect(results[3]?.observations).toEqual([]);
    expect(results[3]?.issues.filter((issue) => issue.level === 'error')).toHaveLength(2);
    expect(saved.sort()).toEqual(['bad', 'good']);
    expect(finished.sort()).toEqual(['bad', 'gone', 'good', 'keyed']);
  });

  it('turns a raw exception of a scraper into PARSE_FAILED naming the source', async () => {
    const broken = defineScraper({
      id: 'broken',
      description: 'd',
      provides: ['names'],
      live: false,
      async scrape() {
        return (undefined as unknown as { x: never }).x;
      },
      parse: () => ({ observations: [], issues: [] }),
    });
    const [result] = await runScrapers([broken], { http: createHttpClient() });
    expect(result?.error).toMatchObject({ code: 'PARSE_FAILED' });
    expect(result?.error?.message).toMatch(/^\[scraper:broken\] scrape\(\) failed unexpectedly \(TypeError/);
  });
});
