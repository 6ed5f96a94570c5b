import { COMPUTE_SIGNAL_LINE, type ComputeSignal } from '@tracker/schema';
import { defineEstimator } from '../define-estimator';
import { factInput } from '../inputs';
import { formatFlop } from '../names';
import { sigmaFromFactor } from '../probability';

/** Φ⁻¹(0.9): "very likely" read as a 90% chance of being on the stated side of the line. */
const Z_VERY_LIKELY = 1.2815515655446004;

/** What each signal says, as the probability of being over the line; the strongest statement a source makes wins. */
const SIGNAL_PROBABILITY: ReadonlyArray<readonly [ComputeSignal, number, number, string]> = [
  ['over-1e25', 0.9, Z_VERY_LIKELY, 'very likely over'],
  ['under-1e25', 0.1, -Z_VERY_LIKELY, 'very likely under'],
  ['maybe-over-1e25', 0.5, 0, 'possibly over'],
];

/**
 * A curated source's statement without a number, such as Epoch AI's "very likely over 1e25". It becomes a
 * speculative log-normal belief placed so that P(over 1e25) is what the statement says (0.9 for "very likely over",
 * 0.5 for "maybe"), with the speculative spread of a reported figure. A reported figure supersedes it, and blind mode
 * leaves it out (validation uses it as the truth).
 */
export const reportedSignalEstimator = defineEstimator({
  id: 'reported-signal',
  description: "A curated source's statement about the 1e25 line (Epoch AI's 'very likely over 1e25')",
  priority: 12,
  kind: 'direct',
  estimate(facts, context) {
    if (context.blind || facts.reportedCompute || !facts.computeSignals?.length) return null;
    const signals = new Set(facts.computeSignals);
    const stated = SIGNAL_PROBABILITY.find(([signal]) => signals.has(signal));
    if (!stated) return null;
    const [signal, probability, z, words] = stated;
    const factor = context.settings.reportedHalfWidth.speculative;
    const log10Sigma = sigmaFromFactor(factor);
    const median = COMPUTE_SIGNAL_LINE * 10 ** (z * log10Sigma);
    return {
      median,
      log10Sigma,
      inputs: [factInput(facts, 'computeSignals', signal, 'computeSignal')],
      reasoning: `the source states "${words} ${formatFlop(COMPUTE_SIGNAL_LINE)}" without a figure → P(over ${formatFlop(COMPUTE_SIGNAL_LINE)}) = ${probability}; with the speculative spread (90% ×/÷ ${factor}, σ ${log10Sigma.toFixed(3)} dex) the median is ${formatFlop(COMPUTE_SIGNAL_LINE)} × 10^(${z.toFixed(3)} × ${log10Sigma.toFixed(3)}) = ${formatFlop(median)} FLOP`,
    };
  },
});
