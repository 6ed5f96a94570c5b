/**
 * Date helpers. Observations store calendar dates as `YYYY-MM-DD` strings (UTC), never `Date` objects.
 */

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function formatParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Converts a Unix time in seconds (OpenRouter's `created`) to its UTC date, `1715367049` → `"2024-05-10"`.
 * Returns `undefined` for values that are not plausible seconds since 1970 (negative, milliseconds, NaN).
 */
export function formatUnixDate(seconds: unknown): string | undefined {
  // Reject millisecond timestamps (> year 5000 in seconds) instead of printing a far-future date.
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 95_617_584_000) {
    return undefined;
  }
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/**
 * Reads the date part of an ISO date or timestamp (`"2024-07-18T08:56:00.000Z"` → `"2024-07-18"`, `"2025-08-04"`
 * as is). Returns `undefined` for anything else, including impossible dates such as `2025-02-30`.
 */
export function parseIsoDate(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidCalendarDate(year, month, day)) return undefined;
  // A timestamp with an offset may fall on another UTC day: trust Date for those.
  if (/T.*([+-]\d{2}:?\d{2})$/.test(text.trim())) {
    const parsed = new Date(text.trim());
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
  }
  return formatParts(year, month, day);
}

/**
 * Finds a calendar date inside a file name or URL: `table_2026_06_25.csv`, `..._2026-03-29.csv`,
 * `elo_results_20250804.pkl`. The last date in the text wins (directories may carry older dates).
 */
export function findDateInName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const pattern = /(?<!\d)(\d{4})([-_]?)(\d{2})\2(\d{2})(?!\d)/g;
  let found: string | undefined;
  for (const match of name.matchAll(pattern)) {
    const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
    if (year >= 1990 && year <= 2200 && isValidCalendarDate(year, month, day))
      found = formatParts(year, month, day);
  }
  return found;
}

/** Where an `asOf` date came from, most trusted first. */
export type AsOfBasis = 'payload' | 'file-name' | 'retrieved-at';

/** Inputs of {@link resolveAsOf}. */
export interface ResolveAsOfOptions {
  /** A publication date the payload itself states (e.g. Arena's `leaderboard_publish_date`). */
  snapshotDate?: string | undefined;
  /** File name of a saved payload. */
  fileName?: string | undefined;
  /** URL of the payload; its last path segment is searched for a date like the file name. */
  url?: string | undefined;
  /** When the payload was fetched (ISO timestamp). */
  retrievedAt: string;
}

/**
 * Picks the leaderboard publication date of a snapshot: a date stated in the payload, else a date in the file
 * name (or the URL's last segment), else the day the payload was retrieved (a live page shows the current board).
 */
export function resolveAsOf(options: ResolveAsOfOptions): { asOf: string | undefined; basis: AsOfBasis } {
  const stated = parseIsoDate(options.snapshotDate);
  if (stated) return { asOf: stated, basis: 'payload' };
  const lastSegment = options.url ? safeLastPathSegment(options.url) : undefined;
  const named = findDateInName(options.fileName) ?? findDateInName(lastSegment);
  if (named) return { asOf: named, basis: 'file-name' };
  return { asOf: parseIsoDate(options.retrievedAt), basis: 'retrieved-at' };
}

function safeLastPathSegment(url: string): string | undefined {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return undefined;
  }
}

/**
 * A publication date stated inside a payload. JSON (a body starting with `{` or `[`): a key such as
 * `"leaderboard_publish_date": "2026-04-19"`, `"published_at"`, `"last_updated"`. Other text (HTML, Markdown):
 * `Updated: 2025-08-11T13:54:57` (an HTML comment or text), `Last updated 2025-08-11`. CSV bodies are not
 * searched here (their cells are data, not a page's date line). The first one found wins.
 */
export function dateFromPayloadText(body: string): string | undefined {
  const start = body.trimStart()[0];
  const pattern =
    start === '{' || start === '['
      ? /"(?:[a-z]+_)*(?:publish(?:ed)?|updated)(?:_(?:date|at|on))?"\s*:\s*"(\d{4}-\d{2}-\d{2})/i
      : /(?:last\s+)?updated\s*(?:on|at)?\s*[:-]?\s*(\d{4}-\d{2}-\d{2})/i;
  return parseIsoDate(pattern.exec(body)?.[1]);
}

/** Where {@link snapshotDate} found its date: stated by the caller, by the payload, in its file name, or when fetched. */
export type SnapshotDateBasis = 'configured' | AsOfBasis;

/** A payload's date and where it came from. */
export interface SnapshotDate {
  /** `YYYY-MM-DD`. */
  date: string;
  basis: SnapshotDateBasis;
}

/**
 * The date a snapshot belongs to. Precedence: a date the caller configured, then one stated in the payload
 * (`stated`), then one in the file name (or the URL's last segment), then the day the payload was retrieved
 * (UTC).
 */
export function snapshotDate(
  payload: { url: string; fileName?: string | undefined; retrievedAt: string },
  options: { configured?: string | undefined; stated?: string | undefined } = {},
): SnapshotDate {
  const configured = parseIsoDate(options.configured);
  if (configured) return { date: configured, basis: 'configured' };
  const fileName =
    payload.fileName ?? (payload.url.startsWith('file:') ? payload.url.split('/').pop() : undefined);
  const { asOf, basis } = resolveAsOf({
    snapshotDate: options.stated,
    fileName: fileName?.split(/[\\/]/).pop(),
    url: payload.url,
    retrievedAt: payload.retrievedAt,
  });
  return { date: asOf ?? payload.retrievedAt.slice(0, 10), basis };
}
