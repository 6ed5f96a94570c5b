import { defineScraper } from '../../define-scraper';
import { isNetworkUnreachable, ScrapeError } from '../../errors';
import type { HttpResponse, ScrapeContext, ScrapeResult } from '../../scraper';
import { isJsonObject, mergeResults, parseJsonText, parseLinkHeader } from '../kit';
import { isMixtureOfExpertsModel, readMixtureOfExpertsConfig } from './mixture-of-experts';
import { HUGGINGFACE_ID, parseHuggingFace } from './parse-huggingface';

/** Options of {@link createHuggingFaceScraper}. */
export interface HuggingFaceScraperOptions {
  /** Hub organisations whose models are listed, newest first (default {@link DEFAULT_HUGGINGFACE_AUTHORS}). */
  authors?: readonly string[];
  /** Extra repos read one by one (`owner/name`), whatever their size. */
  repoIds?: readonly string[];
  /** Pages of 100 models read per author (default 3: the 300 newest repos). */
  maxPagesPerAuthor?: number;
  /** Listed models with fewer parameters are skipped (default 1e10); repos in `repoIds` are always kept. */
  minTotalParameters?: number;
  /** Fetch `config.json` of mixture-of-experts models to compute active parameters (default true). */
  fetchMoeConfigs?: boolean;
}

/** Organisations that publish frontier-scale open-weight models. */
export const DEFAULT_HUGGINGFACE_AUTHORS: readonly string[] = [
  'meta-llama',
  'deepseek-ai',
  'Qwen',
  'mistralai',
  'google',
  'nvidia',
  'moonshotai',
  'zai-org',
  'openai',
  'microsoft',
  'xai-org',
  'MiniMaxAI',
  'tencent',
  'baidu',
  'allenai',
  'CohereLabs',
  'ibm-granite',
  'inclusionAI',
  'stepfun-ai',
];

/**
 * Fields asked of the list and model endpoints; an `expand[]` request returns only `_id`, `id` and these, so
 * `createdAt`, `author` and `tags` must be asked for. `config` inlines the model's config, with its
 * mixture-of-experts fields.
 */
const LIST_EXPAND = [
  'author',
  'createdAt',
  'tags',
  'gated',
  'safetensors',
  'config',
  'pipeline_tag',
  'cardData',
];
const HUB = 'https://huggingface.co';

/** URL of the first page of an author's models, newest first, with the fields the parser reads. */
export function formatHuggingFaceAuthorUrl(author: string): string {
  return `${HUB}/api/models?author=${encodeURIComponent(author)}&sort=createdAt&direction=-1&limit=100${expandQuery('&')}`;
}

function expandQuery(separator: '?' | '&'): string {
  return LIST_EXPAND.map(
    (field, index) => `${index === 0 ? separator : '&'}expand[]=${encodeURIComponent(field)}`,
  ).join('');
}

/** URL of one model's Hub JSON, with the same expanded fields as the list (its config inline). */
export function formatHuggingFaceModelUrl(repoId: string): string {
  return `${HUB}/api/models/${repoId.split('/').map(encodeURIComponent).join('/')}${expandQuery('?')}`;
}

/** URL of a model's `config.json` on the main branch. */
export function formatHuggingFaceConfigUrl(repoId: string): string {
  return `${HUB}/${repoId.split('/').map(encodeURIComponent).join('/')}/resolve/main/config.json`;
}

async function fetchMoeConfigs(
  context: ScrapeContext,
  models: readonly unknown[],
): Promise<Record<string, unknown>> {
  const configs: Record<string, unknown> = Object.create(null);
  for (const model of models) {
    if (!isMixtureOfExpertsModel(model) || !isJsonObject(model) || typeof model.id !== 'string') continue;
    // An inline config (`expand[]=config`) with the MoE fields makes the separate config.json unneeded.
    if (readMixtureOfExpertsConfig(model.config)) continue;
    try {
      const response = await context.http.get(formatHuggingFaceConfigUrl(model.id), {
        signal: context.signal,
      });
      configs[model.id] = parseJsonText(response.body, {
        scraperId: HUGGINGFACE_ID,
        location: response.finalUrl,
      });
    } catch (error) {
      if (context.signal.aborted || isNetworkUnreachable(error)) throw error;
      // Gated repos answer 401/403 for files: the observation keeps its total without the active count.
      const reason = error instanceof Error ? error.message : String(error);
      context.log.warn(`[scraper:huggingface] config.json of ${model.id} unavailable (${reason})`);
    }
  }
  return configs;
}

async function parseResponse(
  context: ScrapeContext,
  response: HttpResponse,
  options: { minTotalParameters?: number; fetchConfigs: boolean },
): Promise<ScrapeResult> {
  const payload = { body: response.body, url: response.finalUrl, retrievedAt: response.retrievedAt };
  // Parse once without configs first: it validates the payload and throws PARSE_FAILED on a wrong body.
  const plain = parseHuggingFace(payload, { minTotalParameters: options.minTotalParameters });
  if (!options.fetchConfigs) return plain;
  const document = parseJsonText(response.body, { scraperId: HUGGINGFACE_ID, location: response.finalUrl });
  const models = (Array.isArray(document) ? document : [document]).filter((model) => {
    const total =
      isJsonObject(model) && isJsonObject(model.safetensors) ? model.safetensors.total : undefined;
    return !(
      typeof total === 'number' &&
      options.minTotalParameters !== undefined &&
      total < options.minTotalParameters
    );
  });
  const configs = await fetchMoeConfigs(context, models);
  if (Object.keys(configs).length === 0) return plain;
  return parseHuggingFace(payload, { minTotalParameters: options.minTotalParameters, configs });
}

/**
 * Builds a Hugging Face Hub scraper: for each author it pages through `/api/models?author=...` (following the
 * `Link: <...>; rel="next"` header), then reads each repo of `repoIds`; for mixture-of-experts models it also
 * reads `config.json` to compute active parameters. A failing author or repo is logged and the others go on.
 */
export function createHuggingFaceScraper(options: HuggingFaceScraperOptions = {}) {
  const authors = options.authors ?? DEFAULT_HUGGINGFACE_AUTHORS;
  const repoIds = options.repoIds ?? [];
  const maxPages = options.maxPagesPerAuthor ?? 3;
  const minTotalParameters = options.minTotalParameters ?? 1e10;
  const fetchConfigs = options.fetchMoeConfigs ?? true;
  return defineScraper({
    id: HUGGINGFACE_ID,
    description:
      'Hugging Face Hub: exact parameter counts, repo dates, base models, licenses of open-weight models',
    sources: [`${HUB}/api/models`],
    provides: ['names', 'developer', 'release-date', 'parameters', 'base-model', 'license', 'accessibility'],
    live: true,
    shape: {
      read: [...LIST_EXPAND, 'id'],
      required: ['id', 'author', 'createdAt', 'tags', 'safetensors'],
      known: [
        '_id',
        'modelId',
        'sha',
        'private',
        'disabled',
        'library_name',
        'downloads',
        'likes',
        'lastModified',
        'transformersInfo',
        'siblings',
        'spaces',
        'inference',
        'usedStorage',
        'widgetData',
        'model-index',
        'inferenceProviderMapping',
        'trendingScore',
      ],
    },
    async scrape(context) {
      const results: ScrapeResult[] = [];
      const failures: string[] = [];
      for (const author of authors) {
        let url: string | undefined = formatHuggingFaceAuthorUrl(author);
        for (let page = 0; url && page < maxPages; page += 1) {
          try {
            const response: HttpResponse = await context.http.get(url, { signal: context.signal });
            results.push(await parseResponse(context, response, { minTotalParameters, fetchConfigs }));
            const link = response.headers.link ?? response.headers.Link;
            url = parseLinkHeader(link, response.finalUrl).next;
          } catch (error) {
            if (context.signal.aborted || isNetworkUnreachable(error)) throw error;
            failures.push(author);
            context.log.warn(
              `[scraper:huggingface] author ${author}: ${error instanceof Error ? error.message : String(error)}`,
            );
            url = undefined;
          }
        }
      }
      for (const repoId of repoIds) {
        try {
          const response = await context.http.get(formatHuggingFaceModelUrl(repoId), {
            signal: context.signal,
          });
          results.push(await parseResponse(context, response, { fetchConfigs }));
        } catch (error) {
          if (context.signal.aborted || isNetworkUnreachable(error)) throw error;
          failures.push(repoId);
          context.log.warn(
            `[scraper:huggingface] repo ${repoId}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      const merged = mergeResults(results);
      if (failures.length > 0 && failures.length === authors.length + repoIds.length) {
        // Nothing could be read at all: report it as the source failing rather than an empty success.
        throw new ScrapeError({
          code: 'HTTP_FAILED',
          scraperId: HUGGINGFACE_ID,
          url: `${HUB}/api/models`,
          problem: `every author and repo failed: ${failures.join(', ')}`,
          retryable: true,
        });
      }
      for (const failure of failures) {
        merged.issues.push({
          level: 'error',
          message: `could not read ${failure}; see the log`,
          location: failure,
        });
      }
      return merged;
    },
    parse(payload) {
      return parseHuggingFace(payload);
    },
  });
}

/** The Hugging Face scraper with the default authors and no extra repos. */
export const huggingfaceScraper = createHuggingFaceScraper();
