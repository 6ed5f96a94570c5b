import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { assertScraper } from '../assert-scraper';
import type { BaseScraper, Payload, ScrapeContext, ScrapeResult } from '../scraper';
import { assertFaultHandled, assertValidResult } from './conformance-checks';
import { createFixtureHttpClient, type FixtureRoute } from './fixture-http-client';

/** A recorded payload a scraper is tested on. Give `file` or `body`. */
export interface ScraperFixture {
  /** Label in test names (default: the file name or URL). */
  name?: string;
  /** Path or `file:` URL of the recorded payload. */
  file?: string | URL;
  /** The payload itself, when it is not in a file. */
  body?: string;
  /** URL it was recorded from: `parse()` gets it as `payload.url`, and `scrape()` is served it from there. */
  url: string;
  /** File name handed to `parse()` (parsers may pick the format from it). Default: the base name of `file`. */
  fileName?: string;
  /** Content type served to `scrape()` and handed to `parse()`. Default: guessed from the file name or body. */
  contentType?: string;
  /** When it was recorded (default `2026-01-01T00:00:00.000Z`). */
  retrievedAt?: string;
  /** What the parse must find. */
  expect?: {
    /** Fewest observations (default 1). */
    minObservations?: number;
    /** Raw names that must be among the observations. */
    names?: readonly string[];
    /** Most error-level issues allowed on this recorded payload (default 0). */
    maxErrorIssues?: number;
  };
  /** Allow observations sharing a raw name and snapshot date (default false). */
  allowDuplicates?: boolean;
  /** Other URLs `scrape()` fetches, served as given. */
  routes?: Readonly<Record<string, FixtureRoute>>;
  /** Check that `scrape()` served this payload returns what `parse()` does (default: true for live scrapers). */
  scrape?: boolean;
}

/** What {@link TestScraperOptions.additionalTests} receives. */
export interface ScraperTestContext {
  scraper: BaseScraper;
  /** Each fixture as the payload `parse()` is given. */
  payloads: readonly Payload[];
}

/** Options of {@link testScraper}. */
export interface TestScraperOptions {
  scraper: BaseScraper;
  fixtures: readonly ScraperFixture[];
  /** Registers more `it` blocks inside the suite. */
  additionalTests?: (context: ScraperTestContext) => void;
}

const DEFAULT_RETRIEVED_AT = '2026-01-01T00:00:00.000Z';

/**
 * Registers the conformance suite every scraper runs on its recorded payloads (vitest `describe`/`it` blocks;
 * call it at the top level of a test file). It checks the definition (valid, frozen, apiVersion 1, kebab-case
 * id); that `parse()` returns valid observations of this source, without unintended duplicates, purely (same
 * output twice, input untouched); that empty, truncated and foreign payloads give a `PARSE_FAILED` error naming
 * the source or an error-level issue, never a raw `TypeError`; and that `scrape()` returns what `parse()` does.
 *
 * @example
 * testScraper({
 *   scraper: createExampleScraper({ url: 'https://example.com/models.json' }),
 *   fixtures: [{ file: new URL('./__fixtures__/models.json', import.meta.url), url: 'https://example.com/models.json' }],
 * });
 */
export function testScraper(options: TestScraperOptions): void {
  const { scraper } = options;
  const id = typeof (scraper as { id?: unknown })?.id === 'string' ? scraper.id : '(no id)';
  const loaded = options.fixtures.map(loadFixture);

  describe(`scraper ${id}: conformance`, () => {
    describe('definition', () => {
      it('is a valid scraper of apiVersion 1 with a kebab-case id', () => {
        expect(() => assertScraper(scraper, `scraper:${id}`)).not.toThrow();
        expect(scraper.apiVersion).toBe(1);
        expect(scraper.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      });

      it('is frozen, lists included', () => {
        expect(Object.isFrozen(scraper)).toBe(true);
        expect(Object.isFrozen(scraper.sources)).toBe(true);
        expect(Object.isFrozen(scraper.provides)).toBe(true);
        expect(Object.isFrozen(scraper.requiresEnv)).toBe(true);
      });

      it('has at least one recorded payload to be tested on', () => {
        expect(loaded.length).toBeGreaterThan(0);
      });
    });

    for (const fixture of loaded) {
      describe(`payload ${fixture.label}`, () => {
        it('parses into valid observations of this source', () => {
          const result = callParse(scraper, fixture.payload);
          assertValidResult(scraper, result);
          const expected = fixture.fixture.expect ?? {};
          expect(result.observations.length, 'number of observations').toBeGreaterThanOrEqual(
            expected.minObservations ?? 1,
          );
          const names = new Set(result.observations.map((observation) => observation.rawName));
          for (const name of expected.names ?? []) {
            expect(names.has(name), `observation named "${name}"`).toBe(true);
          }
          const errors = result.issues.filter((issue) => issue.level === 'error');
          expect(
            errors.length,
            `error-level issues: ${errors.map((issue) => issue.message).join('; ')}`,
          ).toBeLessThanOrEqual(expected.maxErrorIssues ?? 0);
        });

        it.skipIf(fixture.fixture.allowDuplicates === true)(
          'has no duplicate observation of one model in one snapshot',
          () => {
            const seen = new Map<string, number>();
            for (const observation of callParse(scraper, fixture.payload).observations) {
              const asOf = Object.values(observation.scores ?? {})
                .map((score) => score.asOf)
                .sort()
                .join(',');
              const key = JSON.stringify([observation.rawName, observation.sourceModelId ?? '', asOf]);
              seen.set(key, (seen.get(key) ?? 0) + 1);
            }
            const duplicates = [...seen.entries()].filter(([, count]) => count > 1).map(([key]) => key);
            expect(duplicates, 'duplicate (rawName, sourceModelId, asOf)').toEqual([]);
          },
        );

        it('is pure: the same output twice, the payload untouched', () => {
          const payload = deepFreeze({ ...fixture.payload });
          const first = callParse(scraper, payload);
          const second = callParse(scraper, payload);
          expect(second).toEqual(first);
          expect(payload).toEqual(fixture.payload);
        });

        const faults: [string, string, 'strict' | 'partial'][] = [
          ['an empty body', '', 'strict'],
          [
            'a truncated body (first half)',
            fixture.payload.body.slice(0, Math.floor(fixture.payload.body.length / 2)),
            'partial',
          ],
          [
            'an HTML page without the expected content',
            '<!doctype html><html><head><title>Moved</title></head><body><p>This page has moved.</p></body></html>',
            'strict',
          ],
          ['JSON of another shape', '{"unexpected":{"shape":true}}', 'strict'],
        ];
        for (const [label, body, mode] of faults) {
          it(`reports ${label} as a PARSE_FAILED error naming the source or as an error-level issue`, () => {
            assertFaultHandled(scraper, { ...fixture.payload, body }, mode);
          });
        }

        it.skipIf(fixture.fixture.scrape === false || !scraper.live)(
          'scrape() served this payload returns what parse() does',
          async () => {
            const http = createFixtureHttpClient(
              {
                [fixture.fixture.url]: {
                  body: fixture.payload.body,
                  headers:
                    fixture.payload.contentType === undefined
                      ? {}
                      : { 'content-type': fixture.payload.contentType },
                },
                ...fixture.fixture.routes,
              },
              { retrievedAt: fixture.payload.retrievedAt, sourceId: scraper.id },
            );
            const context: ScrapeContext = {
              http,
              signal: new AbortController().signal,
              log: { debug() {}, info() {}, warn() {} },
              now: () => new Date(fixture.payload.retrievedAt),
              env: Object.fromEntries(scraper.requiresEnv.map((name) => [name, `test-value-of-${name}`])),
            };
            const scraped = await scraper.scrape(context);
            assertValidResult(scraper, scraped);
            expect(http.requests.length, 'requests made by scrape()').toBeGreaterThan(0);
            expect(scraped.observations).toEqual(callParse(scraper, fixture.payload).observations);
          },
        );
      });
    }

    options.additionalTests?.({ scraper, payloads: loaded.map((fixture) => fixture.payload) });
  });
}

interface LoadedFixture {
  label: string;
  fixture: ScraperFixture;
  payload: Payload;
}

function loadFixture(fixture: ScraperFixture): LoadedFixture {
  const filePath =
    fixture.file === undefined
      ? undefined
      : fixture.file instanceof URL
        ? fileURLToPath(fixture.file)
        : fixture.file;
  const body = fixture.body ?? (fixture.file === undefined ? undefined : readFileSync(fixture.file, 'utf8'));
  if (body === undefined) {
    throw new TrackerError('USAGE', `[testScraper] the fixture for ${fixture.url} needs a file or a body`);
  }
  const fileName = fixture.fileName ?? filePath?.split(/[\\/]/).pop();
  const contentType = fixture.contentType ?? guessContentType(fileName, body);
  const payload: Payload = {
    body,
    url: fixture.url,
    retrievedAt: fixture.retrievedAt ?? DEFAULT_RETRIEVED_AT,
    ...(fileName === undefined ? {} : { fileName }),
    ...(contentType === undefined ? {} : { contentType }),
  };
  return { label: fixture.name ?? fileName ?? fixture.url, fixture, payload };
}

function guessContentType(fileName: string | undefined, body: string): string | undefined {
  const extension = fileName?.split('.').pop()?.toLowerCase();
  if (extension === 'json') return 'application/json';
  if (extension === 'html' || extension === 'htm') return 'text/html';
  if (extension === 'csv') return 'text/csv';
  if (extension === 'md') return 'text/markdown';
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') return 'application/json';
  if (first === '<') return 'text/html';
  return undefined;
}

function callParse(scraper: BaseScraper, payload: Payload): ScrapeResult {
  return scraper.parse(payload);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
