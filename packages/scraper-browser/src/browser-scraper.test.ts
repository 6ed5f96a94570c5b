import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TrackerError } from '@tracker/schema';
import type { ScrapeContext } from '@tracker/scrapers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createBrowserScraper, { type BrowserScraperOptions } from './index';
import { KNOWN_CHROMIUM_PATHS } from './resolve-chromium';

const chromiumPath =
  process.env.TRACKER_CHROMIUM_PATH || KNOWN_CHROMIUM_PATHS.find((path) => existsSync(path));
if (!chromiumPath) {
  console.log(
    `tracker-scraper-browser: no Chromium at ${KNOWN_CHROMIUM_PATHS.join(' or ')}; the rendering tests are skipped`,
  );
}

// A page whose leaderboard exists only after its script runs: a plain fetch sees an empty tbody.
const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Rendered leaderboard</title></head>
<body>
<h1>Leaderboard</h1>
<table id="board"><thead><tr><th>Rank</th><th>Model</th><th>Organization</th><th>Overall Score</th></tr></thead><tbody></tbody></table>
<script>
  const rows = [[1, 'Alpha-Large', 'Alpha Labs', '75.34'], [2, '360', 'Qihoo 360', '70.1'], [3, 'Beta 2', 'Beta AI', '-']];
  setTimeout(() => {
    const body = document.querySelector('#board tbody');
    for (const cells of rows) {
      const row = document.createElement('tr');
      for (const cell of cells) {
        const td = document.createElement('td');
        td.textContent = String(cell);
        row.appendChild(td);
      }
      body.appendChild(row);
    }
  }, 50);
</script>
</body></html>`;

let server: Server;
let baseUrl = '';
let onCancelHook: (() => void) | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/cancel-hook') {
      // The page below asks for this once it is loaded: the test cancels the run from here.
      onCancelHook?.();
      response.writeHead(204);
      response.end();
    } else if (request.url === '/cancel-page') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!DOCTYPE html><html><body><p>Loading</p><img src="/cancel-hook"></body></html>');
    } else if (request.url === '/board') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function options(overrides: Partial<BrowserScraperOptions> = {}): BrowserScraperOptions {
  return {
    id: 'example-rendered',
    url: `${baseUrl}/board`,
    waitFor: '#board tbody tr',
    executablePath: chromiumPath,
    timeoutMs: 20_000,
    columns: { name: 'Model', developer: 'Organization', scores: { 'example-overall': 'Overall Score' } },
    ...overrides,
  };
}

function context(): ScrapeContext {
  const fail = async () => {
    throw new Error('the browser scraper must not use ctx.http');
  };
  return {
    http: { get: fail, getJson: fail },
    signal: new AbortController().signal,
    log: { debug() {}, info() {}, warn() {} },
    now: () => new Date(),
    env: {},
  };
}

describe('createBrowserScraper: definition and options', () => {
  it('is a plain frozen scraper with the configured id', () => {
    const scraper = createBrowserScraper(options({ executablePath: '/usr/bin/chromium' }));
    expect(scraper).toMatchObject({
      apiVersion: 1,
      id: 'example-rendered',
      provides: ['names', 'developer', 'scores'],
      live: true,
    });
    expect(Object.isFrozen(scraper)).toBe(true);
  });

  it('rejects bad options with CONFIG_INVALID naming the path', () => {
    expect(() => createBrowserScraper(options({ timeoutMs: -1 }))).toThrow(
      /tracker-scraper-browser options "example-rendered": \$\.timeoutMs: /,
    );
    const badScores = () =>
      createBrowserScraper(
        options({ columns: { name: 'Model', scores: { 'Overall Score': 'Overall Score' } } }),
      );
    expect(badScores).toThrow(/\$\.columns\.scores\["Overall Score"\]: expected a kebab-case benchmark id/);
    expect(() => createBrowserScraper(options({ id: 'Not Kebab' }))).toThrow(
      /\$\.id: expected a kebab-case id/,
    );
  });

  it('parses a saved rendered page without a browser', () => {
    const rendered = PAGE.replace(
      '<tbody></tbody>',
      '<tbody><tr><td>1</td><td>Alpha-Large</td><td>Alpha Labs</td><td>75.34</td></tr></tbody>',
    );
    const result = createBrowserScraper(options()).parse({
      body: rendered,
      url: 'file:///saved/board.html',
      retrievedAt: '2025-09-01T00:00:00.000Z',
    });
    expect(result.observations).toEqual([
      {
        source: 'example-rendered',
        sourceUrl: `${baseUrl}/board`,
        retrievedAt: '2025-09-01T00:00:00.000Z',
        rawName: 'Alpha-Large',
        developer: 'Alpha Labs',
        scores: { 'example-overall': { value: 75.34, asOf: '2025-09-01' } },
      },
    ]);
  });

  it('fails clearly when the configured Chromium does not exist', async () => {
    const scraper = createBrowserScraper(options({ executablePath: '/nowhere/chromium' }));
    await expect(scraper.scrape(context())).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringContaining('no Chromium at /nowhere/chromium'),
    });
  });
});

describe.skipIf(!chromiumPath)('createBrowserScraper: rendering with the system Chromium', () => {
  it('a plain fetch of the page sees no rows', async () => {
    const response = await fetch(`${baseUrl}/board`);
    const html = await response.text();
    const scraper = createBrowserScraper(options());
    let error: unknown;
    try {
      scraper.parse({ body: html, url: `${baseUrl}/board`, retrievedAt: new Date().toISOString() });
    } catch (caught) {
      error = caught;
    }
    expect(TrackerError.is(error) && error.code).toBe('PARSE_FAILED');
    expect((error as Error).message).toContain('expected data rows in table 1');
  });

  it('renders the page and parses the rows its script built', async () => {
    const result = await createBrowserScraper(options()).scrape(context());
    expect(result.issues).toEqual([]);
    expect(
      result.observations.map((observation) => [
        observation.rawName,
        observation.developer,
        observation.scores?.['example-overall']?.value,
      ]),
    ).toEqual([
      ['Alpha-Large', 'Alpha Labs', 75.34],
      ['360', 'Qihoo 360', 70.1],
      ['Beta 2', 'Beta AI', undefined],
    ]);
    expect(result.observations[0]).toMatchObject({
      source: 'example-rendered',
      sourceUrl: `${baseUrl}/board`,
    });
  });

  it('reports a selector that never appears as PARSE_FAILED', async () => {
    const scraper = createBrowserScraper(options({ waitFor: '#does-not-exist', timeoutMs: 1_500 }));
    await expect(scraper.scrape(context())).rejects.toMatchObject({
      code: 'PARSE_FAILED',
      message: expect.stringContaining(
        'expected an element matching "#does-not-exist" after rendering, found nothing within 1500 ms',
      ),
    });
  });

  it('stops when the run is cancelled while Chromium starts', async () => {
    const controller = new AbortController();
    const running = createBrowserScraper(options()).scrape({ ...context(), signal: controller.signal });
    controller.abort(new Error('cancelled during launch'));
    await expect(running).rejects.toThrow('cancelled during launch');
  });

  it('stops when the run is cancelled while waiting for the selector', async () => {
    const controller = new AbortController();
    onCancelHook = () => controller.abort(new Error('cancelled while waiting'));
    try {
      const scraper = createBrowserScraper(
        options({ url: `${baseUrl}/cancel-page`, waitFor: '#never-rendered', timeoutMs: 60_000 }),
      );
      await expect(scraper.scrape({ ...context(), signal: controller.signal })).rejects.toThrow(
        'cancelled while waiting',
      );
    } finally {
      onCancelHook = undefined;
    }
  });

  it('reports an HTTP error status as HTTP_FAILED', async () => {
    const scraper = createBrowserScraper(options({ url: `${baseUrl}/missing` }));
    await expect(scraper.scrape(context())).rejects.toMatchObject({
      code: 'HTTP_FAILED',
      message: expect.stringContaining('/missing: HTTP 404'),
    });
  });
});
