import { describe, expect, it } from 'vitest';
import { invert } from './regression';

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
