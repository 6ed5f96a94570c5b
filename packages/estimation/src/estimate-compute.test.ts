import { ComputeEstimateSchema, ThresholdAssessmentSchema, TrackerError } from '@tracker/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticReferences } from './__fixtures__/references';
import { defineEstimator } from './define-estimator';
import { builtinEstimators, estimateCompute } from './estimate-compute';
import type { EstimatorFacts } from './estimator';

function valid(result: ReturnType<typeof estimateCompute>) {
  if (result.estimate) expect(ComputeEstimateSchema.parse(result.estimate)).toEqual(result.estimate);
  expect(ThresholdAssessmentSchema.parse(result.assessment)).toEqual(result.assessment);
}

describe('estimateCompute', () => {
  it('estimates Llama 3.1 405B from 6ND and hardware, combined, above 1e25', () => {
    const result = estimateCompute({
      name: 'Llama 3.1 405B',
      parameters: 405e9,
      trainingTokens: 15.6e12,
      hardware: { chip: 'NVIDIA H100 SXM5 80GB', count: 16384, hours: 1854 },
    });
    valid(result);
    expect(result.estimate?.method).toBe('combined');
    expect(result.estimate?.median).toBeGreaterThan(3.2e25);
    expect(result.estimate?.median).toBeLessThan(4e25);
    expect(result.estimate?.confidence).toBe('confident');
    expect(result.assessment.status).toBe('above');
    expect(result.estimate?.combination).toMatch(/precision-weighted mean/);
  });

  it('returns null and status unknown when nothing applies', () => {
    const result = estimateCompute({ name: 'Mystery' });
    expect(result).toEqual({
      estimate: null,
      assessment: { threshold: 1e25, probabilityAbove: null, status: 'unknown' },
    });
  });

  it('widens the interval when methods disagree (Birge ratio)', () => {
    const agree = estimateCompute({
      name: 'X',
      parameters: 70e9,
      trainingTokens: 15e12,
      hardware: { chip: 'NVIDIA H100 SXM5 80GB', count: 4000, hours: 1840 },
    });
    // ×2.7 apart: beyond both spreads, within the conflict factor, so both stay and σ is widened.
    const disagree = estimateCompute({
      name: 'X',
      parameters: 70e9,
      trainingTokens: 15e12,
      hardware: { chip: 'NVIDIA H100 SXM5 80GB', count: 4000, hours: 4000 },
    });
    expect(disagree.estimate?.method).toBe('combined');
    expect(disagree.estimate?.log10Sigma).toBeGreaterThan((agree.estimate?.log10Sigma ?? 0) * 2);
    expect(disagree.estimate?.combination).toMatch(/widened by that ratio/);
  });

  it('lets hardware × time win a conflict beyond ×3 with 6ND, and widens σ towards the dropped figure', () => {
    // A BERT-era encoder: the dataset size without its epochs makes 6ND ~40× too small.
    const facts: EstimatorFacts = {
      name: 'Encoder',
      parameters: 335e6,
      trainingTokens: 5.5e9,
      hardware: { chip: 'Google TPU v3', count: 64, hours: 264 },
    };
    const result = estimateCompute(facts);
    valid(result);
    const hardware = 64 * 1.23e14 * 264 * 3600 * 0.3;
    expect(result.estimate?.method).toBe('hardware-time');
    expect(result.estimate?.median).toBeCloseTo(hardware, -17);
    const operation = result.estimate?.components.find((entry) => entry.method === 'operation-count');
    expect(operation?.used).toBe(false);
    expect(operation?.excludedBecause).toMatch(/disagrees with hardware-time .* by more than ×3/);
    const gap = Math.log10(hardware / (6 * 335e6 * 5.5e9));
    expect(result.estimate?.log10Sigma).toBeCloseTo(gap / (2 * 1.6448536269514722), 6);
    // With a reported figure the combination keeps it and hardware × time, still widened for the conflict.
    const sighted = estimateCompute({
      ...facts,
      reportedCompute: { flop: 2.2e21, confidence: 'confident' },
    });
    expect(sighted.estimate?.method).toBe('combined');
    expect(sighted.estimate?.combination).toMatch(/half-way to the conflicting figure/);
    expect(sighted.estimate?.log10Sigma).toBeCloseTo(gap / (2 * 1.6448536269514722), 6);
    // The conflict rule is symmetric: a hardware figure ×10 below 6ND wins too.
    const low = estimateCompute({ ...facts, trainingTokens: 5.5e12 });
    expect(low.estimate?.method).toBe('hardware-time');
  });

  it('lets a much tighter method set the estimate and says why the others were left out', () => {
    const result = estimateCompute({
      name: 'Foo 70B',
      parameters: 70e9,
      trainingTokens: 15e12,
      releaseDate: '2024-07-01',
      costUsd: 1e7,
    });
    const heuristic = result.estimate?.components.find((component) => component.method === 'cost');
    expect(heuristic?.used).toBe(false);
    expect(heuristic?.excludedBecause).toMatch(/much looser than operation-count/);
    expect(result.estimate?.method).toBe('operation-count');
  });

  it('keeps the reported figure in the combination even when looser, and drops it in blind mode', () => {
    const facts: EstimatorFacts = {
      name: 'X',
      parameters: 70e9,
      trainingTokens: 15e12,
      reportedCompute: { flop: 6.3e24, confidence: 'confident' },
    };
    expect(
      estimateCompute(facts).estimate?.components.find((component) => component.method === 'reported')?.used,
    ).toBe(true);
    expect(
      estimateCompute(facts, { blind: true }).estimate?.components.some(
        (component) => component.method === 'reported',
      ),
    ).toBe(false);
  });

  it('adds the base model to a fine-tune and reports the breakdown', () => {
    const result = estimateCompute({
      name: 'Foundation-sec-8b',
      parameters: 8e9,
      trainingTokens: 5.1e9,
      baseModel: 'Llama 3.1 8B',
      baseModelCompute: 1.2e24,
    });
    valid(result);
    expect(result.estimate?.median).toBeCloseTo(1.2e24 + 6 * 8e9 * 5.1e9, -21);
    expect(result.estimate?.breakdown).toEqual({ postTraining: 6 * 8e9 * 5.1e9, baseModel: 1.2e24 });
  });

  it('adds stated post-training compute to the base found by lookupBase', () => {
    const result = estimateCompute(
      { name: 'Reasoner', baseModel: 'DeepSeek-V3', finetuneCompute: 6.1e23 },
      {
        lookupBase: (name) =>
          name === 'DeepSeek-V3'
            ? {
                median: 3.3e24,
                interval90: [1e24, 1e25],
                log10Sigma: 0.29,
                method: 'reported',
                confidence: 'confident',
                components: [],
                combination: '',
              }
            : null,
      },
    );
    expect(result.estimate?.median).toBeCloseTo(3.91e24, -22);
    expect(result.estimate?.breakdown).toMatchObject({ baseModel: 3.3e24, postTraining: 6.1e23 });
  });

  it('takes a run as big as the base as restating the base pretraining (not double counted)', () => {
    const result = estimateCompute({
      name: 'R1',
      parameters: 671e9,
      activeParameters: 37e9,
      trainingTokens: 14.8e12,
      baseModel: 'V3',
      baseModelCompute: 3.3e24,
    });
    expect(result.estimate?.median).toBeLessThan(4e24);
  });

  it('uses a fine-tune run alone as a lower bound when the base is unknown, and says so', () => {
    const result = estimateCompute({
      name: 'Tuned',
      parameters: 8e9,
      trainingTokens: 5e9,
      baseModel: 'Somewhere 8B',
    });
    expect(result.estimate?.notes?.join(' ')).toMatch(/lower bound/);
  });

  it('assesses any threshold', () => {
    const result = estimateCompute({ name: 'X', parameters: 7e9, trainingTokens: 2e12 }, { threshold: 1e23 });
    expect(result.assessment.threshold).toBe(1e23);
    expect(result.assessment.status).toBe('likely-below');
  });

  it("shows a reviewer's developer note as evidence without changing the number", () => {
    const facts: EstimatorFacts = {
      name: 'Big',
      developer: 'Small Lab',
      parameters: 400e9,
      trainingTokens: 15e12,
    };
    const plain = estimateCompute(facts);
    const noted = estimateCompute(facts, {
      developerNotes: { 'small lab': 'reported cluster of 2,000 GPUs' },
    });
    expect(noted.estimate?.median).toBe(plain.estimate?.median);
    expect(noted.estimate?.notes?.[0]).toMatch(/reviewer's note on Small Lab.*not applied.*2,000 GPUs/);
  });

  it('wraps an estimator that throws as ESTIMATE_FAILED and rejects invalid results', () => {
    const broken = defineEstimator({
      id: 'broken',
      description: 'throws',
      priority: 1,
      estimate() {
        throw new Error('boom');
      },
    });
    expect(() => estimateCompute({ name: 'X' }, { estimators: [broken] })).toThrow(
      /\[estimator:broken\] X: boom/,
    );
    const negative = defineEstimator({
      id: 'negative',
      description: 'bad',
      priority: 1,
      estimate: () => ({ median: -1, log10Sigma: 0.1, inputs: [], reasoning: 'x' }),
    });
    try {
      estimateCompute({ name: 'X' }, { estimators: [negative] });
      expect.unreachable();
    } catch (error) {
      expect(TrackerError.is(error) && error.code).toBe('ESTIMATE_FAILED');
    }
  });

  it('imputes from Arena Elo with same-snapshot references', () => {
    const result = estimateCompute(
      {
        name: 'Frontier',
        releaseDate: '2024-07-01',
        scores: { 'lmarena-text': { value: 1400, asOf: '2025-08-04' } },
      },
      { references: syntheticReferences() },
    );
    valid(result);
    expect(result.estimate?.method).toBe('benchmark');
    expect(result.estimate?.median).toBeGreaterThan(1e25);
  });

  describe('properties: more parameters, tokens, chips or hours never lower the estimate', () => {
    const base = { parameters: 7e10, trainingTokens: 1e13, count: 1000, hours: 1000 };
    const factor = fc.double({ min: 1, max: 100, noNaN: true });
    const field = fc.constantFrom('parameters', 'trainingTokens', 'count', 'hours');
    it('holds for the combined estimate', () => {
      fc.assert(
        fc.property(field, factor, fc.boolean(), (name, multiplier, withHardware) => {
          const build = (values: typeof base): EstimatorFacts => ({
            name: 'Prop',
            parameters: values.parameters,
            trainingTokens: values.trainingTokens,
            ...(withHardware
              ? { hardware: { chip: 'NVIDIA A100', count: values.count, hours: values.hours } }
              : {}),
          });
          const before =
            estimateCompute(build(base), { estimators: builtinEstimators }).estimate?.median ?? 0;
          const after =
            estimateCompute(build({ ...base, [name]: base[name as keyof typeof base] * multiplier }), {
              estimators: builtinEstimators,
            }).estimate?.median ?? 0;
          return after >= before * (1 - 1e-9);
        }),
      );
    });
  });
});
