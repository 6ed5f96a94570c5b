import type { ModelRecord } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { createEstimateContext, estimateCompute } from '../estimate-compute';
import { buildLineage } from '../estimate-records';
import type { LineageModel } from '../estimator';
import { derivativeEstimator } from './derivative';
import { findNameLineage, largestDense, nameWords } from './lineage';
import { nameHeuristicEstimator } from './name-heuristic';

function model(
  name: string,
  developer: string,
  releaseDate: string,
  parameters: number,
  computeFlop: number,
  extra: Partial<LineageModel> = {},
): LineageModel {
  return {
    id: `${developer.toLowerCase()}/${name.toLowerCase().replace(/[^a-z0-9.]+/g, '-')}`,
    name,
    developer,
    releaseDate,
    accessibility: 'open-weights',
    parameters,
    computeFlop,
    confidence: 'confident',
    derived: false,
    ...extra,
  };
}

/** Small lineage in the shape `buildLineage` makes: figures like Epoch's for these architectures. */
const lineage: LineageModel[] = [
  model('Llama 2 70B', 'Meta', '2023-07-18', 70e9, 8.1e23, { trainingTokens: 2e12 }),
  model('Llama 3.1 70B', 'Meta', '2024-07-23', 70.6e9, 7.9e24, { trainingTokens: 15e12, derivatives: 6 }),
  model('Llama 3.3 70B', 'Meta', '2024-12-06', 70.6e9, 6.9e24, { trainingTokens: 15e12, derivatives: 4 }),
  model('Llama 3.1 405B', 'Meta', '2024-07-23', 405e9, 3.8e25, { trainingTokens: 15.6e12 }),
  model('Qwen2.5-72B', 'Alibaba', '2024-09-19', 72.7e9, 7.9e24, { trainingTokens: 18e12 }),
  model('Qwen2.5-7B', 'Alibaba', '2024-09-19', 7.6e9, 8.2e23, { trainingTokens: 18e12 }),
  model('DeepSeek-V3', 'DeepSeek', '2024-12-24', 671e9, 3.3e24, { trainingTokens: 14.8e12 }),
  model('DeepSeek-LLM 67B', 'DeepSeek', '2024-01-05', 67e9, 8e23, { trainingTokens: 2e12 }),
  model('PaLM 540B', 'Google', '2022-04-04', 540e9, 2.5e24, {
    trainingTokens: 780e9,
    accessibility: 'unreleased',
  }),
  model('Switch-C', 'Google', '2021-01-11', 1.57e12, 8.2e22, { trainingTokens: 5e11 }),
  model('Tuned Llama 70B', 'Shop', '2024-09-01', 70.6e9, 8e24, { derived: true }),
];

const context = (options: { leaveOutDeveloper?: boolean } = {}) =>
  createEstimateContext({ lineage, blind: true, ...options });

describe('derivatives read from names and sizes', () => {
  it('narrows to the family a name carries (cogito-v2-preview-llama-70b → the Llama 70Bs)', () => {
    const facts = {
      id: 'cogito/llama-70b',
      name: 'cogito-v2-preview-llama-70b',
      developer: 'Deep Cogito',
      releaseDate: '2025-09-02',
    };
    const found = findNameLineage(facts, context());
    expect(found?.basis).toBe('family');
    expect(found?.family).toBe('llama');
    // Llama 2 70B (2023-07) is over two years older than the model.
    expect(found?.bases.map((base) => base.model.name).sort()).toEqual(['Llama 3.1 70B', 'Llama 3.3 70B']);
    const result = derivativeEstimator.estimate(facts, context());
    expect(result).not.toBeNull();
    // Between the bases, pulled to the recent and popular ones; a fine-tune share on top.
    expect(result?.median).toBeGreaterThan(3e24);
    expect(result?.median).toBeLessThan(9e24);
    expect(result?.reasoning).toContain('Llama 3.3 70B');
    expect(result?.reasoning).toContain('"llama"');
    expect(
      result?.inputs.some((input) => input.name === 'baseModel' && input.value === 'Llama 3.1 70B'),
    ).toBe(true);
    // The name heuristic (6 × 70B × the era's tokens) steps aside for it.
    expect(nameHeuristicEstimator.estimate(facts, context())).toBeNull();
  });

  it('takes every open-weight base of a size in the name of a shop that pretrains nothing, weighted toward recent and popular bases', () => {
    const facts = { name: 'anubis-70b-v1.1', developer: 'TheDrummer', releaseDate: '2025-06-29' };
    const found = findNameLineage(facts, context());
    expect(found?.basis).toBe('size');
    // Qwen2.5-72B is ×1.03 away: another size. The derived "Tuned Llama 70B" is no pretrained base.
    expect(found?.bases.map((base) => base.model.name)).not.toContain('Qwen2.5-72B');
    expect(found?.bases.map((base) => base.model.name)).not.toContain('Tuned Llama 70B');
    const weights = new Map(found?.bases.map((base) => [base.model.name, base.weight]));
    expect(weights.get('Llama 3.3 70B')).toBeGreaterThan(weights.get('Llama 2 70B') as number);
    // Llama 2 70B disagrees with the Llama 3s: the mixture is wider than either.
    expect(found?.log10Sigma).toBeGreaterThan(0.3);
  });

  it('matches a 671B name to the 671B MoE (above any dense size), and a dense 70B name never to a same-size MoE', () => {
    const found = findNameLineage(
      { name: 'cogito-v2.1-671b', developer: 'Deep Cogito', releaseDate: '2025-11-13' },
      context(),
    );
    expect(found?.bases.map((base) => base.model.name)).toEqual(['DeepSeek-V3']);
    const withMoe = [
      ...lineage,
      model('Pangu 70B MoE', 'Huawei', '2025-05-28', 70.6e9, 1e24, { activeParameters: 7e9 }),
    ];
    const dense = findNameLineage(
      { name: 'anubis-70b', developer: 'TheDrummer', releaseDate: '2025-06-29' },
      createEstimateContext({ lineage: withMoe, blind: true }),
    );
    expect(dense?.bases.map((base) => base.model.name)).not.toContain('Pangu 70B MoE');
  });

  it('matches a 72B name to the 72B base', () => {
    const found = findNameLineage(
      { name: 'magnum-v4-72b', developer: 'Anthracite', releaseDate: '2024-10-20' },
      context(),
    );
    expect(found?.bases.map((base) => base.model.name)).toEqual(['Qwen2.5-72B']);
  });

  it('infers nothing for a lab that pretrained that size or half of it, without another family in the name', () => {
    // DeepSeek pretrained 671B: its 685B model may be a new pretraining.
    expect(
      findNameLineage(
        { name: 'DeepSeekMath-V2', developer: 'DeepSeek', parameters: 685e9, releaseDate: '2025-11-27' },
        context(),
      ),
    ).toBeNull();
    // Alibaba pretrained 72B: a 70B of its own is no Llama post-train.
    expect(
      findNameLineage({ name: 'Qwen-Next 70B', developer: 'Alibaba', releaseDate: '2025-06-01' }, context()),
    ).toBeNull();
    // A size stated only in the facts is the model's size, not a claim of lineage.
    expect(
      findNameLineage(
        { name: 'SenseChat', developer: 'SenseTime', parameters: 70e9, releaseDate: '2025-01-01' },
        context(),
      ),
    ).toBeNull();
  });

  it('never uses the model itself, a base released after it, a base over two years older, or a non-language model', () => {
    // Blind: Llama 3.3 70B is not its own base (and Meta pretrained 70B anyway).
    expect(
      findNameLineage(
        { id: 'meta/llama-3.3-70b', name: 'Llama 3.3 70B', developer: 'Meta', releaseDate: '2024-12-06' },
        context(),
      ),
    ).toBeNull();
    // Before any 70B base existed.
    expect(
      findNameLineage({ name: 'early-70b', developer: 'Shop', releaseDate: '2023-01-01' }, context()),
    ).toBeNull();
    // Switch-C (2021) is no base of a 2026 1.57T model.
    expect(
      findNameLineage({ name: 'giant-1.57t', developer: 'Shop', releaseDate: '2026-01-01' }, context()),
    ).toBeNull();
    expect(
      findNameLineage(
        { name: 'vision-70b', developer: 'Shop', domain: 'vision', releaseDate: '2025-01-01' },
        context(),
      ),
    ).toBeNull();
  });

  it('uses a base model tag that names a lineage model when the pipeline cannot look it up', () => {
    const found = findNameLineage(
      { name: 'Tuned', baseModel: 'meta-llama/Llama-3.1-70B', developer: 'Shop' },
      context(),
    );
    expect(found?.basis).toBe('tag');
    const result = derivativeEstimator.estimate(
      { name: 'Tuned', baseModel: 'meta-llama/Llama-3.1-70B', developer: 'Shop' },
      context(),
    );
    expect(result?.median).toBeCloseTo(7.9e24 * 10 ** 0.02, -22);
  });

  it('reads family words from names', () => {
    expect(nameWords('Qwen2.5-72B-Instruct')).toEqual(['qwen', 'instruct']);
  });
});

describe('mixture-of-experts prior for totals', () => {
  it('takes a total above the largest dense model ever trained as MoE, saying so', () => {
    expect(largestDense({ name: 'X' }, context())?.name).toBe('PaLM 540B');
    const result = nameHeuristicEstimator.estimate(
      { name: 'M6-10T', developer: 'Alibaba', releaseDate: '2021-10-08' },
      context(),
    );
    expect(result?.reasoning).toContain('no dense model of 10T has been trained');
    expect(result?.reasoning).toContain('PaLM 540B');
    // 6 × 10T × the 2021 tokens would be ~6e25; the active share brings it under 1e25.
    expect(result?.median).toBeLessThan(1e25);
  });

  it('leaves the model itself out of the dense bound', () => {
    expect(largestDense({ id: 'google/palm-540b', name: 'PaLM 540B' }, context())?.name).toBe(
      'Llama 3.1 405B',
    );
  });

  it("learns a developer's MoE split from its earlier models' figures (6·N·D well above the figure)", () => {
    const facts = {
      name: 'DeepSeekMath-V2',
      developer: 'DeepSeek',
      parameters: 685e9,
      releaseDate: '2025-11-27',
    };
    const result = nameHeuristicEstimator.estimate(facts, context());
    expect(result?.reasoning).toContain('DeepSeek-V3');
    expect(result?.median).toBeLessThan(1e25);
    // Not from a model released after it.
    const earlier = nameHeuristicEstimator.estimate({ ...facts, releaseDate: '2024-06-01' }, context());
    expect(earlier?.reasoning).not.toContain('DeepSeek-V3');
  });
});

describe('buildLineage', () => {
  const record = (id: string, name: string, facts: ModelRecord['facts']): ModelRecord =>
    ({
      id,
      name,
      aliases: [],
      facts,
      scores: {},
      observations: [],
      curation: { status: 'candidate', needsReview: false },
    }) as unknown as ModelRecord;
  const fact = <T>(value: T) => [
    {
      source: 'epoch',
      url: 'https://epoch.ai/data/notable_ai_models.csv',
      retrievedAt: '2026-01-01T00:00:00.000Z',
      value,
    },
  ];

  it('keeps records with a confident or likely figure, marks derived ones and counts derivatives', () => {
    const records = [
      record('meta/llama-3.1-70b', 'Llama 3.1 70B', {
        reportedCompute: fact({ flop: 7.9e24, confidence: 'confident' as const }),
        baseModel: fact('meta-llama/Llama-3.1-70B'),
        parameters: fact(70.6e9),
      }),
      record('shop/tuned', 'Tuned', {
        reportedCompute: fact({ flop: 8e24, confidence: 'likely' as const }),
        baseModel: fact('Llama 3.1 70B'),
      }),
      record('x/guess', 'Guess 7B', {
        reportedCompute: fact({ flop: 1e23, confidence: 'speculative' as const }),
      }),
    ];
    const built = buildLineage(records);
    expect(built.map((entry) => entry.id)).toEqual(['meta/llama-3.1-70b', 'shop/tuned']);
    const [llama, tuned] = built as [LineageModel, LineageModel];
    expect(llama.derived).toBe(false);
    expect(llama.derivatives).toBe(1);
    expect(tuned.derived).toBe(true);
  });

  it('lets estimateCompute use it: a 70B post-train of a shop lands near the Llama 70Bs, not at 6·70B·25T', () => {
    const { estimate } = estimateCompute(
      { name: 'hermes-4-70b', developer: 'Nous', releaseDate: '2025-08-26' },
      { lineage, blind: true },
    );
    expect(estimate?.method).toBe('derivative');
    expect(estimate?.median).toBeLessThan(1e25);
  });
});
