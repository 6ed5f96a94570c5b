import type { EstimateInput } from '@tracker/schema';
import type { EstimatorFacts } from './estimator';
import { memoByString } from './memo';

/** An estimator input read from a fact, carrying the fact's provenance (`input` when the caller gave it bare). */
export function factInput(
  facts: EstimatorFacts,
  field: string,
  value: number | string | boolean,
  name = field,
): EstimateInput {
  const provenance = facts.provenance?.[field] ?? facts.provenance?.[field.split('.')[0] as string];
  const input: EstimateInput = { name, value, source: provenance?.source ?? 'input' };
  if (provenance?.url) input.url = provenance.url;
  if (provenance?.retrievedAt) input.retrievedAt = provenance.retrievedAt;
  return input;
}

/** An input that is an assumption of the method (a prior), with the source that supports it. */
export function priorInput(name: string, value: number | string | boolean, url?: string): EstimateInput {
  return url ? { name, value, source: 'prior', url } : { name, value, source: 'prior' };
}

/** An input read from the model's name. */
export function nameInput(name: string, value: number | string): EstimateInput {
  return { name, value, source: 'name' };
}

/** Root of a sum of squares: independent log10 uncertainties add in quadrature. */
export function quadrature(...sigmas: number[]): number {
  return Math.sqrt(sigmas.reduce((sum, sigma) => sum + sigma * sigma, 0));
}

/** Release year as a fraction (2024-07-01 → 2024.5), or null. */
export function releaseYear(date: string | undefined): number | null {
  return date ? releaseYears(date) : null;
}

const releaseYears = memoByString((date): number | null => {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 7;
  const day = match[3] ? Number(match[3]) : 1;
  return year + (month - 1) / 12 + (day - 1) / 365;
});

/** Lower-case letters and digits only: the loose key used to recognise a model's own reference point. */
export function looseName(name: string): string {
  return looseNames(name);
}

const looseNames = memoByString((name) => name.toLowerCase().replace(/[^a-z0-9]/g, ''));

/**
 * Domains whose dataset size counts tokens. Elsewhere (vision, image generation, speech...) a source's dataset size
 * counts datapoints (images, clips, hours), so 6·N·D and the era's tokens-per-parameter do not apply.
 */
const TOKEN_DOMAINS: ReadonlySet<string> = new Set(['language', 'multimodal']);

/** True when the model's dataset size can be read as tokens: a language or multimodal model, or no domain stated. */
export function countsTokens(facts: Pick<EstimatorFacts, 'domain'>): boolean {
  return !facts.domain || TOKEN_DOMAINS.has(facts.domain);
}
