// The collection budget of DESIGN §7: scrapers fetching from local servers that take 200 ms per request, run
// through runScrapers with the real HTTP client. Each server counts the requests it has in flight, so the bench
// checks both the wall time against the ideal the per-host limits allow and that no limit is ever exceeded.
import { createServer } from 'node:http';

/** Server-side delay of every request, in milliseconds. */
export const LATENCY_MS = 200;

/**
 * Hosts (one local server each; the client's limiter keys on `host:port`) and the sources fetching from them.
 * Two sources share host `a`, so its limit must hold across sources; host `d` has a raised limit of its own.
 */
const HOSTS = [
  { name: 'a', concurrency: undefined, sources: [10, 6] },
  { name: 'b', concurrency: undefined, sources: [12] },
  { name: 'c', concurrency: undefined, sources: [8] },
  { name: 'd', concurrency: 4, sources: [16] },
];
const DEFAULT_CONCURRENCY = 2;

function startServer() {
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  const server = createServer((request, response) => {
    stats.requests += 1;
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    response.on('close', () => {
      stats.inFlight -= 1;
    });
    request.resume();
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ path: request.url }));
    }, LATENCY_MS);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, stats, port: server.address().port }));
  });
}

/**
 * The least wall time `requests` requests to one host can take: a request starts when a slot is free and at least
 * `intervalMs` after the previous start, and lasts `latencyMs`.
 */
export function idealHostWallMs(requests, concurrency, intervalMs, latencyMs = LATENCY_MS) {
  const ends = [];
  let lastStart = -Infinity;
  for (let index = 0; index < requests; index += 1) {
    const slotFree = index >= concurrency ? ends[index - concurrency] : 0;
    const start = Math.max(slotFree, lastStart + intervalMs, 0);
    ends.push(start + latencyMs);
    lastStart = start;
  }
  return ends.length > 0 ? Math.max(...ends) : 0;
}

/**
 * One collection run with the given start interval (`undefined`: the client's default). Returns the wall time,
 * the ideal, and per host the requests, its limit and the most requests it saw at once.
 */
export async function measureCollection({ scrapers, minIntervalMs }) {
  const { createHttpClient, defineScraper, runScrapers } = scrapers;
  const started = await Promise.all(HOSTS.map(() => startServer()));
  try {
    const hostLimits = {};
    const definitions = [];
    HOSTS.forEach((host, hostIndex) => {
      const { port } = started[hostIndex];
      if (host.concurrency !== undefined) hostLimits[`127.0.0.1:${port}`] = { concurrency: host.concurrency };
      host.sources.forEach((urlCount, sourceIndex) => {
        const base = `http://127.0.0.1:${port}`;
        const urls = Array.from(
          { length: urlCount },
          (_, index) => `${base}/source-${sourceIndex}/page-${index}`,
        );
        definitions.push(
          defineScraper({
            id: `bench-${host.name}-${sourceIndex}`,
            description: `Benchmark source ${sourceIndex} on host ${host.name}`,
            sources: [base],
            provides: ['names'],
            async scrape(context) {
              // Every URL is requested at once: only the client's per-host limits pace them.
              await Promise.all(urls.map((url) => context.http.get(url)));
              return { observations: [], issues: [] };
            },
            parse() {
              return { observations: [], issues: [] };
            },
          }),
        );
      });
    });
    const http = createHttpClient({
      cache: false,
      retry: { limit: 0 },
      concurrency: DEFAULT_CONCURRENCY,
      hosts: hostLimits,
      ...(minIntervalMs === undefined ? {} : { minIntervalMs }),
    });
    // The client's default start interval, when none is given (see createHttpClient).
    const intervalMs = minIntervalMs ?? 100;
    const start = performance.now();
    const results = await runScrapers(definitions, { http, env: {} });
    const wallMs = performance.now() - start;
    const failed = results.filter((result) => result.status !== 'ok');
    if (failed.length > 0) {
      throw new Error(
        `collection failed: ${failed.map((result) => `${result.source}: ${result.error?.message}`).join('; ')}`,
      );
    }
    const hosts = HOSTS.map((host, hostIndex) => {
      const requests = host.sources.reduce((sum, count) => sum + count, 0);
      const limit = host.concurrency ?? DEFAULT_CONCURRENCY;
      return {
        host: host.name,
        requests,
        served: started[hostIndex].stats.requests,
        limit,
        maxInFlight: started[hostIndex].stats.maxInFlight,
        idealMs: idealHostWallMs(requests, limit, intervalMs),
      };
    });
    // Hosts proceed in parallel, so the ideal is the slowest host's.
    const idealMs = Math.max(...hosts.map((host) => host.idealMs));
    return { minIntervalMs: intervalMs, wallMs, idealMs, ratio: wallMs / idealMs, hosts };
  } finally {
    await Promise.all(started.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  }
}
