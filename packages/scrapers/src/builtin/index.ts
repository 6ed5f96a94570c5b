import type { BaseScraper } from '../scraper';
import { artificialAnalysisScraper } from './artificial-analysis';
import { epochScraper } from './epoch';
import { huggingfaceScraper } from './huggingface';
import { livebenchScraper } from './livebench';
import { lmarenaScraper } from './lmarena';
import { openlmArenaScraper } from './openlm-arena';
import { openrouterScraper } from './openrouter';

/**
 * The built-in sources, in the order `tracker sources` lists them. The `table` source is not here: each table
 * mapping (`configs/tables/*.yaml`) becomes a source of its own through `loadTableScrapers(dir)`.
 */
export const builtinScrapers: readonly BaseScraper[] = Object.freeze([
  openrouterScraper,
  lmarenaScraper,
  huggingfaceScraper,
  epochScraper,
  livebenchScraper,
  artificialAnalysisScraper,
  openlmArenaScraper,
]);
