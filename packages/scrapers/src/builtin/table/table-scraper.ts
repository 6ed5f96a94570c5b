import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrackerError } from '@tracker/schema';
import { defineScraper } from '../../define-scraper';
import type { BaseScraper, ProvidedFact } from '../../scraper';
import { parseTable } from './parse-table';
import { loadTableConfig, parseTableConfig, type TableConfig, type TableConfigInput } from './table-config';

function providedFacts(config: TableConfig): ProvidedFact[] {
  const facts: ProvidedFact[] = ['names'];
  if (config.columns.developer) facts.push('developer');
  if (config.columns.releaseDate) facts.push('release-date');
  if (config.columns.parameters) facts.push('parameters');
  if (config.columns.license) facts.push('license');
  if (Object.keys(config.columns.scores).length > 0) facts.push('scores');
  return facts;
}

/**
 * Makes a scraper for one mapped table. Its id, and the `source` of its observations, is the config's `id`.
 * `scrape` fetches `config.url` with `ctx.http`; pages that build their table with JavaScript come in through
 * `parse` (`tracker collect --source <id> --from FILE`) or the `tracker-scraper-browser` plugin.
 * Throws `CONFIG_INVALID` when the config does not validate.
 *
 * @example
 * const superclue = createTableScraper({
 *   id: 'superclue', name: 'SuperCLUE', url: 'https://www.superclueai.com/',
 *   columns: { name: 'Model', developer: 'Organization', scores: { 'superclue-overall': 'Overall Score' } },
 * });
 */
export function createTableScraper(options: TableConfigInput | TableConfig, file?: string): BaseScraper {
  const config = parseTableConfig(
    options,
    file ?? `table config "${String((options as { id?: unknown }).id ?? '?')}"`,
  );
  return defineScraper({
    id: config.id,
    description: `${config.name}: table columns mapped by configuration`,
    sources: [config.url],
    provides: providedFacts(config),
    live: true,
    async scrape(context) {
      const response = await context.http.get(config.url, { signal: context.signal });
      return parseTable(
        {
          body: response.body,
          url: response.finalUrl,
          retrievedAt: response.retrievedAt,
          contentType: response.headers['content-type'],
        },
        config,
      );
    },
    parse(payload) {
      return parseTable(payload, config);
    },
  });
}

/**
 * Reads every `*.yaml` / `*.yml` file of a directory (e.g. `configs/tables/`) as a table config and returns one
 * scraper per file, sorted by file name. Errors are `CONFIG_INVALID` (or `IO_FAILED`) naming the file; two files
 * with the same id are `PLUGIN_DUPLICATE`.
 */
export async function loadTableScrapers(directory: string): Promise<BaseScraper[]> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch (error) {
    throw new TrackerError(
      'IO_FAILED',
      `${directory}: cannot list table configs: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const scrapers: BaseScraper[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(directory, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new TrackerError('IO_FAILED', `${file}: cannot read: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const config = loadTableConfig(text, file);
    const previous = seen.get(config.id);
    if (previous)
      throw new TrackerError('PLUGIN_DUPLICATE', `${file}: id "${config.id}" is already used by ${previous}`);
    seen.set(config.id, file);
    scrapers.push(createTableScraper(config, file));
  }
  return scrapers;
}
