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
import { invert, solve } from '../regression';

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
/** The fit iterates until β, σ and τ move by less than {@link TOLERANCE}, at most {@link MAX_ITERATIONS} rounds. */
const MAX_ITERATIONS = 2000;
const TOLERANCE = 1e-6;

/**
 * Up to this many references, each one's leave-one-out prediction comes from an exact refit without it: n refits
 * of n rows, quadratic. Above it, K-fold cross-fitting ({@link CROSS_FIT_FOLDS} refits, linear): each reference is
 * predicted by a fit that excluded its whole fold. Both are honest (the reference's compute is in no fit that
 * predicts it); the committed data (about a hundred references) stays on the exact path.
 */
export const EXACT_LOO_MAX_ROWS = 400;
/** Folds of the cross-fit above {@link EXACT_LOO_MAX_ROWS}: each fold fit keeps 95% of the references. */
export const CROSS_FIT_FOLDS = 20;

/**
 * Fold of each row for the cross-fit, aligned with `rows`: rows with the same group key (one model's points,
 * e.g. its loose name) share a fold, so leaving a model's fold out leaves out all its points; groups are dealt
 * round-robin in row order, so folds differ in size by at most the largest group. Deterministic.
 */
export function assignFolds<Row>(
  rows: readonly Row[],
  folds: number,
  groupOf: (row: Row) => string,
): number[] {
  const foldOfGroup = new Map<string, number>();
  return rows.map((row) => {
    const group = groupOf(row);
    let fold = foldOfGroup.get(group);
    if (fold === undefined) {
      fold = foldOfGroup.size % folds;
      foldOfGroup.set(group, fold);
    }
    return fold;
  });
}

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

/**
 * Fits the model from the prior (every fit, including each leave-one-out refit, starts cold: a refit started from
 * the full fit would begin at a point the held-out reference helped place).
 */
export function fitComputeModel(rows: readonly ComputeRow[]): ComputeModel | null {
  const p = COEFFICIENT_PRIOR.length;
  if (rows.length < 4) return null;
  let beta = COEFFICIENT_PRIOR.map((prior) => prior.mean);
  let sigma = 0.5;
  let tau = 0.3;
  const weights = rows.map(() => 1);
  const nonZero = rows.map((row) => row.x.flatMap((value, index) => (value === 0 ? [] : [index])));
  const developers = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (!row.developer) return;
    const list = developers.get(row.developer);
    if (list) list.push(index);
    else developers.set(row.developer, [index]);
  });
  const effects = new Map<string, number>();
  const developerList = [...developers.entries()];
  let covariance: number[][] = [];
  const fitted = new Array<number>(rows.length).fill(0);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const previous = { beta, sigma, tau };
    // β and the developer effects u jointly, given σ, τ and the weights (the mixed model's normal equations,
    // solved through the Schur complement of the diagonal u block): weighted ridge toward the prior mean for β,
    // toward 0 with precision 1/τ² for each u_d. Solving them one after the other converges far more slowly.
    const s2 = sigma * sigma;
    const a = Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) =>
        i === j ? 1 / (COEFFICIENT_PRIOR[i] as { sd: number }).sd ** 2 : 0,
      ),
    );
    const b = COEFFICIENT_PRIOR.map((prior) => prior.mean / prior.sd ** 2);
    rows.forEach((row, index) => {
      const w = (weights[index] as number) / s2;
      // Only the non-zero columns of x (about half of them) enter the sums.
      const columns = nonZero[index] as number[];
      for (const i of columns) {
        const wxi = w * (row.x[i] as number);
        b[i] = (b[i] as number) + wxi * row.y;
        const ai = a[i] as number[];
        for (const j of columns) ai[j] = (ai[j] as number) + wxi * (row.x[j] as number);
      }
    });
    // β's own precision (given u) gives its covariance and the leverage below.
    const inverse = invert(a);
    if (!inverse) return null;
    covariance = inverse;
    const schur = a.map((line) => [...line]);
    const right = [...b];
    const blocks = developerList.map(([, members]) => {
      let sw = 0;
      let swy = 0;
      const cross = new Array<number>(p).fill(0);
      for (const index of members) {
        const w = (weights[index] as number) / s2;
        const row = rows[index] as ComputeRow;
        sw += w;
        swy += w * row.y;
        for (const i of nonZero[index] as number[])
          cross[i] = (cross[i] as number) + w * (row.x[i] as number);
      }
      const precision = sw + 1 / (tau * tau);
      for (let i = 0; i < p; i++) {
        const ci = cross[i] as number;
        if (ci === 0) continue;
        right[i] = (right[i] as number) - (ci * swy) / precision;
        const line = schur[i] as number[];
        for (let j = 0; j < p; j++) line[j] = (line[j] as number) - (ci * (cross[j] as number)) / precision;
      }
      return { sw, swy, cross, precision };
    });
    const solved = solve(schur, right);
    if (!solved) return null;
    beta = solved;
    // Degrees of freedom the fit spends: the trace of its hat matrix (fixed part, then the developer effects).
    // Fixed part: Σ (w/σ²) xᵀA⁻¹x = tr(A⁻¹(A − prior precision)) = p − Σ_k (A⁻¹)_kk / sd_k².
    let spent = p;
    for (let k = 0; k < p; k++)
      spent -= ((inverse[k] as number[])[k] as number) / (COEFFICIENT_PRIOR[k] as { sd: number }).sd ** 2;
    rows.forEach((row, index) => {
      fitted[index] = dot(row.x, beta);
    });
    // Developer effects from the joint solution. τ² by the fixed point τ² = Σu² / Σγ with γ_d = 1 − Var(u_d)/τ²
    // (the share of u_d the data determine; MacKay 1992): it has the EM update's fixed point,
    // τ² = (Σu² + ΣVar u)/D, but reaches it in far fewer rounds. EM's own step when Σγ is too small.
    let squares = 0;
    let variances = 0;
    developerList.forEach(([developer], k) => {
      const block = blocks[k] as (typeof blocks)[number];
      const effect = (block.swy - dot(block.cross, beta)) / block.precision;
      effects.set(developer, effect);
      spent += block.sw / block.precision;
      squares += effect * effect;
      variances += 1 / block.precision;
    });
    if (developerList.length > 0) {
      const determined = developerList.length - variances / (tau * tau);
      const next = determined > 0.5 ? squares / determined : (squares + variances) / developerList.length;
      tau = Math.max(TAU_FLOOR, Math.sqrt(next));
    }
    // Residual scale and Student-t weights.
    let ss = 0;
    const residuals = rows.map((row, index) => {
      const r = row.y - (fitted[index] as number) - (row.developer ? (effects.get(row.developer) ?? 0) : 0);
      ss += (weights[index] as number) * r * r;
      return r;
    });
    // The residual scale over the degrees of freedom left (not n: with few references a fit of a dozen columns
    // and a developer effect each would otherwise explain them nearly exactly and call itself precise).
    sigma = Math.max(0.05, Math.sqrt(ss / Math.max(1, rows.length - spent)));
    residuals.forEach((r, index) => {
      weights[index] = (STUDENT_NU + 1) / (STUDENT_NU + (r * r) / (sigma * sigma));
    });
    let change = Math.max(Math.abs(sigma - previous.sigma), Math.abs(tau - previous.tau));
    for (let index = 0; index < p; index++)
      change = Math.max(change, Math.abs((beta[index] as number) - (previous.beta[index] as number)));
    if (change < TOLERANCE) break;
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
  for (const index of rowsOfDeveloper(model, developer)) {
    const row = model.rows[index] as ComputeRow;
    const kernel = Math.exp(-((row.capability - capability) ** 2) / (2 * DEVELOPER_KERNEL ** 2));
    const weight = kernel * (model.weights[index] as number);
    const residual = row.y - (model.fitted[index] as number);
    sw += weight;
    swr += weight * residual;
    peers.push({ name: row.name, weight, residual, computeFlop: row.computeFlop });
  }
  const precision = sw / s2 + 1 / tau2;
  return { effect: swr / s2 / precision, variance: 1 / precision, peers };
}

/** Row indices of each developer, in row order, built once per fit (each estimate asks; a scan is quadratic). */
const developerRows = new WeakMap<ComputeModel, Map<string, number[]>>();

function rowsOfDeveloper(model: ComputeModel, developer: string): readonly number[] {
  let index = developerRows.get(model);
  if (!index) {
    index = new Map();
    model.rows.forEach((row, position) => {
      if (!row.developer) return;
      const list = (index as Map<string, number[]>).get(row.developer);
      if (list) list.push(position);
      else (index as Map<string, number[]>).set(row.developer, [position]);
    });
    developerRows.set(model, index);
  }
  return index.get(developer) ?? [];
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
  const sorted = [...errors].sort((left, right) => left - right);
  return calibrationFromSorted(sorted.length, (index) => sorted[index] as number);
}

/**
 * The same map from errors already in ascending order, read through `valueAt(i)` (the i-th smallest of `count`):
 * a caller that removes a few errors from a sorted list reads around them instead of sorting again.
 */
export function calibrationFromSorted(count: number, valueAt: (index: number) => number): Calibration {
  if (count < MIN_CALIBRATION_POINTS) return { ...IDENTITY_CALIBRATION, count };
  const at = (q: number) => {
    const position = (count - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return valueAt(low) + (valueAt(high) - valueAt(low)) * (position - low);
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
    count,
  };
}
