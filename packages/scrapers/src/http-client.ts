import got, { HTTPError, MaxRedirectsError, RequestError, type Response, TimeoutError } from 'got';
import { version } from '../package.json';
import { redactUrl, ScrapeError } from './errors';
import { createHostLimiter, type HostLimiter, type HostLimits } from './host-limiter';
import { createMemoryHttpCache, type HttpCache, type HttpCacheEntry } from './http-cache';
import { parseJsonResponse } from './safe-json';
import type { HttpClient, HttpRequestOptions, HttpResponse, Logger } from './scraper';
import type { SavedSnapshot, SnapshotStore } from './snapshot';

/** The User-Agent sent with every request: the project, its version and where to read about it. */
export const USER_AGENT = `tracker/${version} (+https://github.com/tracker-1e25/tracker)`;

/** Timeouts of one attempt, in milliseconds. */
export interface HttpTimeouts {
  /** Until the TCP (and TLS) connection is open (default 10 000). */
  connectMs?: number;
  /** From sending the request until the response headers arrive (default 30 000). */
  responseMs?: number;
  /** The whole attempt, body included (default 60 000). `HttpRequestOptions.timeoutMs` overrides it. */
  totalMs?: number;
}

/** When and how often to try again. */
export interface HttpRetryOptions {
  /** Retries after the first attempt (default 3). */
  limit?: number;
  /** Delay before the first retry; it doubles with each retry, with jitter (default 500). */
  baseDelayMs?: number;
  /** Longest backoff delay (default 30 000). */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a server asking for more fails the request at once (default 120 000). */
  maxRetryAfterMs?: number;
}

/** A payload stored by the client, reported through `onSnapshot`. */
export interface SnapshotRecord extends SavedSnapshot {
  /** The source (scraper id) the fetch was made for. */
  source: string;
  /** Final URL, credentials redacted. */
  url: string;
  retrievedAt: string;
  contentType?: string;
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Source id named in errors and used for snapshots (default `http`); see also {@link TrackerHttpClient.forSource}. */
  sourceId?: string;
  timeouts?: HttpTimeouts;
  retry?: HttpRetryOptions;
  /** Requests in flight at once per host, unless `hosts` says otherwise (default 2). */
  concurrency?: number;
  /** Least time between request starts per host, in milliseconds (default 100). */
  minIntervalMs?: number;
  /** Limits for particular hosts (`host` or `host:port`, lower case). */
  hosts?: Readonly<Record<string, HostLimits>>;
  /** Largest body accepted, in bytes (default 20 MiB). */
  maxBodyBytes?: number;
  /** Redirects followed before the request fails (default 10). */
  maxRedirects?: number;
  /** Validators and bodies for conditional requests (default: in memory). `false` turns them off. */
  cache?: HttpCache | false;
  /** Where raw payloads go. Without one nothing is stored (library use). */
  snapshotStore?: SnapshotStore;
  /** Called after each payload is stored. */
  onSnapshot?: (snapshot: SnapshotRecord) => void;
  /** Where API keys are read from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Receives retries and conditional hits. Never receives headers or keys. */
  log?: Logger;
  /** Cancels every request of this client. */
  signal?: AbortSignal;
  /** User-Agent (default {@link USER_AGENT}). */
  userAgent?: string;
  /** Clock for `retrievedAt` (tests pin it). */
  now?: () => Date;
  /** Random numbers in [0, 1) for the backoff jitter (tests pin it). */
  random?: () => number;
  /** Host name lookup, as `dns.lookup` (default: the system resolver). Tests use it to simulate no DNS. */
  dnsLookup?: typeof import('node:dns').lookup;
}

/** What {@link TrackerHttpClient.forSource} may change for one source. */
export interface SourceHttpClientOptions {
  cache?: HttpCache | false;
  log?: Logger;
  onSnapshot?: (snapshot: SnapshotRecord) => void;
}

/** The {@link HttpClient} made by {@link createHttpClient}, with per-source views that share its host limits. */
export interface TrackerHttpClient extends HttpClient {
  /** Source id named in errors and snapshots. */
  readonly sourceId: string;
  /** A view for one source: its errors name the source and its payloads are stored under it. */
  forSource(sourceId: string, options?: SourceHttpClientOptions): TrackerHttpClient;
}

const RETRYABLE_STATUS = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
/** Transient failures of a network that is there: retried. */
const NETWORK_ERROR_CODES = new Set([
  'ETIMEDOUT',
  'ECONNRESET',
  'EADDRINUSE',
  'EPIPE',
  'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
]);
/**
 * "The network isn't there": no DNS, no route, the host refuses. Retrying cannot help within a run (an offline
 * machine would wait through every backoff), so these fail at once.
 */
const UNREACHABLE_ERROR_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_FAIL',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ECONNREFUSED',
  'EADDRNOTAVAIL',
]);
const HIDDEN_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2']);
const silentLogger: Logger = { debug() {}, info() {}, warn() {} };

interface Shared {
  options: HttpClientOptions;
  limiter: HostLimiter;
  timeouts: Required<HttpTimeouts>;
  retry: Required<HttpRetryOptions>;
  maxBodyBytes: number;
  maxRedirects: number;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  random: () => number;
}

interface Failure {
  error: ScrapeError;
  /** The problem part of the message, to extend it. */
  problem: string;
  /** Delay the server asked for, in milliseconds. */
  retryAfterMs?: number;
}

/**
 * Creates the HTTP client scrapers receive as `ctx.http`. It wraps got with timeouts, retries (exponential
 * backoff with jitter on network errors, 408, 429 and 5xx, honouring `Retry-After`), per-host concurrency and
 * rate limits, conditional requests, a body-size cap, strict UTF-8 decoding and API keys read from the
 * environment only. Every failure is a {@link ScrapeError} naming the source and the (redacted) URL.
 *
 * @example
 * const http = createHttpClient({ snapshotStore: openDataFolder('data').snapshots }); // @tracker/dataset
 * const result = await scraper.scrape({ http: http.forSource(scraper.id), ... });
 */
export function createHttpClient(options: HttpClientOptions = {}): TrackerHttpClient {
  const shared: Shared = {
    options,
    limiter: createHostLimiter(
      { concurrency: options.concurrency ?? 2, minIntervalMs: options.minIntervalMs ?? 100 },
      lowerCaseKeys(options.hosts ?? {}),
    ),
    timeouts: { connectMs: 10_000, responseMs: 30_000, totalMs: 60_000, ...options.timeouts },
    retry: { limit: 3, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, ...options.retry },
    maxBodyBytes: options.maxBodyBytes ?? 20 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 10,
    env: options.env ?? process.env,
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
  };
  const cache = options.cache === false ? undefined : (options.cache ?? createMemoryHttpCache());
  return createView(shared, options.sourceId ?? 'http', {
    cache,
    log: options.log,
    onSnapshot: options.onSnapshot,
  });
}

interface View {
  cache: HttpCache | undefined;
  log: Logger | undefined;
  onSnapshot: ((snapshot: SnapshotRecord) => void) | undefined;
}

function createView(shared: Shared, sourceId: string, view: View): TrackerHttpClient {
  const client: TrackerHttpClient = {
    sourceId,
    get: (url, requestOptions = {}) => fetchText(shared, sourceId, view, url, requestOptions),
    async getJson(url, requestOptions = {}) {
      const response = await client.get(url, {
        ...requestOptions,
        headers: { accept: 'application/json', ...requestOptions.headers },
      });
      return { data: parseJsonResponse(response, sourceId, url), response };
    },
    forSource(id, overrides = {}) {
      const cache = overrides.cache === false ? undefined : (overrides.cache ?? view.cache);
      return createView(shared, id, {
        cache,
        log: overrides.log ?? view.log,
        onSnapshot: overrides.onSnapshot ?? view.onSnapshot,
      });
    },
  };
  return Object.freeze(client);
}

async function fetchText(
  shared: Shared,
  sourceId: string,
  view: View,
  url: string,
  requestOptions: HttpRequestOptions,
): Promise<HttpResponse> {
  const log = view.log ?? silentLogger;
  const fail = (problem: string, extra: Partial<ConstructorParameters<typeof ScrapeError>[0]> = {}) =>
    new ScrapeError({ code: 'HTTP_FAILED', scraperId: sourceId, url, problem, ...extra });

  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch (error) {
    throw fail('expected an absolute http(s) URL', { cause: error });
  }
  if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') {
    throw fail(`expected an http(s) URL, got the protocol "${parsedUrl.protocol}"`);
  }

  const headers: Record<string, string> = {
    'user-agent': shared.options.userAgent ?? USER_AGENT,
    ...lowerCaseKeys(requestOptions.headers ?? {}),
  };
  const secrets: string[] = [];
  if (requestOptions.apiKeyEnv !== undefined) {
    const key = shared.env[requestOptions.apiKeyEnv];
    if (key === undefined || key.trim() === '') {
      throw fail(
        `expected an API key in the environment variable ${requestOptions.apiKeyEnv}, which is not set`,
      );
    }
    secrets.push(key);
    const header = requestOptions.apiKeyHeader?.toLowerCase();
    if (header === undefined || header === 'authorization') {
      headers.authorization = `Bearer ${key}`;
    } else {
      headers[header] = key;
    }
  }

  const conditional = requestOptions.conditional !== false && view.cache !== undefined;
  const cached = conditional ? await view.cache?.get(url) : undefined;
  if (cached?.etag !== undefined) headers['if-none-match'] = cached.etag;
  if (cached?.lastModified !== undefined) headers['if-modified-since'] = cached.lastModified;

  const signal = combineSignals(shared.options.signal, requestOptions.signal);
  const maxBodyBytes = requestOptions.maxBodyBytes ?? shared.maxBodyBytes;
  const host = parsedUrl.host.toLowerCase();
  const { retry } = shared;

  for (let attempt = 0; ; attempt += 1) {
    let release: () => void;
    try {
      release = await shared.limiter.acquire(host, signal);
    } catch (error) {
      throw fail('the request was cancelled before it started', { cause: error });
    }
    let outcome: { response: RawResponse } | Failure;
    try {
      outcome = {
        response: await attemptOnce(
          shared,
          url,
          headers,
          requestOptions,
          signal,
          maxBodyBytes,
          secrets.length > 0,
        ),
      };
    } catch (error) {
      outcome = describeFailure(error, {
        sourceId,
        url,
        secrets,
        maxBodyBytes,
        maxRedirects: shared.maxRedirects,
        signal,
      });
    } finally {
      release();
    }

    if ('response' in outcome) {
      return finishResponse(shared, sourceId, view, url, outcome.response, cached, conditional, log, fail);
    }
    const { error, retryAfterMs } = outcome;
    if (!error.retryable || attempt >= retry.limit || signal?.aborted) {
      throw error;
    }
    if (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs) {
      // Waiting less than the server asked would only earn another 429, so the request fails at once.
      throw new ScrapeError({
        code: 'HTTP_FAILED',
        scraperId: sourceId,
        url,
        statusCode: error.statusCode,
        retryable: true,
        problem: `${outcome.problem}; the server asks to wait ${formatSeconds(retryAfterMs)} (Retry-After), more than the ${formatSeconds(retry.maxRetryAfterMs)} allowed`,
        cause: error.cause,
      });
    }
    const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    // Equal jitter: at least half the backoff, so retries of many clients spread without collapsing to zero.
    const delay = retryAfterMs ?? backoff / 2 + (shared.random() * backoff) / 2;
    if (retryAfterMs !== undefined) {
      // A 429 or 503 speaks for the whole host, so every request to it waits, not just this one.
      shared.limiter.pauseUntil(host, Date.now() + retryAfterMs);
    }
    log.warn(`${error.message}; retry ${attempt + 1} of ${retry.limit} in ${formatSeconds(delay)}`);
    try {
      await sleep(delay, signal);
    } catch (abortError) {
      throw fail('the request was cancelled while waiting to retry', { cause: abortError });
    }
  }
}

/** What one attempt returns: got's response with the body read by us, so that its size can be capped. */
interface RawResponse {
  statusCode: number;
  headers: Response['headers'];
  /** URL after redirects. */
  url: string;
  body: Buffer;
}

/**
 * One attempt, as a stream: the body is counted as it arrives (after decompression, so a compressed bomb is
 * stopped too) and the download is destroyed once it passes the cap. A Content-Length above the cap stops it
 * before any body is read.
 */
function attemptOnce(
  shared: Shared,
  url: string,
  headers: Record<string, string>,
  requestOptions: HttpRequestOptions,
  signal: AbortSignal | undefined,
  maxBodyBytes: number,
  sendsKey: boolean,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const stream = got.stream(url, {
      headers,
      signal,
      retry: { limit: 0 },
      throwHttpErrors: true,
      // got drops `Authorization` on a cross-origin redirect but would forward a key in another header (and
      // follow https to http), so a request carrying a key follows redirects within its origin only.
      followRedirect: sendsKey ? (response) => isSameOrigin(response.headers.location, response.url) : true,
      maxRedirects: shared.maxRedirects,
      strictContentLength: true,
      decompress: true,
      ...(shared.options.dnsLookup ? { dnsLookup: shared.options.dnsLookup } : {}),
      timeout: {
        connect: shared.timeouts.connectMs,
        response: shared.timeouts.responseMs,
        request: requestOptions.timeoutMs ?? shared.timeouts.totalMs,
      },
    });
    let response: Response | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(error);
    };
    stream.on('response', (received: Response) => {
      response = received;
      const announced = Number(received.headers['content-length']);
      // With a content encoding the header counts compressed bytes; the streamed count below still applies.
      if (
        received.headers['content-encoding'] === undefined &&
        Number.isFinite(announced) &&
        announced > maxBodyBytes
      ) {
        fail(new BodyTooLargeError(`Content-Length announces ${announced} bytes`));
      }
    });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        fail(new BodyTooLargeError(`the download passed ${maxBodyBytes} bytes and was stopped`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      if (response === undefined) {
        reject(new Error('the response ended before its headers arrived'));
        return;
      }
      resolve({
        statusCode: response.statusCode,
        headers: response.headers,
        url: response.url,
        body: Buffer.concat(chunks, size),
      });
    });
  });
}

class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

function finishResponse(
  shared: Shared,
  sourceId: string,
  view: View,
  url: string,
  response: RawResponse,
  cached: HttpCacheEntry | undefined,
  conditional: boolean,
  log: Logger,
  fail: (problem: string, extra?: Partial<ConstructorParameters<typeof ScrapeError>[0]>) => ScrapeError,
): Promise<HttpResponse> {
  const retrievedAt = shared.now().toISOString();
  const headers = flattenHeaders(response.headers);
  const finalUrl = redactUrl(response.url);
  let body: string;
  let notModified = false;
  if (response.statusCode === 304) {
    if (cached === undefined) {
      throw fail(
        'expected a body, but the server answered 304 Not Modified to a request that was not conditional',
        {
          statusCode: 304,
        },
      );
    }
    body = cached.body;
    notModified = true;
    log.debug(`[scraper:${sourceId}] ${redactUrl(url)}: not modified, using the stored body`);
  } else {
    if (response.statusCode >= 300 && response.statusCode < 400) {
      throw fail(
        `expected a 2xx response, got HTTP ${response.statusCode} to another origin (${redactUrl(String(response.headers.location))}), which is not followed while an API key is sent`,
        { statusCode: response.statusCode },
      );
    }
    if (response.body.length === 0 && response.statusCode !== 204) {
      throw new ScrapeError({
        code: 'PARSE_FAILED',
        scraperId: sourceId,
        url,
        statusCode: response.statusCode,
        problem: `expected a body, got an empty one (HTTP ${response.statusCode})`,
      });
    }
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(response.body);
    } catch (error) {
      throw new ScrapeError({
        code: 'PARSE_FAILED',
        scraperId: sourceId,
        url,
        statusCode: response.statusCode,
        problem: `expected UTF-8 text, but the ${response.body.length}-byte body is not valid UTF-8 (content-type: ${headers['content-type'] ?? 'none'})`,
        cause: error,
      });
    }
  }
  const result: HttpResponse = {
    url,
    finalUrl,
    statusCode: notModified ? 200 : response.statusCode,
    headers: notModified && cached !== undefined ? { ...cached.headers, ...headers } : headers,
    body,
    retrievedAt,
    notModified,
  };
  return storeResponse(shared, sourceId, view, url, result, conditional && !notModified);
}

async function storeResponse(
  shared: Shared,
  sourceId: string,
  view: View,
  url: string,
  result: HttpResponse,
  updateCache: boolean,
): Promise<HttpResponse> {
  const { headers } = result;
  if (
    updateCache &&
    view.cache !== undefined &&
    (headers.etag !== undefined || headers['last-modified'] !== undefined)
  ) {
    try {
      await view.cache.set(url, {
        ...(headers.etag === undefined ? {} : { etag: headers.etag }),
        ...(headers['last-modified'] === undefined ? {} : { lastModified: headers['last-modified'] }),
        body: result.body,
        finalUrl: result.finalUrl,
        headers,
      });
    } catch (error) {
      // The cache only saves bandwidth next time: failing to write it must not fail a fetch that worked.
      (view.log ?? silentLogger).warn(
        `[scraper:${sourceId}] ${redactUrl(url)}: could not update the HTTP cache (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  const store = shared.options.snapshotStore;
  if (store === undefined) {
    return result;
  }
  const contentType = headers['content-type'];
  const saved = await store.save({
    source: sourceId,
    url: result.finalUrl,
    retrievedAt: result.retrievedAt,
    body: result.body,
    ...(contentType === undefined ? {} : { contentType }),
  });
  view.onSnapshot?.({
    ...saved,
    source: sourceId,
    url: result.finalUrl,
    retrievedAt: result.retrievedAt,
    ...(contentType === undefined ? {} : { contentType }),
  });
  return { ...result, snapshot: saved };
}

interface FailureContext {
  sourceId: string;
  url: string;
  secrets: readonly string[];
  maxBodyBytes: number;
  maxRedirects: number;
  signal: AbortSignal | undefined;
}

function describeFailure(error: unknown, context: FailureContext): Failure {
  const cause = sanitizeCause(error, context.secrets);
  const make = (
    problem: string,
    extra: { retryable?: boolean; unreachable?: boolean; statusCode?: number; retryAfterMs?: number } = {},
  ): Failure => {
    const { retryAfterMs, ...rest } = extra;
    const scrapeError = new ScrapeError({
      code: 'HTTP_FAILED',
      scraperId: context.sourceId,
      url: context.url,
      cause,
      problem,
      ...rest,
    });
    return retryAfterMs === undefined
      ? { error: scrapeError, problem }
      : { error: scrapeError, problem, retryAfterMs };
  };
  if (error instanceof BodyTooLargeError) {
    return make(`expected a body of at most ${context.maxBodyBytes} bytes, but ${error.message}`);
  }
  if (context.signal?.aborted) {
    return make('the request was cancelled');
  }
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const reason = error.response.statusMessage ? ` ${error.response.statusMessage}` : '';
    const retryAfterMs =
      status === 429 || status === 503 ? parseRetryAfter(error.response.headers['retry-after']) : undefined;
    return make(`expected a 2xx response, got HTTP ${status}${reason}`, {
      statusCode: status,
      retryable: RETRYABLE_STATUS(status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (error instanceof MaxRedirectsError) {
    return make(`expected at most ${context.maxRedirects} redirects, but there were more (a redirect loop?)`);
  }
  if (error instanceof TimeoutError) {
    // got names the phase that ran out: `connect`, `response` (headers) or `request` (the whole attempt).
    const phases: Record<string, string> = {
      connect: 'to connect',
      response: 'for the response headers',
      request: 'for the whole response',
    };
    const limit = /for (\d+)ms/.exec(error.message)?.[1];
    return make(
      `timed out waiting ${phases[error.event] ?? error.event}${limit === undefined ? '' : ` (limit ${limit} ms)`}`,
      { retryable: true },
    );
  }
  if (error instanceof RequestError) {
    const code = error.code;
    const message = redactSecrets(error.message, context.secrets);
    if (code === 'ERR_HTTP_CONTENT_LENGTH_MISMATCH') {
      return make(`expected the whole body, but it was truncated (${message})`, { retryable: true });
    }
    if (UNREACHABLE_ERROR_CODES.has(code)) {
      return make(`the network or host is unreachable (${code}: ${message}); not retried`, {
        unreachable: true,
      });
    }
    const retryable = NETWORK_ERROR_CODES.has(code) || error.name === 'ReadError';
    return make(`the request failed (${code ? `${code}: ` : ''}${message})`, { retryable });
  }
  const message = error instanceof Error ? error.message : String(error);
  return make(`the request failed (${redactSecrets(message, context.secrets)})`);
}

/**
 * got's errors carry the request options, the raw request and its header block, where an API key would sit.
 * When a key was sent, the cause is reduced to a plain Error keeping got's name, code and message (with the key
 * removed), so that no serialisation of the error chain can reveal it.
 */
function sanitizeCause(error: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || !(error instanceof Error)) {
    return error;
  }
  const copy = new Error(redactSecrets(error.message, secrets));
  copy.name = error.name;
  copy.stack = redactSecrets(error.stack ?? '', secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  if (error instanceof HTTPError) Object.assign(copy, { statusCode: error.response.statusCode });
  return copy;
}

function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (result, secret) => (secret === '' ? result : result.replaceAll(secret, '[redacted]')),
    text,
  );
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function flattenHeaders(headers: Response['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HIDDEN_RESPONSE_HEADERS.has(name)) continue;
    result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

function isSameOrigin(location: string | undefined, from: string): boolean {
  if (location === undefined) return false;
  try {
    return new URL(location, from).origin === new URL(from).origin;
  } catch {
    return false;
  }
}

function lowerCaseKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}

function combineSignals(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(milliseconds < 10_000 ? 1 : 0)} s`;
}
