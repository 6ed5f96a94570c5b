import { defineEstimator } from '../define-estimator';
import { factInput } from '../inputs';
import { formatFlop } from '../names';

/**
 * A fine-tune's or post-trained model's own compute as stated (fine-tuning / post-training / RL, plus synthetic
 * data generation): `scope: 'run'`, so the base model's compute is added to it.
 */
export const fineTuneEstimator = defineEstimator({
  id: 'fine-tune',
  description: 'stated fine-tuning / post-training (+ synthetic data) compute on top of the base model',
  priority: 15,
  kind: 'direct',
  estimate(facts) {
    if (!facts.baseModel || !(facts.finetuneCompute || facts.syntheticDataCompute)) return null;
    const postTraining = facts.finetuneCompute ?? 0;
    const syntheticData = facts.syntheticDataCompute ?? 0;
    const median = postTraining + syntheticData;
    const inputs = [];
    if (facts.finetuneCompute) inputs.push(factInput(facts, 'finetuneCompute', facts.finetuneCompute));
    if (facts.syntheticDataCompute)
      inputs.push(factInput(facts, 'syntheticDataCompute', facts.syntheticDataCompute));
    const breakdown: { postTraining?: number; syntheticData?: number } = {};
    if (postTraining > 0) breakdown.postTraining = postTraining;
    if (syntheticData > 0) breakdown.syntheticData = syntheticData;
    return {
      median,
      log10Sigma: 0.15,
      inputs,
      reasoning: `own run: post-training ${formatFlop(postTraining)}${syntheticData ? ` + synthetic data ${formatFlop(syntheticData)}` : ''} = ${formatFlop(median)} FLOP`,
      scope: 'run',
      breakdown,
    };
  },
});
