import { createBrowserScraper } from './browser-scraper';

export type { BrowserScraperOptions } from './browser-scraper';
export { createBrowserScraper } from './browser-scraper';

/** The plugin entry: a factory `(options) => BaseScraper`, loaded by package name (`tracker-scraper-browser`). */
export default createBrowserScraper;
