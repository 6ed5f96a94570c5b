import { type ModelRecord, ModelRecordSchema, type ObservationRef } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { findModelRecord, modelRecordNames } from './find-model';
import { createResolver } from './resolver';

const retrievedAt = '2026-05-22T00:00:00.000Z';

function record(
  id: string,
  name: string,
  observations: readonly (Partial<ObservationRef> & { rawName: string })[],
  huggingFaceIds: readonly string[] = [],
): ModelRecord {
  const refs = observations.map((ref) => ({ source: 'epoch', retrievedAt, ...ref }));
  return ModelRecordSchema.parse({
    id,
    name,
    developer: null,
    aliases: [...new Set(refs.map((ref) => ref.rawName).filter((raw) => raw !== name))].sort(),
    facts:
      huggingFaceIds.length === 0
        ? {}
        : {
            huggingFaceId: huggingFaceIds.map((value) => ({
              value,
              source: 'huggingface',
              url: `https://huggingface.co/${value}`,
              retrievedAt,
            })),
          },
    scores: {},
    observations: refs,
  });
}

const models: ModelRecord[] = [
  record('mistral/mistral-large-2', 'Mistral Large 2', [
    { rawName: 'Mistral Large 2' },
    { source: 'openrouter', rawName: 'mistral-large-2407', sourceModelId: 'mistralai/mistral-large-2407' },
  ]),
  record(
    'alibaba/qwen3-235b-a22b',
    'Qwen3-235B-A22B',
    [
      {
        source: 'huggingface',
        rawName: 'Qwen3-235B-A22B',
        sourceModelId: 'Qwen/Qwen3-235B-A22B',
      },
    ],
    ['Qwen/Qwen3-235B-A22B'],
  ),
  record('anthropic/claude-3.5-sonnet', 'Claude 3.5 Sonnet', [
    { rawName: 'Claude 3.5 Sonnet' },
    { source: 'lmarena', rawName: 'claude-3-5-sonnet-20241022' },
  ]),
  record('google/vit-base-32', 'ViT-Base/32', [{ rawName: 'ViT-Base/32' }]),
  record('google/vit-huge-14', 'ViT-Huge/14', [{ rawName: 'ViT-Huge/14' }]),
  record('newyorkuniversitynyu/dit-xl-2', 'DiT-XL/2', [{ rawName: 'DiT-XL/2' }]),
  record('deepcogito/cogito-v2.1-671b', 'Cogito v2.1', [
    { source: 'artificial-analysis', rawName: 'Cogito v2.1' },
    { source: 'openrouter', rawName: 'cogito-v2.1-671b', sourceModelId: 'deepcogito/cogito-v2.1-671b' },
  ]),
  record('meta/llama-3.3-70b', 'Llama 3.3 70B', [{ rawName: 'Llama-3.3-70B-Instruct' }]),
  record('somehost/llama-3.3-70b', 'Llama 3.3 70B', [{ rawName: 'Llama-3.3-70B-Instruct' }]),
  record('openai/o1', 'o1', [{ rawName: 'o1' }]),
];

function found(query: string) {
  const match = findModelRecord(models, query);
  if (match.status !== 'found') throw new Error(`${query}: ${match.status}`);
  return { id: match.record.id, by: match.matchedBy };
}

describe('findModelRecord', () => {
  it("finds a model by a source's own id: OpenRouter's and the Hub's", () => {
    expect(found('mistralai/mistral-large-2407')).toEqual({
      id: 'mistral/mistral-large-2',
      by: 'source-model-id',
    });
    expect(found('Qwen/Qwen3-235B-A22B')).toEqual({ id: 'alibaba/qwen3-235b-a22b', by: 'source-model-id' });
    expect(found('qwen/qwen3-235b-a22b')).toEqual({ id: 'alibaba/qwen3-235b-a22b', by: 'source-model-id' });
    // An owner nobody lists as a developer still finds the record by the id the source gave.
    expect(found('deepcogito/cogito-v2.1-671b')).toEqual({
      id: 'deepcogito/cogito-v2.1-671b',
      by: 'id',
    });
  });

  it('finds a model by its id, name, alias and raw names, ignoring case and then punctuation', () => {
    expect(found('google/vit-base-32')).toEqual({ id: 'google/vit-base-32', by: 'id' });
    expect(found('GOOGLE/VIT-BASE-32')).toEqual({ id: 'google/vit-base-32', by: 'id' });
    expect(found('Mistral Large 2')).toEqual({ id: 'mistral/mistral-large-2', by: 'name' });
    expect(found('mistral-large-2407')).toEqual({ id: 'mistral/mistral-large-2', by: 'alias' });
    expect(found('claude 3 5 sonnet 20241022')).toEqual({ id: 'anthropic/claude-3.5-sonnet', by: 'alias' });
    expect(found('vitbase32')).toEqual({ id: 'google/vit-base-32', by: 'name' });
  });

  it('finds names with a slash in them as the whole name (ViT-Base/32, DiT-XL/2)', () => {
    expect(found('ViT-Base/32')).toEqual({ id: 'google/vit-base-32', by: 'name' });
    expect(found('DiT-XL/2')).toEqual({ id: 'newyorkuniversitynyu/dit-xl-2', by: 'name' });
    expect(findModelRecord(models, '32')).toMatchObject({ status: 'not-found' });
  });

  it('finds a spelling no source used through the resolver’s normalisation', () => {
    expect(found('claude-3-5-sonnet-20240620')).toEqual({
      id: 'anthropic/claude-3.5-sonnet',
      by: 'normalized-name',
    });
    expect(found('mistralai/mistral-large-2407:free')).toEqual({
      id: 'mistral/mistral-large-2',
      by: 'normalized-name',
    });
    // The developer is unknown from the name alone: the model part of the id decides when it is unique.
    expect(found('ViT Huge 14 (preview)')).toEqual({ id: 'google/vit-huge-14', by: 'normalized-name' });
  });

  it('says when a name belongs to several records, listing them', () => {
    const match = findModelRecord(models, 'Llama-3.3-70B-Instruct');
    expect(match).toMatchObject({ status: 'ambiguous', matchedBy: 'alias' });
    expect(match.status === 'ambiguous' && match.records.map((each) => each.id)).toEqual([
      'meta/llama-3.3-70b',
      'somehost/llama-3.3-70b',
    ]);
  });

  it('prefers the record a name is most directly of: its own source id over another record’s Hugging Face id', () => {
    const base = record(
      'mistral/mistral-7b',
      'Mistral 7B',
      [
        {
          source: 'openrouter',
          rawName: 'mistral-7b-instruct',
          sourceModelId: 'mistralai/mistral-7b-instruct',
        },
      ],
      ['mistralai/Mistral-7B-Instruct-v0.3'],
    );
    const v03 = record('mistral/mistral-7b-v0.3', 'Mistral 7B v0.3', [
      {
        source: 'openrouter',
        rawName: 'mistral-7b-instruct-v0.3',
        sourceModelId: 'mistralai/mistral-7b-instruct-v0.3',
      },
    ]);
    expect(findModelRecord([base, v03], 'mistralai/Mistral-7B-Instruct-v0.3')).toMatchObject({
      status: 'found',
      matchedBy: 'source-model-id',
      record: { id: 'mistral/mistral-7b-v0.3' },
    });
  });

  it('offers near records that contain the query or are most of it, never a short name inside it', () => {
    const match = findModelRecord(models, 'mistral-large');
    expect(match.status === 'not-found' && match.near.map((each) => each.id)).toEqual([
      'mistral/mistral-large-2',
    ]);
    const unknown = findModelRecord(models, 'someone/o1-like-model-7b');
    expect(unknown.status === 'not-found' && unknown.near).toEqual([]);
    expect(findModelRecord(models, '  ')).toEqual({ status: 'not-found', near: [] });
  });

  it('uses the resolver it is given for the normalised name', () => {
    const resolver = createResolver({
      overrides: new Map([['Sonnet Classic', 'anthropic/claude-3.5-sonnet']]),
    });
    expect(findModelRecord(models, 'Sonnet Classic', { resolver })).toMatchObject({
      status: 'found',
      matchedBy: 'normalized-name',
      record: { id: 'anthropic/claude-3.5-sonnet' },
    });
    expect(findModelRecord(models, 'Sonnet Classic')).toMatchObject({ status: 'not-found' });
  });

  it('stops before the normalised name when asked, so only names some source used count', () => {
    const options = { normalized: false } as const;
    expect(findModelRecord(models, 'claude-3-5-sonnet-20240620', options)).toMatchObject({
      status: 'not-found',
    });
    expect(findModelRecord(models, 'mistralai/mistral-large-2407', options)).toMatchObject({
      status: 'found',
      matchedBy: 'source-model-id',
    });
  });

  it('lists every name of a record, most direct first', () => {
    expect(modelRecordNames(models[1]!).map((name) => `${name.kind}:${name.text}`)).toEqual([
      'id:alibaba/qwen3-235b-a22b',
      'name:Qwen3-235B-A22B',
      'source-model-id:Qwen/Qwen3-235B-A22B',
      'hugging-face-id:Qwen/Qwen3-235B-A22B',
      'raw-name:Qwen3-235B-A22B',
    ]);
  });
});
