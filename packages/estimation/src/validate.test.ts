import { describe, expect, it } from 'vitest';
import { arena, fact, record } from './__fixtures__/records';
import type { EstimateComputeResult } from './estimate-compute';
import { assessThreshold } from './probability';
import { releasedBy, validateScraperView } from './scraper-view';
import { reliabilityTable, reviewBurden, validateAgainst } from './validate';

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

  it('calls "over" at the configured likelyAbove cut, and counts signals only at their own 1e25 line', () => {
    const truths = [
      { id: 'a', name: 'A', computeFlop: 2e25 },
      { id: 'c', name: 'C', signals: ['over-1e25' as const] },
    ];
    // Medians a little over the threshold: P(above) is between 0.5 and 0.9 with σ = 0.3 dex.
    const ours = new Map([
      ['a', result(1.5e25, 0.3)],
      ['c', result(1.5e25, 0.3)],
    ]);
    const probability = validateAgainst(truths, ours).rows[0]?.probabilityAbove ?? 0;
    expect(probability).toBeGreaterThan(0.5);
    expect(probability).toBeLessThan(0.9);
    expect(validateAgainst(truths, ours).threshold.truePositive).toBe(2);
    const strict = validateAgainst(truths, ours, {
      cutPoints: { above: 0.95, likelyAbove: 0.9, below: 0.05 },
    });
    expect(strict.threshold).toMatchObject({ truePositive: 0, falseNegative: 2 });
    // At another threshold the signals say nothing: only the model with a known figure is scored.
    const other = validateAgainst(truths, ours, { threshold: 1e24 });
    expect(other.threshold.count).toBe(1);
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

describe('reliability table and review burden', () => {
  const rows = [
    { id: 'a', name: 'A', probabilityAbove: 0.05, status: 'below' as const, truthAbove: false },
    { id: 'b', name: 'B', probabilityAbove: 0.15, status: 'likely-below' as const, truthAbove: false },
    { id: 'c', name: 'C', probabilityAbove: 0.25, status: 'likely-below' as const, truthAbove: true },
    { id: 'd', name: 'D', probabilityAbove: 0.95, status: 'above' as const, truthAbove: true },
    { id: 'e', name: 'E', probabilityAbove: 1, status: 'above' as const, truthAbove: true },
    { id: 'f', name: 'F', probabilityAbove: 0.9, status: 'likely-above' as const },
  ];

  it('bins P with count, mean P and observed rate, the last bin closed, unscored rows left out', () => {
    const table = reliabilityTable(rows, 10);
    expect(table).toHaveLength(10);
    expect(table[0]).toMatchObject({ bin: '0.0–0.1', count: 1, meanProbability: 0.05, observedRate: 0 });
    expect(table[2]).toMatchObject({ count: 1, observedRate: 1 });
    expect(table[9]).toMatchObject({ bin: '0.9–1.0', count: 2, meanProbability: 0.975, observedRate: 1 });
    expect(table[5]).toMatchObject({ count: 0, meanProbability: null, observedRate: null });
  });

  it('counts the queue at a floor against the models truly over', () => {
    expect(reviewBurden(rows, 0.2)).toEqual({ floor: 0.2, queue: 3, trulyOver: 3, caught: 3, ratio: 1 });
    expect(reviewBurden(rows, 0.1)).toMatchObject({ queue: 4, caught: 3, ratio: 4 / 3 });
    expect(reviewBurden(rows, 0.5)).toMatchObject({ queue: 2, caught: 2 });
  });
});

describe('validateScraperView', () => {
  /** Twelve references on log10 C = 22 + 3·(Elo − 1000)/400; one (ref-6) is the model under test. */
  const models = Array.from({ length: 12 }, (_, index) => {
    const elo = 1000 + index * 40;
    return record(
      `lab/ref-${index}`,
      `Ref ${index}`,
      {
        reportedCompute: [
          fact({ flop: 10 ** (22 + (3 * (elo - 1000)) / 400), confidence: 'confident' as const }),
        ],
        releaseDate: [fact(`202${index < 6 ? 3 : 5}-06-01`)],
        developer: [fact(index % 2 === 0 ? 'Lab A' : 'Lab B')],
        parameters: [fact(7e9)],
      },
      { 'lmarena-text': [arena(elo, '2026-01-01')] },
    );
  });

  it('estimates what a scraper sees, blind, without the model’s own figure or facts a scraper cannot see', () => {
    const { report, results } = validateScraperView(models, models, { threshold: 1e24 });
    const own = results.get('lab/ref-6')?.estimate;
    expect(own?.method).toBe('benchmark');
    expect(own?.components.map((component) => component.method)).not.toContain('reported');
    // Parameters are not seen for a model without open weights: no name-heuristic component.
    expect(own?.components.map((component) => component.method)).not.toContain('name-heuristic');
    expect(own?.components[0]?.reasoning).toContain('its own point left out');
    expect(report.rows).toHaveLength(12);
    expect(report.reliability.reduce((sum, bin) => sum + bin.count, 0)).toBe(12);
  });

  it('fits a time split on the references released by the date only', () => {
    const { results } = validateScraperView(models, models.slice(6), {
      referenceFilter: releasedBy('2024-12-31'),
    });
    expect(results.get('lab/ref-8')?.estimate?.components[0]?.reasoning).toContain('fit over 6 references');
  });
});
