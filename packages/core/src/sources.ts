import { stat } from 'node:fs/promises';
import {
  type BaseScraper,
  builtinScraperFactories,
  builtinScrapers,
  createRegistry,
  loadPlugins,
  loadTableScrapers,
  type ScraperRegistry,
} from '@tracker/scrapers';
import { type CommandContext, configPath } from './context';

/** Where each registered source comes from, for `tracker sources`. */
export type SourceOrigin = 'built-in' | 'table' | 'plugin';

export interface LoadedSources {
  registry: ScraperRegistry;
  origin: ReadonlyMap<string, SourceOrigin>;
}

/** Built-in sources, one source per table mapping, and the plugins listed in the configuration. */
export async function loadSources(context: CommandContext): Promise<LoadedSources> {
  const { config } = context.loaded;
  const origin = new Map<string, SourceOrigin>();
  const registry = createRegistry();
  for (const scraper of builtinScrapers) {
    const options = config.sourceOptions[scraper.id];
    const factory = builtinScraperFactories[scraper.id];
    registry.register(options && factory ? factory(options) : scraper);
    origin.set(scraper.id, 'built-in');
  }
  const tablesDir = configPath(context, config.tables);
  if (await exists(tablesDir)) {
    for (const scraper of await loadTableScrapers(tablesDir)) {
      registry.register(scraper);
      origin.set(scraper.id, 'table');
    }
  }
  if (config.plugins.length > 0) {
    for (const scraper of await loadPlugins(config.plugins, { from: context.loaded.baseDir })) {
      registry.register(scraper);
      origin.set(scraper.id, 'plugin');
    }
  }
  return { registry, origin };
}

/**
 * The sources a command should run: `--source` ids (each must exist), else the config's `sources` list, else every
 * built-in and plugin source. Table mappings run only when named: the pages they describe are mostly rendered by
 * JavaScript, so they are read from saved files (`collect --from`) or through tracker-scraper-browser.
 */
export function selectSources(
  loaded: LoadedSources,
  requested: readonly string[] | undefined,
  configured: readonly string[],
): BaseScraper[] {
  const ids = requested?.length ? requested : configured.length ? configured : null;
  if (!ids) return loaded.registry.list().filter((scraper) => loaded.origin.get(scraper.id) !== 'table');
  return ids.map((id) => loaded.registry.get(id));
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
