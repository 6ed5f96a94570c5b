import { defineEstimator } from '../define-estimator';
import { factInput, priorInput, quadrature } from '../inputs';
import { formatFlop } from '../names';

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
 * A fine-tune, post-train, distillation or merge of a known base (the `baseModel` fact, e.g. Hugging Face's
 * `base_model` tag) whose own compute is not stated: the base's compute (as the pipeline estimates it) plus a
 * fine-tune component from {@link FINE_TUNE_PRIOR}. An imputation: a stated figure, 6·N·D or hardware × time
 * of the model itself beats it.
 */
export const derivativeEstimator = defineEstimator({
  id: 'derivative',
  description: "a known base model's compute plus a typical fine-tune share",
  priority: 45,
  kind: 'imputation',
  estimate(facts, context) {
    const baseName = facts.baseModel ?? facts.variantOf;
    if (!baseName || facts.finetuneCompute || facts.syntheticDataCompute) return null;
    const base =
      facts.baseModel && facts.baseModelCompute
        ? { median: facts.baseModelCompute, log10Sigma: 0.15, method: 'given' }
        : context.lookupBase?.(baseName);
    if (!base) return null;
    const median = base.median * 10 ** FINE_TUNE_PRIOR.log10Share;
    return {
      median,
      log10Sigma: quadrature(base.log10Sigma, FINE_TUNE_PRIOR.sigma),
      inputs: [
        facts.baseModel
          ? factInput(facts, 'baseModel', facts.baseModel)
          : { name: 'variantOf', value: baseName, source: 'name' },
        priorInput('fineTuneLog10Share', FINE_TUNE_PRIOR.log10Share, FINE_TUNE_PRIOR.url),
      ],
      reasoning: `${facts.baseModel ? `built on ${baseName}` : `named as a checkpoint or serving mode of ${baseName} (same developer; the words after its name name no other model)`} (${formatFlop(base.median)} FLOP, σ ${base.log10Sigma.toFixed(2)} dex, ${base.method}); plus a typical fine-tune (+${((10 ** FINE_TUNE_PRIOR.log10Share - 1) * 100).toFixed(0)}%, ±${FINE_TUNE_PRIOR.sigma} dex) = ${formatFlop(median)} FLOP`,
    };
  },
});
