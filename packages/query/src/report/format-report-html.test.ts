import { type ModelRecord, ModelsFileSchema, TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import baseFixture from '../__fixtures__/models.json';
import reportFixture from './__fixtures__/report-models.json';
import {
  type FormatReportHtmlOptions,
  formatReportHtml,
  needsDetails,
  REPORT_CONTENT_SECURITY_POLICY,
} from './format-report-html';

const records: ModelRecord[] = [
  ...ModelsFileSchema.parse(baseFixture).models,
  ...ModelsFileSchema.parse(reportFixture).models,
];
const options: FormatReportHtmlOptions = {
  generatedAt: '2026-02-01T00:00:00.000Z',
  threshold: 1e25,
  provenance: 'full',
};
const page = formatReportHtml(records, options);
const compactPage = formatReportHtml(records, { ...options, provenance: 'compact' });

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

function section(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  if (from < 0) throw new Error(`no ${start} in the page`);
  return html.slice(from, html.indexOf(end, from) + end.length);
}

const modelsTable = section(page, '<table class="models">', '</table>');
const tableIds = [...modelsTable.matchAll(/<tr class="[^"]*" data-model-id="([^"]*)"/g)].map(
  (match) => match[1],
);

// Tags and attributes this package writes. Anything else in the page came from data and means escaping failed.
const ALLOWED_TAGS = new Set(
  'html head meta title style body svg defs path use header h1 h2 h3 h4 h5 p time ul li strong main section figure g line text rect circle figcaption div a bdi table caption thead tbody tr th td span details summary dl dt dd footer'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set(
  'lang charset http-equiv content name class width height aria-hidden focusable id d viewBox href x y role aria-label aria-labelledby preserveAspectRatio x1 x2 y1 y2 dy text-anchor transform data-model-id cx cy r scope rel datetime title'.split(
    ' ',
  ),
);

describe('formatReportHtml: page', () => {
  it('is one HTML document with a strict CSP and no script, stylesheet link or external resource', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    // The policy's quotes are escaped in the attribute, as every value is; the browser reads them back as quotes.
    const policy = REPORT_CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}">`);
    expect(REPORT_CONTENT_SECURITY_POLICY).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'; img-src data:/,
    );
    expect(page).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\(/i);
    expect(count(page, /<style>/g)).toBe(1);
  });

  it('only contains the tags and attributes the report writes', () => {
    const tags = [...page.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^>]*)?)\/?>/g)];
    expect(tags.length).toBeGreaterThan(100);
    for (const [, tag, attributes] of tags) {
      expect(ALLOWED_TAGS, `tag <${tag}>`).toContain(tag);
      for (const [, attribute] of (attributes ?? '').matchAll(/\s([a-zA-Z-]+)(?:="[^"]*")?/g)) {
        expect(ALLOWED_ATTRIBUTES, `attribute ${attribute} on <${tag}>`).toContain(attribute);
      }
    }
  });

  it('links only to fragments of the page and to http(s) URLs', () => {
    const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(#[A-Za-z0-9._-]+|https?:\/\/[^\s"<>]+)$/);
    // Every fragment link has a target, and ids are unique.
    const ids = [...page.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const href of hrefs.filter((candidate) => candidate.startsWith('#')))
      expect(ids).toContain(href.slice(1));
    // External links carry rel, and nothing else does.
    expect(count(page, /<a class="url" href="https?:/g)).toBe(
      count(page, /rel="noopener noreferrer nofollow"/g),
    );
  });

  it('uses the default title, or the given one escaped, and shows the generation time and data description', () => {
    expect(page).toContain('<title>Models trained with more than 1e25 FLOP</title>');
    const custom = formatReportHtml(records, {
      ...options,
      title: 'Report <b>"x"</b>',
      dataDescription: '<i>data/models.json</i> & co',
    });
    expect(custom).toContain('<title>Report &lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>');
    expect(custom).toContain('<h1>Report &lt;b&gt;&quot;x&quot;&lt;/b&gt;</h1>');
    expect(custom).toContain('&lt;i&gt;data/models.json&lt;/i&gt; &amp; co');
    expect(page).toContain(
      'Generated <time datetime="2026-02-01T00:00:00.000Z">2026-02-01T00:00:00.000Z</time>',
    );
  });
});

describe('formatReportHtml: models table', () => {
  it('has a caption and scoped headers, and one row per model sorted by median, largest first, unestimated last', () => {
    expect(modelsTable).toMatch(
      /^<table class="models"><caption>13 models, largest median training compute first\./,
    );
    expect(count(modelsTable, /<th scope="col"/g)).toBe(9);
    expect(count(modelsTable, /<th scope="row"/g)).toBe(records.length);
    expect(tableIds).toEqual([
      'xai/grok-3',
      'test/arena-test-entry',
      'openai/gpt-4o',
      'meta/llama-3.1-405b',
      'acme/atlas-2',
      'anthropic/claude-3-5-sonnet',
      'hostile/img-onerror',
      'deepseek/deepseek-v3',
      'google/gemma-2-9b',
      'acme/atlas-mini',
      'zhipu/glm-4-9b',
      'openrouter/mystery-model',
      'newco/unknown-size',
    ]);
  });

  it('shows the curated status, or the derived one, with a marker, and flags needs-review and unreviewed rows', () => {
    const rowOf = (id: string) => section(modelsTable, `data-model-id="${id}"`, '</tr>');
    expect(rowOf('anthropic/claude-3-5-sonnet')).toContain('⚠ needs review');
    expect(rowOf('anthropic/claude-3-5-sonnet')).toContain(
      'title="machine median moved from 8e24 to 3.6e25"',
    );
    expect(rowOf('anthropic/claude-3-5-sonnet')).toContain(
      'href="#marker-confirmed-below"/></svg>confirmed below',
    );
    expect(rowOf('openai/gpt-4o')).toContain('href="#marker-candidate"/></svg>candidate');
    expect(rowOf('acme/atlas-2')).toContain('confirmed above');
    expect(count(modelsTable, /class="status-[a-z-]+ needs-review"/g)).toBe(1);
    expect(count(modelsTable, /<tr class="status-unreviewed/g)).toBe(6);
    expect(count(modelsTable, /badge-unreviewed/g)).toBe(6);
  });

  it('shows median, 90% interval, P(above), confidence and method, with a dash for unknowns', () => {
    const row = section(modelsTable, 'data-model-id="openai/gpt-4o"', '</tr>');
    expect(row).toContain(
      '<td class="number">3.8e25</td><td class="number">1.3e25 – 1.1e26</td><td class="number">0.92</td><td>likely</td><td>reported</td>',
    );
    const unknown = section(modelsTable, 'data-model-id="newco/unknown-size"', '</tr>');
    expect(unknown).toContain('<td><bdi>—</bdi></td><td class="date">2026</td>');
    expect(unknown).toContain(
      '<td class="number">—</td><td class="number">—</td><td class="number">—</td><td>—</td><td>—</td>',
    );
  });

  it('notes when a probability was assessed for another threshold than the page shows', () => {
    const other = formatReportHtml(records, { ...options, threshold: 3e25 });
    expect(other).toContain('0.92 <span class="muted">(for 1e25)</span>');
    expect(other).toContain('Threshold 3e25 FLOP');
  });
});

describe('formatReportHtml: chart', () => {
  it('charts exactly the models with a release date and an estimate, and lists the rest with their count', () => {
    const charted = records.filter(
      (record) =>
        (record.facts.releaseDate?.length ?? 0) > 0 &&
        record.estimate !== null &&
        record.estimate !== undefined,
    );
    expect(charted).toHaveLength(9);
    const chart = section(page, '<svg class="chart"', '</svg>');
    expect(count(chart, /<g class="point /g)).toBe(charted.length);
    expect(count(chart, /<line class="threshold-line"/g)).toBe(1);
    expect(chart).toContain('role="img" aria-label="Training compute against release date for 9 models');
    expect(page).toContain('<li>Charted: <strong>9</strong></li>');
    expect(page).toContain('<strong>Not charted: 4 models</strong>');
    const notCharted = section(page, '<div class="not-charted">', '</div>');
    expect(count(notCharted, /<li>/g)).toBe(4);
    expect(notCharted).toContain('<bdi>Unknown Size</bdi></a>: no estimate');
    expect(notCharted).toContain('<bdi>Atlas Mini</bdi></a>: no release date');
  });
});

describe('formatReportHtml: provenance', () => {
  const atlas = section(
    page,
    '<details class="model status-confirmed-above" id="model-acme_2f_atlas-2">',
    '</details>',
  );

  it('has one details section per model', () => {
    expect(count(page, /<details class="model /g)).toBe(records.length);
  });

  it('lists every fact with value, source, linked URL and retrieval time', () => {
    const facts = section(atlas, '<table class="facts">', '</table>');
    expect(count(facts, /<tr><th scope="row">/g)).toBe(4);
    expect(facts).toContain(
      '<tr><th scope="row">parameters</th><td>4e11</td><td>huggingface</td><td><a class="url" href="https://example.org/hf/atlas-2" rel="noopener noreferrer nofollow">https://example.org/hf/atlas-2</a></td><td>2026-02-01T00:00:00.000Z</td></tr>',
    );
    expect(facts).toContain('chip: NVIDIA H100 SXM5 80GB; count: 16000; hours: 1300');
  });

  it('lists scores with their snapshot dates', () => {
    const scores = section(atlas, '<table class="scores">', '</table>');
    expect(count(scores, /<tr><th scope="row">lmarena-text<\/th>/g)).toBe(2);
    expect(scores).toContain('1280 (1274–1286)</td><td>2025-12-01</td>');
    expect(scores).toContain('1291, preliminary</td><td>2026-01-15</td>');
  });

  it('shows the estimate, every component with its reasoning, and each input with its source and URL', () => {
    expect(atlas).toContain(
      '<dt>Median</dt><dd>3.6e25 FLOP</dd><dt>90% interval</dt><dd>2.2e25 – 5.9e25 FLOP</dd>',
    );
    expect(count(atlas, /<section class="component/g)).toBe(2);
    expect(atlas).toContain('<p class="reasoning">6 × 4e11 parameters × 1.5e13 tokens = 3.6e25 FLOP</p>');
    expect(atlas).toContain(
      'hardware <span class="muted">(left out: operation-count is more trusted)</span>',
    );
    expect(atlas).toContain(
      '<tr><th scope="row">utilization</th><td>0.3</td><td>prior</td><td>—</td><td>—</td></tr>',
    );
    expect(atlas).toContain('confirm-above by analyst at');
  });

  it("shows a ruling's figure as the estimate and the machine's own beside it", () => {
    const atlasRecord = records.find((record) => record.id === 'acme/atlas-2')!;
    const figure = {
      ...atlasRecord.estimate!,
      median: 5e25,
      interval90: [5e24, 5e26] as [number, number],
      method: 'ledger',
      components: [],
    };
    const ruled = { ...atlasRecord, estimate: figure, machineEstimate: atlasRecord.estimate! };
    const details = section(formatReportHtml([ruled], options), 'id="model-acme_2f_atlas-2"', '</details>');
    expect(details).toContain('<h3>Estimate</h3><dl class="fields"><dt>Median</dt><dd>5e25 FLOP</dd>');
    expect(details).toContain(
      '<h3>Machine estimate (kept beside the ruling&#39;s figure)</h3><dl class="fields"><dt>Median</dt><dd>3.6e25 FLOP</dd>',
    );
  });

  it('says so when there is no estimate, no fact or no score', () => {
    const unknown = section(page, 'id="model-newco_2f_unknown-size"', '</details>');
    expect(unknown).toContain('No estimate: no method applies');
    expect(unknown).toContain('No leaderboard score.');
    const mystery = section(page, 'id="model-openrouter_2f_mystery-model"', '</details>');
    expect(mystery).toContain('<h3>Facts</h3>');
  });
});

describe('formatReportHtml: compact provenance (the default)', () => {
  it('is the default', () => {
    const { provenance: _full, ...defaults } = options;
    expect(formatReportHtml(records, defaults)).toBe(compactPage);
  });

  it('details only the models ruled, flagged, awaiting review or not clearly below, and links only those', () => {
    const detailedIds = records.filter((record) => needsDetails(record)).map((record) => record.id);
    expect(detailedIds.length).toBeGreaterThan(0);
    expect(detailedIds.length).toBeLessThan(records.length);
    expect(count(compactPage, /<details class="model /g)).toBe(detailedIds.length);
    const table = section(compactPage, '<table class="models">', '</table>');
    expect(count(table, /<th scope="row"><a href="#model-/g)).toBe(detailedIds.length);
    expect(count(table, /<tr class="/g)).toBe(records.length);
  });

  it('leaves out an unreviewed model only when its machine status (the configured cuts) is below or unknown', () => {
    const base = records.find((record) => record.assessment && !record.curation?.needsReview) as ModelRecord;
    const at = (status: 'below' | 'likely-below' | 'unknown', probabilityAbove: number | null) =>
      needsDetails({
        ...base,
        curation: undefined,
        assessment: {
          ...(base.assessment as NonNullable<ModelRecord['assessment']>),
          status,
          probabilityAbove,
        },
      } as ModelRecord);
    // A configured `below` cut of 0.1 makes P = 0.08 `below`; the default cut would make it `likely-below`.
    expect(at('below', 0.08)).toBe(false);
    expect(at('likely-below', 0.08)).toBe(true);
    expect(at('unknown', null)).toBe(false);
  });

  it('keeps each fact with its sources and the estimate, but no per-reference URL or input table', () => {
    const atlas = section(compactPage, 'id="model-acme_2f_atlas-2"', '</details>');
    expect(atlas).toContain('<li>parameters: 4e11 <span class="muted">(huggingface');
    expect(atlas).toContain('6 × 4e11 parameters × 1.5e13 tokens = 3.6e25 FLOP');
    expect(atlas).toContain('left out: operation-count is more trusted');
    expect(atlas).not.toContain('href="https://');
    expect(atlas).not.toContain('<table');
    expect(compactPage.length).toBeLessThan(page.length);
  });

  it('rejects an unknown provenance', () => {
    expect(() => formatReportHtml(records, { ...options, provenance: 'some' as unknown as 'full' })).toThrow(
      '[query] provenance: expected "compact" or "full", got "some"',
    );
  });
});

describe('formatReportHtml: hostile data', () => {
  const hostile = section(page, 'id="model-hostile_2f_img-onerror"', '</details>');

  it('escapes names, developers, aliases, observation names, benchmarks, reasoning and input values', () => {
    expect(page).toContain('<bdi>&lt;img src=x onerror=alert(1)&gt;</bdi>');
    expect(page).toContain('<bdi>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</bdi>');
    expect(hostile).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;, it&#39;s &quot;quoted&quot;');
    expect(hostile).toContain('<bdi>&lt;iframe src=javascript:alert(1)&gt;</bdi>');
    expect(hostile).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(hostile).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; score 1300');
    expect(hostile).toContain('single method &lt;img src=x onerror=alert(2)&gt;');
    expect(page).not.toMatch(/<(script|img|iframe|svg onload|b onclick)/i);
  });

  it('never turns a javascript: or file: URL into a link, and keeps quotes in URLs inside the attribute', () => {
    expect(page).not.toMatch(/href="\s*javascript:/i);
    expect(hostile).toContain('<span class="url">javascript:alert(1)</span>');
    expect(hostile).toContain('<span class="url">JaVaScRiPt:alert(document.domain)</span>');
    expect(hostile).toContain('<span class="url">file:///tmp/saved-page.html</span>');
    expect(hostile).toContain('href="https://example.com/board?a=1&amp;b=%22onmouseover=%22alert(1)"');
  });

  it('escapes records that skipped validation too (javascript: in a fact URL, markup in the id)', () => {
    const unchecked = {
      ...records[0],
      id: 'x/"><script>alert(1)</script>',
      facts: {
        links: [
          {
            value: 'javascript:alert(1)',
            source: 's',
            url: 'javascript:alert(1)',
            retrievedAt: '2026-01-01T00:00:00Z',
          },
        ],
      },
    } as ModelRecord;
    const html = formatReportHtml([unchecked], options);
    expect(html).not.toMatch(/<script|href="javascript:/i);
    expect(html).toContain('<span class="model-id">x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(html).toContain('id="model-x_2f__22__3e__3c_script_3e_alert_28_1_29__3c__2f_script_3e_"');
  });
});

describe('formatReportHtml: edge cases', () => {
  it('renders an empty list as a page with no chart and an empty table', () => {
    const empty = formatReportHtml([], options);
    expect(empty).toContain('<caption>0 models,');
    expect(empty).toContain('nothing to chart');
    expect(empty).not.toContain('<svg class="chart"');
  });

  it('draws the threshold at 1e25 FLOP when none is given', () => {
    const html = formatReportHtml(records, { generatedAt: options.generatedAt });
    expect(html).toContain('>Threshold 1e25 FLOP</text>');
    expect(html).toContain('<title>Models trained with more than 1e25 FLOP</title>');
  });

  it('gives duplicate ids distinct fragment ids', () => {
    const record = records[0] as ModelRecord;
    const html = formatReportHtml([record, record], options);
    expect(html).toContain('id="model-anthropic_2f_claude-3-5-sonnet"');
    expect(html).toContain('id="model-anthropic_2f_claude-3-5-sonnet-2"');
  });

  // 10,000 models are rendered and timed by `pnpm bench` (bench/scale-tables.mjs); here a few hundred.
  it('renders many models with one row, one details section and one point each', () => {
    const template = records.find((record) => record.id === 'acme/atlas-2') as ModelRecord;
    const many = Array.from({ length: 500 }, (_, index): ModelRecord => {
      const median = 10 ** (20 + (index % 80) / 10);
      return {
        ...template,
        id: `bulk/model-${index}`,
        name: `Model ${index}`,
        estimate: { ...template.estimate!, median, interval90: [median / 3, median * 3] },
      };
    });
    const html = formatReportHtml(many, options);
    expect(count(html, /<th scope="row"><a href="#model-bulk_2f_model-/g)).toBe(500);
    expect(count(html, /<details class="model /g)).toBe(500);
    expect(count(html, /<g class="point /g)).toBe(500);
  });
});

describe('formatReportHtml: invalid options', () => {
  it.each([
    [{ ...options, threshold: 0 }, '[query] threshold: expected a positive number of FLOP, got 0'],
    [{ ...options, threshold: Number.NaN }, '[query] threshold: expected a positive number of FLOP, got NaN'],
    [{ ...options, threshold: '1e25' }, '[query] threshold: expected a positive number of FLOP, got "1e25"'],
    [{ threshold: 1e25 }, '[query] generatedAt: expected a timestamp, got undefined'],
    [{ ...options, threshold: null }, '[query] threshold: expected a positive number of FLOP, got null'],
    [{ ...options, title: 3 }, '[query] title: expected text, got 3'],
    [{ ...options, dataDescription: {} }, '[query] dataDescription: expected text, got an object'],
    [undefined, '[query] report: expected options with generatedAt and threshold, got undefined'],
  ])('throws QUERY_INVALID for %j', (invalid, message) => {
    let thrown: unknown;
    try {
      formatReportHtml(records, invalid as FormatReportHtmlOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TrackerError);
    expect((thrown as TrackerError).code).toBe('QUERY_INVALID');
    expect((thrown as TrackerError).message).toBe(message);
  });

  it('throws QUERY_INVALID when the records are not an array', () => {
    expect(() => formatReportHtml({} as unknown as ModelRecord[], options)).toThrow(
      '[query] records: expected an array of model records, got an object',
    );
  });
});
