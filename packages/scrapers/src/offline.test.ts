import { describe, expect, it } from 'vitest';
import { builtinScrapers } from './builtin';
import { isNetworkUnreachable } from './errors';
import { createHttpClient } from './http-client';
import type { HttpClient } from './scraper';

// The test setup refuses every connection that is not loopback with ENETUNREACH, as a machine without a route
// does. Each built-in source must then fail with one request and no retry: `tracker collect` offline ends at once
// with one line per source instead of minutes of backoff.
describe('every built-in source without a network', () => {
  it.each(builtinScrapers.map((scraper) => [scraper.id, scraper] as const))(
    '%s fails after one request, saying the network is unreachable',
    async (_id, scraper) => {
      const warnings: string[] = [];
      const log = { debug() {}, info() {}, warn: (message: string) => warnings.push(message) };
      const client = createHttpClient({
        sourceId: scraper.id,
        minIntervalMs: 0,
        // A retry would wait a minute: far past the test timeout.
        retry: { limit: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 },
        env: { ARTIFICIAL_ANALYSIS_API_KEY: 'test-key' },
        log,
      });
      const requested: string[] = [];
      const http: HttpClient = {
        get: (url, options) => {
          requested.push(url);
          return client.get(url, options);
        },
        getJson: (url, options) => {
          requested.push(url);
          return client.getJson(url, options);
        },
      };
      const error = await scraper
        .scrape({
          http,
          signal: new AbortController().signal,
          log,
          now: () => new Date('2026-12-04T00:00:00.000Z'),
          env: { ARTIFICIAL_ANALYSIS_API_KEY: 'test-key' },
        })
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      expect(isNetworkUnreachable(error)).toBe(true);
      expect((error as Error).message).toMatch(/the network or host is unreachable \(ENETUNREACH/);
      expect(requested).toHaveLength(1);
      expect(warnings.filter((warning) => warning.includes('retry'))).toEqual([]);
    },
  );
});
