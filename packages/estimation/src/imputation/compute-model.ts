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
import { choleskyInto, choleskyInverseFactorInto, choleskySolveInto } from '../regression';

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
  /** Rounds of the fit evaluated until one moved β, σ and τ less than the tolerance. */
  rounds: number;
}

/**
 * Buffers of one fit, reused by the next (fits run one at a time, synchronously, and each starts by overwriting
 * every buffer it reads, so nothing of one fit reaches the next). Grown when a fit has more rows.
 */
class FitWorkspace {
  readonly rows: number;
  /** x of every row, row-major n × p, and y. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Developer index of each row (order of first appearance), −1 for none. */
  readonly developer: Int32Array;
  /** The non-zero columns of each row's x (n × p, the first `columnCount[m]` used). */
  readonly columns: Int32Array;
  readonly columnCount: Int32Array;
  /**
   * The products x_i·x_j (i ≥ j, both non-zero) of each row with their place in the lower triangle of A, and
   * x_i·y: constant over the rounds, so a round only weighs them. Row m's are at [termStart[m], termStart[m+1]).
   */
  readonly termPlace: Int32Array;
  readonly termValue: Float64Array;
  readonly termStart: Int32Array;
  readonly xy: Float64Array;
  /** Per developer: Σw, Σwy, Σwx (D × p), the precision of its effect and the effect. */
  readonly sw: Float64Array;
  readonly swy: Float64Array;
  readonly cross: Float64Array;
  readonly precision: Float64Array;
  readonly effect: Float64Array;
  /** The normal equations of β (a, b), their Schur complement (schur, right), factors and solutions. */
  readonly a = new Float64Array(P * P);
  readonly b = new Float64Array(P);
  readonly schur = new Float64Array(P * P);
  readonly right = new Float64Array(P);
  readonly factor = new Float64Array(P * P);
  readonly inverse = new Float64Array(P * P);
  /** β of the current round and of the one before. */
  beta = new Float64Array(P);
  previousBeta = new Float64Array(P);
  /** β of the second plain round of an acceleration cycle (the fallback's previous β). */
  readonly fallbackBeta = new Float64Array(P);
  readonly fitted: Float64Array;
  /**
   * States θ = (σ, τ, w_1 … w_n) of the fixed-point map (β and the developer effects follow from θ):
   * the start of a cycle, its two plain rounds, the extrapolated point and its image.
   */
  start: Float64Array;
  first: Float64Array;
  second: Float64Array;
  jump: Float64Array;
  landed: Float64Array;

  constructor(rows: number) {
    this.rows = rows;
    this.x = new Float64Array(rows * P);
    this.y = new Float64Array(rows);
    this.developer = new Int32Array(rows);
    this.columns = new Int32Array(rows * P);
    this.columnCount = new Int32Array(rows);
    this.termPlace = new Int32Array((rows * P * (P + 1)) / 2);
    this.termValue = new Float64Array((rows * P * (P + 1)) / 2);
    this.termStart = new Int32Array(rows + 1);
    this.xy = new Float64Array(rows * P);
    this.sw = new Float64Array(rows);
    this.swy = new Float64Array(rows);
    this.cross = new Float64Array(rows * P);
    this.precision = new Float64Array(rows);
    this.effect = new Float64Array(rows);
    this.fitted = new Float64Array(rows);
    this.start = new Float64Array(rows + 2);
    this.first = new Float64Array(rows + 2);
    this.second = new Float64Array(rows + 2);
    this.jump = new Float64Array(rows + 2);
    this.landed = new Float64Array(rows + 2);
  }
}

const P = COEFFICIENT_PRIOR.length;
/** Prior precision 1/sd² and precision-weighted mean of each column of β. */
const PRIOR_PRECISION = Float64Array.from(COEFFICIENT_PRIOR, (prior) => 1 / prior.sd ** 2);
const PRIOR_SHIFT = Float64Array.from(COEFFICIENT_PRIOR, (prior) => prior.mean / prior.sd ** 2);
/** Largest Student-t weight, (ν + 1)/ν (a residual of 0). */
const MAX_WEIGHT = (STUDENT_NU + 1) / STUDENT_NU;
/** Floor of σ (dex). */
const SIGMA_FLOOR = 0.05;

let sharedWorkspace: FitWorkspace | null = null;

function workspaceFor(rows: number): FitWorkspace {
  if (!sharedWorkspace || sharedWorkspace.rows < rows) sharedWorkspace = new FitWorkspace(rows);
  return sharedWorkspace;
}

/**
 * Fits the model from the prior (every fit, including each leave-one-out refit, starts cold: a refit started from
 * the full fit would begin at a point the held-out reference helped place).
 *
 * One round of the fit is a map θ → F(θ) of θ = (σ, τ, Student-t weights); β and the developer effects are
 * solved within it. The fit iterates F until a round moves β, σ and τ by less than {@link TOLERANCE}, and that
 * round's result is the fit. The rounds are accelerated by SQUAREM (Varadhan & Roland 2008, scheme S3): after two
 * plain rounds θ₁ = F(θ₀), θ₂ = F(θ₁), with r = θ₁ − θ₀ and v = θ₂ − 2θ₁ + θ₀, it steps to
 * θ′ = θ₀ + 2αr + α²v (α = ‖r‖/‖v‖, at least 1, which is θ₂), and the next cycle starts from F(θ′). The same
 * fixed point in far fewer rounds; safeguards: α is halved toward 1 until θ′ is a valid state (σ, τ above their
 * floors, weights in (0, (ν+1)/ν]), and when F(θ′) moves more than the cycle's first round did, the cycle falls
 * back to θ₂ and the step bound restarts at 1. Only rounds that follow a plain round are tested for convergence
 * (the extrapolated point has no round before it), so the stopping rule is the plain iteration's.
 */
export function fitComputeModel(
  rows: readonly ComputeRow[],
  { accelerate = true }: { accelerate?: boolean } = {},
): ComputeModel | null {
  const n = rows.length;
  if (n < 4) return null;
  const ws = workspaceFor(n);
  const developers = loadRows(ws, rows);
  ws.start[0] = 0.5;
  ws.start[1] = 0.3;
  ws.start.fill(1, 2, n + 2);
  ws.previousBeta.set(PRIOR_MEAN);
  let rounds = 0;
  let stepMax = 1;
  let result: Float64Array | null = null;
  // One round from `input` into `output`; with `checked`, true when it moved β, σ and τ less than the tolerance.
  const round = (input: Float64Array, output: Float64Array, checked: boolean): boolean | null => {
    rounds++;
    if (!fitRound(ws, n, developers, input, output)) return null;
    let change = 0;
    if (checked) {
      change = Math.max(Math.abs(output[0]! - input[0]!), Math.abs(output[1]! - input[1]!));
      for (let k = 0; k < P; k++) change = Math.max(change, Math.abs(ws.beta[k]! - ws.previousBeta[k]!));
    }
    const swap = ws.previousBeta;
    ws.previousBeta = ws.beta;
    ws.beta = swap;
    return checked && change < TOLERANCE;
  };
  const size = n + 2;
  for (;;) {
    const first = round(ws.start, ws.first, true);
    if (first === null) return null;
    if (first || rounds >= MAX_ITERATIONS) {
      result = ws.first;
      break;
    }
    const second = round(ws.first, ws.second, true);
    if (second === null) return null;
    if (second || rounds >= MAX_ITERATIONS) {
      result = ws.second;
      break;
    }
    let rr = 0;
    let vv = 0;
    for (let k = 0; k < size; k++) {
      const r = ws.first[k]! - ws.start[k]!;
      const v = ws.second[k]! - 2 * ws.first[k]! + ws.start[k]!;
      rr += r * r;
      vv += v * v;
    }
    let alpha = vv > 0 && accelerate ? Math.min(stepMax, Math.max(1, Math.sqrt(rr / vv))) : 1;
    // The step bound grows while the steps reach it (Varadhan & Roland's "mstep" of 4).
    if (alpha >= stepMax && accelerate) stepMax *= 4;
    while (alpha > 1 && !extrapolate(ws, size, alpha, n)) alpha = alpha - 1 < 1e-3 ? 1 : (alpha + 1) / 2;
    if (alpha === 1) {
      // The plain step: θ₂ is a plain round's result, so the next round is tested as any other.
      const swap = ws.start;
      ws.start = ws.second;
      ws.second = swap;
      continue;
    }
    ws.fallbackBeta.set(ws.previousBeta);
    const landed = round(ws.jump, ws.landed, false);
    if (landed === null) return null;
    if (rounds >= MAX_ITERATIONS) {
      result = ws.landed;
      break;
    }
    let moved = 0;
    for (let k = 0; k < size; k++) moved += (ws.landed[k]! - ws.jump[k]!) ** 2;
    if (moved > rr) {
      // The extrapolation overshot: continue from θ₂ with plain steps, the step bound restarted.
      stepMax = 1;
      ws.previousBeta.set(ws.fallbackBeta);
      const swap = ws.start;
      ws.start = ws.second;
      ws.second = swap;
      continue;
    }
    const swap = ws.start;
    ws.start = ws.landed;
    ws.landed = swap;
  }
  return finishFit(ws, rows, result, rounds);
}

const PRIOR_MEAN = Float64Array.from(COEFFICIENT_PRIOR, (prior) => prior.mean);

/** Copies the rows into the workspace; returns the number of developers. */
function loadRows(ws: FitWorkspace, rows: readonly ComputeRow[]): number {
  const index = new Map<string, number>();
  let terms = 0;
  ws.termStart[0] = 0;
  for (let m = 0; m < rows.length; m++) {
    const row = rows[m] as ComputeRow;
    ws.y[m] = row.y;
    let count = 0;
    for (let i = 0; i < P; i++) {
      const value = row.x[i] as number;
      ws.x[m * P + i] = value;
      if (value !== 0) ws.columns[m * P + count++] = i;
    }
    ws.columnCount[m] = count;
    for (let ci = 0; ci < count; ci++) {
      const i = ws.columns[m * P + ci]!;
      const xi = ws.x[m * P + i]!;
      ws.xy[m * P + i] = xi * row.y;
      for (let cj = 0; cj <= ci; cj++) {
        const j = ws.columns[m * P + cj]!;
        ws.termPlace[terms] = i * P + j;
        ws.termValue[terms++] = xi * ws.x[m * P + j]!;
      }
    }
    ws.termStart[m + 1] = terms;
    if (row.developer) {
      let d = index.get(row.developer);
      if (d === undefined) {
        d = index.size;
        index.set(row.developer, d);
      }
      ws.developer[m] = d;
    } else ws.developer[m] = -1;
  }
  return index.size;
}

/** Writes θ₀ + 2αr + α²v into `jump`; false when it is not a valid state. */
function extrapolate(ws: FitWorkspace, size: number, alpha: number, n: number): boolean {
  const { start, first, second, jump } = ws;
  for (let k = 0; k < size; k++) {
    const r = first[k]! - start[k]!;
    const v = second[k]! - 2 * first[k]! + start[k]!;
    jump[k] = start[k]! + 2 * alpha * r + alpha * alpha * v;
  }
  if (!(jump[0]! >= SIGMA_FLOOR) || !(jump[1]! >= TAU_FLOOR)) return false;
  for (let m = 0; m < n; m++) {
    const w = jump[m + 2]!;
    if (!(w > 0 && w <= MAX_WEIGHT)) return false;
  }
  return true;
}

/**
 * One round of the fit from θ = `input` into `output`; β into `ws.beta`, the normal equations of β in `ws.a`.
 * False when a system is singular.
 */
function fitRound(
  ws: FitWorkspace,
  n: number,
  developers: number,
  input: Float64Array,
  output: Float64Array,
): boolean {
  const { x, y, columns, columnCount, developer, a, b, sw, swy, cross, precision, effect, fitted } = ws;
  const { termPlace, termValue, termStart, xy } = ws;
  const sigma = input[0]!;
  const tau = input[1]!;
  const s2 = sigma * sigma;
  // β and the developer effects u jointly, given σ, τ and the weights (the mixed model's normal equations,
  // solved through the Schur complement of the diagonal u block): weighted ridge toward the prior mean for β,
  // toward 0 with precision 1/τ² for each u_d. Solving them one after the other converges far more slowly.
  a.fill(0);
  for (let i = 0; i < P; i++) {
    a[i * P + i] = PRIOR_PRECISION[i]!;
    b[i] = PRIOR_SHIFT[i]!;
  }
  sw.fill(0, 0, developers);
  swy.fill(0, 0, developers);
  cross.fill(0, 0, developers * P);
  for (let m = 0; m < n; m++) {
    const w = input[m + 2]! / s2;
    const row = m * P;
    const count = columnCount[m]!;
    const ym = y[m]!;
    // Only the non-zero columns of x (about half of them) enter the sums, and only A's lower triangle (the
    // Cholesky factorisations read no other).
    for (let k = termStart[m]!, end = termStart[m + 1]!; k < end; k++) {
      const place = termPlace[k]!;
      a[place] = a[place]! + w * termValue[k]!;
    }
    for (let ci = 0; ci < count; ci++) {
      const i = columns[row + ci]!;
      b[i] = b[i]! + w * xy[row + i]!;
    }
    const d = developer[m]!;
    if (d >= 0) {
      sw[d] = sw[d]! + w;
      swy[d] = swy[d]! + w * ym;
      const block = d * P;
      for (let ci = 0; ci < count; ci++) {
        const i = columns[row + ci]!;
        cross[block + i] = cross[block + i]! + w * x[row + i]!;
      }
    }
  }
  // Degrees of freedom the fit spends: the trace of its hat matrix (fixed part, then the developer effects).
  // Fixed part: Σ (w/σ²) xᵀA⁻¹x = tr(A⁻¹(A − prior precision)) = p − Σ_k (A⁻¹)_kk / sd_k², with
  // (A⁻¹)_kk = Σ_i (L⁻¹)_ik² from A's Cholesky factor L.
  if (!choleskyInto(a, ws.factor, P)) return false;
  choleskyInverseFactorInto(ws.factor, ws.inverse, P);
  let spent = P;
  for (let k = 0; k < P; k++) {
    let diagonal = 0;
    for (let i = k; i < P; i++) diagonal += ws.inverse[i * P + k]! ** 2;
    spent -= diagonal * PRIOR_PRECISION[k]!;
  }
  const schur = ws.schur;
  const right = ws.right;
  schur.set(a);
  right.set(b);
  const invTau2 = 1 / (tau * tau);
  for (let d = 0; d < developers; d++) {
    const p = sw[d]! + invTau2;
    precision[d] = p;
    const block = d * P;
    for (let i = 0; i < P; i++) {
      const ci = cross[block + i]!;
      if (ci === 0) continue;
      right[i] = right[i]! - (ci * swy[d]!) / p;
      const line = i * P;
      for (let j = 0; j <= i; j++) schur[line + j] = schur[line + j]! - (ci * cross[block + j]!) / p;
    }
  }
  if (!choleskyInto(schur, ws.factor, P)) return false;
  const beta = ws.beta;
  choleskySolveInto(ws.factor, right, beta, P);
  for (let m = 0; m < n; m++) {
    const row = m * P;
    const count = columnCount[m]!;
    let sum = 0;
    for (let ci = 0; ci < count; ci++) {
      const i = columns[row + ci]!;
      sum += x[row + i]! * beta[i]!;
    }
    fitted[m] = sum;
  }
  // Developer effects from the joint solution. τ² by the fixed point τ² = Σu² / Σγ with γ_d = 1 − Var(u_d)/τ²
  // (the share of u_d the data determine; MacKay 1992): it has the EM update's fixed point,
  // τ² = (Σu² + ΣVar u)/D, but reaches it in far fewer rounds. EM's own step when Σγ is too small.
  let squares = 0;
  let variances = 0;
  for (let d = 0; d < developers; d++) {
    const block = d * P;
    let fixed = 0;
    for (let i = 0; i < P; i++) fixed += cross[block + i]! * beta[i]!;
    const u = (swy[d]! - fixed) / precision[d]!;
    effect[d] = u;
    spent += sw[d]! / precision[d]!;
    squares += u * u;
    variances += 1 / precision[d]!;
  }
  let nextTau = tau;
  if (developers > 0) {
    const determined = developers - variances / (tau * tau);
    const next = determined > 0.5 ? squares / determined : (squares + variances) / developers;
    nextTau = Math.max(TAU_FLOOR, Math.sqrt(next));
  }
  // Residual scale and Student-t weights. The residual scale over the degrees of freedom left (not n: with few
  // references a fit of a dozen columns and a developer effect each would otherwise explain them nearly exactly
  // and call itself precise).
  let ss = 0;
  for (let m = 0; m < n; m++) {
    const d = developer[m]!;
    const r = y[m]! - fitted[m]! - (d >= 0 ? effect[d]! : 0);
    output[m + 2] = r;
    ss += input[m + 2]! * r * r;
  }
  const nextSigma = Math.max(SIGMA_FLOOR, Math.sqrt(ss / Math.max(1, n - spent)));
  const nextS2 = nextSigma * nextSigma;
  for (let m = 0; m < n; m++) {
    const r = output[m + 2]!;
    output[m + 2] = (STUDENT_NU + 1) / (STUDENT_NU + (r * r) / nextS2);
  }
  output[0] = nextSigma;
  output[1] = nextTau;
  return true;
}

/** The fit's result from the last round (its β and normal equations in the workspace) and its output state. */
function finishFit(
  ws: FitWorkspace,
  rows: readonly ComputeRow[],
  state: Float64Array,
  rounds: number,
): ComputeModel {
  const n = rows.length;
  // The last round's β was swapped into previousBeta; its A is still in ws.a.
  const beta = Array.from(ws.previousBeta);
  choleskyInto(ws.a, ws.factor, P);
  choleskyInverseFactorInto(ws.factor, ws.inverse, P);
  const covariance: number[][] = [];
  for (let j = 0; j < P; j++) {
    const line = new Array<number>(P);
    for (let k = 0; k < P; k++) {
      let sum = 0;
      for (let i = Math.max(j, k); i < P; i++) sum += ws.inverse[i * P + j]! * ws.inverse[i * P + k]!;
      line[k] = sum;
    }
    covariance.push(line);
  }
  const fitted = new Array<number>(n);
  for (let m = 0; m < n; m++) fitted[m] = dot(rows[m]!.x, beta);
  const weights = new Array<number>(n);
  for (let m = 0; m < n; m++) weights[m] = state[m + 2]!;
  return { beta, covariance, sigma: state[0]!, tau: state[1]!, rows, weights, fitted, rounds };
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
