export { epochScraper } from './builtin/epoch';
export { builtinScraperFactories, builtinScrapers } from './builtin/index';
export type { ParseTableOptions, TableConfig, TableConfigInput } from './builtin/table';
export { loadTableScrapers, parseTable, parseTableConfig } from './builtin/table';
export type { CheckSourcesOptions, SourceCheck } from './check-sources';
export { checkSources } from './check-sources';
export type { ScraperDefinition } from './define-scraper';
export { defineScraper } from './define-scraper';
export type { ScrapeErrorOptions } from './errors';
export { isNetworkUnreachable, ScrapeError } from './errors';
export type { HostLimits } from './host-limiter';
export type { HttpCache, HttpCacheEntry, HttpCacheStorage } from './http-cache';
export { createFileHttpCache } from './http-cache';
export type {
  HttpClientOptions,
  HttpRetryOptions,
  HttpTimeouts,
  SnapshotRecord,
  SourceHttpClientOptions,
  TrackerHttpClient,
} from './http-client';
export { createHttpClient } from './http-client';
export type { LoadPluginOptions, PluginEntry } from './load-plugin';
export { loadPlugins } from './load-plugin';
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
