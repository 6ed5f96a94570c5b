import { describe, expect, it } from 'vitest';
import { formatObjects } from './format-objects';

const rows = [
  { change: 'changed', id: 'openai/gpt-4o', field: 'flop', from: 3.8e25, to: 4.1e25, p: 0.973 },
  { change: 'added', id: '=HYPERLINK("x")', field: null, from: null, to: null, p: null },
];
const columns = [
  { field: 'change', kind: 'code' as const },
  'id',
  'field',
  { field: 'from', kind: 'magnitude' as const },
  { field: 'to', kind: 'magnitude' as const },
  { field: 'p', header: 'P(above)', kind: 'probability' as const },
];

describe('formatObjects', () => {
  it('prints a fitted table with magnitudes and probabilities', () => {
    const text = formatObjects(rows, { format: 'table', columns });
    expect(text).toContain('3.8e25');
    expect(text).toContain('0.97');
    expect(text.split('\n')[0]).toMatch(/^change\s+id\s+field\s+from\s+to\s+P\(above\)$/);
    const narrow = formatObjects(rows, { format: 'table', columns, width: 40 });
    for (const line of narrow.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('writes RFC 4180 csv with formula cells neutralised and round-tripping numbers', () => {
    const text = formatObjects(rows, { format: 'csv', columns });
    expect(text.split('\r\n')[0]).toBe('change,id,field,from,to,p');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toContain('3.8e+25');
  });

  it('keeps numbers as numbers in json and jsonl and only the chosen columns', () => {
    const json = JSON.parse(formatObjects(rows, { format: 'json', columns: ['id', 'from'] }));
    expect(json[0]).toEqual({ id: 'openai/gpt-4o', from: 3.8e25 });
    const lines = formatObjects(rows, { format: 'jsonl', columns: ['id'] })
      .trimEnd()
      .split('\n');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(['openai/gpt-4o', '=HYPERLINK("x")']);
  });

  it('escapes markdown cells', () => {
    const text = formatObjects([{ name: 'a|b<script>' }], { format: 'markdown' });
    expect(text).toContain('a\\|b&lt;script&gt;');
  });

  it('rejects an unknown format', () => {
    expect(() => formatObjects(rows, { format: 'xml' as 'json' })).toThrow(/format/);
  });
});
