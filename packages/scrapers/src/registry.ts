import { TrackerError } from '@tracker/schema';
import { assertScraper } from './assert-scraper';
import type { BaseScraper } from './scraper';

/** The scrapers a run knows, by id. */
export interface ScraperRegistry {
  /** Adds a scraper. Throws `PLUGIN_INVALID` for anything that is not a valid scraper, `PLUGIN_DUPLICATE` for a taken id. */
  register(scraper: BaseScraper): void;
  /** The scraper with this id. Throws `PLUGIN_NOT_FOUND` listing the ids it knows. */
  get(id: string): BaseScraper;
  /** Every scraper, in registration order. */
  list(): readonly BaseScraper[];
  has(id: string): boolean;
}

/**
 * Creates a registry, optionally with scrapers already registered (built-ins first, then plugins, so that a
 * plugin reusing a built-in id is reported rather than silently replacing it).
 *
 * @example
 * const registry = createRegistry([...builtinScrapers, ...(await loadPlugins(config.plugins, { from }))]);
 * const scraper = registry.get('lmarena');
 */
export function createRegistry(scrapers: Iterable<BaseScraper> = []): ScraperRegistry {
  const byId = new Map<string, BaseScraper>();
  const registry: ScraperRegistry = {
    register(scraper) {
      const label =
        typeof (scraper as { id?: unknown })?.id === 'string'
          ? `registry: scraper "${scraper.id}"`
          : 'registry';
      assertScraper(scraper, label);
      if (byId.has(scraper.id)) {
        throw new TrackerError(
          'PLUGIN_DUPLICATE',
          `[registry] two scrapers share the id "${scraper.id}"; ids must be unique`,
          {
            details: { id: scraper.id },
          },
        );
      }
      byId.set(scraper.id, scraper);
    },
    get(id) {
      const scraper = byId.get(id);
      if (scraper === undefined) {
        const known = [...byId.keys()].sort();
        throw new TrackerError(
          'PLUGIN_NOT_FOUND',
          `[registry] no scraper with the id "${id}"; known ids: ${known.length > 0 ? known.join(', ') : '(none)'}`,
          { details: { id, known } },
        );
      }
      return scraper;
    },
    list: () => [...byId.values()],
    has: (id) => byId.has(id),
  };
  for (const scraper of scrapers) {
    registry.register(scraper);
  }
  return registry;
}
