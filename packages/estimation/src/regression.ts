/** Small dense linear algebra for the imputation fits (p ≤ 11: plain Gauss–Jordan is enough). */

/**
 * Partial pivoting of column `column`: swaps into place the row at or below it with the largest magnitude there and
 * returns that pivot, or null when it is (near) zero — the matrix is singular.
 */
function pivotInPlace(rows: number[][], column: number): number | null {
  let pivot = column;
  for (let row = column + 1; row < rows.length; row++)
    if (
      Math.abs((rows[row] as number[])[column] as number) >
      Math.abs((rows[pivot] as number[])[column] as number)
    )
      pivot = row;
  const pivotValue = (rows[pivot] as number[])[column] as number;
  if (Math.abs(pivotValue) < 1e-12) return null;
  [rows[column], rows[pivot]] = [rows[pivot] as number[], rows[column] as number[]];
  return pivotValue;
}

/** Inverse of a small square matrix by Gauss–Jordan with partial pivoting; null when singular. */
export function invert(matrix: number[][]): number[][] | null {
  const size = matrix.length;
  const augmented = matrix.map((row, i) => [
    ...row,
    ...Array.from({ length: size }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let column = 0; column < size; column++) {
    const pivotValue = pivotInPlace(augmented, column);
    if (pivotValue === null) return null;
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

/** The solution x of A·x = b (Gaussian elimination with partial pivoting), or null when A is singular. */
export function solve(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] | null {
  const size = matrix.length;
  const rows = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let column = 0; column < size; column++) {
    const pivotValue = pivotInPlace(rows, column);
    if (pivotValue === null) return null;
    const pivotRow = rows[column] as number[];
    for (let row = column + 1; row < size; row++) {
      const current = rows[row] as number[];
      const factor = (current[column] as number) / pivotValue;
      if (factor === 0) continue;
      for (let j = column; j <= size; j++)
        current[j] = (current[j] as number) - factor * (pivotRow[j] as number);
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    const line = rows[row] as number[];
    let sum = line[size] as number;
    for (let j = row + 1; j < size; j++) sum -= (line[j] as number) * (x[j] as number);
    x[row] = sum / (line[row] as number);
  }
  return x;
}

/**
 * Flat, allocation-free routines for the fit's symmetric positive definite systems (the fit calls them thousands
 * of times per run). A matrix is a row-major `Float64Array` of size × size.
 */

/**
 * Cholesky factor L (A = L·Lᵀ) of the symmetric matrix `matrix` into the lower triangle of `factor` (its upper
 * triangle is left as it was); false when A is not (numerically) positive definite.
 */
export function choleskyInto(matrix: Float64Array, factor: Float64Array, size: number): boolean {
  for (let i = 0; i < size; i++) {
    const rowI = i * size;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * size;
      let sum = matrix[rowI + j] as number;
      for (let k = 0; k < j; k++) sum -= (factor[rowI + k] as number) * (factor[rowJ + k] as number);
      if (i === j) {
        if (!(sum > 1e-12)) return false;
        factor[rowI + i] = Math.sqrt(sum);
      } else factor[rowI + j] = sum / (factor[rowJ + j] as number);
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b for x (into `solution`) from the Cholesky factor of {@link choleskyInto}. */
export function choleskySolveInto(
  factor: Float64Array,
  vector: ArrayLike<number>,
  solution: Float64Array,
  size: number,
): void {
  for (let i = 0; i < size; i++) {
    let sum = vector[i] as number;
    for (let k = 0; k < i; k++) sum -= (factor[i * size + k] as number) * (solution[k] as number);
    solution[i] = sum / (factor[i * size + i] as number);
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = solution[i] as number;
    for (let k = i + 1; k < size; k++) sum -= (factor[k * size + i] as number) * (solution[k] as number);
    solution[i] = sum / (factor[i * size + i] as number);
  }
}

/**
 * L⁻¹ (lower triangular) of the Cholesky factor L into the lower triangle of `inverse`, so that
 * A⁻¹ = L⁻ᵀ·L⁻¹: (A⁻¹)_jk = Σ_i (L⁻¹)_ij (L⁻¹)_ik over i ≥ max(j, k).
 */
export function choleskyInverseFactorInto(factor: Float64Array, inverse: Float64Array, size: number): void {
  for (let j = 0; j < size; j++) {
    inverse[j * size + j] = 1 / (factor[j * size + j] as number);
    for (let i = j + 1; i < size; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= (factor[i * size + k] as number) * (inverse[k * size + j] as number);
      inverse[i * size + j] = sum / (factor[i * size + i] as number);
    }
  }
}
