/** Ordinary least squares with what a prediction interval needs. Small p (≤ 3), so plain Gauss–Jordan. */
export interface LinearFit {
  coefficients: number[];
  /** (XᵀX)⁻¹. */
  inverse: number[][];
  /** Residual standard deviation, √(RSS / (n − p)). */
  residualSigma: number;
  n: number;
  p: number;
}

/** Fits y = Xβ. Returns null when XᵀX is singular or n ≤ p. */
export function fitLinear(rows: readonly number[][], y: readonly number[]): LinearFit | null {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  if (n <= p || p === 0) return null;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (let index = 0; index < n; index++) {
    const row = rows[index] as number[];
    const target = y[index] as number;
    for (let i = 0; i < p; i++) {
      xty[i] = (xty[i] as number) + (row[i] as number) * target;
      for (let j = 0; j < p; j++)
        (xtx[i] as number[])[j] =
          ((xtx[i] as number[])[j] as number) + (row[i] as number) * (row[j] as number);
    }
  }
  const inverse = invert(xtx);
  if (!inverse) return null;
  const coefficients = inverse.map((row) =>
    row.reduce((sum, value, j) => sum + value * (xty[j] as number), 0),
  );
  let rss = 0;
  for (let index = 0; index < n; index++) {
    const residual = (y[index] as number) - dot(rows[index] as number[], coefficients);
    rss += residual * residual;
  }
  return { coefficients, inverse, residualSigma: Math.sqrt(rss / (n - p)), n, p };
}

/** Prediction and its standard error for a new point: s·√(1 + x₀ᵀ(XᵀX)⁻¹x₀) (leverage included). */
export function predict(
  fit: LinearFit,
  x: readonly number[],
): { mean: number; standardError: number; leverage: number } {
  const mean = dot(x, fit.coefficients);
  const leverage = x.reduce((sum, xi, i) => sum + xi * dot(fit.inverse[i] as number[], x), 0);
  return { mean, standardError: fit.residualSigma * Math.sqrt(1 + Math.max(0, leverage)), leverage };
}

/** The fitted value at `x` alone: the mean of {@link predict}, without the leverage it does not need. */
export function predictMean(fit: LinearFit, x: readonly number[]): number {
  return dot(x, fit.coefficients);
}

function dot(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] as number) * (right[index] as number);
  return sum;
}

/** Inverse of a small square matrix by Gauss–Jordan with partial pivoting; null when singular. */
export function invert(matrix: number[][]): number[][] | null {
  const size = matrix.length;
  const augmented = matrix.map((row, i) => [
    ...row,
    ...Array.from({ length: size }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) {
      if (
        Math.abs((augmented[row] as number[])[column] as number) >
        Math.abs((augmented[pivot] as number[])[column] as number)
      )
        pivot = row;
    }
    const pivotValue = (augmented[pivot] as number[])[column] as number;
    if (Math.abs(pivotValue) < 1e-12) return null;
    [augmented[column], augmented[pivot]] = [augmented[pivot] as number[], augmented[column] as number[]];
    const pivotRow = augmented[column] as number[];
    for (let j = 0; j < 2 * size; j++) pivotRow[j] = (pivotRow[j] as number) / pivotValue;
    for (let row = 0; row < size; row++) {
      if (row === column) continue;
      const current = augmented[row] as number[];
      const factor = current[column] as number;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * size; j++)
        current[j] = (current[j] as number) - factor * (pivotRow[j] as number);
    }
  }
  return augmented.map((row) => row.slice(size));
}

/**
 * The fit without one observation (x, y), exactly, by a rank-one downdate (Sherman–Morrison):
 * (XᵀX − xxᵀ)⁻¹ = A⁻¹ + A⁻¹x xᵀA⁻¹ / (1 − h), β₋ = β − A⁻¹x e / (1 − h), RSS₋ = RSS − e² / (1 − h),
 * with h = xᵀA⁻¹x and e the observation's residual. Null when the point carries the whole fit (h ≈ 1) or too
 * few points remain.
 */
export function downdate(fit: LinearFit, x: readonly number[], y: number): LinearFit | null {
  const p = fit.p;
  if (fit.n - 1 <= p) return null;
  const ax = fit.inverse.map((row) => dot(row, x));
  const leverage = dot(x, ax);
  if (!(1 - leverage > 1e-9)) return null;
  const residual = y - dot(x, fit.coefficients);
  const inverse = fit.inverse.map((row, i) =>
    row.map((value, j) => value + ((ax[i] as number) * (ax[j] as number)) / (1 - leverage)),
  );
  const coefficients = fit.coefficients.map(
    (value, i) => value - ((ax[i] as number) * residual) / (1 - leverage),
  );
  const rss = Math.max(0, fit.residualSigma ** 2 * (fit.n - p) - (residual * residual) / (1 - leverage));
  return { coefficients, inverse, residualSigma: Math.sqrt(rss / (fit.n - 1 - p)), n: fit.n - 1, p };
}
