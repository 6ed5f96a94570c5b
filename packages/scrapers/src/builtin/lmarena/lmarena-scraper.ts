import { defineScraper } from '../../define-scraper';
import { isNetworkUnreachable } from '../../errors';
import type { ScrapeContext, ScrapeResult } from '../../scraper';
import { isJsonObject, mergeResults, parseJsonText } from '../kit';
import { LMARENA_ID, parseLmarena } from './parse-lmarena';

/** Rows per datasets-server page (its maximum). */
const PAGE_LENGTH = 100;
/** Upper bound on pages, so a server that keeps reporting more rows cannot loop forever. */
const MAX_PAGES = 200;

/** The datasets-server endpoint of the official dataset, text config, latest split. */
export const LMARENA_DATASET_ROWS_URL =
  'https://datasets-server.huggingface.co/rows?dataset=lmarena-ai/leaderboard-dataset&config=text&split=latest';
/** The site's text leaderboard (server-rendered; lmarena.ai redirects to arena.ai). */
export const LMARENA_LEADERBOARD_URL = 'https://lmarena.ai/leaderboard/text';

/** The URL of one datasets-server page. */
export function formatLmarenaRowsUrl(offset: number, length = PAGE_LENGTH): string {
  return `${LMARENA_DATASET_ROWS_URL}&offset=${offset}&length=${length}`;
}

async function scrapeDataset(context: ScrapeContext): Promise<ScrapeResult> {
  const results: ScrapeResult[] = [];
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await context.http.get(formatLmarenaRowsUrl(offset), { signal: context.signal });
    const result = parseLmarena({
      body: response.body,
      url: response.finalUrl,
      retrievedAt: response.retrievedAt,
    });
    results.push(result);
    // The page parsed, so its body is JSON with a rows array; read the paging fields from it.
    const document = parseJsonText(response.body, { scraperId: LMARENA_ID, location: response.finalUrl });
    const rows = isJsonObject(document) && Array.isArray(document.rows) ? document.rows.length : 0;
    const total =
      isJsonObject(document) && typeof document.num_rows_total === 'number' ? document.num_rows_total : 0;
    offset += rows;
    if (rows === 0 || offset >= total) break;
  }
  return mergeResults(results);
}

/**
 * The Arena text leaderboard. Live: the official HF dataset through datasets-server (paged by
 * `num_rows_total`), falling back to the site's HTML table when the dataset cannot be fetched or read, or holds
 * no text rows. `parse` reads every saved form listed in {@link parseLmarena}.
 */
export const lmarenaScraper = defineScraper({
  id: LMARENA_ID,
  description: 'Arena (LMArena) text leaderboard: score with 95% CI, votes, rank, organization, license',
  sources: [LMARENA_DATASET_ROWS_URL, LMARENA_LEADERBOARD_URL],
  provides: ['names', 'developer', 'license', 'scores'],
  live: true,
  shape: {
    read: [
      'model_name',
      'organization',
      'license',
      'rating',
      'rating_lower',
      'rating_upper',
      'vote_count',
      'rank',
      'category',
      'leaderboard_publish_date',
    ],
    required: ['model_name', 'rating', 'leaderboard_publish_date'],
    known: ['variance'],
  },
  async scrape(context) {
    try {
      const result = await scrapeDataset(context);
      if (result.observations.length > 0) return result;
      context.log.warn(
        '[scraper:lmarena] the dataset held no text rows; reading the leaderboard page instead',
      );
    } catch (error) {
      if (context.signal.aborted || isNetworkUnreachable(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      context.log.warn(
        `[scraper:lmarena] dataset unavailable (${reason}); reading the leaderboard page instead`,
      );
    }
    const response = await context.http.get(LMARENA_LEADERBOARD_URL, { signal: context.signal });
    return parseLmarena({ body: response.body, url: response.finalUrl, retrievedAt: response.retrievedAt });
  },
  parse(payload) {
    return parseLmarena(payload);
  },
});
