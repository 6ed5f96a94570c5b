import { createBrowserScraper } from './browser-scraper';

export type { BrowserScraperOptions } from './browser-scraper';
export { createBrowserScraper, DEFAULT_TIMEOUT_MS, DEFAULT_WAIT_FOR } from './browser-scraper';
export type { RenderedPage, RenderPageOptions } from './render-page';
export { CHROMIUM_LAUNCH_ARGS, renderPage } from './render-page';
export type { ResolveChromiumOptions } from './resolve-chromium';
export { CHROMIUM_PATH_ENV, KNOWN_CHROMIUM_PATHS, resolveChromiumPath } from './resolve-chromium';

/** The plugin entry: a factory `(options) => BaseScraper`, loaded by package name (`tracker-scraper-browser`). */
export default createBrowserScraper;
