import type { ComputeBreakdown, EstimateComponent } from '@tracker/schema';
import type { EstimatorKind, Precedence } from './estimator';
import { formatFlop } from './names';
import { confidenceFromSigma, intervalFromSigma, Z90 } from './probability';

/** A component plus what the combiner needs of its method: trust order, kind and precedence rules. */
export interface RankedComponent {
  component: EstimateComponent;
  priority: number;
  /** `direct` evidence beats `imputation` and `bound` (default `direct`). */
  kind?: EstimatorKind;
  /** Methods this one prevails over in a conflict (from the estimator's `prevailsOver`). */
  prevailsOver?: readonly Precedence[];
  breakdown?: ComputeBreakdown;
}

/** What combining produced. */
export interface Combination {
  median: number;
  log10Sigma: number;
  method: string;
  combination: string;
  breakdown?: ComputeBreakdown;
}

/** A component looser than this many times the tightest one adds under 10% of the information: left out. */
export const LOOSENESS_LIMIT = 3;
/** Methods share inputs (Epoch's figures are often 6ND themselves): never narrow below 75% of the tightest σ. */
export const DEPENDENCE_FLOOR = 0.75;

/** Two direct methods further apart than this factor cannot both be right: the estimators' `prevailsOver` decide. */
export const CONFLICT_FACTOR = 3;

/**
 * Applies the precedence rules the estimators carry (`prevailsOver`) to the used components: the losing method
 * of a pair further apart than {@link CONFLICT_FACTOR} is left out. Returns the largest such disagreement in
 * log10 (0 when none), which sets a floor on the combined σ so that the 90% interval reaches half-way to the
 * dropped figure.
 */
function resolveConflicts(candidates: readonly RankedComponent[]): number {
  let largest = 0;
  for (const preferred of candidates) {
    for (const rule of preferred.prevailsOver ?? []) {
      if (!preferred.component.used) continue;
      const other = candidates.find(
        (entry) => entry.component.used && entry.component.method === rule.method,
      );
      if (!other) continue;
      const gap = Math.abs(Math.log10(preferred.component.median / other.component.median));
      if (gap <= Math.log10(CONFLICT_FACTOR)) continue;
      other.component.used = false;
      other.component.excludedBecause = `${formatFlop(other.component.median)} disagrees with ${preferred.component.method} (${formatFlop(preferred.component.median)}) by more than ×${CONFLICT_FACTOR}, and ${rule.reason}`;
      largest = Math.max(largest, gap);
    }
  }
  return largest;
}

/**
 * Combines the applicable components in log10 space. Components already marked unused stay out, and so do
 * imputations and bounds (`kind` other than `direct`) when a direct method applied, and the losers of a
 * conflict (two direct methods over ×{@link CONFLICT_FACTOR} apart, by the estimators' `prevailsOver`). Of the rest,
 * any whose σ is over 3× the tightest is left out (the tighter method sets the estimate), except the most
 * trusted one (a reported figure always takes part, at its own weight); the remaining ones are
 * averaged with weights 1/σ². Their disagreement widens the result: σ is multiplied by the Birge ratio
 * √(χ²/(k − 1)) when it exceeds 1, χ² = Σ wᵢ(μᵢ − μ̄)². Mutates `used`/`excludedBecause` of the components.
 */
export function combineComponents(ranked: RankedComponent[]): Combination | null {
  const isDirect = (entry: RankedComponent) => (entry.kind ?? 'direct') === 'direct';
  const hasDirect = ranked.some((entry) => entry.component.used && isDirect(entry));
  if (hasDirect) {
    for (const entry of ranked) {
      if (entry.component.used && !isDirect(entry)) {
        entry.component.used = false;
        entry.component.excludedBecause = 'an imputation, and direct evidence about this model applied';
      }
    }
  }
  const conflictGap = resolveConflicts(ranked);
  const candidates = ranked.filter((entry) => entry.component.used);
  if (candidates.length === 0) return null;
  // A conflict resolved by a rule still says the inputs are shaky: the interval reaches half-way to the loser.
  const conflictSigma = conflictGap / (2 * Z90);
  const tightest = candidates.reduce((best, entry) =>
    entry.component.log10Sigma < best.component.log10Sigma ||
    (entry.component.log10Sigma === best.component.log10Sigma && entry.priority < best.priority)
      ? entry
      : best,
  );
  const primary = candidates.reduce((best, entry) => (entry.priority < best.priority ? entry : best));
  const sigmaMin = Math.max(tightest.component.log10Sigma, 1e-6);
  const kept: RankedComponent[] = [];
  for (const entry of candidates) {
    if (entry !== tightest && entry !== primary && entry.component.log10Sigma > LOOSENESS_LIMIT * sigmaMin) {
      entry.component.used = false;
      entry.component.excludedBecause = `much looser than ${tightest.component.method} (σ ${entry.component.log10Sigma.toFixed(2)} vs ${tightest.component.log10Sigma.toFixed(2)} dex)`;
    } else kept.push(entry);
  }
  kept.sort((left, right) => left.priority - right.priority);
  const excludedText = ranked
    .filter((entry) => !entry.component.used)
    .map((entry) => `${entry.component.method} left out: ${entry.component.excludedBecause}`)
    .join('; ');
  if (kept.length === 1) {
    const only = kept[0] as RankedComponent;
    const result: Combination = {
      median: only.component.median,
      log10Sigma: Math.max(only.component.log10Sigma, conflictSigma),
      method: only.component.method,
      combination: `${only.component.method} set the estimate${ranked.length > 1 ? ` (${excludedText})` : ' (the only method that applied)'}${conflictSigma > only.component.log10Sigma ? `; σ widened to ${conflictSigma.toFixed(3)} dex so the 90% interval reaches half-way to the conflicting figure` : ''}.`,
    };
    if (only.breakdown) result.breakdown = only.breakdown;
    return result;
  }
  const weights = kept.map((entry) => 1 / Math.max(entry.component.log10Sigma, 1e-6) ** 2);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const means = kept.map((entry) => Math.log10(entry.component.median));
  const mean = means.reduce((sum, value, index) => sum + value * (weights[index] as number), 0) / totalWeight;
  const chiSquare = means.reduce(
    (sum, value, index) => sum + (weights[index] as number) * (value - mean) ** 2,
    0,
  );
  const birge = Math.sqrt(chiSquare / (kept.length - 1));
  let sigma = 1 / Math.sqrt(totalWeight);
  const widened = birge > 1;
  if (widened) sigma *= birge;
  const floored = sigma < DEPENDENCE_FLOOR * sigmaMin;
  if (floored) sigma = DEPENDENCE_FLOOR * sigmaMin;
  const conflictWidened = conflictSigma > sigma;
  if (conflictWidened) sigma = conflictSigma;
  const median = 10 ** mean;
  const parts = kept.map(
    (entry, index) =>
      `${entry.component.method} ${formatFlop(entry.component.median)} (σ ${entry.component.log10Sigma.toFixed(2)}, weight ${((weights[index] as number) / totalWeight).toFixed(2)})`,
  );
  const combination =
    `precision-weighted mean in log10 space of ${parts.join(', ')} = ${formatFlop(median)}; ` +
    `χ² = ${chiSquare.toFixed(2)} on ${kept.length - 1} df (Birge ratio ${birge.toFixed(2)})${widened ? ', so σ was widened by that ratio' : ', methods agree'}` +
    `${floored ? `; σ floored at ${DEPENDENCE_FLOOR}× the tightest method's because methods share inputs` : ''}` +
    `${conflictWidened ? '; σ widened so the 90% interval reaches half-way to the conflicting figure left out' : ''}; σ = ${sigma.toFixed(3)} dex (${confidenceFromSigma(sigma)}).` +
    `${excludedText ? ` ${excludedText}.` : ''}`;
  const heaviest = kept.reduce((best, entry, index) =>
    (weights[index] as number) > (weights[kept.indexOf(best)] as number) ? entry : best,
  );
  const result: Combination = { median, log10Sigma: sigma, method: 'combined', combination };
  if (heaviest.breakdown) result.breakdown = heaviest.breakdown;
  return result;
}

/** The component of one result: interval from median and σ. */
export function toComponent(
  method: string,
  median: number,
  log10Sigma: number,
  inputs: EstimateComponent['inputs'],
  reasoning: string,
): EstimateComponent {
  return {
    method,
    median,
    interval90: intervalFromSigma(median, log10Sigma),
    log10Sigma,
    inputs,
    reasoning,
    used: true,
  };
}
