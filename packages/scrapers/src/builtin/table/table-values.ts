import { DateStringSchema, TrackerError } from '@tracker/schema';
import { ScrapeError } from '../../errors';
import { parseJsonSafely as parseJsonText } from '../../safe-json';
import type { Payload } from '../../scraper';
import { findDateInName, resolveAsOf as resolveSharedAsOf } from '../shared/dates';

/** The formats a saved table can come in. */
export type TableFormat = 'html' | 'csv' | 'markdown' | 'json';

/** A number read from a cell, with whatever text followed it (`"22 E"` gives `{value: 22, marker: "E"}`). */
export interface CellNumber {
  value: number;
  /** Text left after the number, trimmed; empty when the cell held only the number. */
  marker: string;
}

// Cells that mean "no value" on the leaderboards we read; they are not parse failures.
const MISSING_CELLS = new Set(['', '-', '--', '—', '–', 'n/a', 'na', 'null', 'none', '?']);

const LEADING_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?/i;

/** Collapses runs of whitespace (cell text often carries newlines and indentation from the markup). */
export function normalizeCellText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Reads a number from a cell: `"1,234"`, `"$4.50"`, `"86.2%"`, `"22 E"`. Returns `"missing"` for an empty or
 * placeholder cell and `"invalid"` when the cell does not start with a number.
 */
export function parseCellNumber(text: string): CellNumber | 'missing' | 'invalid' {
  const cell = normalizeCellText(text);
  if (MISSING_CELLS.has(cell.toLowerCase())) return 'missing';
  const unsigned = cell.replace(/^\$/, '');
  const match = LEADING_NUMBER.exec(unsigned);
  if (!match || match[0] === '' || !/\d/.test(match[0])) return 'invalid';
  const value = Number(match[0].replace(/,/g, ''));
  if (!Number.isFinite(value)) return 'invalid';
  const marker = unsigned.slice(match[0].length).replace(/^\s*%/, '').trim();
  return { value, marker };
}

const SIZE_SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * Reads a size with a unit suffix (`"1m"`, `"400k"`, `"70B"`, `"1.8T"`). Returns undefined when the cell has no
 * recognised suffix, since a bare number is ambiguous (tables write "70" for 70 billion parameters).
 */
export function parseSuffixedSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmbt])$/i.exec(normalizeCellText(text));
  if (!match) return undefined;
  return Number(match[1]) * (SIZE_SUFFIXES[match[2]!.toLowerCase()] ?? Number.NaN);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Reads a date cell as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); accepts `2025/01/31`, `Jan 2025`, `31 Jan 2025`. */
export function parseDateCell(text: string): string | undefined {
  const cell = normalizeCellText(text);
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(cell);
  let candidate: string | undefined;
  if (iso) {
    candidate = [iso[1], iso[2]?.padStart(2, '0'), iso[3]?.padStart(2, '0')].filter(Boolean).join('-');
  } else {
    const named = /^(?:(\d{1,2})\s+)?([a-z]{3})[a-z]*\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/i.exec(cell);
    const month = named ? MONTHS.indexOf(named[2]!.toLowerCase()) : -1;
    if (named && month >= 0) {
      const day = named[1] ?? named[3];
      candidate = [named[4], String(month + 1).padStart(2, '0'), day?.padStart(2, '0')]
        .filter(Boolean)
        .join('-');
    }
  }
  return candidate !== undefined && DateStringSchema.safeParse(candidate).success ? candidate : undefined;
}

/** A date in a file name: `..._2026-03-30.csv`, `table_2026_06_25.csv` (the shared rule of every source). */
export function dateFromFileName(fileName: string | undefined): string | undefined {
  return findDateInName(fileName?.split(/[\\/]/).pop());
}

/**
 * A publication date stated inside the payload: `Updated: 2025-08-11T13:54:57` (an HTML comment or text),
 * `Last updated 2025-08-11`. The first one found wins.
 */
export function dateFromPayloadText(body: string): string | undefined {
  const match = /(?:last\s+)?updated\s*(?:on|at)?\s*[:-]?\s*(\d{4}-\d{2}-\d{2})/i.exec(body);
  const candidate = match?.[1];
  return candidate !== undefined && DateStringSchema.safeParse(candidate).success ? candidate : undefined;
}

/** The file name of a payload: its `fileName`, else the last segment of a `file:` URL. */
export function payloadFileName(payload: Payload): string | undefined {
  if (payload.fileName) return payload.fileName;
  if (payload.url.startsWith('file:')) return decodeURIComponent(payload.url.split('/').pop() ?? '');
  return undefined;
}

/**
 * The date a snapshot belongs to. Precedence: a date stated by the configuration, then one stated in the
 * payload, then one in the file name, then the day the payload was retrieved (UTC).
 */
export function resolveAsOf(
  payload: Payload,
  options: { configured?: string; fromPayload?: string | undefined } = {},
): string {
  if (options.configured) return options.configured;
  const { asOf } = resolveSharedAsOf({
    payloadDate: options.fromPayload,
    fileName: payloadFileName(payload),
    retrievedAt: payload.retrievedAt,
  });
  return asOf ?? payload.retrievedAt.slice(0, 10);
}

/**
 * The URL an observation cites. A saved file's `file:` URL would put a local path into committed data, so for
 * those the source's canonical URL stands in.
 */
export function citedUrl(payload: Payload, canonicalUrl: string): string {
  return /^https?:\/\//.test(payload.url) ? payload.url : canonicalUrl;
}

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

/**
 * Parses JSON text with the core's `parseJsonSafely` (which drops `__proto__` and `constructor.prototype` keys
 * before anything copies the value) and turns a syntax error into `PARSE_FAILED` naming the source.
 */
export function parseJsonSafely(text: string, context: { scraperId: string; location: string }): unknown {
  try {
    return parseJsonText(text);
  } catch (error) {
    throw new TrackerError(
      'PARSE_FAILED',
      `[scraper:${context.scraperId}] ${context.location}: expected JSON, found ${describeBody(text)} (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/** A short description of a body for error messages: its size and first characters. */
export function describeBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'an empty body';
  const start = normalizeCellText(trimmed.slice(0, 60));
  return `${text.length} characters starting "${start}"`;
}

/** A `PARSE_FAILED` error with the `[scraper:<id>] <location>: expected ..., found ...` message shape. */
export function parseFailed(
  scraperId: string,
  location: string,
  expected: string,
  found: string,
  cause?: unknown,
): TrackerError {
  return new ScrapeError({
    code: 'PARSE_FAILED',
    scraperId,
    url: location,
    problem: `expected ${expected}, found ${found}`,
    cause,
  });
}

/** Where a payload came from, for messages: its file name or URL. */
export function payloadLocation(payload: Payload): string {
  return payloadFileName(payload) ?? payload.url;
}
