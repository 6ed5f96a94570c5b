import { describe, expect, it } from 'vitest';
import { syntheticReferences } from '../__fixtures__/references';
import { createEstimateContext } from '../estimate-compute';
import { imputationModel } from '../imputation/model';
import { normalCdf } from '../probability';
import { testEstimator } from '../testing';
import { benchmarkEstimator } from './benchmark';
import { costEstimator } from './cost';
import { fineTuneEstimator } from './fine-tune';
import { hardwareTimeEstimator } from './hardware-time';
import { nameHeuristicEstimator } from './name-heuristic';
import { operationCountEstimator } from './operation-count';
import { reportedEstimator } from './reported';
import { reportedSignalEstimator } from './reported-signal';

testEstimator({
  estimator: reportedEstimator,
  cases: [
    {
      name: 'confident figure',
      facts: { name: 'Llama 3.1 405B', reportedCompute: { flop: 3.8e25, confidence: 'confident' } },
      expect: 'applies',
    },
    { name: 'no figure', facts: { name: 'Unknown' }, expect: 'null' },
    {
      name: 'blind mode',
      facts: { name: 'X', reportedCompute: { flop: 1e24, confidence: 'likely' } },
      options: { blind: true },
      expect: 'null',
    },
  ],
  additionalTests() {
    it('maps confidence to the configured half-width', () => {
      const context = createEstimateContext();
      const likely = reportedEstimator.estimate(
        { name: 'X', reportedCompute: { flop: 1e24, confidence: 'likely' } },
        context,
      );
      expect((likely?.log10Sigma ?? 0) * 1.6448536269514722).toBeCloseTo(1, 6);
      const custom = createEstimateContext({
        settings: { reportedHalfWidth: { confident: 2, likely: 4, speculative: 8, unknown: 8 } },
      });
      const confident = reportedEstimator.estimate(
        { name: 'X', reportedCompute: { flop: 1e24, confidence: 'confident' } },
        custom,
      );
      expect((confident?.log10Sigma ?? 0) * 1.6448536269514722).toBeCloseTo(Math.log10(2), 6);
    });
  },
});

testEstimator({
  estimator: reportedSignalEstimator,
  cases: [
    { name: 'very likely over', facts: { name: 'X', computeSignals: ['over-1e25'] }, expect: 'applies' },
    { name: 'no signal', facts: { name: 'X' }, expect: 'null' },
    {
      name: 'a figure supersedes it',
      facts: {
        name: 'X',
        computeSignals: ['over-1e25'],
        reportedCompute: { flop: 3e25, confidence: 'likely' },
      },
      expect: 'null',
    },
    {
      name: 'blind mode',
      facts: { name: 'X', computeSignals: ['over-1e25'] },
      options: { blind: true },
      expect: 'null',
    },
  ],
  additionalTests() {
    it('places the belief so that P(over 1e25) is what the statement says', () => {
      const context = createEstimateContext();
      const probabilityOver = (signals: ('over-1e25' | 'maybe-over-1e25' | 'under-1e25')[]) => {
        const result = reportedSignalEstimator.estimate({ name: 'X', computeSignals: signals }, context);
        if (!result) throw new Error('expected an estimate');
        const z = (25 - Math.log10(result.median)) / result.log10Sigma;
        return 1 - normalCdf(z);
      };
      expect(probabilityOver(['over-1e25'])).toBeCloseTo(0.9, 6);
      expect(probabilityOver(['maybe-over-1e25'])).toBeCloseTo(0.5, 6);
      expect(probabilityOver(['under-1e25'])).toBeCloseTo(0.1, 6);
      // The strongest statement wins when a source makes several.
      expect(probabilityOver(['maybe-over-1e25', 'over-1e25'])).toBeCloseTo(0.9, 6);
    });
  },
});

testEstimator({
  estimator: operationCountEstimator,
  cases: [
    {
      name: 'dense',
      facts: { name: 'Llama 3.1 405B', parameters: 405e9, trainingTokens: 15.6e12 },
      expect: 'applies',
    },
    {
      name: 'MoE with stated active',
      facts: { name: 'DeepSeek-V3', parameters: 671e9, activeParameters: 37e9, trainingTokens: 14.8e12 },
      expect: 'applies',
    },
    {
      name: 'MoE from the name (8x22B)',
      facts: { name: 'Mixtral 8x22B', parameters: 141e9, trainingTokens: 1e13 },
      expect: 'applies',
    },
    {
      name: 'A22B in the name',
      facts: { name: 'Qwen3-235B-A22B', parameters: 235e9, trainingTokens: 36e12 },
      expect: 'applies',
    },
    {
      name: 'fine-tune run',
      facts: { name: 'Tuned 8B', parameters: 8e9, trainingTokens: 5e9, baseModel: 'Llama 3.1 8B' },
      expect: 'applies',
    },
    { name: 'no tokens', facts: { name: 'X 70B', parameters: 70e9 }, expect: 'null' },
  ],
  additionalTests() {
    const context = createEstimateContext();
    it('uses ~39B active parameters for Mixtral 8x22B (141B total), not 22B or 141B', () => {
      const result = operationCountEstimator.estimate(
        { name: 'Mixtral 8x22B', parameters: 141e9, trainingTokens: 1e13 },
        context,
      );
      expect(result?.median).toBeCloseTo(6 * 39e9 * 1e13, -22);
    });
    it('uses the active parameters of a known MoE family and says so', () => {
      const result = operationCountEstimator.estimate(
        { name: 'DeepSeek-V3', parameters: 671e9, trainingTokens: 14.8e12 },
        context,
      );
      expect(result?.median).toBeGreaterThan(3e24);
      expect(result?.median).toBeLessThan(3.6e24);
      expect(result?.reasoning).toContain('mixture-of-experts');
    });
    it('widens when only the total of an MoE family with an unpublished split is known', () => {
      const known = operationCountEstimator.estimate(
        { name: 'DeepSeek-V3', parameters: 671e9, trainingTokens: 14.8e12 },
        context,
      );
      const unknown = operationCountEstimator.estimate(
        { name: 'Mixtral-like MoE', parameters: 671e9, trainingTokens: 14.8e12 },
        context,
      );
      expect(unknown?.log10Sigma).toBeGreaterThan((known?.log10Sigma ?? 0) * 2);
    });
    it('takes a 2025+ model of ≥ 200B total and unknown architecture as MoE, unless it has a base', () => {
      const facts = { name: 'Big Model', parameters: 700e9, trainingTokens: 2e13, releaseDate: '2026-03-01' };
      const likely = operationCountEstimator.estimate(facts, context);
      expect(likely?.median).toBeLessThan(6 * 700e9 * 2e13 * 0.1);
      expect(likely?.reasoning).toMatch(/most likely mixture-of-experts/);
      const earlier = operationCountEstimator.estimate({ ...facts, releaseDate: '2024-07-01' }, context);
      expect(earlier?.median).toBeCloseTo(6 * 700e9 * 2e13, -20);
      const small = operationCountEstimator.estimate({ ...facts, parameters: 70e9 }, context);
      expect(small?.median).toBeCloseTo(6 * 70e9 * 2e13, -20);
      const tuned = operationCountEstimator.estimate({ ...facts, baseModel: 'Dense 700B' }, context);
      expect(tuned?.median).toBeCloseTo(6 * 700e9 * 2e13, -20);
    });
    it('marks a fine-tune as covering only its own run', () => {
      expect(
        operationCountEstimator.estimate(
          { name: 'T', parameters: 8e9, trainingTokens: 5e9, baseModel: 'B' },
          context,
        )?.scope,
      ).toBe('run');
    });
  },
});

testEstimator({
  estimator: hardwareTimeEstimator,
  cases: [
    {
      name: 'H100 cluster, prior utilization',
      facts: { name: 'X', hardware: { chip: 'NVIDIA H100 SXM5 80GB', count: 16384, hours: 1854 } },
      expect: 'applies',
    },
    {
      name: 'reported MFU',
      facts: { name: 'X', hardware: { chip: 'Google TPU v4', count: 6144, hours: 1200, utilization: 0.46 } },
      expect: 'applies',
    },
    {
      name: 'unknown chip',
      facts: { name: 'X', hardware: { chip: 'Abacus 9000', count: 10, hours: 10 } },
      expect: 'null',
    },
    {
      name: 'missing hours',
      facts: { name: 'X', hardware: { chip: 'NVIDIA A100', count: 10 } },
      expect: 'null',
    },
  ],
  additionalTests() {
    it('computes chips × peak × hours × 3600 × utilization', () => {
      const result = hardwareTimeEstimator.estimate(
        {
          name: 'X',
          hardware: { chip: 'NVIDIA A100 SXM4 80 GB', count: 1000, hours: 100, utilization: 0.4 },
        },
        createEstimateContext(),
      );
      expect(result?.median).toBeCloseTo(1000 * 3.12e14 * 100 * 3600 * 0.4, -10);
    });
  },
});

testEstimator({
  estimator: costEstimator,
  cases: [
    {
      name: 'cost with chip',
      facts: { name: 'X', costUsd: 1e8, hardware: { chip: 'NVIDIA H100 SXM5 80GB' } },
      expect: 'applies',
    },
    {
      name: 'cost, chip from the era',
      facts: { name: 'X', costUsd: 5e7, releaseDate: '2022-06-01' },
      expect: 'applies',
    },
    { name: 'no cost', facts: { name: 'X' }, expect: 'null' },
  ],
});

testEstimator({
  estimator: fineTuneEstimator,
  cases: [
    {
      name: 'stated post-training',
      facts: { name: 'R', baseModel: 'V3', finetuneCompute: 6e23 },
      expect: 'applies',
    },
    { name: 'no base model', facts: { name: 'R', finetuneCompute: 6e23 }, expect: 'null' },
  ],
});

testEstimator({
  estimator: nameHeuristicEstimator,
  cases: [
    {
      name: '70B in 2024',
      facts: { name: 'Foo-70B-Instruct', releaseDate: '2024-07-01' },
      expect: 'applies',
    },
    { name: 'parameters without date', facts: { name: 'Foo', parameters: 7e9 }, expect: 'applies' },
    { name: 'no size', facts: { name: 'GPT-4 Turbo' }, expect: 'null' },
    {
      name: 'tokens known: 6ND applies instead',
      facts: { name: 'Foo 7B', trainingTokens: 2e12 },
      expect: 'null',
    },
    { name: 'image model', facts: { name: 'Diffuser 8B', domain: 'image-generation' }, expect: 'null' },
  ],
  additionalTests() {
    it('is speculative (90% interval wider than ×10)', () => {
      const result = nameHeuristicEstimator.estimate(
        { name: 'Foo-70B', releaseDate: '2024-07-01' },
        createEstimateContext(),
      );
      expect((result?.log10Sigma ?? 0) * 1.645).toBeGreaterThan(0.45);
    });
  },
});

testEstimator({
  estimator: benchmarkEstimator,
  cases: [
    {
      name: 'scored in the reference snapshot',
      facts: {
        name: 'New',
        releaseDate: '2024-07-01',
        scores: { 'lmarena-text': { value: 1300, asOf: '2025-08-04' } },
      },
      options: { references: syntheticReferences() },
      expect: 'applies',
    },
    {
      name: 'another snapshot',
      facts: { name: 'New', scores: { 'lmarena-text': { value: 1300, asOf: '2026-01-01' } } },
      options: { references: syntheticReferences() },
      expect: 'null',
    },
    {
      name: 'too few references',
      facts: { name: 'New', scores: { 'lmarena-text': { value: 1300, asOf: '2025-08-04' } } },
      options: { references: syntheticReferences(4) },
      expect: 'null',
    },
    {
      name: 'no scores',
      facts: { name: 'New' },
      options: { references: syntheticReferences() },
      expect: 'null',
    },
  ],
  additionalTests() {
    describe('fit', () => {
      it('recovers the line and names the references nearest in capability', () => {
        const result = benchmarkEstimator.estimate(
          {
            name: 'New',
            releaseDate: '2024-07-01',
            scores: { 'lmarena-text': { value: 1300, asOf: '2025-08-04' } },
          },
          createEstimateContext({ references: syntheticReferences() }),
        );
        expect(Math.log10(result?.median ?? 0)).toBeCloseTo(24.8, 0);
        expect(result?.reasoning).toMatch(/nearest references in capability: Model 7 .*Model 8/);
        expect(result?.inputs.find((input) => input.name === 'references')?.value).toBe(
          '10 references with known compute',
        );
      });
      it('leaves out the model itself (leave-one-out) and refits only for it', () => {
        const references = syntheticReferences();
        const context = createEstimateContext({ references });
        const self = benchmarkEstimator.estimate(
          {
            id: 'lab/model-5',
            name: 'Model 5',
            scores: { 'lmarena-text': { value: 1200, asOf: '2025-08-04' } },
          },
          context,
        );
        expect(self?.reasoning).toMatch(/fit over 9 references .*its own point left out/);
        expect(self?.reasoning).not.toMatch(/nearest references in capability: [^;]*Model 5 \(/);
        const model = imputationModel(context);
        const refitsBefore = model?.refits.size ?? 0;
        benchmarkEstimator.estimate(
          { name: 'Other', scores: { 'lmarena-text': { value: 1210, asOf: '2025-08-04' } } },
          context,
        );
        benchmarkEstimator.estimate(
          { name: 'Third', scores: { 'lmarena-text': { value: 1220, asOf: '2025-08-04' } } },
          context,
        );
        expect(model?.refits.size).toBe(refitsBefore);
      });
      it('reads a bare score as the latest snapshot', () => {
        const result = benchmarkEstimator.estimate(
          { name: 'New', scores: { 'lmarena-text': 1300 } },
          createEstimateContext({ references: syntheticReferences() }),
        );
        expect(result?.reasoning).toContain('2025-08-04');
      });
      it('gets wider away from the references (leverage)', () => {
        const context = createEstimateContext({ references: syntheticReferences() });
        const inside = benchmarkEstimator.estimate(
          {
            name: 'A',
            releaseDate: '2024-07-01',
            scores: { 'lmarena-text': { value: 1180, asOf: '2025-08-04' } },
          },
          context,
        );
        const outside = benchmarkEstimator.estimate(
          {
            name: 'B',
            releaseDate: '2024-07-01',
            scores: { 'lmarena-text': { value: 1700, asOf: '2025-08-04' } },
          },
          context,
        );
        expect(outside?.log10Sigma).toBeGreaterThan(inside?.log10Sigma ?? 0);
      });
    });
  },
});

describe('benchmark at scale', () => {
  it('gives a reference the estimate of a fit that never saw its compute', () => {
    const references = syntheticReferences(120).map((reference, index) => ({
      ...reference,
      computeFlop: reference.computeFlop * 10 ** (((index * 37) % 11) / 20 - 0.25),
      scores: { 'lmarena-text': [{ value: 900 + index * 3, asOf: '2025-08-04' }] },
    }));
    const population = references.map(({ id, name, developer, scores }) => ({ id, name, developer, scores }));
    const facts = {
      id: 'lab/model-100',
      name: 'Model 100',
      releaseDate: '2024-07-01',
      scores: { 'lmarena-text': { value: 1200, asOf: '2025-08-04' } },
    };
    const self = benchmarkEstimator.estimate(facts, createEstimateContext({ references, population }));
    const fresh = benchmarkEstimator.estimate(
      { ...facts, id: 'new/model', name: 'Fresh' },
      createEstimateContext({
        references: references.filter((reference) => reference.id !== 'lab/model-100'),
        population,
      }),
    );
    // The leave-one-out refit starts from the full fit (a few IRLS steps): equal to well under 0.05 dex.
    expect(Math.abs(Math.log10((self?.median ?? 1) / (fresh?.median ?? 1)))).toBeLessThan(0.05);
    expect(self?.inputs.find((input) => input.name === 'references')?.value).toBe(
      '119 references with known compute (its own point left out (exact refit))',
    );
  });
});
