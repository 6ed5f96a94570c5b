import { readFileSync } from 'node:fs';
import { ObservationSchema, TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../scraper';
import { parseTable } from './parse-table';
import { parseTableConfig, type TableConfigInput } from './table-config';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

const RETRIEVED_AT = '2025-09-01T10:00:00.000Z';

function payload(body: string, fileName?: string): Payload {
  return { body, url: 'https://example.org/leaderboard', retrievedAt: RETRIEVED_AT, fileName };
}

const htmlConfig: TableConfigInput = {
  id: 'example-board',
  name: 'Example board',
  url: 'https://example.org/leaderboard',
  columns: {
    name: 'model',
    developer: 'Organization',
    scores: { 'example-overall': 'Overall Score', 'example-math': 'Math' },
  },
};

function parse(body: string, config: TableConfigInput = htmlConfig, fileName?: string) {
  return parseTable(payload(body, fileName), parseTableConfig(config));
}

function parseError(run: () => unknown): TrackerError {
  try {
    run();
  } catch (error) {
    if (TrackerError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a TrackerError');
}

describe('parseTable on HTML', () => {
  const result = parse(fixture('leaderboard.html'), htmlConfig, 'leaderboard.html');

  it('reads every row of the table that has the mapped headers, skipping the summary table', () => {
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'Alpha-Large',
      '360',
      'Beta 2 (high)',
      'Gamma-7B',
    ]);
    for (const observation of result.observations)
      expect(ObservationSchema.safeParse(observation).success).toBe(true);
  });

  it('keeps the organization column as developer and the name link', () => {
    const [alpha] = result.observations;
    expect(alpha).toMatchObject({
      source: 'example-board',
      sourceUrl: 'https://example.org/leaderboard',
      retrievedAt: RETRIEVED_AT,
      developer: 'Alpha Labs',
      links: ['https://example.org/models/alpha-large'],
      scores: {
        'example-overall': { value: 75.34, asOf: '2025-08-11' },
        'example-math': { value: 76.86, asOf: '2025-08-11' },
      },
    });
  });

  it('keeps an all-digit model name and the columns after it aligned', () => {
    const digits = result.observations[1]!;
    expect(digits).toMatchObject({
      rawName: '360',
      developer: 'Qihoo 360',
      scores: { 'example-overall': { value: 70.1 } },
    });
    expect(digits.scores?.['example-math']).toBeUndefined();
  });

  it('treats placeholders as missing, without issues', () => {
    const gamma = result.observations[3]!;
    expect(gamma.developer).toBeUndefined();
    expect(gamma.scores).toEqual({ 'example-math': { value: 51.2, asOf: '2025-08-11' } });
    expect(result.issues).toEqual([]);
  });

  it('takes asOf from the config first', () => {
    const dated = parse(fixture('leaderboard.html'), { ...htmlConfig, asOf: '2025-06-30' });
    expect(dated.observations[0]?.scores?.['example-overall']?.asOf).toBe('2025-06-30');
  });

  it('picks a table by selector, index or header text', () => {
    const bySelector = parse(fixture('leaderboard.html'), { ...htmlConfig, table: { selector: '#board' } });
    expect(bySelector.observations).toHaveLength(4);
    const byHeader = parse(fixture('leaderboard.html'), {
      ...htmlConfig,
      table: { headerContains: 'overall' },
    });
    expect(byHeader.observations).toHaveLength(4);
    const wrongIndex = parseError(() =>
      parse(fixture('leaderboard.html'), { ...htmlConfig, table: { index: 0 } }),
    );
    expect(wrongIndex.message).toContain(
      'expected a column "model" (columns.name) in table 1, found headers "Models", "Tasks"',
    );
  });

  it('filters names by include and exclude patterns', () => {
    const filtered = parse(fixture('leaderboard.html'), {
      ...htmlConfig,
      filters: { include: ['^(alpha|beta)'], exclude: ['\\(high\\)'] },
    });
    expect(filtered.observations.map((observation) => observation.rawName)).toEqual(['Alpha-Large']);
  });

  it('cites the config URL, not a local path, for a saved file', () => {
    const fromFile = parseTable(
      {
        body: fixture('leaderboard.html'),
        url: 'file:///tmp/saved/leaderboard.html',
        retrievedAt: RETRIEVED_AT,
      },
      parseTableConfig(htmlConfig),
    );
    expect(fromFile.observations[0]?.sourceUrl).toBe('https://example.org/leaderboard');
  });
});

describe('parseTable on CSV', () => {
  const csvConfig: TableConfigInput = {
    id: 'example-csv',
    name: 'Example CSV',
    url: 'https://example.org/leaderboard.csv',
    columns: {
      name: 'Model',
      developer: 'Developer',
      releaseDate: 'Released',
      parameters: 'Params',
      scores: { 'example-elo': 'Score', 'example-elo-ci': 'Score (95% CI)' },
    },
  };

  it('matches headers exactly before case-insensitively, never by substring', () => {
    const result = parse(fixture('leaderboard.csv'), csvConfig, 'leaderboard_2025-08-04.csv');
    expect(result.observations[1]).toMatchObject({
      rawName: 'Beta, the second',
      developer: 'Beta AI',
      releaseDate: '2025-01',
      parameters: { total: 70e9 },
      scores: {
        'example-elo': { value: 1250, asOf: '2025-08-04' },
        'example-elo-ci': { value: 1250, lower: 1241, upper: 1259 },
      },
    });
    expect(result.observations[0]).toMatchObject({
      releaseDate: '2025-03-04',
      parameters: { total: 1.8e12 },
    });
    expect(result.observations[2]).toMatchObject({ releaseDate: '2024-11-02', parameters: { total: 7e9 } });
    expect(result.issues).toEqual([]);
    const substring = parseError(() =>
      parse(fixture('leaderboard.csv'), { ...csvConfig, columns: { name: 'Mod', scores: {} } }),
    );
    expect(substring.code).toBe('PARSE_FAILED');
    expect(substring.message).toContain('expected a column "Mod" (columns.name)');
  });

  it('keeps an all-digit first cell as the name instead of dropping it', () => {
    const result = parse('Model,Score\n360,50\n2024,61.5\n', {
      id: 'digits',
      name: 'Digits',
      url: 'https://example.org',
      columns: { name: 'Model', scores: { 'example-score': 'Score' } },
    });
    expect(
      result.observations.map((observation) => [
        observation.rawName,
        observation.scores?.['example-score']?.value,
      ]),
    ).toEqual([
      ['360', 50],
      ['2024', 61.5],
    ]);
  });

  it('uses the retrieval day when nothing else dates the snapshot', () => {
    const result = parse(fixture('leaderboard.csv'), csvConfig);
    expect(result.observations[0]?.scores?.['example-elo']?.asOf).toBe('2025-09-01');
  });

  it('reports a bad cell as an issue and keeps the row', () => {
    const body = 'Model,Developer,Released,Params,Score,Score (95% CI)\nDelta,D,soon,70,high,1\n';
    const result = parse(body, csvConfig);
    expect(result.observations).toEqual([
      expect.objectContaining({
        rawName: 'Delta',
        developer: 'D',
        scores: { 'example-elo-ci': { value: 1, asOf: '2025-09-01' } },
      }),
    ]);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'not a date in column "Released": "soon"',
      'parameters need a unit (K, M, B, T) or a full count: "70"',
      'column "Score": not a number: "high"',
    ]);
    expect(result.issues[0]?.location).toBe('line 2');
  });

  it('skips a row without a name as an issue', () => {
    const result = parse(
      'Model,Developer,Released,Params,Score,Score (95% CI)\n,D,,,1,1\nEpsilon,E,,,2,2\n',
      csvConfig,
    );
    expect(result.observations.map((observation) => observation.rawName)).toEqual(['Epsilon']);
    expect(result.issues).toEqual([expect.objectContaining({ level: 'warning', location: 'line 2' })]);
  });
});

describe('parseTable on Markdown', () => {
  const markdownConfig: TableConfigInput = {
    id: 'example-video',
    name: 'Example video board',
    url: 'https://example.org/video',
    columns: { name: 'Model', variant: 'Model Type', scores: { 'example-video-score': 'Score' } },
  };

  it('reads pipe tables with links, escaped pipes and a variant column', () => {
    const result = parse(fixture('leaderboard.md'), markdownConfig, 'leaderboard.md');
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'VideoModel One (multiframe)',
      'VideoModel One (i2v)',
      'Motion|Two (i2v)',
      'wan-2 (i2v)',
    ]);
    expect(result.observations[0]).toMatchObject({
      links: ['https://example.org/v1'],
      scores: { 'example-video-score': { value: 29.5, asOf: '2025-07-01' } },
    });
    expect(result.observations[3]?.scores).toBeUndefined();
  });
});

describe('parseTable on payloads that are wholly wrong', () => {
  it('rejects an empty body', () => {
    const error = parseError(() => parse('   \n', htmlConfig, 'empty.html'));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toBe(
      '[scraper:example-board] empty.html: expected a HTML table, found an empty body',
    );
  });

  it('rejects truncated HTML', () => {
    const html = fixture('leaderboard.html');
    const error = parseError(() => parse(html.slice(0, html.indexOf('Beta 2')), htmlConfig));
    expect(error.message).toMatch(
      /expected a complete HTML document, found 2 <table> tags but 1 <\/table> \(truncated\?\)/,
    );
  });

  it('rejects a truncated CSV', () => {
    const csv = fixture('leaderboard.csv');
    const error = parseError(() =>
      parse(
        csv.slice(0, csv.indexOf(',7000000000')),
        { id: 'example-csv', name: 'x', url: 'https://example.org', columns: { name: 'Model' } },
        'x.csv',
      ),
    );
    expect(error.message).toContain(
      'expected 7 cells in the last row, found 4 and no final newline (truncated?)',
    );
  });

  it('names a renamed header and lists the headers found', () => {
    const renamed = fixture('leaderboard.html').replace('<th>Overall Score</th>', '<th>Total</th>');
    const error = parseError(() => parse(renamed, htmlConfig, 'leaderboard.html'));
    expect(error.message).toBe(
      '[scraper:example-board] leaderboard.html: expected a column "Overall Score" (columns.scores.example-overall) in table 2, found headers "Rank", "Model", "Organization", "Total", "Math"',
    );
  });

  it('rejects a page without tables, a table without rows, and a page that is JSON', () => {
    expect(parseError(() => parse('<html><body><p>Loading…</p></body></html>')).message).toContain(
      'expected a table, found no table',
    );
    expect(
      parseError(() =>
        parse(
          '<table><tr><th>Model</th><th>Organization</th><th>Overall Score</th><th>Math</th></tr></table>',
        ),
      ).message,
    ).toContain('expected data rows in table 1');
    expect(parseError(() => parse('{"rows": []}', htmlConfig, 'board.json')).message).toContain(
      'expected an HTML, CSV or Markdown table, found JSON',
    );
  });

  it('rejects a table whose name cells are all empty', () => {
    const error = parseError(() =>
      parse('Model,Score\n,1\n,2\n', {
        id: 'x',
        name: 'x',
        url: 'https://example.org',
        columns: { name: 'Model' },
      }),
    );
    expect(error.message).toContain(
      'expected model names in column "Model", found 2 rows with that cell empty',
    );
  });
});

describe('parseTable snapshots', () => {
  it('leaderboard.html', () => {
    expect(parse(fixture('leaderboard.html'), htmlConfig, 'leaderboard.html')).toMatchSnapshot();
  });
});
