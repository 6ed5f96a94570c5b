import { TrackerError } from '@tracker/schema';
import { defineScraper } from '../../define-scraper';
import {
  ARTIFICIAL_ANALYSIS_API_URL,
  ARTIFICIAL_ANALYSIS_ID,
  ARTIFICIAL_ANALYSIS_TABLE_URL,
  parseArtificialAnalysis,
} from './parse-artificial-analysis';

/** Environment variable holding the Artificial Analysis API key (sent as `x-api-key` by the HTTP client). */
export const ARTIFICIAL_ANALYSIS_API_KEY_ENV = 'ARTIFICIAL_ANALYSIS_API_KEY';

/**
 * Artificial Analysis: the intelligence index (plus coding and math indices), creator and release date of every
 * LLM, from the v2 data API. Without a key, import a saved leaderboard table with `--from FILE` (CSV or HTML).
 */
export const artificialAnalysisScraper = defineScraper({
  id: ARTIFICIAL_ANALYSIS_ID,
  description:
    'Artificial Analysis: intelligence index, creator and release date of each LLM (API key, or a saved leaderboard table)',
  sources: [ARTIFICIAL_ANALYSIS_API_URL, ARTIFICIAL_ANALYSIS_TABLE_URL],
  provides: ['names', 'developer', 'release-date', 'scores'],
  requiresEnv: [ARTIFICIAL_ANALYSIS_API_KEY_ENV],
  live: true,
  async scrape(context) {
    // Fail before any request, naming the variable (never its value), and say how to go on without it.
    if (!context.env[ARTIFICIAL_ANALYSIS_API_KEY_ENV]) {
      throw new TrackerError(
        'HTTP_FAILED',
        `[scraper:${ARTIFICIAL_ANALYSIS_ID}] the environment variable ${ARTIFICIAL_ANALYSIS_API_KEY_ENV} is not set: the API needs a key (or import a saved leaderboard table with --from FILE)`,
        { details: { scraperId: ARTIFICIAL_ANALYSIS_ID, env: ARTIFICIAL_ANALYSIS_API_KEY_ENV } },
      );
    }
    const response = await context.http.get(ARTIFICIAL_ANALYSIS_API_URL, {
      apiKeyEnv: ARTIFICIAL_ANALYSIS_API_KEY_ENV,
      apiKeyHeader: 'x-api-key',
      signal: context.signal,
    });
    return parseArtificialAnalysis({
      body: response.body,
      url: response.finalUrl,
      retrievedAt: response.retrievedAt,
      contentType: response.headers['content-type'] ?? 'application/json',
    });
  },
  parse(payload) {
    return parseArtificialAnalysis(payload);
  },
});
