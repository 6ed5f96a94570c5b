import { describe, expect, it } from 'vitest';
import type { QueryRow } from '../row';
import { renderComputeChart, renderStatusMarker, toFractionalYear } from './chart';

function row(overrides: Partial<QueryRow>): QueryRow {
  return {
    id: 'test/model',
    name: 'Model',
    developer: null,
    releaseDate: '2025-01-01',
    status: 'unreviewed',
    thresholdStatus: 'unknown',
    probabilityAbove: null,
    median: 1e24,
    low: 1e23,
    high: 1e25,
    confidence: 'likely',
    method: 'benchmark',
    parameters: null,
    activeParameters: null,
    trainingTokens: null,
    sources: [],
    aliases: [],
    needsReview: false,
    sourceIds: [],
    ...overrides,
  };
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('toFractionalYear', () => {
  it('places a date at the middle of the period it names', () => {
    expect(toFractionalYear('2024')).toBe(2024.5);
    expect(toFractionalYear('2024-01')).toBeCloseTo(2024 + 0.5 / 12, 10);
    expect(toFractionalYear('2024-07-01')).toBeCloseTo(2024 + 6 / 12 + 0.5 / 31 / 12, 10);
    expect(toFractionalYear('2024-12-31')).toBeLessThan(2025);
    expect(toFractionalYear('2024-12-31')).toBeGreaterThan(toFractionalYear('2024-12-30') ?? Number.NaN);
  });

  it.each(['2024-13', '2024-02-31', 'soon', '24-01-01', ''])('gives null for %j', (date) => {
    expect(toFractionalYear(date)).toBeNull();
  });
});

describe('renderComputeChart', () => {
  const rows = [
    row({
      id: 'a/one',
      name: 'One',
      releaseDate: '2023-03',
      median: 3e25,
      low: 1e25,
      high: 9e25,
      status: 'candidate',
    }),
    row({
      id: 'a/two',
      name: 'Two',
      releaseDate: '2025-06-01',
      median: 2e24,
      status: 'confirmed-below',
      needsReview: true,
    }),
    row({ id: 'a/undated', name: 'Undated', releaseDate: null }),
    row({ id: 'a/unestimated', name: 'Unestimated', median: null, low: null, high: null }),
    row({ id: 'a/neither', name: 'Neither', releaseDate: null, median: null, low: null, high: null }),
  ];

  it('draws one point per model with both a release date and an estimate, and lists the others with the reason', () => {
    const chart = renderComputeChart(rows, { threshold: 1e25 });
    expect(chart.charted).toBe(2);
    expect(count(chart.markup.value, /<g class="point /g)).toBe(2);
    expect(count(chart.markup.value, /<line class="interval"/g)).toBe(2);
    expect(chart.notCharted.map(({ row: notCharted, reason }) => [notCharted.id, reason])).toEqual([
      ['a/undated', 'no release date'],
      ['a/unestimated', 'no estimate'],
      ['a/neither', 'no release date or estimate'],
    ]);
  });

  it('is an accessible image with a log axis of powers of ten, year ticks and a labelled threshold line', () => {
    const svg = renderComputeChart(rows, { threshold: 1e25 }).markup.value;
    expect(svg).toMatch(
      /^<svg class="chart" viewBox="0 0 960 520" role="img" aria-label="Training compute against release date for 2 models, log scale from 10²³ to 10²⁶ FLOP, years 2023 to 2026, with the threshold at 1e25 FLOP; 1 medians lie above it\."/,
    );
    expect(count(svg, /<line class="threshold-line"/g)).toBe(1);
    expect(svg).toContain('>Threshold 1e25 FLOP</text>');
    const yLabels = [...svg.matchAll(/<g class="tick tick-y">.*?<text[^>]*>([^<]+)<\/text>/g)].map(
      (match) => match[1],
    );
    expect(yLabels).toEqual(['10²³', '10²⁴', '10²⁵', '10²⁶']);
    const xLabels = [...svg.matchAll(/<g class="tick tick-x">.*?<text[^>]*>([^<]+)<\/text>/g)].map(
      (match) => match[1],
    );
    expect(xLabels).toEqual(['2023', '2024', '2025', '2026']);
  });

  it('puts the threshold on the axis even when every model is far below it', () => {
    const svg = renderComputeChart([row({ median: 1e20, low: 1e19, high: 1e21 })], { threshold: 3e25 }).markup
      .value;
    expect(svg).toContain('>Threshold 3e25 FLOP</text>');
    expect(svg).toContain('>10²⁶</text>');
    // The threshold line lies inside the plot area (y between the top and bottom margins).
    const y = Number(/<line class="threshold-line" x1="\d+" x2="\d+" y1="([\d.]+)"/.exec(svg)?.[1]);
    expect(y).toBeGreaterThanOrEqual(28);
    expect(y).toBeLessThanOrEqual(464);
  });

  it('gives each point a tooltip with name, status, median and interval, and marks needs-review with a ring', () => {
    const svg = renderComputeChart(rows, { threshold: 1e25 }).markup.value;
    expect(svg).toContain(
      '<title>One (candidate): median 3.0e25 FLOP, 90% interval 1.0e25–9.0e25 FLOP, released 2023-03</title>',
    );
    expect(svg).toContain('<title>Two (confirmed below, needs review): median 2.0e24 FLOP');
    expect(count(svg, /class="needs-review-ring"/g)).toBe(1);
    expect(svg).toContain('<use href="#marker-candidate"');
    expect(svg).toContain('<use href="#marker-confirmed-below"');
  });

  it('escapes a hostile name in the tooltip and the data attribute', () => {
    const svg = renderComputeChart([row({ id: 'x/"><script>', name: '</title><script>alert(1)</script>' })], {
      threshold: 1e25,
    }).markup.value;
    expect(svg).not.toContain('<script');
    expect(svg).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; (unreviewed)');
    expect(svg).toContain('data-model-id="x/&quot;&gt;&lt;script&gt;"');
  });

  it('collapses a missing or inverted bound to the median instead of drawing a meaningless bar', () => {
    const svg = renderComputeChart([row({ median: 1e24, low: null, high: 1e23 })], { threshold: 1e25 }).markup
      .value;
    const bar = /<line class="interval" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="([\d.]+)"/.exec(svg);
    expect(bar?.[1]).toBe(bar?.[2]);
    expect(svg).toContain('90% interval 1.0e24–1.0e24 FLOP');
  });

  it('says there is nothing to chart when no model has both a date and an estimate', () => {
    const chart = renderComputeChart([row({ releaseDate: null }), row({ median: null })], {
      threshold: 1e25,
    });
    expect(chart.charted).toBe(0);
    expect(chart.markup.value).not.toContain('<svg');
    expect(chart.markup.value).toContain('nothing to chart');
    expect(chart.notCharted).toHaveLength(2);
  });

  it('thins the ticks on wide ranges', () => {
    const svg = renderComputeChart(
      [
        row({ releaseDate: '1990', median: 1e10, low: 1e10, high: 1e10 }),
        row({ releaseDate: '2025', median: 1e30, low: 1e30, high: 1e30 }),
      ],
      { threshold: 1e25 },
    ).markup.value;
    expect(count(svg, /class="tick tick-y"/g)).toBeLessThanOrEqual(11);
    expect(count(svg, /class="tick tick-x"/g)).toBeLessThanOrEqual(13);
    expect(svg).toContain('>10³⁰</text>');
    expect(svg).toContain('>2000</text>');
  });
});

describe('renderStatusMarker', () => {
  it('references the shared marker of the status and hides it from assistive technology', () => {
    expect(renderStatusMarker('excluded').value).toContain(
      '<use class="status-excluded" href="#marker-excluded"/>',
    );
    expect(renderStatusMarker('excluded').value).toContain('aria-hidden="true"');
  });
});
