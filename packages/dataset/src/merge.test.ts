import { ModelRecordSchema, ScoreSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { mergeObservations } from './merge';
import { makeObservation, resolve } from './test-factories';

describe('mergeObservations', () => {
  const arena = (asOf: string, value: number, retrievedAt: string, rawName = 'GPT-4o') =>
    makeObservation({
      rawName,
      retrievedAt,
      developer: 'OpenAI',
      license: 'Proprietary',
      scores: { 'lmarena-text': { value, asOf, votes: 1000 } },
    });
  const router = makeObservation({
    source: 'openrouter',
    sourceUrl: 'https://openrouter.ai/api/v1/models',
    rawName: 'openai/gpt-4o',
    retrievedAt: '2026-01-05T00:00:00.000Z',
    developer: 'openai',
    releaseDate: '2024-05-13',
    contextLength: 128000,
    links: ['https://example.org/a', 'https://example.org/b'],
  });
  const epoch = makeObservation({
    source: 'epoch',
    sourceUrl: 'https://epoch.ai/data/all_ai_models.csv',
    rawName: 'GPT-4o',
    retrievedAt: '2026-01-01T00:00:00.000Z',
    developer: 'OpenAI',
    parameters: { total: 2e11, active: 1e11 },
    reportedCompute: { flop: 3.8e25, confidence: 'speculative' },
  });

  const records = mergeObservations([
    resolve(arena('2026-01-09', 1300, '2026-01-10T00:00:00.000Z'), 'openai/gpt-4o', 'GPT-4o', 'OpenAI'),
    resolve(arena('2026-02-09', 1310, '2026-02-10T00:00:00.000Z'), 'openai/gpt-4o', 'GPT-4o', 'OpenAI'),
    resolve(router, 'openai/gpt-4o', 'GPT-4o', 'OpenAI'),
    resolve(epoch, 'openai/gpt-4o', 'GPT-4o', 'OpenAI'),
    resolve(
      makeObservation({ rawName: 'Claude 3.5 Sonnet' }),
      'anthropic/claude-3.5-sonnet',
      'Claude 3.5 Sonnet',
      'Anthropic',
    ),
  ]);
  const gpt = records.find((record) => record.id === 'openai/gpt-4o')!;

  it('gives one record per model, sorted by id', () => {
    expect(records.map((record) => record.id)).toEqual(['anthropic/claude-3.5-sonnet', 'openai/gpt-4o']);
  });

  it('keeps every source fact with its provenance, ordered by source then time, without repeats', () => {
    expect(gpt.facts.developer).toEqual([
      {
        value: 'OpenAI',
        source: 'epoch',
        url: 'https://epoch.ai/data/all_ai_models.csv',
        retrievedAt: '2026-01-01T00:00:00.000Z',
      },
      {
        value: 'OpenAI',
        source: 'lmarena',
        url: 'https://example.org/leaderboard',
        retrievedAt: '2026-01-10T00:00:00.000Z',
      },
      {
        value: 'openai',
        source: 'openrouter',
        url: 'https://openrouter.ai/api/v1/models',
        retrievedAt: '2026-01-05T00:00:00.000Z',
      },
    ]);
    expect(gpt.facts.parameters?.map((fact) => fact.value)).toEqual([2e11]);
    expect(gpt.facts.activeParameters?.map((fact) => fact.value)).toEqual([1e11]);
    expect(gpt.facts.reportedCompute?.[0]?.value).toEqual({ flop: 3.8e25, confidence: 'speculative' });
    expect(gpt.facts.links?.map((fact) => fact.value)).toEqual([
      'https://example.org/a',
      'https://example.org/b',
    ]);
    expect(gpt.facts.license).toHaveLength(1);
  });

  it('keeps one score per leaderboard snapshot, oldest first', () => {
    expect(gpt.scores['lmarena-text']?.map((score) => [score.asOf, score.value, score.source])).toEqual([
      ['2026-01-09', 1300, 'lmarena'],
      ['2026-02-09', 1310, 'lmarena'],
    ]);
    expect(gpt.scores['lmarena-text']?.[0]).toMatchObject({
      url: 'https://example.org/leaderboard',
      votes: 1000,
    });
  });

  it('picks the developer most sources state, lists aliases and observation refs', () => {
    expect(gpt.developer).toBe('OpenAI');
    expect(gpt.name).toBe('GPT-4o');
    expect(gpt.aliases).toEqual(['openai/gpt-4o']);
    expect(gpt.observations.map((ref) => `${ref.source}:${ref.retrievedAt}`)).toEqual([
      'epoch:2026-01-01T00:00:00.000Z',
      'lmarena:2026-01-10T00:00:00.000Z',
      'lmarena:2026-02-10T00:00:00.000Z',
      'openrouter:2026-01-05T00:00:00.000Z',
    ]);
  });

  it("keeps each observation's own model id on its ref, so the record can be found by it", () => {
    const [record] = mergeObservations([
      resolve(
        makeObservation({
          source: 'openrouter',
          rawName: 'mistral-large-2407',
          sourceModelId: 'mistralai/mistral-large-2407',
        }),
        'mistral/mistral-large-2407',
        'Mistral Large 2',
        'Mistral AI',
      ),
      resolve(makeObservation({ rawName: 'Mistral-Large-2407' }), 'mistral/mistral-large-2407', 'x', null),
    ]);
    expect(ModelRecordSchema.parse(record)).toEqual(record);
    expect(record!.observations.map((ref) => [ref.rawName, ref.sourceModelId])).toEqual([
      ['Mistral-Large-2407', undefined],
      ['mistral-large-2407', 'mistralai/mistral-large-2407'],
    ]);
    expect('sourceModelId' in record!.observations[0]!).toBe(false);
  });

  it('falls back to the resolution developer and resolves base model names', () => {
    const [record] = mergeObservations(
      [
        resolve(
          makeObservation({ rawName: 'Tuned', baseModel: 'Llama 3 70B' }),
          'acme/tuned',
          'Tuned',
          'Acme',
        ),
      ],
      { resolveBaseModel: (name) => (name === 'Llama 3 70B' ? 'meta/llama-3-70b' : undefined) },
    );
    expect(record?.developer).toBe('Acme');
    expect(record?.facts.baseModel?.[0]?.value).toBe('meta/llama-3-70b');
  });

  it('picks the latest retrieval when one snapshot is seen twice, whatever the input order', () => {
    const early = arena('2026-01-09', 1290, '2026-01-10T00:00:00.000Z', 'gpt-4o-2024-05-13');
    const late = arena('2026-01-09', 1300, '2026-01-11T00:00:00.000Z', 'gpt-4o-2024-08-06');
    const forward = mergeObservations([
      resolve(early, 'openai/gpt-4o', 'GPT-4o'),
      resolve(late, 'openai/gpt-4o', 'GPT-4o'),
    ]);
    const backward = mergeObservations([
      resolve(late, 'openai/gpt-4o', 'GPT-4o'),
      resolve(early, 'openai/gpt-4o', 'GPT-4o'),
    ]);
    expect(forward).toEqual(backward);
    expect(forward[0]?.scores['lmarena-text']?.map((score) => score.value)).toEqual([1300]);
    expect(forward[0]?.aliases).toEqual(['gpt-4o-2024-05-13', 'gpt-4o-2024-08-06']);
  });

  it('merges 100,000 observations into valid records', () => {
    const resolved = [];
    for (let index = 0; index < 100_000; index += 1) {
      const model = index % 5000;
      resolved.push(
        resolve(
          makeObservation({
            source: ['lmarena', 'openrouter', 'epoch', 'livebench', 'huggingface'][
              Math.floor(index / 5000) % 5
            ]!,
            rawName: `model-${model}`,
            retrievedAt: `2026-01-${String(Math.floor(index / 5000) + 1).padStart(2, '0')}T00:00:00.000Z`,
            parameters: { total: 1e9 * ((model % 50) + 1) },
            scores: {
              'lmarena-text': {
                value: 1000 + (index % 300),
                asOf: `2026-01-${String((index % 4) + 1).padStart(2, '0')}`,
              },
            },
          }),
          `acme/model-${model}`,
          `Model ${model}`,
        ),
      );
    }
    const merged = mergeObservations(resolved);
    expect(merged).toHaveLength(5000);
    expect(merged[0]?.observations).toHaveLength(20);
    expect(ModelRecordSchema.safeParse(merged[4999]).success).toBe(true);
  });
  it('copies every field of a score, with its provenance, and nothing else', () => {
    // The merge builds score facts field by field (for speed): a new Score field must be added there too.
    expect(Object.keys(ScoreSchema.shape).sort()).toEqual(
      ['asOf', 'lower', 'preliminary', 'rank', 'upper', 'value', 'votes'].sort(),
    );
    const score = {
      value: 1250,
      lower: 1240,
      upper: 1261,
      votes: 900,
      rank: 7,
      asOf: '2026-03-01',
      preliminary: true,
    };
    const [record] = mergeObservations([
      resolve(
        makeObservation({ rawName: 'Model X', scores: { 'lmarena-text': score } }),
        'acme/model-x',
        'Model X',
      ),
    ]);
    expect(record?.scores['lmarena-text']).toStrictEqual([
      {
        ...score,
        source: 'lmarena',
        url: 'https://example.org/leaderboard',
        retrievedAt: '2026-01-10T00:00:00.000Z',
      },
    ]);
    expect(ModelRecordSchema.safeParse(record).success).toBe(true);
  });
});
