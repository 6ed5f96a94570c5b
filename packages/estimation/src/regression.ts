/** Small dense linear algebra for the imputation fits (p ≤ 11: plain Gauss–Jordan is enough). */

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
