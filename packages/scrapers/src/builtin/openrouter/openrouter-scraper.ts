import { defineScraper } from '../../define-scraper';
import { OPENROUTER_ID, parseOpenRouter } from './parse-openrouter';

/** The keyless model list endpoint. */
export const OPENROUTER_MODELS_URL = 'https://openrouter.ai/api/v1/models';

/** New proprietary and open models from OpenRouter's public model list: names, dates, context, HF repo ids. */
export const openrouterScraper = defineScraper({
  id: OPENROUTER_ID,
  description:
    "Models listed by OpenRouter's public model API: names, developers, listing dates, HF repo ids, prices, knowledge cutoffs",
  sources: [OPENROUTER_MODELS_URL],
  provides: ['names', 'developer', 'release-date', 'accessibility', 'pricing'],
  live: true,
  shape: {
    read: [
      'id',
      'name',
      'created',
      'context_length',
      'hugging_face_id',
      'architecture',
      'pricing',
      'knowledge_cutoff',
      'expiration_date',
    ],
    required: ['id', 'name', 'created', 'context_length', 'hugging_face_id', 'architecture', 'pricing'],
    known: [
      'canonical_slug',
      'description',
      'top_provider',
      'per_request_limits',
      'supported_parameters',
      'default_parameters',
      'supported_voices',
      'links',
    ],
  },
  async scrape(context) {
    const response = await context.http.get(OPENROUTER_MODELS_URL, {
      signal: context.signal,
      headers: { accept: 'application/json' },
    });
    const result = parseOpenRouter({
      body: response.body,
      url: response.finalUrl,
      retrievedAt: response.retrievedAt,
    });
    context.log.info(
      `[scraper:openrouter] ${result.observations.length} models, ${result.issues.length} issues`,
    );
    return result;
  },
  parse(payload) {
    return parseOpenRouter(payload);
  },
});
