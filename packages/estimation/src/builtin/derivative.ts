import type { EstimateInput } from '@tracker/schema';
import { defineEstimator } from '../define-estimator';
import type { EstimatorFacts, EstimatorResult } from '../estimator';
import { factInput, nameInput, priorInput, quadrature } from '../inputs';
import { formatCount, formatFlop } from '../names';
import { findNameLineage, type NameLineage } from './lineage';

/**
 * Post-training on top of a base, as a share of the base's compute when the model states none: +5% (log10
 * +0.02), with 0.1 dex of extra spread. Epoch AI counts a fine-tune's compute as the base's plus its own
 * (https://epoch.ai/data/ai-models-documentation); published post-training runs are mostly a few percent of
 * pretraining (e.g. Llama 3's post-training, https://arxiv.org/abs/2407.21783), rarely over 10%.
 */
export const FINE_TUNE_PRIOR = {
  log10Share: 0.02,
  sigma: 0.1,
  url: 'https://epoch.ai/data/ai-models-documentation',
} as const;

/**
 * Extra log10 spread of a base read from a name and a size rather than from a base model tag: the match names
 * the likely bases, not the one the model was built on, and a model may be a new pretraining after all.
 */
export const NAME_MATCH_SIGMA = 0.1;

/**
 * A fine-tune, post-train, distillation or merge of a known base whose own compute is not stated: the base's
 * compute (as the pipeline estimates it) plus a fine-tune component from {@link FINE_TUNE_PRIOR}. The base is
 * the `baseModel` fact (e.g. Hugging Face's `base_model` tag) or, without a usable one, what the name and size
 * point to (`findNameLineage`: the developer's own earlier model of that size, else open-weight models of that
 * size released before it, narrowed by a family word in the name), as a mixture over the matching bases. An
 * imputation: a stated figure, 6·N·D or hardware × time of the model itself beats it.
 */
export const derivativeEstimator = defineEstimator({
  id: 'derivative',
  description: "a known base model's compute plus a typical fine-tune share",
  priority: 45,
  kind: 'imputation',
  estimate(facts, context) {
    if (facts.finetuneCompute || facts.syntheticDataCompute) return null;
    // The base: a base model tag the pipeline resolves, else the model this one's name marks it a variant of.
    const tagged = !facts.baseModel
      ? null
      : facts.baseModelCompute
        ? { median: facts.baseModelCompute, log10Sigma: 0.15, method: 'given' }
        : (context.lookupBase?.(facts.baseModel) ?? null);
    const base = tagged ?? (facts.variantOf ? (context.lookupBase?.(facts.variantOf) ?? null) : null);
    if (!base) {
      const lineage = findNameLineage(facts, context);
      return lineage ? fromNameLineage(facts, lineage) : null;
    }
    const viaTag = tagged !== null;
    const shownBase = (viaTag ? facts.baseModel : facts.variantOf) as string;
    const median = base.median * 10 ** FINE_TUNE_PRIOR.log10Share;
    return {
      median,
      log10Sigma: quadrature(base.log10Sigma, FINE_TUNE_PRIOR.sigma),
      inputs: [
        viaTag
          ? factInput(facts, 'baseModel', shownBase)
          : { name: 'variantOf', value: shownBase, source: 'name' },
        priorInput('fineTuneLog10Share', FINE_TUNE_PRIOR.log10Share, FINE_TUNE_PRIOR.url),
      ],
      reasoning: `${viaTag ? `built on ${shownBase}` : `named as a checkpoint or serving mode of ${shownBase} (same developer; the words after its name name no other model)`} (${formatFlop(base.median)} FLOP, σ ${base.log10Sigma.toFixed(2)} dex, ${base.method}); plus a typical fine-tune (+${((10 ** FINE_TUNE_PRIOR.log10Share - 1) * 100).toFixed(0)}%, ±${FINE_TUNE_PRIOR.sigma} dex) = ${formatFlop(median)} FLOP`,
    };
  },
});

/** Bases listed in the reasoning; the rest are counted. */
const LISTED_BASES = 3;

/** The estimate of a model whose bases were read from its name and size: the mixture plus a fine-tune share. */
function fromNameLineage(facts: EstimatorFacts, lineage: NameLineage): EstimatorResult {
  const log10Median = lineage.log10Mean + FINE_TUNE_PRIOR.log10Share;
  const median = 10 ** log10Median;
  const tagged = lineage.basis === 'tag';
  const matchSigma = tagged ? 0 : NAME_MATCH_SIGMA;
  const log10Sigma = quadrature(lineage.log10Sigma, FINE_TUNE_PRIOR.sigma, matchSigma);
  const sizeInput: EstimateInput = tagged
    ? factInput(facts, 'baseModel', facts.baseModel as string)
    : facts.parameters
      ? factInput(facts, 'parameters', facts.parameters)
      : nameInput('parameters', lineage.size);
  const listed = lineage.bases
    .slice(0, LISTED_BASES)
    .map(
      (base) =>
        `${base.model.name} (${base.model.developer ?? 'unknown developer'}, ${base.model.releaseDate?.slice(0, 10) ?? 'undated'}, ${formatCount(base.model.parameters as number)}: ${formatFlop(base.median)} FLOP, σ ${base.log10Sigma.toFixed(2)}, ${base.method}${base.model.derivatives ? `; base of ${base.model.derivatives} known model${base.model.derivatives === 1 ? '' : 's'}` : ''}; weight ${base.weight.toFixed(2)})`,
    )
    .join(', ');
  const more = lineage.bases.length > LISTED_BASES ? ` and ${lineage.bases.length - LISTED_BASES} more` : '';
  return {
    median,
    log10Sigma,
    inputs: [
      sizeInput,
      ...(tagged
        ? []
        : lineage.bases.slice(0, LISTED_BASES).map((base) => nameInput('baseModel', base.model.name))),
      priorInput('fineTuneLog10Share', FINE_TUNE_PRIOR.log10Share, FINE_TUNE_PRIOR.url),
    ],
    reasoning: `${lineage.text}: ${listed}${more}${lineage.bases.length > 1 ? `; weighted by recency (half-life 1 year) × (1 + known derivatives), log10 mean ${lineage.log10Mean.toFixed(2)} ± ${lineage.log10Sigma.toFixed(2)} (the bases' own spread and their disagreement)` : ''}; plus a typical fine-tune (+${((10 ** FINE_TUNE_PRIOR.log10Share - 1) * 100).toFixed(0)}%, ±${FINE_TUNE_PRIOR.sigma} dex)${tagged ? '' : ` and ±${NAME_MATCH_SIGMA} dex for a base read from the name`} = ${formatFlop(median)} FLOP`,
  };
}
