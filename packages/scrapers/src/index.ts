export { assertScraper, isScraper } from './assert-scraper';
// builtin sources
export {
  ARTIFICIAL_ANALYSIS_API_KEY_ENV,
  ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY,
  type ArtificialAnalysisScraperOptions,
  artificialAnalysisScraper,
  createArtificialAnalysisScraper,
  parseArtificialAnalysis,
} from './builtin/artificial-analysis';
export {
  detectEpochFileKind,
  EPOCH_FILE_URLS,
  type EpochFileKind,
  epochScraper,
  mergeEpochFiles,
  normalizeEpochName,
  parseEpoch,
  parseEpochFiles,
} from './builtin/epoch';
export {
  computeActiveParameters,
  createHuggingFaceScraper,
  DEFAULT_HUGGINGFACE_AUTHORS,
  findBaseModel,
  type HuggingFaceScraperOptions,
  huggingfaceScraper,
  isMixtureOfExpertsModel,
  type MixtureOfExpertsConfig,
  type ParseHuggingFaceOptions,
  parseHuggingFace,
  readMixtureOfExpertsConfig,
} from './builtin/huggingface';
export { builtinScraperFactories, builtinScrapers } from './builtin/index';
export {
  createLivebenchScraper,
  DEFAULT_LIVEBENCH_CATEGORIES,
  DEFAULT_LIVEBENCH_RELEASES,
  type LivebenchCategories,
  type LivebenchScraperOptions,
  livebenchScraper,
  parseLivebench,
  parseLivebenchCategories,
  parseLivebenchSiteTable,
  parseLivebenchTable,
} from './builtin/livebench';
export {
  detectLmarenaFormat,
  formatLmarenaRowsUrl,
  LMARENA_TEXT_BENCHMARK,
  type LmarenaFormat,
  lmarenaScraper,
  parseLmarena,
} from './builtin/lmarena';
export { openlmArenaScraper, parseOpenlmArena } from './builtin/openlm-arena';
export {
  formatOpenRouterName,
  isOpenRouterRouterEntry,
  OPENROUTER_MODELS_URL,
  openrouterScraper,
  parseOpenRouter,
} from './builtin/openrouter';
export type { ParseTableOptions, TableConfig, TableConfigInput } from './builtin/table';
export {
  createTableScraper,
  loadTableConfig,
  loadTableScrapers,
  parseTable,
  parseTableConfig,
  TableConfigSchema,
} from './builtin/table';
export type { CheckSourcesOptions, SourceCheck } from './check-sources';
export { checkSources, compareShape, payloadFields } from './check-sources';
export type { ScraperDefinition } from './define-scraper';
export { defineScraper } from './define-scraper';
export type { ScrapeErrorOptions } from './errors';
export { isNetworkUnreachable, isScrapeError, redactUrl, ScrapeError } from './errors';
export type { HostLimiter, HostLimits } from './host-limiter';
export { createHostLimiter } from './host-limiter';
export type { HttpCache, HttpCacheEntry, HttpCacheStorage } from './http-cache';
export { createFileHttpCache, createMemoryHttpCache } from './http-cache';
export type {
  HttpClientOptions,
  HttpRetryOptions,
  HttpTimeouts,
  SnapshotRecord,
  SourceHttpClientOptions,
  TrackerHttpClient,
} from './http-client';
export { createHttpClient, parseRetryAfter, USER_AGENT } from './http-client';
export type { LoadPluginOptions, PluginEntry } from './load-plugin';
export { loadPlugin, loadPlugins, PLUGIN_NAME_PATTERN, PluginEntrySchema } from './load-plugin';
export type { ScraperRegistry } from './registry';
export { createRegistry } from './registry';
export type { RunScrapersOptions, SourceRunResult } from './run-scrapers';
export { runScrapers } from './run-scrapers';
export { parseJsonSafely } from './safe-json';
export type {
  ReadSavedPayloadsOptions,
  SavedFile,
  SavedPayload,
  SavedPayloadDate,
  SavedPayloadDateBasis,
} from './saved-payloads';
export {
  describeSavedPayloadDates,
  parseSavedPayloads,
  payloadDate,
  readSavedPayloads,
  savedPayloadUrl,
} from './saved-payloads';
export type {
  BaseScraper,
  HttpClient,
  HttpRequestOptions,
  HttpResponse,
  Logger,
  Payload,
  ProvidedFact,
  ScrapeContext,
  ScrapeResult,
  ScraperShape,
} from './scraper';
export { SCRAPER_API_VERSION } from './scraper';
export type { SavedSnapshot, SnapshotInput, SnapshotStore } from './snapshot';
