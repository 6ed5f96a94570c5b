import type { BaseScraper } from '../scraper';
import {
  type ArtificialAnalysisScraperOptions,
  artificialAnalysisScraper,
  createArtificialAnalysisScraper,
} from './artificial-analysis';
import { epochScraper } from './epoch';
import { createHuggingFaceScraper, type HuggingFaceScraperOptions, huggingfaceScraper } from './huggingface';
import { createLivebenchScraper, type LivebenchScraperOptions, livebenchScraper } from './livebench';
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

/**
 * Builders of the built-in sources that take options (`sourceOptions.<id>` in `tracker.config.yaml`):
 * Hugging Face (authors, repos...), LiveBench (releases, base URL), Artificial Analysis (`apiUrl`, `maxPages`).
 * Options are passed as given; each builder checks its own.
 */
export const builtinScraperFactories: Readonly<
  Record<string, (options: Record<string, unknown>) => BaseScraper>
> = Object.freeze({
  huggingface: (options) => createHuggingFaceScraper(options as HuggingFaceScraperOptions),
  livebench: (options) => createLivebenchScraper(options as LivebenchScraperOptions),
  'artificial-analysis': (options) =>
    createArtificialAnalysisScraper(options as ArtificialAnalysisScraperOptions),
});
