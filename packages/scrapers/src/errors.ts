import { TrackerError } from '@tracker/schema';

const SCRAPE_ERROR_MARKER = Symbol.for('tracker.scrape-error');

/** Query parameters whose values are credentials: they are replaced by `[redacted]` wherever a URL is shown. */
const SECRET_PARAMETER =
  /key|token|secret|password|passwd|(^|[_-])auth($|[_-])|authori[sz]ation|signature|sig$|credential|session/i;

/** Options of {@link ScrapeError}. */
export interface ScrapeErrorOptions {
  /** `HTTP_FAILED` for transport and status failures, `PARSE_FAILED` for payloads that cannot be read. */
  code: 'HTTP_FAILED' | 'PARSE_FAILED';
  /** Id of the scraper (source) the request or payload belongs to. */
  scraperId: string;
  /** URL of the request or payload. Credentials in it are redacted before it is stored or shown. */
  url: string;
  /** What went wrong and what was expected, e.g. `expected JSON, got an empty body`. */
  problem: string;
  /** HTTP status of the response, when there was one. */
  statusCode?: number;
  /** Whether trying again later may succeed (timeouts, dropped connections, 408, 429, 5xx). Default false. */
  retryable?: boolean;
  /**
   * The network or the host is not there (no DNS, no route, connection refused): not retried, and a scraper
   * reading several URLs stops at the first such failure instead of trying every one. Default false.
   */
  unreachable?: boolean;
  /** The lower-level error (got's error, a `SyntaxError`, a `TypeError` from `TextDecoder`). */
  cause?: unknown;
}

/**
 * A failure of one source: a request that failed or a payload that could not be read. The message reads
 * `[scraper:<id>] <url>: <problem>`, with credentials in the URL redacted.
 *
 * @example
 * throw new ScrapeError({ code: 'PARSE_FAILED', scraperId: 'lmarena', url, problem: 'expected a table with an "Elo" column' });
 */
export class ScrapeError extends TrackerError {
  /** Id of the scraper the failure belongs to. */
  readonly scraperId: string;
  /** URL of the request or payload, credentials redacted. */
  readonly url: string;
  /** HTTP status, when the server answered. */
  readonly statusCode: number | undefined;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;
  /** The network or host is not there (see {@link ScrapeErrorOptions.unreachable}). */
  readonly unreachable: boolean;
  override readonly name: string = 'ScrapeError';
  readonly [SCRAPE_ERROR_MARKER] = true;

  constructor(options: ScrapeErrorOptions) {
    const url = redactUrl(options.url);
    super(options.code, `[scraper:${options.scraperId}] ${url}: ${options.problem}`, {
      cause: options.cause,
      details: { scraperId: options.scraperId, url, statusCode: options.statusCode },
    });
    this.scraperId = options.scraperId;
    this.url = url;
    this.statusCode = options.statusCode;
    this.retryable = options.retryable ?? false;
    this.unreachable = options.unreachable ?? false;
  }
}

/** True when `value` is a {@link ScrapeError} from any copy of this package. */
export function isScrapeError(value: unknown): value is ScrapeError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[SCRAPE_ERROR_MARKER] === true
  );
}

/** True for a failure because the network or the host is not there (no DNS, no route, refused). */
export function isNetworkUnreachable(value: unknown): boolean {
  return isScrapeError(value) && value.unreachable;
}

/**
 * Returns `url` with the values of credential-like query parameters (`api_key`, `token`, `key`, `signature`...)
 * and any user:password part replaced by `[redacted]`. Text that is not a URL is returned as is.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = 'redacted';
    parsed.password = '';
  }
  let changed = false;
  for (const name of new Set(parsed.searchParams.keys())) {
    if (SECRET_PARAMETER.test(name)) {
      parsed.searchParams.set(name, 'REDACTED');
      changed = true;
    }
  }
  // URLSearchParams would percent-encode brackets, so the marker is swapped in after serialising.
  const text = parsed.toString();
  return changed ? text.replaceAll('=REDACTED', '=[redacted]') : text;
}
