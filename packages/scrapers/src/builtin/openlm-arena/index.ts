export { openlmArenaScraper } from './openlm-arena-scraper';
export { OPENLM_ARENA_ID, OPENLM_ARENA_URL, parseOpenlmArena } from './parse-openlm-arena';
