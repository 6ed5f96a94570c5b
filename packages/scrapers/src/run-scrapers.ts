import { type Observation, ObservationSchema, type ScrapeIssue, TrackerError } from '@tracker/schema';
import type { HttpCache } from './http-cache';
import type { SnapshotRecord, TrackerHttpClient } from './http-client';
import type { BaseScraper, Logger } from './scraper';

/** What happened to one source in a run. */
export interface SourceRunResult {
  /** Scraper id. */
  source: string;
  /** `ok` when `scrape()` returned, `failed` when it threw (its earlier observations should be kept). */
  status: 'ok' | 'failed';
  /** Valid observations of this source; invalid ones become error-level issues. */
  observations: Observation[];
  issues: ScrapeIssue[];
  /** Why the source failed: a TrackerError naming the source (a ScrapeError for HTTP and parse failures). */
  error?: TrackerError;
  /** Raw payloads stored while scraping, in fetch order. */
  snapshots: SnapshotRecord[];
}

/** Options of {@link runScrapers}. */
export interface RunScrapersOptions {
  /** The client; each source gets `http.forSource(id)`, so host limits are shared across sources. */
  http: TrackerHttpClient;
  signal?: AbortSignal;
  log?: Logger;
  now?: () => Date;
  env?: Readonly<Record<string, string | undefined>>;
  /** A conditional-request cache per source, e.g. a file cache under `data/snapshots/<source>/`. */
  cacheFor?: (sourceId: string) => HttpCache | undefined;
  /** Called as each source finishes (for progress bars). */
  onResult?: (result: SourceRunResult) => void;
}

/**
 * Runs scrapers all at once (the HTTP client's per-host limits keep each site's load polite, and different hosts
 * proceed in parallel) and returns one result per scraper, in the order given. A failing source never stops the
 * others. A source missing a variable of `requiresEnv` fails without fetching.
 */
export async function runScrapers(
  scrapers: readonly BaseScraper[],
  options: RunScrapersOptions,
): Promise<SourceRunResult[]> {
  const env = options.env ?? process.env;
  const log = options.log ?? { debug() {}, info() {}, warn() {} };
  const signal = options.signal ?? new AbortController().signal;
  return Promise.all(
    scrapers.map(async (scraper) => {
      const snapshots: SnapshotRecord[] = [];
      const result = await runOne(scraper, snapshots);
      options.onResult?.(result);
      return result;
    }),
  );

  async function runOne(scraper: BaseScraper, snapshots: SnapshotRecord[]): Promise<SourceRunResult> {
    const failed = (error: TrackerError): SourceRunResult => ({
      source: scraper.id,
      status: 'failed',
      observations: [],
      issues: [],
      error,
      snapshots,
    });
    const missing = scraper.requiresEnv.filter((name) => !env[name]);
    if (missing.length > 0) {
      return failed(
        new TrackerError(
          'SOURCE_UNAVAILABLE',
          `[scraper:${scraper.id}] needs the environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        ),
      );
    }
    const cache = options.cacheFor?.(scraper.id);
    const http = options.http.forSource(scraper.id, {
      onSnapshot: (snapshot) => snapshots.push(snapshot),
      ...(cache === undefined ? {} : { cache }),
    });
    try {
      const scraped = await scraper.scrape({
        http,
        signal,
        log,
        now: options.now ?? (() => new Date()),
        env,
      });
      return {
        source: scraper.id,
        status: 'ok',
        ...checkObservations(scraper.id, scraped.observations, scraped.issues),
        snapshots,
      };
    } catch (error) {
      if (TrackerError.is(error)) return failed(error);
      // A raw exception from a scraper is most often a changed layout meeting code that did not expect it.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return failed(
        new TrackerError(
          'PARSE_FAILED',
          `[scraper:${scraper.id}] scrape() failed unexpectedly (${message})`,
          { cause: error },
        ),
      );
    }
  }
}

function checkObservations(
  source: string,
  observations: readonly unknown[],
  issues: readonly ScrapeIssue[],
): { observations: Observation[]; issues: ScrapeIssue[] } {
  const valid: Observation[] = [];
  const problems: ScrapeIssue[] = [...issues];
  observations.forEach((observation, index) => {
    const parsed = ObservationSchema.safeParse(observation);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      problems.push({
        level: 'error',
        message: `dropped an observation that does not match the schema (${detail})`,
        location: `observations[${index}]`,
      });
    } else if (parsed.data.source !== source) {
      problems.push({
        level: 'error',
        message: `dropped an observation of source "${parsed.data.source}"`,
        location: `observations[${index}]`,
      });
    } else {
      valid.push(parsed.data);
    }
  });
  return { observations: valid, issues: problems };
}
