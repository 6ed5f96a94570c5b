import { ModelsFileSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import { type QueryRow, toQueryRows } from './row';
import { computeStats, formatStats } from './stats';

const rows = toQueryRows(ModelsFileSchema.parse(fixture).models);

describe('computeStats', () => {
  const stats = computeStats(rows);

  it('counts by curated status, threshold status and confidence, listing zero counts too', () => {
    expect(stats.total).toBe(9);
    expect(stats.byStatus).toEqual({
      candidate: 2,
      'confirmed-above': 1,
      'confirmed-below': 1,
      excluded: 1,
      unreviewed: 4,
    });
    expect(stats.byThresholdStatus).toEqual({
      above: 2,
      'likely-above': 3,
      'likely-below': 0,
      below: 2,
      unknown: 2,
    });
    expect(stats.byConfidence).toEqual({ confident: 3, likely: 3, speculative: 1, none: 2 });
    expect(stats.aboveThreshold).toBe(3);
    expect(stats.belowThreshold).toBe(3);
  });

  it('counts by developer, most first, unattributed last', () => {
    expect(stats.byDeveloper[0]).toEqual({ developer: 'Anthropic', count: 1 });
    expect(stats.byDeveloper.at(-1)).toEqual({ developer: null, count: 1 });
    const twice = computeStats([...rows, { ...(rows[4] as QueryRow), id: 'openai/gpt-4o-mini' }]);
    expect(twice.byDeveloper[0]).toEqual({ developer: 'OpenAI', count: 2 });
  });

  it('counts by release year, oldest first, undated last', () => {
    expect(stats.byReleaseYear).toEqual([
      { year: '2024', count: 5 },
      { year: '2025', count: 2 },
      { year: null, count: 2 },
    ]);
  });

  it('describes the compute distribution with every decade between min and max', () => {
    expect(stats.compute).toMatchObject({
      withEstimate: 7,
      withoutEstimate: 2,
      min: 4.4e23,
      max: 4.6e26,
      median: 3.8e25,
    });
    expect(stats.compute.byDecade).toEqual([
      { exponent: 23, low: 1e23, high: 1e24, count: 1 },
      { exponent: 24, low: 1e24, high: 1e25, count: 1 },
      { exponent: 25, low: 1e25, high: 1e26, count: 3 },
      { exponent: 26, low: 1e26, high: 1e27, count: 2 },
    ]);
  });

  it('puts an exact power of ten in the decade it starts, and takes the geometric middle of an even count', () => {
    const base = rows[0] as QueryRow;
    const values = [1e25, 1e23, 9.999e24, 1e27];
    const stats = computeStats(values.map((median) => ({ ...base, median })));
    expect(stats.compute.byDecade.map((decade) => [decade.exponent, decade.count])).toEqual([
      [23, 1],
      [24, 1],
      [25, 1],
      [26, 0],
      [27, 1],
    ]);
    expect(stats.compute.median).toBeCloseTo(Math.sqrt(9.999e24 * 1e25), -20);
  });

  it('handles no rows and rows without estimates', () => {
    const empty = computeStats([]);
    expect(empty.total).toBe(0);
    expect(empty.compute).toEqual({
      withEstimate: 0,
      withoutEstimate: 0,
      min: null,
      median: null,
      max: null,
      byDecade: [],
    });
    expect(formatStats(empty)).toContain('No compute estimates');
  });
});

describe('formatStats', () => {
  const stats = computeStats(rows);

  it('formats as text tables', () => {
    const output = formatStats(stats, { width: 40 });
    expect(output.split('\n')[0]).toBe('9 models: 3 over the threshold, 3 under it.');
    expect(output).toContain('min 4.4e23, median 3.8e25, max 4.6e26');
    expect(output).toMatch(/^1e25–1e26\s+3$/m);
    expect(output).toMatch(/^\(unknown\)\s+1$/m);
    expect(output).toMatch(/^confirmed-above\s+1$/m);
  });

  it('formats as JSON that parses back to the stats', () => {
    expect(JSON.parse(formatStats(stats, { format: 'json' }))).toEqual(stats);
  });

  it('formats as Markdown sections', () => {
    const output = formatStats(stats, { format: 'markdown' });
    expect(output).toContain('### By developer\n\n| developer | count |\n| --- | ---: |\n| Anthropic | 1 |');
    expect(output).toContain('| 1e26–1e27 | 2 |');
  });

  it('rejects an unknown format', () => {
    expect(() => formatStats(stats, { format: 'csv' as never })).toThrow(
      /\[query\] format: unknown stats format "csv"/,
    );
  });
});
