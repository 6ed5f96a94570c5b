export {
  createLivebenchScraper,
  DEFAULT_LIVEBENCH_RELEASES,
  formatLivebenchReleaseUrls,
  type LivebenchScraperOptions,
  livebenchScraper,
} from './livebench-scraper';
export {
  DEFAULT_LIVEBENCH_CATEGORIES,
  formatLivebenchBenchmarkId,
  LIVEBENCH_GLOBAL_BENCHMARK,
  LIVEBENCH_ID,
  LIVEBENCH_RELEASE_FILE,
  type LivebenchCategories,
  livebenchSourceUrl,
  type ParseLivebenchOptions,
  parseLivebench,
  parseLivebenchCategories,
  parseLivebenchSiteTable,
  parseLivebenchTable,
  stripLivebenchFootnote,
} from './parse-livebench';
