import { testScraper } from '../../testing';
import { openlmArenaScraper } from './openlm-arena-scraper';
import { OPENLM_ARENA_URL } from './parse-openlm-arena';

testScraper({
  scraper: openlmArenaScraper,
  fixtures: [
    {
      file: new URL('./__fixtures__/chatbot-arena.html', import.meta.url),
      url: OPENLM_ARENA_URL,
      expect: { minObservations: 6, names: ['Gemini-2.5-Pro', 'Kimi-K2'] },
    },
    {
      file: new URL('./__fixtures__/chatbot-arena-with-cost_2026-08-22.csv', import.meta.url),
      url: OPENLM_ARENA_URL,
      expect: { minObservations: 4, names: ['claude opus 5', 'kimi-k3'] },
      scrape: false,
    },
  ],
});
