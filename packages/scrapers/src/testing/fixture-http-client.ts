import { ScrapeError } from '../errors';
import { parseJsonResponse } from '../safe-json';
import type { HttpClient, HttpRequestOptions, HttpResponse } from '../scraper';

/** A canned response: a body served with status 200, or a full response. */
export type FixtureRoute =
  | string
  | { status?: number; body: string; headers?: Readonly<Record<string, string>> };

/** Options of {@link createFixtureHttpClient}. */
export interface FixtureHttpClientOptions {
  /** `retrievedAt` of every response (default `2026-01-01T00:00:00.000Z`), so that outputs are reproducible. */
  retrievedAt?: string;
  /** Source id named in errors (default `fixture`). */
  sourceId?: string;
  /** When given, `apiKeyEnv` must name a variable set here, as with the real client. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One request the fixture client received. */
export interface FixtureRequest {
  url: string;
  options: HttpRequestOptions;
}

/** An {@link HttpClient} that serves fixtures from memory and records what was asked. */
export interface FixtureHttpClient extends HttpClient {
  /** Every request, in order. */
  readonly requests: readonly FixtureRequest[];
}

/**
 * An {@link HttpClient} without network: each URL is served from `routes` (exact match). An unknown URL, a status
 * of 400 or more, an empty body or malformed JSON fail with the same `ScrapeError` codes as the real client.
 *
 * @example
 * const http = createFixtureHttpClient({ 'https://example.com/models.json': '{"models":[]}' });
 */
export function createFixtureHttpClient(
  routes: Readonly<Record<string, FixtureRoute>>,
  options: FixtureHttpClientOptions = {},
): FixtureHttpClient {
  const requests: FixtureRequest[] = [];
  const sourceId = options.sourceId ?? 'fixture';
  const retrievedAt = options.retrievedAt ?? '2026-01-01T00:00:00.000Z';

  async function get(url: string, requestOptions: HttpRequestOptions = {}): Promise<HttpResponse> {
    requests.push({ url, options: requestOptions });
    if (requestOptions.signal?.aborted) {
      throw new ScrapeError({
        code: 'HTTP_FAILED',
        scraperId: sourceId,
        url,
        problem: 'the request was cancelled',
      });
    }
    if (
      requestOptions.apiKeyEnv !== undefined &&
      options.env !== undefined &&
      !options.env[requestOptions.apiKeyEnv]
    ) {
      throw new ScrapeError({
        code: 'HTTP_FAILED',
        scraperId: sourceId,
        url,
        problem: `expected an API key in the environment variable ${requestOptions.apiKeyEnv}, which is not set`,
      });
    }
    const route = routes[url];
    if (route === undefined) {
      const known = Object.keys(routes);
      throw new ScrapeError({
        code: 'HTTP_FAILED',
        scraperId: sourceId,
        url,
        statusCode: 404,
        problem: `no fixture for this URL (fixtures: ${known.length > 0 ? known.join(', ') : 'none'})`,
      });
    }
    const { status = 200, body, headers = {} } = typeof route === 'string' ? { body: route } : route;
    if (status >= 400) {
      const retryable =
        status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
      throw new ScrapeError({
        code: 'HTTP_FAILED',
        scraperId: sourceId,
        url,
        statusCode: status,
        retryable,
        problem: `expected a 2xx response, got HTTP ${status}`,
      });
    }
    if (body === '' && status !== 204) {
      throw new ScrapeError({
        code: 'PARSE_FAILED',
        scraperId: sourceId,
        url,
        statusCode: status,
        problem: `expected a body, got an empty one (HTTP ${status})`,
      });
    }
    const lowerCased = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    return {
      url,
      finalUrl: url,
      statusCode: status,
      headers: lowerCased,
      body,
      retrievedAt,
      notModified: false,
    };
  }

  return {
    requests,
    get,
    async getJson(url, requestOptions = {}) {
      const response = await get(url, requestOptions);
      return { data: parseJsonResponse(response, sourceId, url), response };
    },
  };
}
