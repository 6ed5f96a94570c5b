import { describe, expect, it } from 'vitest';
import { invert, solve } from './regression';

describe('invert', () => {
  it('inverts a small matrix (A·A⁻¹ = I) and refuses a singular one', () => {
    const matrix = [
      [4, 1, 0],
      [1, 3, 1],
      [0, 1, 2],
    ];
    const inverse = invert(matrix.map((row) => [...row])) as number[][];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const product = matrix[i]!.reduce((sum, value, k) => sum + value * inverse[k]![j]!, 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    expect(
      invert([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
  });
});

describe('solve', () => {
  it('gives the same x as the inverse times b, and null for a singular matrix', () => {
    const a = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 2],
    ];
    const b = [1, -2, 0.5];
    const x = solve(a, b) as number[];
    const inverse = invert(a.map((row) => [...row])) as number[][];
    for (const [i, line] of inverse.entries())
      expect(x[i]).toBeCloseTo(
        line.reduce((sum, value, j) => sum + value * (b[j] as number), 0),
        12,
      );
    for (const [i, row] of a.entries())
      expect(row.reduce((sum, value, j) => sum + value * (x[j] as number), 0)).toBeCloseTo(
        b[i] as number,
        12,
      );
    expect(
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
  });
});
