import { defineEstimator } from '../define-estimator';
import { factInput } from '../inputs';
import { formatFlop } from '../names';
import { sigmaFromFactor, Z90 } from '../probability';

type ReportedWithBounds = {
  flop: number;
  confidence: 'confident' | 'likely' | 'speculative' | 'unknown';
  lower?: number;
  upper?: number;
};

/**
 * A compute figure from the developer or a curated database (Epoch AI). Its stated confidence maps to a 90%
 * half-width: Confident ×3, Likely ×10, Speculative ×30, Unknown ×30 (configurable). Stated bounds widen it
 * when they are wider. Left out in blind mode.
 */
export const reportedEstimator = defineEstimator({
  id: 'reported',
  description: 'A reported figure (developer or Epoch AI) with its confidence mapped to an interval',
  priority: 10,
  kind: 'direct',
  estimate(facts, context) {
    if (context.blind || !facts.reportedCompute) return null;
    const reported = facts.reportedCompute as ReportedWithBounds;
    const confidence = reported.confidence ?? 'likely';
    const factor = context.settings.reportedHalfWidth[confidence];
    let log10Sigma = sigmaFromFactor(factor);
    let boundsText = '';
    if (reported.lower !== undefined && reported.upper !== undefined && reported.upper > reported.lower) {
      const fromBounds = Math.log10(reported.upper / reported.lower) / (2 * Z90);
      if (fromBounds > log10Sigma) {
        log10Sigma = fromBounds;
        boundsText = `; the stated bounds ${formatFlop(reported.lower)}–${formatFlop(reported.upper)} are wider, so they set the spread`;
      }
    }
    return {
      median: reported.flop,
      log10Sigma,
      inputs: [
        factInput(facts, 'reportedCompute', reported.flop, 'reportedCompute'),
        factInput(facts, 'reportedCompute', confidence, 'reportedConfidence'),
      ],
      reasoning: `reported ${formatFlop(reported.flop)} FLOP, confidence "${confidence}" → 90% interval ×/÷ ${factor}${boundsText}`,
    };
  },
});
