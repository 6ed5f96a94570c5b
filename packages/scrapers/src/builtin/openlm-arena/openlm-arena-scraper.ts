import { defineScraper } from '../../define-scraper';
import { OPENLM_ARENA_ID, OPENLM_ARENA_URL, parseOpenlmArena } from './parse-openlm-arena';

/** openlm.ai's Chatbot Arena+ leaderboard: Arena Elo, coding and vision Elo, AAII, MMLU-Pro, ARC-AGI, organization and license. */
export const openlmArenaScraper = defineScraper({
  id: OPENLM_ARENA_ID,
  description:
    'openlm.ai Chatbot Arena+: Elo, coding/vision Elo, AAII, MMLU-Pro, ARC-AGI, organization and license',
  sources: [OPENLM_ARENA_URL],
  provides: ['names', 'developer', 'license', 'scores'],
  live: true,
  shape: {
    read: [
      'Model',
      'Arena Elo',
      'Coding',
      'Vision',
      'AAII',
      'MMLU-Pro',
      'ARC-AGI',
      'Organization',
      'License',
    ],
    required: ['Model', 'Arena Elo'],
  },
  async scrape(context) {
    const response = await context.http.get(OPENLM_ARENA_URL, { signal: context.signal });
    return parseOpenlmArena({
      body: response.body,
      url: response.finalUrl,
      retrievedAt: response.retrievedAt,
      contentType: response.headers['content-type'] ?? 'text/html',
    });
  },
  parse(payload) {
    return parseOpenlmArena(payload);
  },
});
