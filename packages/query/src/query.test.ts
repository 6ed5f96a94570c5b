import { ModelsFileSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import { queryRecords, queryRows } from './query';
import { toQueryRows } from './row';

const records = ModelsFileSchema.parse(fixture).models;

describe('queryRecords / queryRows', () => {
  it('filters, then sorts, then limits', () => {
    const top = queryRecords(records, { filter: { above: true }, sort: '-probabilityAbove', limit: 2 });
    expect(top.map((row) => row.id)).toEqual(['meta/llama-3.1-405b', 'openai/gpt-4o']);
    expect(queryRows(toQueryRows(records), { limit: '0' as never })).toEqual([]);
  });

  it('rejects a bad limit before doing any work', () => {
    expect(() => queryRecords(records, { limit: -1 })).toThrow(/\[query\] limit: expected a whole number/);
    expect(() => queryRecords(records, { limit: 1.5 })).toThrow(/QUERY_INVALID|limit/);
  });
});
