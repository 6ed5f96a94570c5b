import { TrackerError } from '@tracker/schema';
import type { Payload, ScrapeResult } from '@tracker/scrapers';
import * as trackerScrapers from '@tracker/scrapers';

/** The part of `@tracker/scrapers`' table source this plugin uses. */
export interface TableSource {
  /** Validates a table config; throws `CONFIG_INVALID` naming the path of each problem. */
  parseTableConfig(value: unknown, file?: string): unknown;
  /** Parses a saved table with a validated config. */
  parseTable(payload: Payload, config: unknown): ScrapeResult;
}

/**
 * Reads the table source from the public entry of `@tracker/scrapers` when it is needed, so that this package
 * builds and loads against a `@tracker/scrapers` that predates the export and fails with a clear error only when
 * used. Throws `PLUGIN_LOAD_FAILED` when the entry lacks it.
 */
export function getTableSource(): TableSource {
  const entry = trackerScrapers as unknown as Partial<TableSource>;
  if (typeof entry.parseTable !== 'function' || typeof entry.parseTableConfig !== 'function') {
    throw new TrackerError(
      'PLUGIN_LOAD_FAILED',
      '[tracker-scraper-browser] @tracker/scrapers does not export parseTable and parseTableConfig (the table source); upgrade @tracker/scrapers',
    );
  }
  return entry as TableSource;
}
