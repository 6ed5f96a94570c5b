export {
  ARTIFICIAL_ANALYSIS_API_KEY_ENV,
  ARTIFICIAL_ANALYSIS_URL_CONFIG_KEY,
  type ArtificialAnalysisScraperOptions,
  artificialAnalysisScraper,
  createArtificialAnalysisScraper,
} from './artificial-analysis-scraper';
export {
  ARTIFICIAL_ANALYSIS_API_URL,
  ARTIFICIAL_ANALYSIS_ID,
  ARTIFICIAL_ANALYSIS_TABLE_URL,
  type ArtificialAnalysisPage,
  formatArtificialAnalysisBenchmarkId,
  parseArtificialAnalysis,
  parseArtificialAnalysisPage,
} from './parse-artificial-analysis';
