import { describe, expect, it } from 'vitest';
import { syntheticReferences } from '../__fixtures__/references';
import { createEstimateContext } from '../estimate-compute';
import type { EstimatorFacts, ReferencePoint } from '../estimator';
import { benchmarkEstimator } from './benchmark';

/** 260 references in one snapshot (above the exact-refit limit: leave-one-out by downdate), two labs. */
function largeSnapshot(): ReferencePoint[] {
  return syntheticReferences(260).map((reference, index) => ({
    ...reference,
    computeFlop: reference.computeFlop * 10 ** (((index * 37) % 11) / 20 - 0.25),
    scores: { 'lmarena-text': [{ value: 900 + index * 3, asOf: '2025-08-04' }] },
  }));
}

/** The names the reasoning gives for the fit's references. */
function namedReferences(reasoning: string | undefined): string[] {
  const list = /fit over \d+ references of that snapshot \(([^)]*)\)/.exec(reasoning ?? '')?.[1] ?? '';
  return (list.split(': ').at(-1) ?? '').replace(/, and \d+ more$/, '').split(', ');
}

const score = (value: number) => ({ 'lmarena-text': { value, asOf: '2025-08-04' } });

describe('benchmark: what an estimate stores about its references', () => {
  it('names the 10 references nearest in score, never the model itself, and counts the rest', () => {
    const self = benchmarkEstimator.estimate(
      { id: 'lab/model-100', name: 'Model 100', releaseDate: '2024-07-01', scores: score(1200) },
      createEstimateContext({ references: largeSnapshot() }),
    );
    // Scores are 900 + 3i: the nearest to 1200 (Model 100's own) are Models 95–105 without 100.
    expect(new Set(namedReferences(self?.reasoning))).toEqual(
      new Set([95, 96, 97, 98, 99, 101, 102, 103, 104, 105].map((index) => `Model ${index}`)),
    );
    expect(self?.reasoning).toContain('every model with known compute scored in it, less this one;');
    expect(self?.reasoning).toContain(', and 249 more)');
    expect(self?.inputs.map((input) => input.name)).toEqual([
      'lmarena-text',
      'lmarena-text.asOf',
      'references',
      'releaseDate',
      'dateSlopeDexPerYear',
    ]);
  });

  it('says how many references were dropped as outliers, and names them', () => {
    const references = syntheticReferences(30).map((reference) =>
      reference.id === 'lab/model-12'
        ? { ...reference, computeFlop: reference.computeFlop * 1e4 }
        : reference,
    );
    const result = benchmarkEstimator.estimate(
      { name: 'New', releaseDate: '2024-07-01', scores: score(1300) },
      createEstimateContext({ references }),
    );
    expect(result?.inputs.find((input) => input.name === 'references')?.value).toBe(
      '29 references of lmarena-text 2025-08-04 (1 outlier dropped)',
    );
    expect(result?.reasoning).toContain('less the outliers;');
    expect(result?.reasoning).toContain('dropped as outliers (> 3 robust σ off the line): Model 12:');
    expect(namedReferences(result?.reasoning)).not.toContain('Model 12');
  });

  it('gives the sources of the references used, without those of the model’s own point', () => {
    const references = largeSnapshot().map((reference) =>
      reference.id === 'lab/model-100' ? { ...reference, source: 'ledger' } : reference,
    );
    const context = createEstimateContext({ references });
    const sourceOf = (facts: EstimatorFacts) =>
      benchmarkEstimator.estimate(facts, context)?.inputs.find((input) => input.name === 'references')
        ?.source;
    expect(sourceOf({ name: 'Other', scores: score(1200) })).toBe('epoch, ledger');
    expect(sourceOf({ id: 'lab/model-100', name: 'Model 100', scores: score(1200) })).toBe('epoch');
    expect(sourceOf({ name: 'Third', scores: score(1210) })).toBe('epoch, ledger');
  });
});

describe('benchmark: the shared caches change no estimate', () => {
  // Models of both labs, references and not, in a snapshot that downdates (260) and one that refits (30).
  const models: EstimatorFacts[] = [
    { name: 'Outsider A', developer: 'Lab A', releaseDate: '2024-07-01', scores: score(1150) },
    { id: 'lab/model-100', name: 'Model 100', developer: 'Lab A', scores: score(1200) },
    { id: 'lab/model-101', name: 'Model 101', developer: 'Lab B', scores: score(1203) },
    { name: 'Outsider B', developer: 'Lab B', releaseDate: '2025-01-01', scores: score(1250) },
    { name: 'Model 7', developer: 'Lab B', scores: score(921) },
  ];
  for (const [label, references] of [
    ['downdate', largeSnapshot()],
    ['refit', syntheticReferences(30)],
  ] as const) {
    it(`gives each model what a fresh context gives, in any order (${label})`, () => {
      const fresh = models.map((facts) =>
        benchmarkEstimator.estimate(facts, createEstimateContext({ references })),
      );
      for (const order of [
        [0, 1, 2, 3, 4],
        [4, 3, 2, 1, 0],
        [1, 0, 3, 2, 4],
      ]) {
        const context = createEstimateContext({ references });
        for (const index of order)
          expect(benchmarkEstimator.estimate(models[index] as EstimatorFacts, context)).toEqual(fresh[index]);
      }
      // The developer offset applies (the cache holds it), and a reference's own point moves it.
      expect(fresh[0]?.reasoning).toContain('developer offset');
      expect(fresh[1]?.reasoning).toContain('developer offset');
    });
  }
});
