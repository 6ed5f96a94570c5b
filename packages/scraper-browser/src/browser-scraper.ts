import { parseWithSchema } from '@tracker/schema';
import { type BaseScraper, defineScraper, type ProvidedFact } from '@tracker/scrapers';
import { z } from 'zod';
import { renderPage } from './render-page';
import { resolveChromiumPath } from './resolve-chromium';
import { getTableSource } from './table-source';

/** Default wait: a table with at least one data cell. */
export const DEFAULT_WAIT_FOR = 'table td';
/** Default limit for starting Chromium, loading the page and waiting, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Options of {@link createBrowserScraper}: where the page is, what to wait for, and the table mapping of the
 * `table` source of `@tracker/scrapers` (same fields as a `configs/tables/*.yaml` file; `format` is always html).
 */
export interface BrowserScraperOptions {
  /** Kebab-case scraper id; also the observations' `source`. */
  id: string;
  /** Display name (default: the id). */
  name?: string;
  /** Page to render. */
  url: string;
  /** CSS selector to wait for before reading the page (default {@link DEFAULT_WAIT_FOR}). */
  waitFor?: string;
  /** Which table of the page to read. */
  table?: { selector?: string; index?: number; headerContains?: string };
  /** The leaderboard's publication date, when the page does not state one. */
  asOf?: string;
  /** Header of each column to read; `scores` maps benchmark ids to headers. */
  columns: {
    name: string;
    developer?: string;
    releaseDate?: string;
    parameters?: string;
    license?: string;
    variant?: string;
    scores?: Record<string, string>;
  };
  /** Keep or drop rows by model name (regular expressions, case-insensitive). */
  filters?: { include?: string[]; exclude?: string[] };
  /** Chromium executable; else `TRACKER_CHROMIUM_PATH`, else `/usr/bin/chromium`, `/usr/bin/chromium-browser`. */
  executablePath?: string;
  /** How long to wait for `waitFor` after the page loads, in ms (default {@link DEFAULT_TIMEOUT_MS}); starting and loading get at least a minute. */
  timeoutMs?: number;
}

const BrowserOptionsSchema = z.object({
  waitFor: z.string().min(1).optional(),
  executablePath: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().optional(),
});

function providedFacts(columns: BrowserScraperOptions['columns']): ProvidedFact[] {
  const facts: ProvidedFact[] = ['names'];
  if (columns.developer) facts.push('developer');
  if (columns.releaseDate) facts.push('release-date');
  if (columns.parameters) facts.push('parameters');
  if (columns.license) facts.push('license');
  if (Object.keys(columns.scores ?? {}).length > 0) facts.push('scores');
  return facts;
}

/**
 * Makes a scraper that renders a JavaScript-built leaderboard in the system's headless Chromium (through
 * playwright-core; it never downloads a browser) and parses the rendered table with the `table` source's
 * parser. `parse()` reads a saved, already rendered page. Throws `CONFIG_INVALID` for bad options.
 *
 * @example
 * import createBrowserScraper from 'tracker-scraper-browser';
 * export default createBrowserScraper({
 *   id: 'superclue-live',
 *   url: 'https://www.superclueai.com/',
 *   waitFor: 'table tbody tr',
 *   columns: { name: 'Model', developer: 'Organization', scores: { 'superclue-overall': 'Overall Score' } },
 * });
 */
export function createBrowserScraper(options: BrowserScraperOptions): BaseScraper {
  const label = `tracker-scraper-browser options${typeof options?.id === 'string' ? ` "${options.id}"` : ''}`;
  const browser = parseWithSchema(
    BrowserOptionsSchema,
    { waitFor: options?.waitFor, executablePath: options?.executablePath, timeoutMs: options?.timeoutMs },
    { file: label, code: 'CONFIG_INVALID' },
  );
  const tableSource = getTableSource();
  const config = tableSource.parseTableConfig(
    {
      id: options.id,
      name: options.name ?? options.id,
      url: options.url,
      format: 'html',
      table: options.table,
      asOf: options.asOf,
      columns: options.columns,
      filters: options.filters,
    },
    label,
  );
  const waitFor = browser.waitFor ?? DEFAULT_WAIT_FOR;
  const timeoutMs = browser.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return defineScraper({
    id: options.id,
    description: `${options.name ?? options.id}: table rendered in headless Chromium`,
    sources: [options.url],
    provides: providedFacts(options.columns),
    live: true,
    async scrape(context) {
      const executablePath = resolveChromiumPath({
        executablePath: browser.executablePath,
        env: context.env,
        scraperId: options.id,
      });
      context.log.debug(`[scraper:${options.id}] rendering ${options.url} with ${executablePath}`);
      const page = await renderPage({
        url: options.url,
        executablePath,
        waitFor,
        timeoutMs,
        signal: context.signal,
        scraperId: options.id,
      });
      return tableSource.parseTable(
        { body: page.html, url: page.finalUrl, retrievedAt: page.retrievedAt, contentType: 'text/html' },
        config,
      );
    },
    parse(payload) {
      return tableSource.parseTable(payload, config);
    },
  });
}
