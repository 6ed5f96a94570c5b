import { describe, expect, it } from 'vitest';
import { downdate, fitLinear, predict } from './regression';

describe('regression', () => {
  const rows = [0, 1, 2, 3, 4, 5, 6, 7].map((x) => [1, x]);
  const y = [1.1, 2.9, 5.2, 6.8, 9.1, 11.2, 12.8, 15.1];

  it('fits a line and predicts with leverage', () => {
    const fit = fitLinear(rows, y);
    expect(fit?.coefficients[1]).toBeCloseTo(1.99, 1);
    const near = predict(fit as NonNullable<typeof fit>, [1, 3.5]);
    const far = predict(fit as NonNullable<typeof fit>, [1, 20]);
    expect(far.standardError).toBeGreaterThan(near.standardError);
  });

  it('downdate equals refitting without the point', () => {
    const fit = fitLinear(rows, y) as NonNullable<ReturnType<typeof fitLinear>>;
    const removed = downdate(fit, rows[3] as number[], y[3] as number);
    const refit = fitLinear(
      rows.filter((_, index) => index !== 3),
      y.filter((_, index) => index !== 3),
    );
    expect(removed?.coefficients[0]).toBeCloseTo(refit?.coefficients[0] as number, 10);
    expect(removed?.coefficients[1]).toBeCloseTo(refit?.coefficients[1] as number, 10);
    expect(removed?.residualSigma).toBeCloseTo(refit?.residualSigma as number, 10);
    expect(removed?.inverse[0]?.[1]).toBeCloseTo(refit?.inverse[0]?.[1] as number, 10);
  });

  it('refuses singular systems and too few points', () => {
    expect(
      fitLinear(
        [
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [1, 2, 3],
      ),
    ).toBeNull();
    expect(fitLinear([[1, 0]], [1])).toBeNull();
  });
});
