import { ScrapeError } from '../../errors';
import { parseJsonSafely } from '../../safe-json';
import type { Payload } from '../../scraper';

/**
 * Helpers every built-in parser uses to refuse a payload that is wholly wrong (empty, truncated, another format,
 * a changed layout). Such payloads throw a `ScrapeError` with code `PARSE_FAILED` whose message reads
 * `[scraper:<id>] <file or url>: expected ..., found ...`; problems of single rows become issues instead.
 */

/** Name used in messages: the file name of a saved payload, else its URL. */
export function describePayload(payload: Pick<Payload, 'url' | 'fileName'>): string {
  return payload.fileName ?? payload.url;
}

/** Builds the `PARSE_FAILED` error for a payload: `expected <expected>, found <found>`. */
export function createParseError(
  scraperId: string,
  payload: Pick<Payload, 'url' | 'fileName'>,
  expected: string,
  found: string,
  cause?: unknown,
): ScrapeError {
  return new ScrapeError({
    code: 'PARSE_FAILED',
    scraperId,
    url: describePayload(payload),
    problem: `expected ${expected}, found ${found}`,
    cause,
  });
}

/** A short, safe description of what a body starts with, for "found ..." in messages. */
export function describeBodyStart(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') return 'an empty body';
  const start = trimmed.slice(0, 40).replace(/\s+/g, ' ');
  return `a body starting with ${JSON.stringify(start)}${trimmed.length > 40 ? '…' : ''}`;
}

/** Throws `PARSE_FAILED` when the body is empty or only whitespace. */
export function requireNonEmptyBody(scraperId: string, payload: Payload, expected: string): void {
  if (payload.body.trim() === '') throw createParseError(scraperId, payload, expected, 'an empty body');
}

/**
 * Parses the payload body as JSON (dropping `__proto__` keys, so rows cannot pollute prototypes later).
 * An empty or truncated body throws `PARSE_FAILED` naming what was expected.
 */
export function readJsonPayload(scraperId: string, payload: Payload, expected: string): unknown {
  requireNonEmptyBody(scraperId, payload, expected);
  try {
    return parseJsonSafely(payload.body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw createParseError(scraperId, payload, expected, `text that is not valid JSON (${reason})`, error);
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Describes a JSON value's shape for messages: `an array of 3 items`, `an object with keys a, b`, `a string`. */
export function describeJsonShape(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 8).join(', ')}`;
  }
  return value === null ? 'null' : `a ${typeof value}`;
}
