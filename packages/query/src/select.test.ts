import { ModelsFileSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import { toQueryRows } from './row';
import { parseFields, selectFields } from './select';

const rows = toQueryRows(ModelsFileSchema.parse(fixture).models);

describe('selectFields', () => {
  it('keeps the named fields, in the order given', () => {
    const [first] = selectFields(rows, ['median', 'id']);
    expect(first).toEqual({ median: 3.6e25, id: 'anthropic/claude-3-5-sonnet' });
    expect(Object.keys(first ?? {})).toEqual(['median', 'id']);
  });

  it('rejects an unknown field', () => {
    expect(() => selectFields(rows, ['id', 'flop'] as never)).toThrow(
      /\[query\] fields: unknown field "flop"; valid fields: id, name/,
    );
  });
});

describe('parseFields', () => {
  it('accepts a comma-separated string and drops duplicates and blanks', () => {
    expect(parseFields('id, median,,id')).toEqual(['id', 'median']);
  });

  it('rejects an empty selection and non-lists', () => {
    expect(() => parseFields('')).toThrow(/at least one field/);
    expect(() => parseFields(42)).toThrow(/expected a list of field names/);
  });
});
