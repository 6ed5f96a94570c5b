import {
  type ComputeEstimate,
  type Confidence,
  DEFAULT_STATUS_CUTS,
  DEFAULT_THRESHOLD,
  type StatusCutPoints,
  type ThresholdAssessment,
  type ThresholdStatus,
} from '@tracker/schema';

/** z of the 95th percentile of the standard normal: a 90% interval is median ×/÷ 10^(Z90·σ). */
export const Z90 = 1.6448536269514722;

export type { StatusCutPoints } from '@tracker/schema';

// The defaults are defined once, in `@tracker/schema`; re-exported here for the modules of this package only.
export { DEFAULT_THRESHOLD };

/** Standard normal CDF Φ(x), via the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
export function normalCdf(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** The 90% interval of a log-normal belief with this median and log10 standard deviation. */
export function intervalFromSigma(median: number, log10Sigma: number): [number, number] {
  const factor = 10 ** (Z90 * log10Sigma);
  return [median / factor, median * factor];
}

/** The log10 standard deviation whose 90% interval reaches ×`factor` either side of the median. */
export function sigmaFromFactor(factor: number): number {
  return Math.log10(factor) / Z90;
}

/**
 * P(compute > threshold) for a log-normal estimate: 1 − Φ((log10 T − μ)/σ). With σ = 0 it is 1 when the
 * median is above the threshold and 0 otherwise.
 *
 * @example
 * probabilityAbove({ median: 3e25, log10Sigma: 0.3 }, 1e25); // ≈ 0.95
 */
export function probabilityAbove(
  estimate: Pick<ComputeEstimate, 'median' | 'log10Sigma'>,
  threshold = DEFAULT_THRESHOLD,
): number {
  const mu = Math.log10(estimate.median);
  const t = Math.log10(threshold);
  if (!(estimate.log10Sigma > 0)) return mu > t ? 1 : 0;
  const p = 1 - normalCdf((t - mu) / estimate.log10Sigma);
  return Math.min(1, Math.max(0, p));
}

/** The status for a probability, with the given cut points. */
export function statusFromProbability(
  probability: number | null,
  cutPoints: StatusCutPoints = DEFAULT_STATUS_CUTS,
): ThresholdStatus {
  if (probability === null) return 'unknown';
  if (probability >= cutPoints.above) return 'above';
  if (probability >= cutPoints.likelyAbove) return 'likely-above';
  if (probability > cutPoints.below) return 'likely-below';
  return 'below';
}

/** The ThresholdAssessment of an estimate (or of no estimate: `unknown`). */
export function assessThreshold(
  estimate: Pick<ComputeEstimate, 'median' | 'log10Sigma'> | null,
  threshold = DEFAULT_THRESHOLD,
  cutPoints: StatusCutPoints = DEFAULT_STATUS_CUTS,
): ThresholdAssessment {
  if (estimate === null) return { threshold, probabilityAbove: null, status: 'unknown' };
  const probability = probabilityAbove(estimate, threshold);
  return { threshold, probabilityAbove: probability, status: statusFromProbability(probability, cutPoints) };
}

/** Confidence label from the 90% interval: within ×3 of the median → confident, ×10 → likely, else speculative. */
export function confidenceFromSigma(log10Sigma: number): Confidence {
  const halfWidth = Z90 * log10Sigma;
  if (halfWidth <= Math.log10(3) + 1e-9) return 'confident';
  if (halfWidth <= 1 + 1e-9) return 'likely';
  return 'speculative';
}

const quantileCache = new Map<string, number>();

/** Quantile of Student's t distribution (two-sided 90% uses p = 0.95), by bisection on its CDF; memoised. */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) return Number.POSITIVE_INFINITY;
  const key = `${p}|${degreesOfFreedom}`;
  const cached = quantileCache.get(key);
  if (cached !== undefined) return cached;
  const value = bisectQuantile(p, degreesOfFreedom);
  if (quantileCache.size < 10_000) quantileCache.set(key, value);
  return value;
}

function bisectQuantile(p: number, degreesOfFreedom: number): number {
  let low = 0;
  let high = 1000;
  for (let iteration = 0; iteration < 200; iteration++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, degreesOfFreedom) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** CDF of Student's t, through the regularized incomplete beta function. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  const x = degreesOfFreedom / (degreesOfFreedom + t * t);
  const tail = 0.5 * regularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0] as number;
  for (let index = 1; index < coefficients.length; index++)
    sum += (coefficients[index] as number) / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  // Lentz's method (Numerical Recipes §6.4).
  const tiny = 1e-30;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 3e-14) break;
  }
  return h;
}
