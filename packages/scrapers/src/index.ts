export { defineScraper } from './define-scraper';
export type { ScraperDefinition } from './define-scraper';
export { SCRAPER_API_VERSION } from './scraper';
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
