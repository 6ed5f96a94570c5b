import { type KnownMoe, knownMoeFromData, membersNear, resolveActiveParameters } from '../active-parameters';
import { defineEstimator } from '../define-estimator';
import type { EstimateContext, EstimatorFacts } from '../estimator';
import { developerKey } from '../imputation/model';
import { countsTokens, priorInput, quadrature, releaseYear } from '../inputs';
import {
  findMoeFamily,
  formatCount,
  formatFlop,
  MOE_ACTIVE_SHARE_PRIOR,
  moeActiveShare,
  nameSizeOf,
} from '../names';
import { developerMoeModels, findNameLineage, largestDense } from './lineage';

/**
 * Typical pretraining tokens of a large model by release year (log-linear between the knots, flat outside),
 * from the developers' papers: GPT-3 300B (2020, arXiv 2005.14165), Chinchilla 1.4T (2022, arXiv 2203.15556),
 * Llama 2 2T (2023, arXiv 2307.09288), Llama 3 15T (2024, arXiv 2407.21783), 2025: Qwen3 36T
 * (arXiv 2505.09388), GLM-4.5 23T (arXiv 2508.06471), Kimi K2 15.5T, Llama 4 30T → ≈ 25T.
 */
export const TOKENS_BY_YEAR: readonly (readonly [number, number, string])[] = [
  [2020.4, 3e11, 'https://arxiv.org/abs/2005.14165'],
  [2022.2, 1.4e12, 'https://arxiv.org/abs/2203.15556'],
  [2023.5, 2e12, 'https://arxiv.org/abs/2307.09288'],
  [2024.5, 1.5e13, 'https://arxiv.org/abs/2407.21783'],
  [2025.4, 2.5e13, 'https://arxiv.org/abs/2505.09388'],
];
/** log10 spread of the tokens prior (×/÷ 3.1 at 90%): Gemma 3 1B saw 2T tokens, Qwen3 0.6B 36T. */
const TOKENS_SIGMA = 0.3;
/** Extra spread when the release year is unknown. */
const NO_DATE_SIGMA = 0.3;
/**
 * A name and a typical dataset are not measurements: the heuristic is always at least speculative, its 90%
 * interval wider than ×10 (σ ≥ 0.62 dex), whatever the parts add up to.
 */
const MIN_SIGMA = 0.62;
/** After Chinchilla (2022) runs rarely train below ~20 tokens per parameter (arXiv 2203.15556). */
const MIN_TOKENS_PER_PARAMETER = 20;

/** The tokens prior for a release year (2024.5 when unknown). */
export function typicalTokens(year: number | null): { tokens: number; url: string } {
  const at = year ?? 2024.5;
  const first = TOKENS_BY_YEAR[0] as readonly [number, number, string];
  const last = TOKENS_BY_YEAR[TOKENS_BY_YEAR.length - 1] as readonly [number, number, string];
  if (at <= first[0]) return { tokens: first[1], url: first[2] };
  if (at >= last[0]) return { tokens: last[1], url: last[2] };
  for (let index = 1; index < TOKENS_BY_YEAR.length; index++) {
    const [year1, tokens1, url] = TOKENS_BY_YEAR[index] as readonly [number, number, string];
    const [year0, tokens0] = TOKENS_BY_YEAR[index - 1] as readonly [number, number, string];
    if (at <= year1) {
      const share = (at - year0) / (year1 - year0);
      return {
        tokens: 10 ** (Math.log10(tokens0) + share * (Math.log10(tokens1) - Math.log10(tokens0))),
        url,
      };
    }
  }
  return { tokens: last[1], url: last[2] };
}

type MoeMember = NonNullable<EstimateContext['population']>[number];

/** The population's models that state fewer active than total parameters, by developer key (cached per context). */
function moeMembers(context: EstimateContext): Map<string, MoeMember[]> {
  const cached = context.cache.get('moe-members') as Map<string, MoeMember[]> | undefined;
  if (cached) return cached;
  const byDeveloper = new Map<string, MoeMember[]>();
  for (const member of context.population ?? []) {
    if (!member.parameters || !member.activeParameters || member.activeParameters >= 0.9 * member.parameters)
      continue;
    const developer = developerKey(member.developer);
    if (!developer) continue;
    const list = byDeveloper.get(developer);
    if (list) list.push(member);
    else byDeveloper.set(developer, [member]);
  }
  context.cache.set('moe-members', byDeveloper);
  return byDeveloper;
}

/**
 * The mixture-of-experts split the data give a model with only its total known: the developer's own models of
 * that size with fewer active than total parameters (stated, in the name, or implied by a reported figure well
 * under 6 × total × tokens); else, when the total exceeds the largest model ever trained dense with a disclosed
 * figure, the pooled prior of published MoE splits at that size (`MOE_ACTIVE_SHARE_PRIOR`, ×/÷ 3 at 90%). Null
 * when the model states or names its active count, or its family's split is published (`resolveActiveParameters`
 * handles those), or nothing says it is MoE.
 */
function moeFromData(facts: EstimatorFacts, context: EstimateContext, total: number): KnownMoe | null {
  if (facts.activeParameters) return null;
  const developer = developerKey(facts.developer);
  if (developer) {
    // Only members near the total can count: each list is narrowed to them first (the same members, in order).
    const members = [
      ...membersNear(moeMembers(context).get(developer) ?? [], total),
      ...developerMoeModels(facts, context, total),
    ];
    const known = knownMoeFromData(members, developer, total, developerKey);
    if (known) return known;
  }
  if (nameSizeOf(facts.name, facts.parameters)?.active !== undefined || findMoeFamily(facts.name))
    return null;
  const dense = largestDense(facts, context);
  if (!dense?.parameters || total <= dense.parameters) return null;
  const share = moeActiveShare(total);
  return {
    activeShare: share,
    log10Sigma: MOE_ACTIVE_SHARE_PRIOR.log10Sigma,
    text: `no dense model of ${formatCount(total)} has been trained (the largest dense model with a disclosed figure is ${dense.name}, ${formatCount(dense.parameters)}), so a mixture of experts: the pooled active share of published MoEs of that size (90% range ×/÷ 3)`,
  };
}

/**
 * Parameters from the facts or the name (`70B`, `8x22B`, `A22B` → active) and tokens from the era's typical
 * dataset size. Wide interval: speculative by construction. Applies only when the token count is unknown.
 */
export const nameHeuristicEstimator = defineEstimator({
  id: 'name-heuristic',
  description: "parameters (or the name's size) × the release year's typical token count",
  priority: 60,
  kind: 'imputation',
  monotonic: ['parameters', 'activeParameters'],
  estimate(facts, context) {
    if (facts.trainingTokens) return null;
    if (!countsTokens(facts)) return null;
    // A post-train of a known base (tagged, or read from the name and size) was not pretrained on the era's
    // dataset: its size is the base's, and the derivative method counts the base's compute instead.
    if (facts.baseModelCompute || (facts.baseModel && context.lookupBase?.(facts.baseModel))) return null;
    if (findNameLineage(facts, context)) return null;
    const total = facts.parameters ?? nameSizeOf(facts.name)?.total;
    const knownMoe = total !== undefined ? moeFromData(facts, context, total) : null;
    const parameters = resolveActiveParameters(facts, knownMoe);
    if (!parameters) return null;
    const year = releaseYear(facts.releaseDate);
    const prior = typicalTokens(year);
    const floor = year !== null && year >= 2022.5 ? MIN_TOKENS_PER_PARAMETER * parameters.value : 0;
    const tokens = Math.max(prior.tokens, floor);
    const median = 6 * parameters.value * tokens;
    return {
      median,
      log10Sigma: Math.max(
        MIN_SIGMA,
        quadrature(parameters.log10Sigma, TOKENS_SIGMA, year === null ? NO_DATE_SIGMA : 0, 0.05),
      ),
      inputs: [...parameters.inputs, priorInput('trainingTokens', Number(tokens.toPrecision(3)), prior.url)],
      reasoning: `${parameters.text}; D = ${formatCount(tokens)} tokens, the typical dataset of ${year === null ? 'an unknown year (2024 assumed)' : `a ${Math.floor(year)} model`}${tokens === floor ? ` (20 tokens per parameter floor)` : ''}; 6 × ${formatCount(parameters.value)} × ${formatCount(tokens)} = ${formatFlop(median)} FLOP`,
    };
  },
});
