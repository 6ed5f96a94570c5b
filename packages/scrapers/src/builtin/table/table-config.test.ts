import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrackerError } from '@tracker/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpClient, ScrapeContext } from '../../scraper';
import { loadTableConfig } from './table-config';
import { createTableScraper, loadTableScrapers } from './table-scraper';

const CONFIG_DIRECTORY = fileURLToPath(new URL('../../../../../configs/tables', import.meta.url));

const VALID = `
id: example-board
name: Example board
url: https://example.org/board
columns:
  name: Model
  developer: Organization
  scores:
    example-overall: Overall Score
`;

function thrown(run: () => unknown): TrackerError {
  try {
    run();
  } catch (error) {
    if (TrackerError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a TrackerError');
}

describe('loadTableConfig', () => {
  it('reads a valid config and applies defaults', () => {
    const config = loadTableConfig(VALID, 'example.yaml');
    expect(config).toEqual({
      id: 'example-board',
      name: 'Example board',
      url: 'https://example.org/board',
      columns: { name: 'Model', developer: 'Organization', scores: { 'example-overall': 'Overall Score' } },
    });
    expect(
      loadTableConfig('id: x\nname: X\nurl: https://x.org\ncolumns: {name: Model}\n', 'x.yaml').columns
        .scores,
    ).toEqual({});
  });

  it('names the YAML path of a bad benchmark id', () => {
    const error = thrown(() =>
      loadTableConfig(VALID.replace('example-overall:', 'Overall:'), 'configs/tables/example.yaml'),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'configs/tables/example.yaml: $.columns.scores.Overall: expected a kebab-case benchmark id',
    );
  });

  it('names the YAML path of a missing or misspelled key', () => {
    expect(thrown(() => loadTableConfig(VALID.replace('  name: Model\n', ''), 'a.yaml')).message).toMatch(
      /^a\.yaml: \$\.columns\.name: /,
    );
    expect(
      thrown(() => loadTableConfig(VALID.replace('  developer:', '  organisation:'), 'b.yaml')).message,
    ).toMatch(/^b\.yaml: \$\.columns: .*organisation/);
    expect(thrown(() => loadTableConfig(`${VALID}filters:\n  include: ['(']\n`, 'c.yaml')).message).toBe(
      'c.yaml: $.filters.include[0]: expected a valid regular expression',
    );
    expect(
      thrown(() => loadTableConfig(`${VALID}format: csv\ntable:\n  selector: '#board'\n`, 'd.yaml')).message,
    ).toBe('d.yaml: $.table.selector: a CSS selector applies only to format "html"');
    expect(
      thrown(() => loadTableConfig(VALID.replace('id: example-board', 'id: Example Board'), 'e.yaml'))
        .message,
    ).toBe('e.yaml: $.id: expected a kebab-case id');
  });

  it('reports YAML syntax errors, duplicate keys and non-mappings with the file', () => {
    expect(thrown(() => loadTableConfig('id: [unclosed\n', 'f.yaml')).message).toMatch(
      /^f\.yaml: invalid YAML: /,
    );
    expect(thrown(() => loadTableConfig(`${VALID}id: again\n`, 'g.yaml')).message).toMatch(
      /^g\.yaml: invalid YAML: .*[Mm]ap keys must be unique/,
    );
    expect(thrown(() => loadTableConfig('- a\n- b\n', 'h.yaml')).message).toBe(
      'h.yaml: expected a mapping with id, name, url and columns',
    );
  });

  it('does not let a __proto__ key reach the prototype', () => {
    const error = thrown(() => loadTableConfig(`${VALID}__proto__:\n  polluted: true\n`, 'i.yaml'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('createTableScraper', () => {
  it('is a valid scraper whose id and observations carry the config id', async () => {
    const scraper = createTableScraper(loadTableConfig(VALID, 'example.yaml'));
    expect(scraper).toMatchObject({
      apiVersion: 1,
      id: 'example-board',
      sources: ['https://example.org/board'],
      provides: ['names', 'developer', 'scores'],
      live: true,
    });
    const requested: string[] = [];
    const http: HttpClient = {
      async get(url) {
        requested.push(url);
        return {
          url,
          finalUrl: url,
          statusCode: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: '<table><tr><th>Model</th><th>Organization</th><th>Overall Score</th></tr><tr><td>Alpha</td><td>Alpha Labs</td><td>71</td></tr></table>',
          retrievedAt: '2025-09-01T10:00:00.000Z',
          notModified: false,
        };
      },
      async getJson() {
        throw new Error('not used');
      },
    };
    const context: ScrapeContext = {
      http,
      signal: new AbortController().signal,
      log: { debug() {}, info() {}, warn() {} },
      now: () => new Date('2025-09-01T10:00:00.000Z'),
      env: {},
    };
    const result = await scraper.scrape(context);
    expect(requested).toEqual(['https://example.org/board']);
    expect(result.observations).toEqual([
      {
        source: 'example-board',
        sourceUrl: 'https://example.org/board',
        retrievedAt: '2025-09-01T10:00:00.000Z',
        rawName: 'Alpha',
        developer: 'Alpha Labs',
        scores: { 'example-overall': { value: 71, asOf: '2025-09-01' } },
      },
    ]);
  });

  it('rejects an invalid config object with CONFIG_INVALID', () => {
    expect(
      thrown(() => createTableScraper({ id: 'x', name: 'x', url: 'not a url', columns: { name: 'Model' } }))
        .message,
    ).toMatch(/^table config "x": \$\.url: /);
  });
});

describe('loadTableScrapers', () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
    directory = undefined;
  });

  it('makes one scraper per shipped config in configs/tables', async () => {
    const scrapers = await loadTableScrapers(CONFIG_DIRECTORY);
    expect(scrapers.map((scraper) => scraper.id)).toEqual([
      'olympic-arena',
      'physics-iq',
      'superclue',
      'video-arena',
    ]);
  });

  it('names the file of a bad config and of a duplicate id', async () => {
    directory = await mkdtemp(join(tmpdir(), 'tracker-tables-'));
    await writeFile(join(directory, 'a.yaml'), VALID);
    await writeFile(join(directory, 'notes.txt'), 'not a config');
    expect((await loadTableScrapers(directory)).map((scraper) => scraper.id)).toEqual(['example-board']);
    await writeFile(join(directory, 'b.yml'), VALID);
    await expect(loadTableScrapers(directory)).rejects.toMatchObject({
      code: 'PLUGIN_DUPLICATE',
      message: expect.stringContaining('b.yml: id "example-board" is already used by'),
    });
    await writeFile(join(directory, 'b.yml'), VALID.replace('url: https://example.org/board', 'url: 42'));
    await expect(loadTableScrapers(directory)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/b\.yml: \$\.url: /),
    });
  });

  it('reports a directory that cannot be read', async () => {
    await expect(
      loadTableScrapers(join(tmpdir(), 'tracker-no-such-directory-for-tables')),
    ).rejects.toMatchObject({ code: 'IO_FAILED' });
  });
});
