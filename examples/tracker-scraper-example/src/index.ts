import { type Observation, ObservationSchema, type ScrapeIssue } from '@tracker/schema';
import {
  defineScraper,
  type Payload,
  parseJsonSafely,
  ScrapeError,
  type ScrapeResult,
} from '@tracker/scrapers';

/** Options of the example source, set under `plugins:` in `tracker.config.yaml`. */
export interface ExampleScraperOptions {
  /** Where the JSON list of models lives (default {@link DEFAULT_URL}). */
  url?: string;
}

/** The URL read when no `url` option is given. */
export const DEFAULT_URL = 'https://example.com/tracker/models.json';

const SCRAPER_ID = 'example';

/**
 * Parses `{ "models": [{ "name", "developer", "released", "params" }] }` into observations. Pure: it reads only
 * the payload. A payload that is not such a list throws `PARSE_FAILED`; a bad row becomes an issue.
 */
export function parseModelList(payload: Payload): ScrapeResult {
  let document: unknown;
  try {
    document = parseJsonSafely(payload.body);
  } catch (error) {
    throw new ScrapeError({
      code: 'PARSE_FAILED',
      scraperId: SCRAPER_ID,
      url: payload.url,
      problem: `expected a JSON object with a "models" list, but the payload is not valid JSON (${(error as Error).message})`,
      cause: error,
    });
  }
  const models = (document as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) {
    throw new ScrapeError({
      code: 'PARSE_FAILED',
      scraperId: SCRAPER_ID,
      url: payload.url,
      problem: 'expected a JSON object with a "models" list',
    });
  }
  const observations: Observation[] = [];
  const issues: ScrapeIssue[] = [];
  models.forEach((row: unknown, index) => {
    const location = `$.models[${index}]`;
    const { name, developer, released, params } = (
      typeof row === 'object' && row !== null ? row : {}
    ) as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') {
      issues.push({ level: 'warning', message: 'skipped a row without a "name"', location });
      return;
    }
    const candidate = {
      source: SCRAPER_ID,
      sourceUrl: payload.url,
      retrievedAt: payload.retrievedAt,
      rawName: name.trim(),
      ...(typeof developer === 'string' && developer !== '' ? { developer } : {}),
      ...(typeof released === 'string' && released !== '' ? { releaseDate: released } : {}),
      ...(typeof params === 'number' ? { parameters: { total: params } } : {}),
    };
    const parsed = ObservationSchema.safeParse(candidate);
    if (parsed.success) {
      observations.push(parsed.data);
    } else {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      issues.push({ level: 'warning', message: `skipped "${name}": ${problems}`, location });
    }
  });
  if (models.length > 0 && observations.length === 0) {
    issues.push({
      level: 'error',
      message: 'no row of the "models" list could be read',
      location: '$.models',
    });
  }
  return { observations, issues };
}

/**
 * The plugin's entry: a factory, so that `tracker.config.yaml` can pass options.
 *
 * @example
 * # tracker.config.yaml
 * plugins:
 *   - name: tracker-scraper-example
 *     options: { url: https://example.com/tracker/models.json }
 */
export default function createExampleScraper(options: ExampleScraperOptions = {}) {
  const url = options.url ?? DEFAULT_URL;
  return defineScraper({
    id: SCRAPER_ID,
    description: 'Models listed in a JSON file: name, developer, release date, parameters',
    sources: [url],
    provides: ['names', 'developer', 'release-date', 'parameters'],
    async scrape(context) {
      const response = await context.http.get(url, {
        signal: context.signal,
        headers: { accept: 'application/json' },
      });
      return parseModelList({
        body: response.body,
        url: response.finalUrl,
        retrievedAt: response.retrievedAt,
        ...(response.headers['content-type'] === undefined
          ? {}
          : { contentType: response.headers['content-type'] }),
      });
    },
    parse: parseModelList,
  });
}
