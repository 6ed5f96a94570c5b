import { testScraper } from '../../testing';
import { artificialAnalysisScraper } from './artificial-analysis-scraper';
import { ARTIFICIAL_ANALYSIS_API_URL, ARTIFICIAL_ANALYSIS_TABLE_URL } from './parse-artificial-analysis';

testScraper({
  scraper: artificialAnalysisScraper,
  fixtures: [
    {
      file: new URL('./__fixtures__/api-v2-llms-models.json', import.meta.url),
      url: ARTIFICIAL_ANALYSIS_API_URL,
      expect: { minObservations: 3, names: ['Example Pro 3', 'Example Mini (Non-reasoning)'] },
    },
    {
      file: new URL('./__fixtures__/leaderboard-models_2026-03-30.csv', import.meta.url),
      url: ARTIFICIAL_ANALYSIS_TABLE_URL,
      expect: {
        minObservations: 6,
        names: ['Gemini 3.1 Pro Preview', 'Claude Sonnet 4.6 (Non-reasoning, Low Effort)'],
      },
      // The saved table lists two GLM-5 variants under one name (see the parser's warning).
      allowDuplicates: true,
      scrape: false,
    },
    {
      file: new URL('./__fixtures__/leaderboard-models_2026-03-30.html', import.meta.url),
      url: ARTIFICIAL_ANALYSIS_TABLE_URL,
      expect: { minObservations: 4, names: ['Llama 4 Behemoth'] },
      scrape: false,
    },
  ],
});
