import { resolveActiveParameters } from '../active-parameters';
import { defineEstimator } from '../define-estimator';
import { countsTokens, factInput, quadrature } from '../inputs';
import { formatCount, formatFlop } from '../names';

/** log10 spread of 6·N·D itself against a full operation count (attention, embeddings): ~±25%. */
const FORMULA_SIGMA = 0.05;
/** log10 spread of a stated token count (rounded figures, epochs). */
const TOKENS_SIGMA = 0.04;

/**
 * 6·N·D: N active parameters (MoE-aware, see `resolveActiveParameters`), D training tokens (language and
 * multimodal models only: elsewhere a dataset size counts datapoints). For a model with a
 * base model the tokens are those of its own run, so the result is `scope: 'run'` and the base is added.
 */
export const operationCountEstimator = defineEstimator({
  id: 'operation-count',
  description: '6 × active parameters × training tokens',
  priority: 20,
  kind: 'direct',
  monotonic: ['parameters', 'activeParameters', 'trainingTokens'],
  estimate(facts) {
    // A vision or image model's dataset size counts images, not tokens: 6·N·D does not apply to it.
    if (!facts.trainingTokens || !countsTokens(facts)) return null;
    const parameters = resolveActiveParameters(facts);
    if (!parameters) return null;
    const median = 6 * parameters.value * facts.trainingTokens;
    return {
      median,
      log10Sigma: quadrature(parameters.log10Sigma, TOKENS_SIGMA, FORMULA_SIGMA),
      inputs: [...parameters.inputs, factInput(facts, 'trainingTokens', facts.trainingTokens)],
      reasoning: `${parameters.text}; D = ${formatCount(facts.trainingTokens)} tokens; 6 × ${formatCount(parameters.value)} × ${formatCount(facts.trainingTokens)} = ${formatFlop(median)} FLOP`,
      scope: facts.baseModel ? 'run' : 'total',
    };
  },
});
