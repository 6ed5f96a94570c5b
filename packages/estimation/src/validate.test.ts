import { describe, expect, it } from 'vitest';
import { fact, record } from './__fixtures__/records';
import type { EstimateComputeResult } from './estimate-compute';
import { assessThreshold } from './probability';
import { validateAgainst } from './validate';

function result(median: number, log10Sigma = 0.1): EstimateComputeResult {
  const estimate = {
    median,
    interval90: [median / 2, median * 2] as [number, number],
    log10Sigma,
    method: 'x',
    confidence: 'confident' as const,
    components: [],
    combination: '',
  };
  return { estimate, assessment: assessThreshold(estimate) };
}

describe('validateAgainst', () => {
  it('computes compute errors and threshold metrics, counting "over 1e25" signals as positives', () => {
    const truths = [
      { id: 'a', name: 'A', computeFlop: 2e25 },
      { id: 'b', name: 'B', computeFlop: 1e24 },
      { id: 'c', name: 'C', signals: ['over-1e25' as const] },
      { id: 'd', name: 'D', computeFlop: 5e24 },
      { id: 'e', name: 'E' },
    ];
    const ours = new Map([
      ['a', result(4e25)],
      ['b', result(1.5e24)],
      ['c', result(3e24)],
      ['d', result(2e25)],
      ['e', result(1e26)],
    ]);
    const report = validateAgainst(truths, ours);
    expect(report.compute.count).toBe(3);
    expect(report.compute.withinFactor2).toBeCloseTo(2 / 3, 6);
    expect(report.compute.withinFactor3).toBeCloseTo(2 / 3, 6);
    expect(report.threshold).toMatchObject({
      count: 4,
      truePositive: 1,
      falsePositive: 1,
      falseNegative: 1,
      trueNegative: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      accuracy: 0.5,
    });
    expect(report.threshold.brier).toBeGreaterThan(0);
    expect(report.disagreements.map((row) => row.id).sort()).toEqual(['c', 'd']);
  });

  it('reads the truth from records (Epoch facts only) and counts models without an estimate', () => {
    const records = [
      record('x/a', 'A', {
        reportedCompute: [
          fact({ flop: 3e25, confidence: 'likely' as const }),
          fact({ flop: 1e20, confidence: 'confident' as const }, 'ledger'),
        ],
      }),
    ];
    const report = validateAgainst(
      records,
      new Map([['x/a', { estimate: null, assessment: assessThreshold(null) }]]),
    );
    expect(report.rows[0]?.truthFlop).toBe(3e25);
    expect(report.threshold.unestimated).toBe(1);
    expect(report.threshold.brier).toBeCloseTo(0.25, 9);
    expect(report.threshold.falseNegative).toBe(1);
  });
});
