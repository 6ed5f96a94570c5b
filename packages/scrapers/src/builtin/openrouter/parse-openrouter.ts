import type { Domain, Pricing } from '@tracker/schema';
import type { Payload, ScrapeResult } from '../../scraper';
import {
  createObservationCollector,
  createParseError,
  describeJsonShape,
  dropUndefined,
  formatUnixDate,
  isJsonObject,
  parseIsoDate,
  parseNumber,
  readJsonPayload,
} from '../kit';

/** Scraper id of the OpenRouter source. */
export const OPENROUTER_ID = 'openrouter';

const HUGGING_FACE_ID = /^[\w.-]+\/[\w.-]+$/;

/**
 * True for entries that are not models: OpenRouter's own routers (`openrouter/auto`, `openrouter/free`...) and
 * `~` aliases that point at whatever a lab's latest model is (`~openai/gpt-latest`). They are skipped, because
 * their names and dates describe a routing rule, not a trained model.
 */
export function isOpenRouterRouterEntry(id: string): boolean {
  return id.startsWith('openrouter/') || id.startsWith('~');
}

/**
 * The name used for resolution: the model slug of the id without the provider prefix and without the
 * `:variant` suffix (`openai/gpt-4o:free` → `gpt-4o`). The slug is stable and close to the names other
 * sources use (Arena writes `gpt-4o-2024-05-13`), whereas `name` carries a provider prefix and decorations
 * ("OpenAI: GPT-4o (free)"). The full id stays in `sourceModelId`.
 */
export function formatOpenRouterName(id: string): string {
  const withoutVariant = id.replace(/:[^/]*$/, '');
  return withoutVariant.slice(withoutVariant.indexOf('/') + 1);
}

function developerOf(id: string, name: unknown): string | undefined {
  // "Anthropic: Claude Opus 4.7" names the developer as people write it; the id prefix is a lower-case slug.
  if (typeof name === 'string') {
    const colon = name.indexOf(': ');
    if (colon > 0 && colon <= 60) return name.slice(0, colon).trim();
  }
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash).replace(/^~/, '') : undefined;
}

function domainOf(architecture: unknown): Domain | undefined {
  if (!isJsonObject(architecture)) return undefined;
  const inputs = Array.isArray(architecture.input_modalities) ? architecture.input_modalities : [];
  const outputs = Array.isArray(architecture.output_modalities) ? architecture.output_modalities : [];
  if (inputs.length === 0 && outputs.length === 0) return undefined;
  if (outputs.includes('image')) return 'image-generation';
  if (outputs.length > 0 && outputs.every((modality) => modality === 'audio')) return 'audio';
  if (inputs.some((modality) => modality !== 'text')) return 'multimodal';
  return 'language';
}

/** USD per token as OpenRouter writes it (`"0.000005"`) → USD per million tokens; undefined when absent or negative (`"-1"`: variable). */
function perMillion(value: unknown): number | undefined {
  const perToken =
    typeof value === 'string' ? parseNumber(value) : typeof value === 'number' ? value : undefined;
  if (perToken === undefined || !Number.isFinite(perToken) || perToken < 0) return undefined;
  return Number((perToken * 1e6).toPrecision(12));
}

function pricingOf(pricing: unknown): Pricing | undefined {
  if (!isJsonObject(pricing)) return undefined;
  const input = perMillion(pricing.prompt);
  const output = perMillion(pricing.completion);
  if (input === undefined && output === undefined) return undefined;
  return dropUndefined({ inputUsdPerMillionTokens: input, outputUsdPerMillionTokens: output });
}

/** The id without its `:variant` suffix (`meta-llama/llama-3.1-405b-instruct:free` → `meta-llama/llama-3.1-405b-instruct`). */
export function openRouterBaseId(id: string): string {
  return id.replace(/:[^/]*$/, '');
}

interface Entry {
  id: string;
  where: string;
  candidate: Record<string, unknown>;
}

/**
 * One candidate per model: the base entry (an id without `:free`, `:nitro`, `:extended`, `:beta`,
 * `:thinking`...) wins; its variants only add facts it lacks. Pricing never comes from a variant, since a
 * variant's price describes the variant (free tier, faster or longer-context providers). Without a base entry
 * the first variant listed stands for the model.
 */
function mergeVariants(entries: readonly Entry[]): Entry[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = openRouterBaseId(entry.id);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const lead = group.find((entry) => entry.id === key) ?? group[0]!;
    const candidate = dropUndefined({ ...lead.candidate });
    for (const variant of group) {
      if (variant === lead) continue;
      for (const [field, value] of Object.entries(dropUndefined(variant.candidate))) {
        if (field === 'pricing' || field in candidate) continue;
        candidate[field] = value;
      }
    }
    return { ...lead, candidate };
  });
}

/**
 * Parses OpenRouter's model list (`GET https://openrouter.ai/api/v1/models`, `{"data": [...]}`), in both the
 * 2025 schema and the 2026 one with `knowledge_cutoff`, `expiration_date` and `links`.
 *
 * Per model: `rawName` = id slug ({@link formatOpenRouterName}), `sourceModelId` = `id`, `developer` from the
 * name prefix (else the id prefix), `releaseDate` = `created` as a UTC date (the day OpenRouter listed the
 * model, a proxy for the release), `contextLength`, `huggingFaceId` when non-empty, `accessibility`
 * `open-weights` when a Hugging Face repo is linked and `api` otherwise, `domain` from the modalities,
 * `pricing` from `pricing.prompt` / `pricing.completion` (USD per token, converted to USD per million tokens),
 * `knowledgeCutoff` and `expirationDate`. Variants of one model are merged ({@link mergeVariants}: the base
 * entry wins). Routers and aliases are skipped ({@link isOpenRouterRouterEntry}). Descriptions are never copied.
 */
export function parseOpenRouter(payload: Payload): ScrapeResult {
  const expected = 'OpenRouter model list JSON {"data": [...]}';
  const document = readJsonPayload(OPENROUTER_ID, payload, expected);
  if (!isJsonObject(document) || !Array.isArray(document.data)) {
    throw createParseError(OPENROUTER_ID, payload, expected, describeJsonShape(document));
  }
  const collector = createObservationCollector();
  const entries: Entry[] = [];
  document.data.forEach((entry: unknown, index: number) => {
    const location = `$.data[${index}]`;
    if (!isJsonObject(entry) || typeof entry.id !== 'string' || entry.id.trim() === '') {
      collector.issue('error', 'model entry without a string "id" skipped', location);
      return;
    }
    const id = entry.id.trim();
    if (isOpenRouterRouterEntry(id)) return;
    const where = `${location} (${id})`;
    const huggingFaceId = typeof entry.hugging_face_id === 'string' ? entry.hugging_face_id.trim() : '';
    if (huggingFaceId !== '' && !HUGGING_FACE_ID.test(huggingFaceId)) {
      collector.issue(
        'warning',
        `hugging_face_id ${JSON.stringify(huggingFaceId)} is not a repo id; ignored`,
        where,
      );
    }
    const linkedRepo = HUGGING_FACE_ID.test(huggingFaceId) ? huggingFaceId : undefined;
    const releaseDate = formatUnixDate(entry.created);
    if (entry.created !== undefined && entry.created !== null && releaseDate === undefined) {
      collector.issue(
        'warning',
        `"created" ${JSON.stringify(entry.created)} is not a Unix time; ignored`,
        where,
      );
    }
    const dateField = (field: string) => {
      const value = entry[field];
      if (value === undefined || value === null || value === '') return undefined;
      const date = parseIsoDate(value);
      if (date === undefined)
        collector.issue('warning', `"${field}" ${JSON.stringify(value)} is not a date; ignored`, where);
      return date;
    };
    entries.push({
      id,
      where,
      candidate: {
        source: OPENROUTER_ID,
        sourceUrl: payload.url,
        retrievedAt: payload.retrievedAt,
        rawName: formatOpenRouterName(id),
        sourceModelId: id,
        developer: developerOf(id, entry.name),
        releaseDate,
        contextLength: entry.context_length ?? undefined,
        huggingFaceId: linkedRepo,
        accessibility: linkedRepo ? 'open-weights' : 'api',
        domain: domainOf(entry.architecture),
        pricing: pricingOf(entry.pricing),
        knowledgeCutoff: dateField('knowledge_cutoff'),
        expirationDate: dateField('expiration_date'),
      },
    });
  });
  for (const entry of mergeVariants(entries)) collector.add(entry.candidate, entry.where);
  return collector.result();
}
