export {
  formatLmarenaRowsUrl,
  LMARENA_DATASET_ROWS_URL,
  LMARENA_LEADERBOARD_URL,
  lmarenaScraper,
} from './lmarena-scraper';
export {
  detectLmarenaFormat,
  LMARENA_ID,
  LMARENA_TEXT_BENCHMARK,
  LMARENA_TEXT_CATEGORIES,
  type LmarenaFormat,
  parseLmarena,
} from './parse-lmarena';
