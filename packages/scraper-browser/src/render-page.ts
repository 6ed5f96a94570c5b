import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrackerError } from '@tracker/schema';
import { chromium } from 'playwright-core';

/**
 * Chromium flags: headless, no sandbox (containers rarely allow one), no GPU, and none of the background
 * traffic (updates, sync, QUIC probes) a scraper has no use for.
 */
export const CHROMIUM_LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Options of {@link renderPage}. */
export interface RenderPageOptions {
  url: string;
  /** Chromium executable (see `resolveChromiumPath`). */
  executablePath: string;
  /** CSS selector to wait for before reading the page. */
  waitFor: string;
  /** Limit for the selector to appear, in milliseconds. Launching and loading get at least {@link START_TIMEOUT_MS}. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Scraper id for messages. */
  scraperId: string;
}

/** A rendered page. */
export interface RenderedPage {
  /** The DOM serialised after the wait (`page.content()`). */
  html: string;
  /** URL after redirects. */
  finalUrl: string;
  /** When the page was read (ISO timestamp). */
  retrievedAt: string;
}

/**
 * Starting Chromium and loading the page get this long at least, whatever the selector wait is: a busy machine
 * can take seconds to start a browser, and that is not the page's fault.
 */
export const START_TIMEOUT_MS = 60_000;

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/**
 * Loads a page in a fresh headless Chromium profile (a new temporary user-data directory, removed afterwards),
 * waits for `waitFor`, and returns the rendered HTML. Errors: `SOURCE_UNAVAILABLE` when Chromium will not start,
 * `HTTP_FAILED` when the page fails to load or answers 4xx/5xx, `PARSE_FAILED` when the selector never appears.
 */
export async function renderPage(options: RenderPageOptions): Promise<RenderedPage> {
  const prefix = `[scraper:${options.scraperId}]`;
  options.signal?.throwIfAborted();
  const userDataDir = await mkdtemp(join(tmpdir(), 'tracker-chromium-'));
  try {
    let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
    try {
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: options.executablePath,
        headless: true,
        args: [...CHROMIUM_LAUNCH_ARGS],
        timeout: Math.max(options.timeoutMs, START_TIMEOUT_MS),
      });
    } catch (error) {
      throw new TrackerError(
        'SOURCE_UNAVAILABLE',
        `${prefix} could not start Chromium at ${options.executablePath}: ${(error as Error).message.split('\n')[0]}`,
        {
          cause: error,
        },
      );
    }
    // Closing the browser makes any pending wait reject, which is how a cancelled run stops early.
    // One close for both the abort and the normal end, so the profile is removed only after Chromium exits.
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= context.close().catch(() => undefined);
      return closing;
    };
    const onAbort = () => void close();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // The run may have been cancelled while Chromium was starting, before the listener existed.
      options.signal?.throwIfAborted();
      const page = context.pages()[0] ?? (await context.newPage());
      let response: Awaited<ReturnType<typeof page.goto>>;
      try {
        response = await page.goto(options.url, {
          waitUntil: 'domcontentloaded',
          timeout: Math.max(options.timeoutMs, START_TIMEOUT_MS),
        });
      } catch (error) {
        options.signal?.throwIfAborted();
        throw new TrackerError(
          'HTTP_FAILED',
          `${prefix} ${options.url}: the page did not load: ${(error as Error).message.split('\n')[0]}`,
          { cause: error },
        );
      }
      if (response && response.status() >= 400) {
        throw new TrackerError('HTTP_FAILED', `${prefix} ${options.url}: HTTP ${response.status()}`, {
          details: { statusCode: response.status() },
        });
      }
      try {
        await page.waitForSelector(options.waitFor, { state: 'attached', timeout: options.timeoutMs });
      } catch (error) {
        options.signal?.throwIfAborted();
        const reason = isTimeout(error)
          ? `nothing within ${options.timeoutMs} ms`
          : (error as Error).message.split('\n')[0];
        throw new TrackerError(
          'PARSE_FAILED',
          `${prefix} ${options.url}: expected an element matching "${options.waitFor}" after rendering, found ${reason}`,
          {
            cause: error,
          },
        );
      }
      return { html: await page.content(), finalUrl: page.url(), retrievedAt: new Date().toISOString() };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      await close();
    }
  } finally {
    // A profile left behind must not hide the error that ended the run.
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}
