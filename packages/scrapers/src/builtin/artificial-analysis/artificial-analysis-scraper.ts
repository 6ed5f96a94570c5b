import { TrackerError } from '@tracker/schema';
import { defineScraper } from '../../define-scraper';
import { isScrapeError } from '../../errors';
import type { ScrapeContext, ScrapeResult } from '../../scraper';
import { mergeResults } from '../kit';
import {
  ARTIFICIAL_ANALYSIS_API_URL,
  ARTIFICIAL_ANALYSIS_ID,
  ARTIFICIAL_ANALYSIS_TABLE_URL,
  parseArtificialAnalysis,
  parseArtificialAnalysisPage,
} from './parse-artificial-analysis';

/** Environment variable holding the Artificial Analysis API key (sent as `x-api-key` by the HTTP client). */
export const ARTIFICIAL_ANALYSIS_API_KEY_ENV = 'ARTIFICIAL_ANALYSIS_API_KEY';

/** The configuration key that moves the API URL (`sourceOptions` of `tracker.config.yaml`). */
export const ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY = 'sourceOptions.artificial-analysis.apiUrl';

/** Options of {@link createArtificialAnalysisScraper} (`sourceOptions.artificial-analysis` in the config). */
export interface ArtificialAnalysisScraperOptions {
  /**
   * The models endpoint of the data API (default {@link ARTIFICIAL_ANALYSIS_API_URL}). Artificial Analysis
   * announced a move away from `/api/v2/data/llms/models` for late 2026: set the new URL here.
   */
  apiUrl?: string;
  /** Most pages read (default 100); a payload that says more pages follow beyond it gets a warning. */
  maxPages?: number;
}

function pageUrl(base: string, page: number): string {
  const url = new URL(base);
  url.searchParams.set('page', String(page));
  return url.href;
}

async function fetchPages(context: ScrapeContext, apiUrl: string, maxPages: number): Promise<ScrapeResult> {
  const pages: ScrapeResult[] = [];
  let url = apiUrl;
  for (let count = 1; ; count += 1) {
    let response: Awaited<ReturnType<ScrapeContext['http']['get']>>;
    try {
      response = await context.http.get(url, {
        apiKeyEnv: ARTIFICIAL_ANALYSIS_API_KEY_ENV,
        apiKeyHeader: 'x-api-key',
        signal: context.signal,
      });
    } catch (error) {
      if (isScrapeError(error) && error.statusCode === 404) {
        throw new TrackerError(
          'HTTP_FAILED',
          `[scraper:${ARTIFICIAL_ANALYSIS_ID}] ${url}: HTTP 404, the API is not at this URL (it was announced to move in late 2026); set ${ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY} in tracker.config.yaml to its new address`,
          {
            cause: error,
            details: {
              scraperId: ARTIFICIAL_ANALYSIS_ID,
              url,
              configKey: ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY,
            },
          },
        );
      }
      throw error;
    }
    const page = parseArtificialAnalysisPage({
      body: response.body,
      url: response.finalUrl,
      retrievedAt: response.retrievedAt,
      contentType: response.headers['content-type'] ?? 'application/json',
    });
    pages.push({ observations: page.observations, issues: page.issues });
    const pagination = page.pagination;
    if (!pagination?.hasMore) break;
    if (count >= maxPages) {
      pages.push({
        observations: [],
        issues: [
          {
            level: 'warning',
            message: `stopped after ${maxPages} pages although page ${pagination.page} says more follow (total_pages ${pagination.totalPages ?? 'unknown'})`,
            location: url,
          },
        ],
      });
      break;
    }
    url = pageUrl(apiUrl, pagination.page + 1);
  }
  return mergeResults(pages);
}

/**
 * Builds the Artificial Analysis scraper: the intelligence index (plus coding and math indices, keyed by index
 * version), creator, release date and prices of every LLM, from every page of the v2 data API. Without a key,
 * import a saved leaderboard table with `--from FILE` (CSV or HTML).
 */
export function createArtificialAnalysisScraper(options: ArtificialAnalysisScraperOptions = {}) {
  const apiUrl = options.apiUrl ?? ARTIFICIAL_ANALYSIS_API_URL;
  try {
    new URL(apiUrl);
  } catch (error) {
    throw new TrackerError(
      'CONFIG_INVALID',
      `${ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY}: expected an http(s) URL, found ${JSON.stringify(apiUrl)}`,
      { cause: error },
    );
  }
  const maxPages = Math.max(1, options.maxPages ?? 100);
  return defineScraper({
    id: ARTIFICIAL_ANALYSIS_ID,
    description:
      'Artificial Analysis: intelligence index, creator, release date and prices of each LLM (API key, or a saved leaderboard table)',
    sources: [apiUrl, ARTIFICIAL_ANALYSIS_TABLE_URL],
    provides: ['names', 'developer', 'release-date', 'scores', 'pricing'],
    requiresEnv: [ARTIFICIAL_ANALYSIS_API_KEY_ENV],
    live: true,
    shape: {
      read: ['id', 'name', 'slug', 'release_date', 'model_creator', 'evaluations', 'pricing'],
      required: ['id', 'name', 'model_creator', 'evaluations'],
      known: [
        'median_output_tokens_per_second',
        'median_time_to_first_token_seconds',
        'median_time_to_first_answer_token',
      ],
    },
    async scrape(context) {
      // Fail before any request, naming the variable (never its value), and say how to go on without it.
      if (!context.env[ARTIFICIAL_ANALYSIS_API_KEY_ENV]) {
        throw new TrackerError(
          'HTTP_FAILED',
          `[scraper:${ARTIFICIAL_ANALYSIS_ID}] the environment variable ${ARTIFICIAL_ANALYSIS_API_KEY_ENV} is not set: the API needs a key (or import a saved leaderboard table with --from FILE)`,
          { details: { scraperId: ARTIFICIAL_ANALYSIS_ID, env: ARTIFICIAL_ANALYSIS_API_KEY_ENV } },
        );
      }
      return fetchPages(context, apiUrl, maxPages);
    },
    parse(payload) {
      return parseArtificialAnalysis(payload);
    },
  });
}

/** The Artificial Analysis scraper at the default API URL. */
export const artificialAnalysisScraper = createArtificialAnalysisScraper();
