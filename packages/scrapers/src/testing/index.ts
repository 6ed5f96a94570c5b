export type {
  FixtureHttpClient,
  FixtureHttpClientOptions,
  FixtureRequest,
  FixtureRoute,
} from './fixture-http-client';
export { createFixtureHttpClient } from './fixture-http-client';
export type { ScraperFixture, ScraperTestContext, TestScraperOptions } from './test-scraper';
export { testScraper } from './test-scraper';
