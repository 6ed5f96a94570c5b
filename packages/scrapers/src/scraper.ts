import type { Observation, ScrapeIssue } from '@tracker/schema';

/** The contract version this package implements. A change to any interface here is a major changeset. */
export const SCRAPER_API_VERSION = 1 as const;

/** Where a scraper writes what it wants a person to see. Never receives secrets. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** Options of one HTTP request. */
export interface HttpRequestOptions {
  /** Extra headers. Never put secrets here: use `apiKey`. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Name of an environment variable that holds an API key. The client reads it, sends it (as `Authorization:
   * Bearer` unless `apiKeyHeader` is set) and keeps it out of logs, errors and snapshots. A missing variable is
   * an `HTTP_FAILED` error naming the variable, not the key.
   */
  apiKeyEnv?: string;
  /** Header to carry the API key, e.g. `x-api-key`. */
  apiKeyHeader?: string;
  /** Per-request timeout in milliseconds (overrides the client's). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (overrides the client's). */
  maxBodyBytes?: number;
  /** Send If-None-Match / If-Modified-Since from the last response for this URL (default true). */
  conditional?: boolean;
  signal?: AbortSignal;
}

/** A response body, decoded as UTF-8 (invalid UTF-8 is an error), with what a parser needs to know. */
export interface HttpResponse {
  /** URL requested. */
  url: string;
  /** URL after redirects. */
  finalUrl: string;
  statusCode: number;
  headers: Readonly<Record<string, string>>;
  /** The body as text; for a 304 it is the body stored from the last 200. */
  body: string;
  /** When the response arrived (ISO timestamp). */
  retrievedAt: string;
  /** True when the server answered 304 Not Modified and `body` is the cached one. */
  notModified: boolean;
  /** Where the raw payload was stored, when the client has a snapshot store (`file` path, `sha256` hex). */
  snapshot?: { file: string; sha256: string };
}

/** What scrapers use to fetch: retries, timeouts, rate limits and snapshots are the client's job. */
export interface HttpClient {
  /** GET a URL and return its body as text. Throws `ScrapeError` (code `HTTP_FAILED`) on failure. */
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  /** GET a URL and parse JSON safely (`__proto__` keys cannot pollute prototypes). Throws `PARSE_FAILED` on bad JSON. */
  getJson(url: string, options?: HttpRequestOptions): Promise<{ data: unknown; response: HttpResponse }>;
}

/** What `scrape()` receives. */
export interface ScrapeContext {
  /** The HTTP client: scrapers never import got themselves. */
  http: HttpClient;
  /** Aborts when the run is cancelled. */
  signal: AbortSignal;
  log: Logger;
  /** The current time (tests pin it). */
  now(): Date;
  /** Environment variables the scraper may read (API keys are read by the client, not here). */
  env: Readonly<Record<string, string | undefined>>;
}

/** A saved payload given to `parse()`: a recorded response, or a file passed with `--from FILE`. */
export interface Payload {
  /** The body, decoded as text. */
  body: string;
  /** URL the payload came from (a `file:` URL for a local file). */
  url: string;
  /** When it was fetched or captured (ISO timestamp). */
  retrievedAt: string;
  /** File name, when it came from disk: parsers may use it to pick a format (`.csv`, `.html`, `.json`). */
  fileName?: string;
  contentType?: string;
}

/** What a scraper returns: observations plus the problems it met without stopping. */
export interface ScrapeResult {
  observations: Observation[];
  issues: ScrapeIssue[];
}

/** The kinds of fact a source provides, listed by `tracker sources`. */
export type ProvidedFact =
  | 'names'
  | 'developer'
  | 'release-date'
  | 'parameters'
  | 'training-tokens'
  | 'hardware'
  | 'cost'
  | 'reported-compute'
  | 'scores'
  | 'base-model'
  | 'license'
  | 'accessibility'
  | 'pricing';

/**
 * The fields a source's payload carries, for `tracker sources --check`: the JSON keys of its records (the
 * largest list in the document) or the columns of its table.
 */
export interface ScraperShape {
  /** Fields the parser reads. */
  read: readonly string[];
  /** Fields that must be there (default: all of `read`); a missing one means the format changed. */
  required?: readonly string[];
  /** Fields the parser knows and leaves alone (prose, notes, bookkeeping): not reported as new. */
  known?: readonly string[];
}

/**
 * A source of observations. Build one with `defineScraper()`; never implement this by hand, since
 * `defineScraper` validates and stamps the contract version.
 */
export interface BaseScraper {
  /** Contract version, stamped by `defineScraper`. */
  readonly apiVersion: typeof SCRAPER_API_VERSION;
  /** Stable kebab-case id: the observations file is `data/observations/<id>.json`. */
  readonly id: string;
  /** One line on what it reads. */
  readonly description: string;
  /** The URLs it reads (for `tracker sources` and the docs). */
  readonly sources: readonly string[];
  /** The kinds of fact it provides. */
  readonly provides: readonly ProvidedFact[];
  /** Environment variables it needs (e.g. an API key); without them `scrape` fails with a clear error. */
  readonly requiresEnv: readonly string[];
  /** Whether `scrape` needs the network; false for sources that only read local files. */
  readonly live: boolean;
  /** Fetch and parse. Failures of the whole source throw a `ScrapeError`; per-row problems become `issues`. */
  scrape(context: ScrapeContext): Promise<ScrapeResult>;
  /** Parse a saved payload without the network (`--from FILE` and tests). Pure. */
  parse(payload: Payload): ScrapeResult;
  /**
   * Parse several saved payloads that together make one fetch (Epoch's four CSVs, a LiveBench table and its
   * categories) as one result. Optional: without it, each payload is parsed alone and the results concatenated.
   */
  parseMany?(payloads: readonly Payload[]): ScrapeResult;
  /**
   * The URL a saved file was downloaded from, when its name tells (LiveBench's `table_2026_01_08.csv` is
   * `https://livebench.ai/table_2026_01_08.csv`). Optional: without it, or when it returns `undefined`, a saved
   * file stands for the source's first URL. Lets `collect --from` give each file its own `sourceUrl`.
   */
  savedFileUrl?(fileName: string): string | undefined;
  /** The fields its payloads carry, for `tracker sources --check` (optional: without it only counts are checked). */
  readonly shape?: ScraperShape;
}
