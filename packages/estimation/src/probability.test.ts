import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessThreshold,
  confidenceFromSigma,
  intervalFromSigma,
  normalCdf,
  probabilityAbove,
  sigmaFromFactor,
  statusFromProbability,
  studentTQuantile,
} from './probability';

describe('probability', () => {
  it('Φ matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 4);
  });

  it('t quantiles match tables', () => {
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.314, 2);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812, 2);
    expect(studentTQuantile(0.95, 1000)).toBeCloseTo(1.646, 2);
  });

  it('P(above) is 1 − Φ((log10 T − μ)/σ), and 0/1 when σ = 0', () => {
    expect(probabilityAbove({ median: 1e25, log10Sigma: 0.3 }, 1e25)).toBeCloseTo(0.5, 6);
    expect(
      probabilityAbove({ median: 10 ** (25 + 0.3 * 1.6448536269514722), log10Sigma: 0.3 }, 1e25),
    ).toBeCloseTo(0.95, 4);
    expect(probabilityAbove({ median: 2e25, log10Sigma: 0 }, 1e25)).toBe(1);
    expect(probabilityAbove({ median: 1e25, log10Sigma: 0 }, 1e25)).toBe(0);
  });

  it('status cut points are inclusive as documented and configurable', () => {
    expect(statusFromProbability(0.95)).toBe('above');
    expect(statusFromProbability(0.5)).toBe('likely-above');
    expect(statusFromProbability(0.06)).toBe('likely-below');
    expect(statusFromProbability(0.05)).toBe('below');
    expect(statusFromProbability(null)).toBe('unknown');
    expect(statusFromProbability(0.9, { above: 0.9, likelyAbove: 0.5, below: 0.1 })).toBe('above');
    expect(assessThreshold(null)).toEqual({ threshold: 1e25, probabilityAbove: null, status: 'unknown' });
    expect(assessThreshold({ median: 1e24, log10Sigma: 0.1 }, 1e23).status).toBe('above');
  });

  it('confidence follows the 90% interval: ×3 confident, ×10 likely, else speculative', () => {
    expect(confidenceFromSigma(sigmaFromFactor(3))).toBe('confident');
    expect(confidenceFromSigma(sigmaFromFactor(3.1))).toBe('likely');
    expect(confidenceFromSigma(sigmaFromFactor(10))).toBe('likely');
    expect(confidenceFromSigma(sigmaFromFactor(11))).toBe('speculative');
  });

  describe('properties', () => {
    const median = fc.double({ min: 1e18, max: 1e28, noNaN: true });
    const sigma = fc.double({ min: 0, max: 2, noNaN: true });
    it('the interval holds the median', () => {
      fc.assert(
        fc.property(median, sigma, (value, spread) => {
          const [low, high] = intervalFromSigma(value, spread);
          return low <= value * (1 + 1e-12) && high >= value * (1 - 1e-12);
        }),
      );
    });
    it('P(above) lies in [0, 1] and never falls as the median rises', () => {
      fc.assert(
        fc.property(median, median, sigma, (first, second, spread) => {
          const [lower, upper] = first <= second ? [first, second] : [second, first];
          const pLower = probabilityAbove({ median: lower, log10Sigma: spread });
          const pUpper = probabilityAbove({ median: upper, log10Sigma: spread });
          return pLower >= 0 && pUpper <= 1 && pUpper >= pLower - 1e-12;
        }),
      );
    });
  });
});
