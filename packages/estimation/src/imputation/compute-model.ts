/**
 * log10(compute) from latent capability, release date, bounding facts and a developer effect partially pooled
 * toward its group, with Student-t residuals fitted by iteratively reweighted least squares (no reference is
 * dropped; a far-off one just weighs less). Pure and deterministic.
 *
 *   y_m = x_mᵀβ + u_{d(m)} + ε_m,   u_d ~ N(0, τ²),   ε_m ~ t_ν(0, σ²),   β ~ N(β₀, diag(prior²))
 *
 * x_m = [1, capability, year − 2024, tier word, open weights, has N, has N·(log10 N − 10), has price,
 * has price·log10 price, closed-frontier group, open-weight group] (groups against "other").
 */
import { invert } from '../regression';

/** Names of the columns of x, in order (the reasoning prints them). */
export const FEATURES = [
  'intercept',
  'capability',
  'year − 2024',
  'tier word',
  'open weights',
  'N known',
  'log10 N − 10',
  'price known',
  'log10 price',
  'closed-frontier group',
  'open-weight group',
  'API-only × closed-frontier group',
] as const;

/**
 * The prior on β: mean and standard deviation per column. Weakly informative except the date slope, which is
 * the algorithmic-progress prior (−0.45 dex/year ± 0.15: Ho et al. 2024, https://arxiv.org/abs/2403.05812).
 * The N slope is centred on 1 (compute ∝ N at a given data size), the rest on 0.
 */
export const COEFFICIENT_PRIOR: readonly { mean: number; sd: number }[] = [
  { mean: 24, sd: 10 },
  { mean: 0, sd: 10 },
  { mean: -0.45, sd: 0.15 },
  { mean: 0, sd: 0.5 },
  { mean: 0, sd: 0.5 },
  { mean: 0, sd: 1 },
  { mean: 1, sd: 0.5 },
  { mean: 0, sd: 0.5 },
  { mean: 0, sd: 0.5 },
  { mean: 0, sd: 1 },
  { mean: 0, sd: 1 },
  { mean: 0, sd: 1 },
];
export const DATE_SLOPE_URL = 'https://arxiv.org/abs/2403.05812';
/** Degrees of freedom of the Student-t residuals: ν = 4, heavy tails with a finite variance (Lange et al. 1989). */
export const STUDENT_NU = 4;
/** Width, in capability units, of the kernel that weighs a developer's references by nearness in capability. */
export const DEVELOPER_KERNEL = 1;
/** Floor of τ (dex): developers are never assumed identical. */
const TAU_FLOOR = 0.1;
const ITERATIONS = 30;
const REFIT_ITERATIONS = 12;

/** One row of the compute fit. */
export interface ComputeRow {
  id: string;
  name: string;
  x: number[];
  y: number;
  developer: string | null;
  capability: number;
  computeFlop: number;
  source?: string;
}

export interface ComputeModel {
  beta: number[];
  covariance: number[][];
  sigma: number;
  tau: number;
  rows: readonly ComputeRow[];
  /** Robust weight of each row (Student-t), aligned with rows. */
  weights: number[];
  /** Fitted values xᵀβ of each row. */
  fitted: number[];
}

interface WarmStart {
  beta: number[];
  sigma: number;
  tau: number;
  weights: Map<string, number>;
  developerEffects: Map<string, number>;
}

/** Fits the model; `warm` starts from an earlier fit (a leave-one-out refit converges in a few steps). */
export function fitComputeModel(rows: readonly ComputeRow[], warm?: ComputeModel): ComputeModel | null {
  const p = COEFFICIENT_PRIOR.length;
  if (rows.length < 4) return null;
  const start: WarmStart | null = warm
    ? {
        beta: warm.beta,
        sigma: warm.sigma,
        tau: warm.tau,
        weights: new Map(warm.rows.map((row, index) => [row.id, warm.weights[index] as number])),
        developerEffects: new Map(),
      }
    : null;
  let beta = start ? [...start.beta] : COEFFICIENT_PRIOR.map((prior) => prior.mean);
  let sigma = start?.sigma ?? 0.5;
  let tau = start?.tau ?? 0.3;
  const weights = rows.map((row) => start?.weights.get(row.id) ?? 1);
  const developers = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (!row.developer) return;
    const list = developers.get(row.developer);
    if (list) list.push(index);
    else developers.set(row.developer, [index]);
  });
  const effects = new Map<string, number>();
  let covariance: number[][] = [];
  const iterations = start ? REFIT_ITERATIONS : ITERATIONS;
  const fitted = new Array<number>(rows.length).fill(0);
  for (let iteration = 0; iteration < iterations; iteration++) {
    // β given the developer effects and weights: weighted ridge toward the prior mean.
    const a = Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) =>
        i === j ? 1 / (COEFFICIENT_PRIOR[i] as { sd: number }).sd ** 2 : 0,
      ),
    );
    const b = COEFFICIENT_PRIOR.map((prior) => prior.mean / prior.sd ** 2);
    const s2 = sigma * sigma;
    rows.forEach((row, index) => {
      const w = (weights[index] as number) / s2;
      const target = row.y - (row.developer ? (effects.get(row.developer) ?? 0) : 0);
      for (let i = 0; i < p; i++) {
        const xi = row.x[i] as number;
        if (xi === 0) continue;
        b[i] = (b[i] as number) + w * xi * target;
        const ai = a[i] as number[];
        for (let j = 0; j < p; j++) ai[j] = (ai[j] as number) + w * xi * (row.x[j] as number);
      }
    });
    const inverse = invert(a);
    if (!inverse) return null;
    covariance = inverse;
    beta = inverse.map((line) => line.reduce((sum, value, j) => sum + value * (b[j] as number), 0));
    rows.forEach((row, index) => {
      fitted[index] = dot(row.x, beta);
    });
    // Developer effects: shrunk weighted mean residual; τ² by its EM update.
    let tauSum = 0;
    let tauCount = 0;
    for (const [developer, members] of developers) {
      let sw = 0;
      let swr = 0;
      for (const index of members) {
        sw += weights[index] as number;
        swr += (weights[index] as number) * ((rows[index] as ComputeRow).y - (fitted[index] as number));
      }
      const precision = sw / s2 + 1 / (tau * tau);
      const effect = swr / s2 / precision;
      effects.set(developer, effect);
      tauSum += effect * effect + 1 / precision;
      tauCount++;
    }
    if (tauCount > 0) tau = Math.max(TAU_FLOOR, Math.sqrt(tauSum / tauCount));
    // Residual scale and Student-t weights.
    let ss = 0;
    const residuals = rows.map((row, index) => {
      const r = row.y - (fitted[index] as number) - (row.developer ? (effects.get(row.developer) ?? 0) : 0);
      ss += (weights[index] as number) * r * r;
      return r;
    });
    sigma = Math.max(0.05, Math.sqrt(ss / rows.length));
    residuals.forEach((r, index) => {
      weights[index] = (STUDENT_NU + 1) / (STUDENT_NU + (r * r) / (sigma * sigma));
    });
  }
  return { beta, covariance, sigma, tau, rows, weights, fitted };
}

/** A developer's effect for a model at `capability`: its references weighed by nearness in capability. */
export interface DeveloperEffect {
  effect: number;
  variance: number;
  /** The references it came from, with their kernel weight and residual from the fixed part. */
  peers: { name: string; weight: number; residual: number; computeFlop: number }[];
}

export function developerEffect(
  model: ComputeModel,
  developer: string | null,
  capability: number,
): DeveloperEffect {
  const s2 = model.sigma * model.sigma;
  const tau2 = model.tau * model.tau;
  if (!developer) return { effect: 0, variance: tau2, peers: [] };
  let sw = 0;
  let swr = 0;
  const peers: DeveloperEffect['peers'] = [];
  model.rows.forEach((row, index) => {
    if (row.developer !== developer) return;
    const kernel = Math.exp(-((row.capability - capability) ** 2) / (2 * DEVELOPER_KERNEL ** 2));
    const weight = kernel * (model.weights[index] as number);
    const residual = row.y - (model.fitted[index] as number);
    sw += weight;
    swr += weight * residual;
    peers.push({ name: row.name, weight, residual, computeFlop: row.computeFlop });
  });
  const precision = sw / s2 + 1 / tau2;
  return { effect: swr / s2 / precision, variance: 1 / precision, peers };
}

/** Mean and standard deviation (before calibration) of log10 compute for a model with features x. */
export function predictCompute(
  model: ComputeModel,
  x: readonly number[],
  developer: DeveloperEffect,
  extraVariance: number,
): { mean: number; sd: number; fixed: number } {
  const fixed = dot(x, model.beta);
  const leverage = x.reduce((sum, xi, i) => sum + xi * dot(model.covariance[i] as number[], x), 0);
  const variance = model.sigma ** 2 + Math.max(0, leverage) + developer.variance + extraVariance;
  return { mean: fixed + developer.effect, sd: Math.sqrt(variance), fixed };
}

function dot(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] as number) * (right[index] as number);
  return sum;
}

/**
 * The calibration map, fitted on leave-one-out predictions: each reference's standardised error
 * e = (log10 C_true − μ_loo)/s_loo. With a = median(e) and k = (q90(e) − q10(e)) / (2 · 1.2816) — the normal
 * matched to the central 80% of the errors, where the decisions (P between 0.1 and 0.9) are made, rather than
 * to a few gross misses that the Student-t fit already down-weights — μ' = μ + a·s and s' = k·s:
 * P(above) = Φ((μ' − log10 T)/s') = Φ((z + a)/k) with z = (μ − log10 T)/s, a monotone map of P. Threshold-free,
 * so it uses every reference, not only those near the line.
 */
export interface Calibration {
  /** Shift of the mean, in units of s. */
  shift: number;
  /** Factor on s. */
  scale: number;
  /** Factor on s above the median, (q90 − q50)/1.2816, and below it, (q50 − q10)/1.2816 (a split normal). */
  scaleUp: number;
  scaleDown: number;
  count: number;
}

export const IDENTITY_CALIBRATION: Calibration = Object.freeze({
  shift: 0,
  scale: 1,
  scaleUp: 1,
  scaleDown: 1,
  count: 0,
});

/** Too few leave-one-out errors to fit a map: the identity is used. */
export const MIN_CALIBRATION_POINTS = 10;
/** z of the 90th percentile of the standard normal. */
const Z10_90 = 1.2815515655446004;

export function fitCalibration(errors: readonly number[]): Calibration {
  if (errors.length < MIN_CALIBRATION_POINTS) return { ...IDENTITY_CALIBRATION, count: errors.length };
  const sorted = [...errors].sort((left, right) => left - right);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
  };
  const shift = at(0.5);
  const scale = (at(0.9) - at(0.1)) / (2 * Z10_90);
  const up = (at(0.9) - shift) / Z10_90;
  const down = (shift - at(0.1)) / Z10_90;
  return {
    shift,
    scale: scale > 0 ? scale : 1,
    scaleUp: up > 0 ? up : 1,
    scaleDown: down > 0 ? down : 1,
    count: errors.length,
  };
}
