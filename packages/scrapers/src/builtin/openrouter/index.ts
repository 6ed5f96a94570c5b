export { OPENROUTER_MODELS_URL, openrouterScraper } from './openrouter-scraper';
export {
  formatOpenRouterName,
  isOpenRouterRouterEntry,
  OPENROUTER_ID,
  parseOpenRouter,
} from './parse-openrouter';
