import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ModelRecord, ModelsFileSchema } from '@tracker/schema';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import baseFixture from '../__fixtures__/models.json';
import reportFixture from './__fixtures__/report-models.json';
import { formatReportHtml } from './format-report-html';

// Only the system's Chromium (CI installs Debian's package); never a browser downloaded by playwright.
const chromiumPath = [process.env.TRACKER_CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (candidate): candidate is string => candidate !== undefined && candidate !== '' && existsSync(candidate),
);
if (chromiumPath === undefined) {
  console.log(
    '[report-browser] no Chromium at TRACKER_CHROMIUM_PATH or /usr/bin/chromium: the browser test of the HTML report is skipped',
  );
}

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const records: ModelRecord[] = [
  ...ModelsFileSchema.parse(baseFixture).models,
  ...ModelsFileSchema.parse(reportFixture).models,
];
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_DEVELOPER = '</script><script>alert(1)</script>';

interface LoadedPage {
  page: Page;
  url: string;
  dialogs: string[];
  /** Every request the page made, other than for the page itself. */
  requests: string[];
  consoleErrors: string[];
}

describe.skipIf(chromiumPath === undefined)('formatReportHtml in headless Chromium', () => {
  let browser: Browser;
  let directory: string;

  async function load(fileName: string, content: string): Promise<LoadedPage> {
    const path = join(directory, fileName);
    await writeFile(path, content);
    const url = pathToFileURL(path).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const loaded: LoadedPage = { page, url, dialogs: [], requests: [], consoleErrors: [] };
    page.on('dialog', (dialog) => {
      loaded.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (request.url() !== url) loaded.requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') loaded.consoleErrors.push(message.text());
    });
    await page.goto(url, { waitUntil: 'load' });
    return loaded;
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tracker-report-'));
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('sees dialogs and requests when a page does make them (the listeners below can fail)', async () => {
    const control = await load(
      'control.html',
      '<!doctype html><title>control</title><img src="missing.png" alt=""><script>alert("control")</script>',
    );
    expect(control.dialogs).toEqual(['control']);
    expect(control.requests).toEqual([new URL('missing.png', control.url).href]);
    await control.page.close();
  });

  describe('the report page', () => {
    let loaded: LoadedPage;

    beforeAll(async () => {
      // Full provenance: every scraped string and URL is on the page, so hostile markup anywhere would show here.
      const html = formatReportHtml(records, {
        generatedAt: '2026-02-01T00:00:00.000Z',
        threshold: 1e25,
        provenance: 'full',
      });
      loaded = await load('report.html', html);
      // Open every provenance section, so hostile markup there would be rendered and could act.
      await loaded.page.locator('details').evaluateAll((elements) => {
        for (const details of elements) (details as unknown as { open: boolean }).open = true;
      });
    });

    afterAll(async () => {
      await loaded?.page.close();
    });

    it('has one table row per model, with a caption and scoped headers', async () => {
      const { page } = loaded;
      expect(await page.locator('table.models > tbody > tr').count()).toBe(records.length);
      expect(await page.locator('table.models > caption').textContent()).toMatch(
        /^13 models, largest median/,
      );
      expect(await page.locator('table.models > thead th[scope="col"]').count()).toBe(9);
      expect(await page.locator('table.models > tbody th[scope="row"]').count()).toBe(records.length);
    });

    it('draws the chart: one visible point per model with a date and an estimate, and the threshold line', async () => {
      const { page } = loaded;
      const chart = page.locator('svg.chart');
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.getAttribute('aria-label')).toMatch(
        /^Training compute against release date for 9 models/,
      );
      expect(await page.locator('svg.chart g.point').count()).toBe(9);
      const threshold = page.locator('svg.chart line.threshold-line');
      expect(await threshold.count()).toBe(1);
      const box = await threshold.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(500);
      expect(await page.locator('svg.chart .threshold-label').textContent()).toBe('Threshold 1e25 FLOP');
      // Markers are <use> references: each must resolve to a shape with a size, or the points are invisible.
      const markerSizes = await page.$$eval('svg.chart g.point use', (uses) =>
        uses.map((use) => (use as unknown as { getBBox(): { width: number } }).getBBox().width),
      );
      expect(markerSizes).toHaveLength(9);
      for (const size of markerSizes) expect(size).toBeGreaterThan(5);
      expect(await page.locator('.not-charted li').count()).toBe(4);
    });

    it('keeps hostile strings as text: no dialog, no script or image from data, no javascript: link', async () => {
      const { page } = loaded;
      expect(loaded.dialogs).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      expect(
        await page
          .locator('img, iframe, object, embed, [onerror], [onload], [onclick], [onmouseover]')
          .count(),
      ).toBe(0);
      const hostileRow = page.locator('table.models tr[data-model-id="hostile/img-onerror"]');
      expect(await hostileRow.locator('th bdi').textContent()).toBe(HOSTILE_NAME);
      expect(await hostileRow.locator('td').first().textContent()).toBe(HOSTILE_DEVELOPER);
      const hrefs = await page.$$eval('a[href]', (links) =>
        links.map((link) => (link as unknown as { href: string }).href),
      );
      for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|file:\/\/.*#)/);
      const external = await page.$$eval('a[href^="http"]', (links) =>
        links.map((link) => link.getAttribute('rel')),
      );
      expect(external.length).toBeGreaterThan(0);
      for (const rel of external) expect(rel).toBe('noopener noreferrer nofollow');
      const hostileDetails = page.locator('details#model-hostile_2f_img-onerror');
      expect(await hostileDetails.locator('span.url', { hasText: 'javascript:alert(1)' }).count()).toBe(1);
      expect(await hostileDetails.locator('a', { hasText: 'javascript:' }).count()).toBe(0);
    });

    it('makes no request at all and breaks no rule of its content security policy', async () => {
      expect(loaded.requests).toEqual([]);
      expect(loaded.consoleErrors).toEqual([]);
      const policy = await loaded.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      expect(policy).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    });

    it('takes a full-page screenshot as a non-empty PNG', async () => {
      const path = join(directory, 'report.png');
      await loaded.page.screenshot({ path, fullPage: true });
      const png = await readFile(path);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // IHDR holds the width and height right after the signature and chunk header.
      expect(png.readUInt32BE(16)).toBe(1280);
      expect(png.readUInt32BE(20)).toBeGreaterThan(900);
      expect((await stat(path)).size).toBeGreaterThan(20_000);
      if (process.env.TRACKER_REPORT_SCREENSHOT) await writeFile(process.env.TRACKER_REPORT_SCREENSHOT, png);
    });

    it('prints to PDF', async () => {
      await loaded.page.emulateMedia({ media: 'print' });
      const pdf = await loaded.page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      await loaded.page.emulateMedia({ media: 'screen' });
    });
  });
});
