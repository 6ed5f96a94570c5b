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
