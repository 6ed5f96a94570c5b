export { assertScraper, isScraper } from './assert-scraper';
export type { ScraperDefinition } from './define-scraper';
export { defineScraper } from './define-scraper';
export type { ScrapeErrorOptions } from './errors';
export { isScrapeError, redactUrl, ScrapeError } from './errors';
export type { HostLimiter, HostLimits } from './host-limiter';
export { createHostLimiter } from './host-limiter';
export type { HttpCache, HttpCacheEntry } from './http-cache';
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
  BaseScraper,
  HttpClient,
  HttpRequestOptions,
  HttpResponse,
  Logger,
  Payload,
  ProvidedFact,
  ScrapeContext,
  ScrapeResult,
} from './scraper';
export { SCRAPER_API_VERSION } from './scraper';
export type { FileSnapshotStoreOptions, SavedSnapshot, SnapshotInput, SnapshotStore } from './snapshot';
export { createFileSnapshotStore, formatCompactTimestamp } from './snapshot';

// builtin sources
