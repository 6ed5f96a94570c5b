import { ScrapeError } from '../../errors';
import { parseJsonSafely } from '../../safe-json';
import type { Payload } from '../../scraper';

/**
 * Helpers every built-in parser uses to refuse a payload that is wholly wrong (empty, truncated, another format,
 * a changed layout). Such payloads throw a `ScrapeError` with code `PARSE_FAILED` whose message reads
 * `[scraper:<id>] <file or url>: expected ..., found ...`; problems of single rows become issues instead.
 */

/** The file name of a payload: its `fileName`, else the last segment of a `file:` URL. */
export function payloadFileName(payload: Pick<Payload, 'url' | 'fileName'>): string | undefined {
  if (payload.fileName) return payload.fileName;
  if (payload.url.startsWith('file:')) return decodeURIComponent(payload.url.split('/').pop() ?? '');
  return undefined;
}

/** Name used in messages: the file name of a saved payload, else its URL. */
export function describePayload(payload: Pick<Payload, 'url' | 'fileName'>): string {
  return payloadFileName(payload) ?? payload.url;
}

/** A `PARSE_FAILED` error: `[scraper:<id>] <location>: expected <expected>, found <found>`. */
export function parseFailed(
  scraperId: string,
  location: string,
  expected: string,
  found: string,
  cause?: unknown,
): ScrapeError {
  return new ScrapeError({
    code: 'PARSE_FAILED',
    scraperId,
    url: location,
    problem: `expected ${expected}, found ${found}`,
    cause,
  });
}

/** {@link parseFailed} located at a payload (its file name, else its URL). */
export function createParseError(
  scraperId: string,
  payload: Pick<Payload, 'url' | 'fileName'>,
  expected: string,
  found: string,
  cause?: unknown,
): ScrapeError {
  return parseFailed(scraperId, describePayload(payload), expected, found, cause);
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
 * Parses JSON text (dropping `__proto__` keys, so rows cannot pollute prototypes later). A syntax error throws
 * `PARSE_FAILED` at `location` naming what was expected.
 */
export function parseJsonText(
  text: string,
  context: { scraperId: string; location: string; expected?: string },
): unknown {
  const expected = context.expected ?? 'JSON';
  if (text.trim() === '') throw parseFailed(context.scraperId, context.location, expected, 'an empty body');
  try {
    return parseJsonSafely(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw parseFailed(
      context.scraperId,
      context.location,
      expected,
      `text that is not valid JSON (${reason})`,
      error,
    );
  }
}

/** {@link parseJsonText} of a payload's body. */
export function readJsonPayload(scraperId: string, payload: Payload, expected: string): unknown {
  return parseJsonText(payload.body, { scraperId, location: describePayload(payload), expected });
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

/**
 * The URL an observation cites. A saved file's `file:` URL would put a local path into committed data, so for
 * those the source's canonical URL stands in.
 */
export function citedUrl(payload: Payload, canonicalUrl: string): string {
  return /^https?:\/\//.test(payload.url) ? payload.url : canonicalUrl;
}

/** The formats a saved table can come in. */
export type TableFormat = 'html' | 'csv' | 'markdown' | 'json';

function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Picks the format of a payload: an explicit one, else the file extension, content type, then the body's first character. */
export function detectFormat(payload: Payload, explicit?: TableFormat): TableFormat {
  if (explicit) return explicit;
  const name = (payloadFileName(payload) ?? urlPath(payload.url)).toLowerCase();
  if (/\.html?$/.test(name)) return 'html';
  if (/\.csv$/.test(name)) return 'csv';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (/\.json$/.test(name)) return 'json';
  const contentType = payload.contentType?.toLowerCase() ?? '';
  if (contentType.includes('html')) return 'html';
  if (contentType.includes('csv')) return 'csv';
  if (contentType.includes('markdown')) return 'markdown';
  if (contentType.includes('json')) return 'json';
  const first = payload.body.trimStart()[0];
  if (first === '<') return 'html';
  if (first === '{' || first === '[') return 'json';
  if (first === '|') return 'markdown';
  return 'csv';
}
