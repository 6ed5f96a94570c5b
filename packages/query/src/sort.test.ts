import { ModelsFileSchema, TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import { QUERY_ROW_FIELDS, toQueryRows } from './row';
import { parseSort, sortRows } from './sort';

const rows = toQueryRows(ModelsFileSchema.parse(fixture).models);
const ids = (sort: Parameters<typeof sortRows>[1]) => sortRows(rows, sort).map((row) => row.id);

describe('sortRows', () => {
  it('sorts numbers ascending with nulls last', () => {
    expect(ids('median')).toEqual([
      'google/gemma-2-9b',
      'deepseek/deepseek-v3',
      'anthropic/claude-3-5-sonnet',
      'meta/llama-3.1-405b',
      'openai/gpt-4o',
      'test/arena-test-entry',
      'xai/grok-3',
      'openrouter/mystery-model',
      'zhipu/glm-4-9b',
    ]);
  });

  it('sorts descending with "-" and still puts nulls last; ties keep input order (stable)', () => {
    const sorted = ids('-median');
    expect(sorted.slice(0, 4)).toEqual([
      'xai/grok-3',
      'test/arena-test-entry',
      'meta/llama-3.1-405b',
      'openai/gpt-4o',
    ]);
    expect(sorted.slice(-2)).toEqual(['openrouter/mystery-model', 'zhipu/glm-4-9b']);
    const reversedInput = [...rows].reverse();
    const tied = sortRows(reversedInput, '-median').map((row) => row.id);
    expect(tied.slice(2, 4)).toEqual(['openai/gpt-4o', 'meta/llama-3.1-405b']);
  });

  it('applies several keys in order, from a list or a comma-separated string', () => {
    expect(ids(['-median', 'name']).slice(2, 4)).toEqual(['openai/gpt-4o', 'meta/llama-3.1-405b']);
    expect(ids('-median,name')).toEqual(ids(['-median', '+name']));
    expect(
      ids([
        { field: 'median', direction: 'descending' },
        { field: 'name', direction: 'ascending' },
      ]),
    ).toEqual(ids('-median,name'));
  });

  it('compares text ignoring case, and puts a null developer last', () => {
    const byDeveloper = ids('developer');
    expect(byDeveloper[0]).toBe('anthropic/claude-3-5-sonnet');
    expect(byDeveloper.at(-1)).toBe('openrouter/mystery-model');
    // Ignoring case, "xAI" comes before "Zhipu AI"; in plain code-point order "Z" would come before "x".
    expect(byDeveloper.indexOf('xai/grok-3')).toBeLessThan(byDeveloper.indexOf('zhipu/glm-4-9b'));
  });

  it('sorts statuses by meaning, not alphabetically', () => {
    expect(ids('status').slice(0, 3)).toEqual(['meta/llama-3.1-405b', 'openai/gpt-4o', 'xai/grok-3']);
    expect(ids('status').at(-1)).toBe('test/arena-test-entry');
    expect(ids('thresholdStatus')[0]).toBe('meta/llama-3.1-405b');
    expect(ids('confidence').slice(-3)).toEqual([
      'anthropic/claude-3-5-sonnet',
      'openrouter/mystery-model',
      'zhipu/glm-4-9b',
    ]);
  });

  it('sorts partial dates, booleans and lists', () => {
    expect(ids('releaseDate').slice(0, 2)).toEqual(['openai/gpt-4o', 'anthropic/claude-3-5-sonnet']);
    expect(ids('-needsReview')[0]).toBe('anthropic/claude-3-5-sonnet');
    expect(ids('aliases').slice(-2)).toEqual(['openrouter/mystery-model', 'test/arena-test-entry']);
  });

  it('treats NaN from hand-built rows as missing, so the order stays consistent', () => {
    const withNaN = rows.map((row) => (row.id === 'xai/grok-3' ? { ...row, median: Number.NaN } : row));
    const sorted = sortRows(withNaN, '-median').map((row) => row.id);
    expect(sorted[0]).toBe('test/arena-test-entry');
    expect(sorted.slice(-3)).toEqual(['openrouter/mystery-model', 'xai/grok-3', 'zhipu/glm-4-9b']);
  });

  it('returns a copy and leaves the input alone', () => {
    const input = [...rows];
    const sorted = sortRows(input, '-median');
    expect(sorted).not.toBe(input);
    expect(input.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect(sortRows(input, undefined).map((row) => row.id)).toEqual(rows.map((row) => row.id));
  });
});

describe('parseSort', () => {
  it('rejects an unknown field with QUERY_INVALID listing the valid fields', () => {
    try {
      parseSort('-flops');
      expect.unreachable();
    } catch (error) {
      expect(TrackerError.is(error) && error.code).toBe('QUERY_INVALID');
      expect((error as Error).message).toContain('[query] sort: unknown field "flops"');
      expect((error as Error).message).toContain(QUERY_ROW_FIELDS.join(', '));
    }
  });

  it('rejects empty specs, bad directions and non-strings', () => {
    for (const bad of [',', [], [{ field: 'median', direction: 'up' }], [3]] as unknown[]) {
      expect(() => parseSort(bad as string)).toThrow(/\[query\] sort:/);
    }
  });
});
