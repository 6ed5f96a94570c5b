import { defineScraper } from '../../define-scraper';
import { isNetworkUnreachable, ScrapeError } from '../../errors';
import type { Payload, ScrapeResult } from '../../scraper';
import { mergeResults } from '../kit';
import {
  LIVEBENCH_ID,
  LIVEBENCH_RELEASE_FILE,
  type LivebenchCategories,
  parseLivebench,
  parseLivebenchCategories,
  parseLivebenchTable,
} from './parse-livebench';

/** Options of {@link createLivebenchScraper}. */
export interface LivebenchScraperOptions {
  /**
   * Release dates to read (`YYYY-MM-DD`), e.g. `["2026-06-25"]`. LiveBench publishes no machine-readable list of
   * releases that we know of (the site's code names them), so the dates are configured; each one is read from
   * `<baseUrl>/table_<yyyy_mm_dd>.csv` with its `categories_<yyyy_mm_dd>.json`. Default
   * {@link DEFAULT_LIVEBENCH_RELEASES}.
   */
  releases?: readonly string[];
  /** Where the release files are served (default `https://livebench.ai`). */
  baseUrl?: string;
}

/** The newest release we have seen (2026-06-25). Add newer dates through the options as LiveBench publishes them. */
export const DEFAULT_LIVEBENCH_RELEASES: readonly string[] = ['2026-06-25'];
const DEFAULT_BASE_URL = 'https://livebench.ai';

/** URLs of a release's table and categories files. */
export function formatLivebenchReleaseUrls(
  release: string,
  baseUrl = DEFAULT_BASE_URL,
): { table: string; categories: string } {
  const stamp = release.replaceAll('-', '_');
  const base = baseUrl.replace(/\/+$/, '');
  return { table: `${base}/table_${stamp}.csv`, categories: `${base}/categories_${stamp}.json` };
}

/**
 * Builds a LiveBench scraper reading the configured releases: for each, the table CSV and its categories JSON
 * (falling back to the built-in categories, with a warning, when the JSON cannot be read).
 */
export function createLivebenchScraper(options: LivebenchScraperOptions = {}) {
  const releases = options.releases ?? DEFAULT_LIVEBENCH_RELEASES;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  for (const release of releases) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(release)) {
      throw new ScrapeError({
        code: 'PARSE_FAILED',
        scraperId: LIVEBENCH_ID,
        url: baseUrl,
        problem: `expected release dates as YYYY-MM-DD, found ${JSON.stringify(release)}`,
      });
    }
  }
  return defineScraper({
    id: LIVEBENCH_ID,
    description: 'LiveBench release tables: global and per-category averages of frontier models',
    sources: releases.map((release) => formatLivebenchReleaseUrls(release, baseUrl).table),
    provides: ['names', 'scores'],
    live: true,
    async scrape(context) {
      const results: ScrapeResult[] = [];
      for (const release of releases) {
        const urls = formatLivebenchReleaseUrls(release, baseUrl);
        let categories: LivebenchCategories | undefined;
        try {
          const response = await context.http.get(urls.categories, { signal: context.signal });
          categories = parseLivebenchCategories({
            body: response.body,
            url: response.finalUrl,
            retrievedAt: response.retrievedAt,
          });
        } catch (error) {
          if (context.signal.aborted || isNetworkUnreachable(error)) throw error;
          context.log.warn(
            `[scraper:livebench] ${urls.categories}: ${error instanceof Error ? error.message : String(error)}; using the built-in categories`,
          );
        }
        const response = await context.http.get(urls.table, { signal: context.signal });
        const payload = { body: response.body, url: response.finalUrl, retrievedAt: response.retrievedAt };
        results.push(parseLivebenchTable(payload, categories ? { categories } : {}));
      }
      return mergeResults(results);
    },
    parse(payload) {
      return parseLivebench(payload);
    },
    savedFileUrl(fileName) {
      // Release files keep the name they are served under (table_<date>.csv, categories_<date>.json); any
      // other file is a copy of the leaderboard page itself, never one of the release tables.
      const base = baseUrl.replace(/\/+$/, '');
      return LIVEBENCH_RELEASE_FILE.test(fileName) ? `${base}/${fileName}` : `${base}/`;
    },
    parseMany(payloads) {
      // A categories JSON applies to the tables of the same release date (or to all, when undated).
      const isJson = (payload: Payload) => /^\s*[{[]/.test(payload.body);
      const categoriesByDate = new Map<string, LivebenchCategories>();
      for (const payload of payloads.filter(isJson)) {
        categoriesByDate.set(releaseStamp(payload) ?? '*', parseLivebenchCategories(payload));
      }
      return mergeResults(
        payloads
          .filter((payload) => !isJson(payload))
          .map((payload) => {
            const categories =
              categoriesByDate.get(releaseStamp(payload) ?? '*') ?? categoriesByDate.get('*');
            return categories ? parseLivebenchTable(payload, { categories }) : parseLivebench(payload);
          }),
      );
    },
  });
}

function releaseStamp(payload: Payload): string | undefined {
  return /(\d{4})_(\d{2})_(\d{2})/
    .exec(payload.fileName ?? payload.url)
    ?.slice(1)
    .join('-');
}

/** The LiveBench scraper reading {@link DEFAULT_LIVEBENCH_RELEASES}. */
export const livebenchScraper = createLivebenchScraper();
