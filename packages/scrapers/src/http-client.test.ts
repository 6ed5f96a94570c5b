import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isNetworkUnreachable, isScrapeError, type ScrapeError } from './errors';
import { createFileHttpCache } from './http-cache';
import { createHttpClient, type HttpClientOptions, parseRetryAfter, USER_AGENT } from './http-client';
import type { SnapshotInput, SnapshotStore } from './snapshot';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface TestServer {
  url: string;
  requests: IncomingMessage[];
  handle(path: string, handler: Handler): void;
  close(): Promise<void>;
}

async function startServer(): Promise<TestServer> {
  const handlers = new Map<string, Handler>();
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    const handler = handlers.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (handler === undefined) {
      response.writeHead(404).end('no route');
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (path, handler) => handlers.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Fast retries and no rate limit, so fault tests take milliseconds. */
function testClient(options: HttpClientOptions = {}) {
  return createHttpClient({
    sourceId: 'test-source',
    minIntervalMs: 0,
    retry: { limit: 2, baseDelayMs: 5, maxDelayMs: 20, ...options.retry },
    ...options,
  });
}

async function catchError(promise: Promise<unknown>): Promise<ScrapeError> {
  try {
    await promise;
  } catch (error) {
    expect(isScrapeError(error)).toBe(true);
    return error as ScrapeError;
  }
  throw new Error('expected the request to fail');
}

function countRequests(server: TestServer, path: string): number {
  return server.requests.filter((request) => request.url?.startsWith(path)).length;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('createHttpClient: successful requests', () => {
  it('returns the body as text and sends the project User-Agent', async () => {
    server.handle('/ok', (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/plain' }).end('hello ✓'),
    );
    const response = await testClient().get(`${server.url}/ok`);
    expect(response.body).toBe('hello ✓');
    expect(response.statusCode).toBe(200);
    expect(response.notModified).toBe(false);
    expect(response.headers['content-type']).toBe('text/plain');
    expect(server.requests.at(-1)?.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^tracker\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/tracker-1e25\/tracker\)$/);
  });

  it('parses JSON without letting __proto__ or constructor.prototype keys pollute prototypes', async () => {
    server.handle('/proto.json', (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          '{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":2}}},"\\u005f_proto__":{"polluted":3},"models":[1]}',
        ),
    );
    const { data } = await testClient().getJson(`${server.url}/proto.json`);
    const merged = Object.assign({}, data as object);
    expect(Object.hasOwn(data as object, '__proto__')).toBe(false);
    expect((data as { a: object }).a).toEqual({});
    expect((data as { models: number[] }).models).toEqual([1]);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect((merged as { polluted?: number }).polluted).toBeUndefined();
    expect(server.requests.at(-1)?.headers.accept).toBe('application/json');
  });

  it('sends If-None-Match after an ETag and returns the stored body on 304', async () => {
    server.handle('/etag', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      response.writeHead(200, { etag: '"v1"', 'content-type': 'text/csv' }).end('name,flop\na,1\n');
    });
    const client = testClient();
    const first = await client.get(`${server.url}/etag`);
    const second = await client.get(`${server.url}/etag`);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(second.notModified).toBe(true);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('text/csv');
  });

  it('sends If-Modified-Since after Last-Modified, and nothing conditional when asked not to', async () => {
    const lastModified = 'Wed, 21 Oct 2025 07:28:00 GMT';
    server.handle('/modified', (request, response) => {
      if (request.headers['if-modified-since'] === lastModified) {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'last-modified': lastModified }).end('body');
    });
    const client = testClient();
    await client.get(`${server.url}/modified`);
    const second = await client.get(`${server.url}/modified`);
    expect(second.notModified).toBe(true);
    const third = await client.get(`${server.url}/modified`, { conditional: false });
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBeUndefined();
    expect(third.notModified).toBe(false);
  });

  it('keeps validators in a stored cache that a second client reuses', async () => {
    server.handle('/cached', (request, response) => {
      if (request.headers['if-none-match'] === '"abc"') {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { etag: '"abc"' }).end('cached body');
    });
    let text: string | undefined;
    const storage = {
      name: 'memory',
      read: async () => text,
      write: async (next: string) => {
        text = next;
      },
    };
    await testClient({ cache: createFileHttpCache(storage) }).get(`${server.url}/cached`);
    const stored = JSON.parse(text ?? '') as { entries: Record<string, { etag: string }> };
    expect(stored.entries[`${server.url}/cached`]?.etag).toBe('"abc"');
    const again = await testClient({ cache: createFileHttpCache(storage) }).get(`${server.url}/cached`);
    expect(again.notModified).toBe(true);
    expect(again.body).toBe('cached body');
  });

  it('still returns the body when the HTTP cache cannot be written, with a warning', async () => {
    server.handle('/uncachable', (_request, response) =>
      response.writeHead(200, { etag: '"z"' }).end('fine'),
    );
    const warnings: string[] = [];
    const cache = {
      get: async () => undefined,
      set: async () => {
        throw new Error('disk full');
      },
    };
    const log = { debug() {}, info() {}, warn: (message: string) => warnings.push(message) };
    const response = await testClient({ cache, log }).get(`${server.url}/uncachable`);
    expect(response.body).toBe('fine');
    expect(warnings).toEqual([expect.stringContaining('could not update the HTTP cache (disk full)')]);
  });

  it('stores every live fetch through the snapshot store, and hands back where it was kept', async () => {
    server.handle('/snap.json', (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"models":[]}'),
    );
    // An in-memory store: the data folder's own store (atomic files) is tested in @tracker/dataset.
    const stored: SnapshotInput[] = [];
    const snapshotStore: SnapshotStore = {
      async save(snapshot) {
        stored.push(snapshot);
        return { file: `memory/${snapshot.source}/${stored.length}`, sha256: 'f'.repeat(64) };
      },
    };
    const seen: string[] = [];
    const client = createHttpClient({ minIntervalMs: 0, snapshotStore }).forSource('my-source', {
      onSnapshot: (snapshot) => seen.push(snapshot.file),
    });
    const first = await client.get(`${server.url}/snap.json`, { conditional: false });
    const second = await client.get(`${server.url}/snap.json`, { conditional: false });
    expect(stored).toEqual([
      expect.objectContaining({
        source: 'my-source',
        url: `${server.url}/snap.json`,
        body: '{"models":[]}',
        contentType: 'application/json',
      }),
      expect.objectContaining({ source: 'my-source', body: '{"models":[]}' }),
    ]);
    expect(stored[0]?.retrievedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(first.snapshot).toEqual({ file: 'memory/my-source/1', sha256: 'f'.repeat(64) });
    expect(second.snapshot?.file).toBe('memory/my-source/2');
    expect(seen).toEqual(['memory/my-source/1', 'memory/my-source/2']);
  });
});

describe('createHttpClient: faults give clear errors naming the source', () => {
  it('fails on an empty body with PARSE_FAILED', async () => {
    server.handle('/empty', (_request, response) => response.writeHead(200).end());
    const error = await catchError(testClient().get(`${server.url}/empty`));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('[scraper:test-source]');
    expect(error.message).toContain(`${server.url}/empty`);
    expect(error.message).toContain('expected a body, got an empty one');
  });

  it('fails on a truncated body (Content-Length larger than sent) after retrying', async () => {
    server.handle('/truncated', (_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"models":[');
      // Destroying the socket ends the response 89 bytes short of what it announced.
      setTimeout(() => response.socket?.destroy(), 5);
    });
    const error = await catchError(testClient().get(`${server.url}/truncated`));
    expect(error.code).toBe('HTTP_FAILED');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('[scraper:test-source]');
    expect(countRequests(server, '/truncated')).toBe(3);
  });

  it('fails when Content-Length announces more than the cap, without retrying', async () => {
    server.handle('/announced', (_request, response) => {
      response.writeHead(200, { 'content-length': '5000' });
      response.end('x'.repeat(5000));
    });
    const error = await catchError(testClient({ maxBodyBytes: 1000 }).get(`${server.url}/announced`));
    expect(error.code).toBe('HTTP_FAILED');
    expect(error.message).toContain('at most 1000 bytes');
    expect(error.message).toContain('Content-Length announces 5000 bytes');
    expect(countRequests(server, '/announced')).toBe(1);
  });

  it('aborts a streamed body that grows past the cap', async () => {
    let written = 0;
    server.handle('/stream', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => {
        if (response.destroyed || written > 1_000_000) {
          clearInterval(timer);
          response.end();
          return;
        }
        written += 4096;
        response.write('y'.repeat(4096));
      }, 1);
    });
    const error = await catchError(
      testClient({ maxBodyBytes: 10_000 }).get(`${server.url}/stream`, { maxBodyBytes: 20_000 }),
    );
    expect(error.message).toContain('at most 20000 bytes');
    expect(error.message).toContain('was stopped');
    expect(written).toBeLessThan(1_000_000);
  });

  it('decompresses gzip bodies and caps them by their decompressed size', async () => {
    const bomb = gzipSync(Buffer.alloc(2_000_000, 0x20));
    server.handle('/gzip', (_request, response) =>
      response
        .writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) })
        .end(bomb),
    );
    const small = gzipSync(Buffer.from('{"ok":true}'));
    server.handle('/gzip-small', (_request, response) =>
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(small),
    );
    expect((await testClient().getJson(`${server.url}/gzip-small`)).data).toEqual({ ok: true });
    expect(bomb.length).toBeLessThan(100_000);
    const error = await catchError(testClient({ maxBodyBytes: 100_000 }).get(`${server.url}/gzip`));
    expect(error.message).toContain(
      'expected a body of at most 100000 bytes, but the download passed 100000 bytes',
    );
  });

  it('does not retry a 404 and says what it expected', async () => {
    server.handle('/missing', (_request, response) => response.writeHead(404).end('gone'));
    const error = await catchError(testClient().get(`${server.url}/missing`));
    expect(error.code).toBe('HTTP_FAILED');
    expect(error.statusCode).toBe(404);
    expect(error.retryable).toBe(false);
    expect(error.scraperId).toBe('test-source');
    expect(error.message).toBe(
      `[scraper:test-source] ${server.url}/missing: expected a 2xx response, got HTTP 404 Not Found`,
    );
    expect((error.cause as Error).name).toBe('HTTPError');
    expect(countRequests(server, '/missing')).toBe(1);
  });

  it('retries a 429 after the delay given by Retry-After', async () => {
    let calls = 0;
    server.handle('/limited', (_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(429, { 'retry-after': '1' }).end();
        return;
      }
      response.writeHead(200).end('finally');
    });
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, warn: (message: string) => warnings.push(message) };
    // The backoff alone would wait at most 20 ms; the log shows the 1 s asked for by the server was used.
    const response = await testClient({ log }).get(`${server.url}/limited`);
    expect(response.body).toBe('finally');
    expect(calls).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('HTTP 429');
    expect(warnings[0]).toContain('retry 1 of 2 in 1.0 s');
  });

  it('fails at once when Retry-After asks for longer than allowed', async () => {
    server.handle('/busy', (_request, response) => response.writeHead(503, { 'retry-after': '3600' }).end());
    const error = await catchError(
      testClient({ retry: { maxRetryAfterMs: 5000 } }).get(`${server.url}/busy`),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(
      'the server asks to wait 3600 s (Retry-After), more than the 5.0 s allowed',
    );
    expect(countRequests(server, '/busy')).toBe(1);
  });

  it('retries a 500 and returns the later success', async () => {
    let calls = 0;
    server.handle('/flaky', (_request, response) => {
      calls += 1;
      response.writeHead(calls === 1 ? 500 : 200).end(calls === 1 ? 'oops' : 'ok now');
    });
    const response = await testClient().get(`${server.url}/flaky`);
    expect(response.body).toBe('ok now');
    expect(calls).toBe(2);
  });

  it('gives up on a 500 after the retry limit', async () => {
    server.handle('/down', (_request, response) => response.writeHead(502).end());
    const error = await catchError(testClient({ retry: { limit: 1 } }).get(`${server.url}/down`));
    expect(error.statusCode).toBe(502);
    expect(error.retryable).toBe(true);
    expect(countRequests(server, '/down')).toBe(2);
  });

  it('times out a server that never answers', async () => {
    server.handle('/hang', () => {});
    const error = await catchError(
      testClient({ retry: { limit: 0 } }).get(`${server.url}/hang`, { timeoutMs: 150 }),
    );
    expect(error.code).toBe('HTTP_FAILED');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('[scraper:test-source]');
    expect(error.message).toContain('timed out');
  });

  it('fails clearly on a redirect loop', async () => {
    server.handle('/loop', (_request, response) => response.writeHead(302, { location: '/loop' }).end());
    const error = await catchError(testClient({ maxRedirects: 3 }).get(`${server.url}/loop`));
    expect(error.message).toContain('expected at most 3 redirects');
    expect(error.retryable).toBe(false);
  });

  it('fails on invalid UTF-8 with PARSE_FAILED', async () => {
    server.handle('/latin1', (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c])),
    );
    const error = await catchError(testClient().get(`${server.url}/latin1`));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('not valid UTF-8');
    expect(error.message).toContain('text/html');
  });

  it('fails on malformed JSON with PARSE_FAILED naming the source', async () => {
    server.handle('/bad.json', (_request, response) => response.writeHead(200).end('{"models": [1, 2'));
    const error = await catchError(testClient().getJson(`${server.url}/bad.json`));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(
      /^\[scraper:test-source\] .*bad\.json: expected JSON, but it does not parse/,
    );
  });

  it('rejects URLs that are not http(s)', async () => {
    const error = await catchError(testClient().get('file:///etc/passwd'));
    expect(error.message).toContain('expected an http(s) URL');
  });

  it('stops when the signal aborts', async () => {
    server.handle('/slow', () => {});
    const controller = new AbortController();
    const pending = testClient().get(`${server.url}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await catchError(pending);
    expect(error.message).toContain('cancelled');
  });
});

describe('createHttpClient: API keys', () => {
  const key = 'sk-test-9f8e7d6c5b4a';
  const env = { TRACKER_TEST_KEY: key };

  function expectNoKey(error: unknown, logs: string[]): void {
    const texts = [
      String(error),
      inspect(error, { depth: 20, showHidden: true }),
      JSON.stringify(error),
      logs.join('\n'),
    ];
    let cause: unknown = error;
    while (cause !== undefined && cause !== null) {
      texts.push(inspect(cause, { depth: 20, showHidden: true }), String(cause), JSON.stringify(cause) ?? '');
      cause = (cause as { cause?: unknown }).cause;
    }
    for (const text of texts) {
      expect(text).not.toContain(key);
    }
  }

  it('sends the key from the environment as a bearer token or in the named header', async () => {
    server.handle('/auth', (request, response) =>
      response.writeHead(200).end(String(request.headers.authorization ?? request.headers['x-api-key'])),
    );
    const client = testClient({ env });
    expect((await client.get(`${server.url}/auth`, { apiKeyEnv: 'TRACKER_TEST_KEY' })).body).toBe(
      `Bearer ${key}`,
    );
    expect(
      (await client.get(`${server.url}/auth`, { apiKeyEnv: 'TRACKER_TEST_KEY', apiKeyHeader: 'X-Api-Key' }))
        .body,
    ).toBe(key);
  });

  it('names the missing variable, not a key', async () => {
    const error = await catchError(
      testClient({ env: {} }).get(`${server.url}/auth`, { apiKeyEnv: 'TRACKER_TEST_KEY' }),
    );
    expect(error.message).toContain('TRACKER_TEST_KEY');
    expect(error.message).toContain('not set');
  });

  it.each([
    [
      'a 500 after retries',
      '/key-500',
      (_request: IncomingMessage, response: ServerResponse) => response.writeHead(500).end(),
    ],
    [
      'a 404',
      '/key-404',
      (_request: IncomingMessage, response: ServerResponse) => response.writeHead(404).end(),
    ],
    ['a connection reset', '/key-reset', (request: IncomingMessage) => request.socket.destroy()],
    ['a timeout', '/key-hang', () => {}],
    [
      'a redirect to a URL with a token',
      '/key-redirect',
      (_request: IncomingMessage, response: ServerResponse) =>
        response.writeHead(302, { location: `/key-redirect?token=${key}` }).end(),
    ],
  ])('never puts the key in the error, its causes or the logs (%s)', async (_label, path, handler) => {
    server.handle(path, handler);
    const logs: string[] = [];
    const log = {
      debug: (m: string) => logs.push(m),
      info: (m: string) => logs.push(m),
      warn: (m: string) => logs.push(m),
    };
    const client = testClient({ env, log, retry: { limit: 1, baseDelayMs: 1 }, maxRedirects: 2 });
    const error = await catchError(
      client.get(`${server.url}${path}`, { apiKeyEnv: 'TRACKER_TEST_KEY', timeoutMs: 200 }),
    );
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${key}`);
    expectNoKey(error, logs);
  });

  it('does not follow a redirect to another origin while sending a key, and follows one within the origin', async () => {
    const other = await startServer();
    try {
      other.handle('/steal', (_request, response) => response.writeHead(200).end('stolen'));
      server.handle('/away', (_request, response) =>
        response.writeHead(302, { location: `${other.url}/steal` }).end(),
      );
      server.handle('/here', (_request, response) => response.writeHead(301, { location: '/auth' }).end());
      server.handle('/auth', (request, response) =>
        response.writeHead(200).end(String(request.headers['x-api-key'])),
      );
      const client = testClient({ env });
      const options = { apiKeyEnv: 'TRACKER_TEST_KEY', apiKeyHeader: 'x-api-key' };
      const error = await catchError(client.get(`${server.url}/away`, options));
      expect(error.message).toContain('not followed while an API key is sent');
      expect(other.requests).toHaveLength(0);
      expect((await client.get(`${server.url}/here`, options)).body).toBe(key);
      // Without a key, cross-origin redirects are followed as usual.
      expect((await client.get(`${server.url}/away`)).body).toBe('stolen');
    } finally {
      await other.close();
    }
  });

  it('redacts credentials in the URL the error names', async () => {
    server.handle('/q', (_request, response) => response.writeHead(403).end());
    const error = await catchError(testClient().get(`${server.url}/q?api_key=${key}&page=2`));
    expect(error.message).toContain('api_key=[redacted]&page=2');
    expect(error.url).not.toContain(key);
    expect(error.message).not.toContain(key);
  });
});

describe('createHttpClient: per-host limits', () => {
  it('never has more requests in flight per host than its limit, while hosts run in parallel', async () => {
    const servers = [await startServer(), await startServer()];
    let inFlight = 0;
    let maxInFlight = 0;
    const perServer = servers.map(() => ({ now: 0, max: 0 }));
    // Responses are held until 5 requests are in flight across both hosts (2 + 3, the sum of their limits), so
    // the counts do not depend on timing; a fallback timer releases them when fewer can ever arrive (the tail,
    // or a limiter that serialises hosts, which then fails the assertion on maxInFlight).
    let held: (() => void)[] = [];
    let fallback: ReturnType<typeof setTimeout> | undefined;
    const releaseAll = () => {
      clearTimeout(fallback);
      fallback = undefined;
      const release = held;
      held = [];
      for (const respond of release) respond();
    };
    servers.forEach((each, index) => {
      each.handle('/work', (_request, response) => {
        const counter = perServer[index]!;
        counter.now += 1;
        inFlight += 1;
        counter.max = Math.max(counter.max, counter.now);
        maxInFlight = Math.max(maxInFlight, inFlight);
        held.push(() => {
          counter.now -= 1;
          inFlight -= 1;
          response.writeHead(200).end('done');
        });
        if (inFlight >= 5) releaseAll();
        else fallback ??= setTimeout(releaseAll, 50);
      });
    });
    try {
      const client = testClient({
        concurrency: 2,
        hosts: { [new URL(servers[1]!.url).host]: { concurrency: 3 } },
      });
      const urls = servers.flatMap((each) =>
        Array.from({ length: 12 }, (_, index) => `${each.url}/work?n=${index}`),
      );
      const responses = await Promise.all(urls.map((url) => client.get(url, { conditional: false })));
      expect(responses.every((response) => response.body === 'done')).toBe(true);
      expect(perServer[0]!.max).toBe(2);
      expect(perServer[1]!.max).toBe(3);
      // Both hosts were served at the same time: no global serialisation.
      expect(maxInFlight).toBe(5);
    } finally {
      clearTimeout(fallback);
      await Promise.all(servers.map((each) => each.close()));
    }
  });
});

describe('createHttpClient with nock', () => {
  afterEach(() => {
    nock.cleanAll();
  });

  it('retries a 503 from a remote host and succeeds', async () => {
    const scope = nock('https://api.example.test')
      .get('/v1/models')
      .reply(503)
      .get('/v1/models')
      .reply(200, { data: [] });
    const { data } = await testClient().getJson('https://api.example.test/v1/models');
    expect(data).toEqual({ data: [] });
    expect(scope.isDone()).toBe(true);
  });

  it('accepts Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:02 GMT', now)).toBe(2000);
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('a network that is not there', () => {
  const failingLookup = (code: string): NonNullable<HttpClientOptions['dnsLookup']> =>
    ((_hostname: string, _options: unknown, callback: (error: Error) => void) => {
      const error = Object.assign(new Error(`getaddrinfo ${code} offline.example`), { code });
      process.nextTick(() => callback(error));
    }) as unknown as NonNullable<HttpClientOptions['dnsLookup']>;

  function offlineClient(options: HttpClientOptions, warnings: string[]) {
    // Backoffs this long would run far past any test timeout if a retry were attempted.
    return testClient({
      ...options,
      retry: { limit: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      log: { debug() {}, info() {}, warn: (message) => warnings.push(message) },
    });
  }

  it.each(['ENOTFOUND', 'EAI_AGAIN'])(
    'fails at once when DNS answers %s, with one clear message',
    async (code) => {
      // The lookup is ours, so nothing leaves the machine; nock lets the request reach it.
      nock.enableNetConnect('offline.example');
      try {
        let lookups = 0;
        const lookup = failingLookup(code);
        const counted = ((...args: Parameters<typeof lookup>) => {
          lookups += 1;
          return (lookup as (...rest: unknown[]) => void)(...args);
        }) as typeof lookup;
        const warnings: string[] = [];
        const error = await catchError(
          offlineClient({ dnsLookup: counted }, warnings).get('http://offline.example/models'),
        );
        expect(error.unreachable).toBe(true);
        expect(error.retryable).toBe(false);
        expect(isNetworkUnreachable(error)).toBe(true);
        expect(error.message).toBe(
          `[scraper:test-source] http://offline.example/models: the network or host is unreachable (${code}: getaddrinfo ${code} offline.example); not retried`,
        );
        expect(warnings).toEqual([]);
        expect(lookups).toBe(1);
      } finally {
        nock.disableNetConnect();
        nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));
      }
    },
  );

  it('fails at once with no route (ENETUNREACH)', async () => {
    const warnings: string[] = [];
    // The test setup refuses every non-loopback connection with ENETUNREACH, as a machine without a route does.
    const error = await catchError(offlineClient({}, warnings).get('https://no-route.example/models'));
    expect(error.unreachable).toBe(true);
    expect(error.message).toContain('the network or host is unreachable (ENETUNREACH');
    expect(warnings).toEqual([]);
  });

  it('fails at once when the host refuses (ECONNREFUSED on a closed loopback port)', async () => {
    const closed = await startServer();
    const url = `${closed.url}/gone`;
    await closed.close();
    const warnings: string[] = [];
    const error = await catchError(offlineClient({}, warnings).get(url));
    expect(error.unreachable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
    expect(warnings).toEqual([]);
  });

  it('still retries 5xx answers (a network that is there)', async () => {
    server.handle('/flaky-once', (_request, response) => {
      if (countRequests(server, '/flaky-once') === 1) response.writeHead(502).end();
      else response.writeHead(200).end('ok');
    });
    const warnings: string[] = [];
    const client = testClient({ log: { debug() {}, info() {}, warn: (message) => warnings.push(message) } });
    const response = await client.get(`${server.url}/flaky-once`);
    expect(response.body).toBe('ok');
    expect(warnings).toHaveLength(1);
  });
});
