import { type ModelRecord, ModelsFileSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import { isQueryField, QUERY_ROW_FIELDS, toQueryRow, toQueryRows } from './row';

const records = ModelsFileSchema.parse(fixture).models;
const recordById = (id: string): ModelRecord => {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new Error(`fixture has no ${id}`);
  return record;
};

describe('toQueryRow', () => {
  it('flattens a record with estimate, assessment and no curation into a candidate', () => {
    expect(toQueryRow(recordById('openai/gpt-4o'))).toEqual({
      id: 'openai/gpt-4o',
      name: 'GPT-4o',
      developer: 'OpenAI',
      releaseDate: '2024-05-13',
      status: 'candidate',
      thresholdStatus: 'likely-above',
      probabilityAbove: 0.92,
      median: 3.8e25,
      low: 1.3e25,
      high: 1.1e26,
      confidence: 'likely',
      method: 'reported',
      parameters: null,
      activeParameters: null,
      trainingTokens: null,
      sources: ['epoch', 'lmarena', 'openrouter'],
      aliases: ['gpt-4o-2024-05-13', 'openai/gpt-4o'],
      needsReview: false,
      sourceIds: [],
    });
  });

  it('takes the curated status and needs-review flag over the machine status', () => {
    const row = toQueryRow(recordById('anthropic/claude-3-5-sonnet'));
    expect(row.status).toBe('confirmed-below');
    expect(row.thresholdStatus).toBe('likely-above');
    expect(row.needsReview).toBe(true);
  });

  it('derives unreviewed for a machine status below, and for a record with no assessment at all', () => {
    expect(toQueryRow(recordById('deepseek/deepseek-v3')).status).toBe('unreviewed');
    const bare = toQueryRow(recordById('zhipu/glm-4-9b'));
    expect(bare).toMatchObject({
      status: 'unreviewed',
      thresholdStatus: 'unknown',
      probabilityAbove: null,
      median: null,
      low: null,
      high: null,
      confidence: null,
      method: null,
      releaseDate: null,
      parameters: 9.4e9,
    });
  });

  it('takes the first fact in record order for counts, and distinct sorted sources', () => {
    const row = toQueryRow(recordById('deepseek/deepseek-v3'));
    expect(row.parameters).toBe(6.71e11);
    expect(row.activeParameters).toBe(3.7e10);
    expect(row.trainingTokens).toBe(1.48e13);
    expect(row.sources).toEqual(['epoch', 'huggingface']);
  });

  it('picks the earliest release date and refines a partial date with a more precise one that agrees', () => {
    expect(toQueryRow(recordById('google/gemma-2-9b')).releaseDate).toBe('2024-06-27');
    expect(toQueryRow(recordById('xai/grok-3')).releaseDate).toBe('2025-02-17');
    expect(toQueryRow(recordById('test/arena-test-entry')).releaseDate).toBe('2025-01');
  });

  it('keeps the earliest date when sources disagree, whatever their order', () => {
    const base = recordById('openai/gpt-4o');
    const fact = (value: string) => ({
      value,
      source: 'x',
      url: 'https://example.org/',
      retrievedAt: '2026-01-01T00:00:00Z',
    });
    const forward = {
      ...base,
      facts: { releaseDate: [fact('2024-09-01'), fact('2024-03'), fact('2024-03-05')] },
    };
    const backward = {
      ...base,
      facts: { releaseDate: [fact('2024-03-05'), fact('2024-03'), fact('2024-09-01')] },
    };
    expect(toQueryRow(forward).releaseDate).toBe('2024-03-05');
    expect(toQueryRow(backward).releaseDate).toBe('2024-03-05');
  });

  it('copies arrays so editing a row never edits the record', () => {
    const record = recordById('openai/gpt-4o');
    const row = toQueryRow(record);
    row.aliases.push('changed');
    expect(record.aliases).not.toContain('changed');
  });

  it('gives every row exactly the contract fields', () => {
    for (const row of toQueryRows(records)) expect(Object.keys(row)).toEqual([...QUERY_ROW_FIELDS]);
  });
});

describe('isQueryField', () => {
  it('accepts field names and rejects anything else', () => {
    expect(isQueryField('median')).toBe(true);
    expect(isQueryField('Median')).toBe(false);
    expect(isQueryField('toString')).toBe(false);
    expect(isQueryField(3)).toBe(false);
  });
});
