import type { Domain } from '@tracker/schema';
import type { Payload, ScrapeResult } from '../../scraper';
import {
  createObservationCollector,
  createParseError,
  describeJsonShape,
  isJsonObject,
  type ObservationCollector,
  parseIsoDate,
  readJsonPayload,
} from '../kit';
import {
  computeActiveParameters,
  countConfigParameters,
  readMixtureOfExpertsConfig,
} from './mixture-of-experts';

/** Scraper id of the Hugging Face Hub source. */
export const HUGGINGFACE_ID = 'huggingface';

const REPO_ID = /^[\w.-]+\/[\w.-]+$/;

/** Options of {@link parseHuggingFace}. */
export interface ParseHuggingFaceOptions {
  /**
   * Parsed `config.json` files by repo id. For a mixture-of-experts model they give the active parameters
   * (see `computeActiveParameters`); the Hub model JSON's `config` only holds `architectures` and `model_type`.
   */
  configs?: Readonly<Record<string, unknown>>;
  /** Skip models whose `safetensors.total` is known and below this (default 0: keep all). */
  minTotalParameters?: number;
}

/**
 * Base-model relations in `tags`, most specific first. A fine-tune or adapter names the model it was trained
 * from, which is what compute accounting needs; a merge or quantization points at a model it was derived from
 * without training; a bare `base_model:<repo>` tag gives no relation and is the last resort.
 */
const BASE_MODEL_RELATIONS = ['finetune', 'adapter', 'merge', 'quantized'] as const;

/** The base model named in Hub tags (`base_model:finetune:<repo>` preferred, see above), or `undefined`. */
export function findBaseModel(tags: readonly unknown[]): string | undefined {
  const strings = tags.filter((tag): tag is string => typeof tag === 'string');
  for (const relation of BASE_MODEL_RELATIONS) {
    const prefix = `base_model:${relation}:`;
    const tag = strings.find((candidate) => candidate.startsWith(prefix));
    if (tag) return tag.slice(prefix.length);
  }
  const plain = strings.find((tag) => /^base_model:[^:]+\/[^:]+$/.test(tag));
  return plain?.slice('base_model:'.length);
}

const DOMAIN_BY_PIPELINE: Readonly<Record<string, Domain>> = {
  'text-generation': 'language',
  'text2text-generation': 'language',
  'fill-mask': 'language',
  'feature-extraction': 'language',
  translation: 'language',
  summarization: 'language',
  'image-text-to-text': 'multimodal',
  'any-to-any': 'multimodal',
  'visual-question-answering': 'multimodal',
  'text-to-image': 'image-generation',
  'image-to-image': 'image-generation',
  'text-to-video': 'video',
  'image-to-video': 'video',
  'automatic-speech-recognition': 'speech',
  'text-to-speech': 'speech',
  'text-to-audio': 'audio',
  'audio-classification': 'audio',
  'image-classification': 'vision',
  'object-detection': 'vision',
  robotics: 'robotics',
};

/**
 * Parses Hub API responses:
 * - one model (`GET /api/models/<repo>`), also the reduced `?expand=` form that only has `_id`, `id` and the
 *   expanded keys: that gives an observation with the name only, plus a warning saying so;
 * - a models list (`GET /api/models?author=<org>...`, a JSON array of the same objects).
 *
 * Per model: `rawName` = the repo name without the owner (`Llama-3.1-8B-Instruct`; the full repo id is
 * `sourceModelId` and `huggingFaceId`), `developer` = `author` (else the owner), `releaseDate` = `createdAt`
 * (the day the repo was created, a proxy: repos are often created days before a release, or long after for
 * old models moved to the Hub), `parameters.total` = `safetensors.total`, `parameters.active` from the
 * `config.json` in `options.configs` for mixture-of-experts models, `baseModel` from `base_model:*` tags
 * ({@link findBaseModel}), `license` from the `license:*` tag (else `cardData.license`), `accessibility`
 * `open-weights` (or `open-weights-gated` when `gated` is "auto"/"manual"), `domain` from `pipeline_tag`.
 * Model cards and descriptions are never copied.
 */
export function parseHuggingFace(payload: Payload, options: ParseHuggingFaceOptions = {}): ScrapeResult {
  const expected = 'a Hugging Face Hub model JSON object or a JSON array of models';
  const document = readJsonPayload(HUGGINGFACE_ID, payload, expected);
  const collector = createObservationCollector();
  if (Array.isArray(document)) {
    document.forEach((model, index) => {
      addModel(collector, payload, model, `$[${index}]`, options);
    });
    return collector.result();
  }
  if (isJsonObject(document) && typeof document.id === 'string') {
    addModel(collector, payload, document, '$', options);
    return collector.result();
  }
  if (isJsonObject(document) && ('model_type' in document || 'architectures' in document)) {
    throw createParseError(
      HUGGINGFACE_ID,
      payload,
      `${expected} (a config.json alone names no model: pass it with the model JSON as options.configs)`,
      'a config.json',
    );
  }
  throw createParseError(HUGGINGFACE_ID, payload, expected, describeJsonShape(document));
}

function addModel(
  collector: ObservationCollector,
  payload: Payload,
  model: unknown,
  location: string,
  options: ParseHuggingFaceOptions,
): void {
  const id = isJsonObject(model) && typeof model.id === 'string' ? model.id.trim() : undefined;
  if (!isJsonObject(model) || !id || !REPO_ID.test(id)) {
    collector.issue('error', 'model without an "owner/name" id skipped', location);
    return;
  }
  const where = `${location} (${id})`;
  const safetensors = isJsonObject(model.safetensors) ? model.safetensors : undefined;
  const total =
    typeof safetensors?.total === 'number' && safetensors.total > 0 ? safetensors.total : undefined;
  if (total !== undefined && options.minTotalParameters !== undefined && total < options.minTotalParameters)
    return;
  if (safetensors && safetensors.total !== undefined && total === undefined) {
    collector.issue(
      'warning',
      `safetensors.total ${JSON.stringify(safetensors.total)} is not a positive number; ignored`,
      where,
    );
  }
  const releaseDate = parseIsoDate(model.createdAt);
  if (model.createdAt !== undefined && model.createdAt !== null && releaseDate === undefined) {
    collector.issue(
      'warning',
      `createdAt ${JSON.stringify(model.createdAt)} is not an ISO date; ignored`,
      where,
    );
  }
  if (model.createdAt === undefined || model.createdAt === null) {
    collector.issue(
      'warning',
      'no createdAt in the response (a list or expand request must ask for it), so no release date',
      where,
    );
  }
  const known = Object.keys(model).filter((key) => key !== '_id' && key !== 'id');
  if (!known.some((key) => ['createdAt', 'tags', 'safetensors', 'author', 'config', 'gated'].includes(key))) {
    collector.issue(
      'warning',
      `response holds no model facts besides the id (keys: ${known.join(', ') || 'none'}); only the name is recorded`,
      where,
    );
  }
  const tags = Array.isArray(model.tags) ? model.tags : [];
  const licenseTag = tags.find((tag): tag is string => typeof tag === 'string' && tag.startsWith('license:'));
  const cardLicense =
    isJsonObject(model.cardData) && typeof model.cardData.license === 'string'
      ? model.cardData.license
      : undefined;
  const owner = id.slice(0, id.indexOf('/'));
  const parameters = readParameters(collector, model, total, options.configs?.[id], where);
  const gated = model.gated === 'auto' || model.gated === 'manual' || model.gated === true;
  const hasAccessFacts = 'gated' in model || 'safetensors' in model || 'tags' in model;
  collector.add(
    {
      source: HUGGINGFACE_ID,
      sourceUrl: payload.url,
      retrievedAt: payload.retrievedAt,
      rawName: id.slice(id.indexOf('/') + 1),
      sourceModelId: id,
      huggingFaceId: id,
      developer: typeof model.author === 'string' && model.author.trim() !== '' ? model.author.trim() : owner,
      releaseDate,
      parameters,
      baseModel: findBaseModel(tags),
      license: licenseTag ? licenseTag.slice('license:'.length) : cardLicense,
      accessibility: hasAccessFacts ? (gated ? 'open-weights-gated' : 'open-weights') : undefined,
      domain:
        typeof model.pipeline_tag === 'string' && Object.hasOwn(DOMAIN_BY_PIPELINE, model.pipeline_tag)
          ? DOMAIN_BY_PIPELINE[model.pipeline_tag]
          : undefined,
      links: [`https://huggingface.co/${id}`],
    },
    where,
  );
}

/**
 * Total and active parameters. The total is `safetensors.total`, unless a config (a fetched `config.json`, else
 * the one inlined by `expand[]=config`) implies a count that differs by more than 5%: mixed-precision repos
 * count quantisation scales in safetensors, so the config's count is preferred, with a warning saying so.
 * Active parameters come from the config's mixture-of-experts fields.
 */
function readParameters(
  collector: ObservationCollector,
  model: Record<string, unknown>,
  safetensorsTotal: number | undefined,
  fetchedConfig: unknown,
  where: string,
): { total?: number; active?: number } | undefined {
  const inline = isJsonObject(model.config) ? model.config : undefined;
  const config = fetchedConfig ?? inline;
  const configName = fetchedConfig === undefined ? 'the inline config' : 'config.json';
  const configTotal = config === undefined ? undefined : countConfigParameters(config);
  let total = safetensorsTotal ?? configTotal;
  if (safetensorsTotal !== undefined && configTotal !== undefined) {
    const gap = Math.abs(safetensorsTotal - configTotal) / configTotal;
    if (gap > 0.05) {
      collector.issue(
        'warning',
        `safetensors total ${safetensorsTotal} and ${configName}'s count ${configTotal} differ by ${(gap * 100).toFixed(1)}%; using the config's count`,
        where,
      );
      total = configTotal;
    }
  }
  let active: number | undefined;
  const moe = config === undefined ? undefined : readMixtureOfExpertsConfig(config);
  if (fetchedConfig !== undefined && !moe) {
    collector.issue(
      'warning',
      'config.json has no complete mixture-of-experts fields; active parameters unknown',
      where,
    );
  } else if (moe && total === undefined) {
    collector.issue('warning', 'no safetensors total, so active parameters cannot be computed', where);
  } else if (moe && total !== undefined) {
    active = computeActiveParameters(total, moe);
    if (active === undefined) {
      collector.issue(
        'warning',
        `${configName} experts do not fit the parameter total; active parameters unknown`,
        where,
      );
    }
  }
  return total === undefined ? undefined : { total, active };
}
