import { ScrapeError } from './errors';
import type { HttpResponse } from './scraper';

/**
 * Parses JSON without letting it reach `Object.prototype` later: `__proto__` keys are dropped, and so is a
 * `constructor` key whose value carries a `prototype` (the shapes used in prototype-pollution payloads). Plain
 * `JSON.parse` creates such keys as own properties, which a later merge or `Object.assign` turns into pollution.
 * Throws the `SyntaxError` of `JSON.parse` for malformed text.
 */
export function parseJsonSafely(text: string): unknown {
  // The reviver costs several times the plain parse, so it runs only when a dangerous key may be present
  // (escapes such as `\u005f_proto__` are caught by the `\u` test).
  if (!text.includes('__proto__') && !text.includes('constructor') && !text.includes('\\u')) {
    return JSON.parse(text);
  }
  return JSON.parse(text, dropDangerousKeys);
}

function dropDangerousKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') {
    return undefined;
  }
  if (
    key === 'constructor' &&
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'prototype')
  ) {
    return undefined;
  }
  return value;
}

/**
 * The body of a response as JSON (through {@link parseJsonSafely}), for the `getJson` of every HTTP client (the real
 * one and the testing fixture); a body that does not parse is a `PARSE_FAILED` ScrapeError naming the source and URL.
 */
export function parseJsonResponse(response: HttpResponse, sourceId: string, url: string): unknown {
  try {
    return parseJsonSafely(response.body);
  } catch (error) {
    throw new ScrapeError({
      code: 'PARSE_FAILED',
      scraperId: sourceId,
      url,
      statusCode: response.statusCode,
      problem: `expected JSON, but it does not parse (${error instanceof Error ? error.message : String(error)})`,
      cause: error,
    });
  }
}
