export { OPENROUTER_MODELS_URL, openrouterScraper } from './openrouter-scraper';
export {
  formatOpenRouterName,
  isOpenRouterRouterEntry,
  OPENROUTER_ID,
  openRouterBaseId,
  parseOpenRouter,
} from './parse-openrouter';
