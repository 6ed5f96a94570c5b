import { describe, expect, it } from 'vitest';
import { choleskyInto, choleskyInverseFactorInto, choleskySolveInto, invert, solve } from '../regression';
import { COEFFICIENT_PRIOR, type ComputeModel, type ComputeRow, fitComputeModel } from './compute-model';

/** A deterministic number in [0, 1) from an integer (no random state shared between tests). */
const hash = (index: number) => {
  const value = Math.sin(index * 12.9898 + 78.233) * 43758.5453;
  return value - Math.floor(value);
};

/**
 * `count` rows in the fit's real layout: intercept, capability, year, tier, open weights, N known and log10 N,
 * price known and log10 price, group columns; y from a known β, a developer effect each, a small wobble, and every
 * `outlierEvery`-th row pushed 1.5 dex off (the Student-t weights have something to do).
 */
function rows(count: number, { developers = 6, outlierEvery = 9, seed = 0 } = {}): ComputeRow[] {
  const truth = [24, 0.8, -0.4, 0.3, -0.2, 0.1, 0.9, 0.2, 0.3, 0.4, -0.3, 0.2];
  return Array.from({ length: count }, (_, index) => {
    const h = (k: number) => hash(seed * 1000 + index * 17 + k);
    const open = h(1) < 0.4 ? 1 : 0;
    const hasN = open && h(2) < 0.7 ? 1 : 0;
    const hasPrice = h(3) < 0.5 ? 1 : 0;
    const group = Math.floor(h(4) * 3);
    const x = [
      1,
      (h(5) - 0.5) * 4,
      (h(6) - 0.5) * 3,
      Math.floor(h(7) * 3) - 1,
      open,
      hasN,
      hasN ? (h(8) - 0.5) * 2 : 0,
      hasPrice,
      hasPrice ? (h(9) - 0.5) * 2 : 0,
      group === 1 ? 1 : 0,
      group === 2 ? 1 : 0,
      group === 1 && !open ? 1 : 0,
    ];
    const developer = index % 7 === 6 ? null : `lab-${index % developers}`;
    const effect = developer === null ? 0 : ((index % developers) - developers / 2) * 0.15;
    const outlier = index % outlierEvery === outlierEvery - 1 ? 1.5 : 0;
    const y =
      x.reduce((sum, value, k) => sum + value * (truth[k] as number), 0) + effect + (h(10) - 0.5) * 0.3;
    return {
      id: `row-${index}`,
      name: `Row ${index}`,
      x,
      y: y + outlier,
      developer,
      capability: x[1] as number,
      computeFlop: 10 ** (y + outlier),
    };
  });
}

/** Largest difference in β, σ and τ between two fits. */
function distance(left: ComputeModel, right: ComputeModel): number {
  let largest = Math.max(Math.abs(left.sigma - right.sigma), Math.abs(left.tau - right.tau));
  left.beta.forEach((value, index) => {
    largest = Math.max(largest, Math.abs(value - (right.beta[index] as number)));
  });
  return largest;
}

describe('fitComputeModel', () => {
  it('reaches the fixed point of the plain iteration in fewer rounds with the acceleration', () => {
    for (const [count, seed] of [
      [40, 1],
      [105, 2],
      [300, 3],
    ] as const) {
      const data = rows(count, { seed });
      const accelerated = fitComputeModel(data) as ComputeModel;
      const plain = fitComputeModel(data, { accelerate: false }) as ComputeModel;
      // Both stop when a round moves less than 1e-6; they reach the same point to within what such a stop leaves.
      expect(distance(accelerated, plain)).toBeLessThan(2e-5);
      expect(accelerated.rounds).toBeLessThan(plain.rounds);
      expect(accelerated.sigma).toBeGreaterThan(0.05);
      // The outliers weigh less than the rest.
      const outlierWeight = accelerated.weights[8] as number;
      expect(outlierWeight).toBeLessThan(Math.min(...accelerated.weights.slice(0, 8)));
    }
  });

  it('is a fixed point: refitting the same rows gives the same fit, whatever was fitted in between', () => {
    const large = rows(120, { seed: 4 });
    const small = rows(30, { seed: 5, developers: 3 });
    const first = fitComputeModel(large) as ComputeModel;
    fitComputeModel(small);
    fitComputeModel(rows(200, { seed: 6 }));
    const again = fitComputeModel(large) as ComputeModel;
    expect(again.beta).toEqual(first.beta);
    expect([again.sigma, again.tau, again.rounds]).toEqual([first.sigma, first.tau, first.rounds]);
    expect(again.weights).toEqual(first.weights);
    expect(again.covariance).toEqual(first.covariance);
  });

  it('returns the covariance of β and the fitted values of the last round', () => {
    const data = rows(60, { seed: 7 });
    const fit = fitComputeModel(data) as ComputeModel;
    expect(fit.covariance).toHaveLength(COEFFICIENT_PRIOR.length);
    fit.covariance.forEach((line, i) => {
      expect(line[i]).toBeGreaterThan(0);
      line.forEach((value, j) => {
        expect(value).toBeCloseTo(fit.covariance[j]?.[i] as number, 12);
      });
    });
    data.forEach((row, index) => {
      const fixed = row.x.reduce((sum, value, k) => sum + value * (fit.beta[k] as number), 0);
      expect(fit.fitted[index]).toBeCloseTo(fixed, 12);
    });
  });

  it('needs at least four rows', () => {
    expect(fitComputeModel(rows(3))).toBeNull();
  });
});

describe('Cholesky routines', () => {
  const matrix = [
    [4, 1, 0.5, 0.2],
    [1, 3, 0.2, 0.1],
    [0.5, 0.2, 2, 0.3],
    [0.2, 0.1, 0.3, 1.5],
  ];
  const flat = Float64Array.from(matrix.flat());

  it('solve and invert as Gauss–Jordan does', () => {
    const factor = new Float64Array(16);
    expect(choleskyInto(flat, factor, 4)).toBe(true);
    const b = [1, -2, 0.5, 3];
    const x = new Float64Array(4);
    choleskySolveInto(factor, b, x, 4);
    const expected = solve(matrix, b) as number[];
    x.forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i] as number, 12);
    });
    const inverseFactor = new Float64Array(16);
    choleskyInverseFactorInto(factor, inverseFactor, 4);
    const inverse = invert(matrix.map((row) => [...row])) as number[][];
    for (let j = 0; j < 4; j++)
      for (let k = 0; k < 4; k++) {
        let sum = 0;
        for (let i = Math.max(j, k); i < 4; i++)
          sum += (inverseFactor[i * 4 + j] as number) * (inverseFactor[i * 4 + k] as number);
        expect(sum).toBeCloseTo(inverse[j]?.[k] as number, 12);
      }
  });

  it('refuses a matrix that is not positive definite', () => {
    const factor = new Float64Array(4);
    expect(choleskyInto(Float64Array.from([1, 2, 2, 4]), factor, 2)).toBe(false);
    expect(choleskyInto(Float64Array.from([-1, 0, 0, 1]), factor, 2)).toBe(false);
  });
});
