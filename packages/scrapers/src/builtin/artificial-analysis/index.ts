export { ARTIFICIAL_ANALYSIS_API_KEY_ENV, artificialAnalysisScraper } from './artificial-analysis-scraper';
export {
  ARTIFICIAL_ANALYSIS_API_URL,
  ARTIFICIAL_ANALYSIS_ID,
  ARTIFICIAL_ANALYSIS_TABLE_URL,
  parseArtificialAnalysis,
} from './parse-artificial-analysis';
