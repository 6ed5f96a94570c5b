import { TrackerError } from '@tracker/schema';
import { dateFromPayloadText, mergeResults, snapshotDate } from './builtin/kit';
import type { BaseScraper, Payload, ScrapeResult } from './scraper';

/** A file given to `collect --from`: its name and its text. */
export interface SavedFile {
  /** The file name (no folder): it may carry the capture date and tell which URL it was saved from. */
  fileName: string;
  body: string;
}

/** Where the date of a saved payload came from. */
export type SavedPayloadDateBasis = 'retrieved-at' | 'payload' | 'file-name' | 'none';

/** A saved payload's date and where it was found. */
export interface SavedPayloadDate {
  /** ISO timestamp (midnight UTC for a date found in the payload or the file name). */
  retrievedAt: string;
  /**
   * `retrieved-at` when given by the caller (`--retrieved-at`), `payload` when the payload states a publish or
   * update date, `file-name` for a date in the name, `none` when nothing tells (then `now` is used, and the
   * caller should say so). A file's modification time is never used: copies and checkouts reset it.
   */
  basis: SavedPayloadDateBasis;
}

/**
 * The date of a saved payload: the `retrievedAt` the caller gives, else a publish date the payload states
 * ({@link dateFromPayloadText}: `"leaderboard_publish_date": ...`, `Updated: ...`), else a date in the file name
 * (`table_2026_01_08.csv`), else `now` with basis `none`.
 */
export function payloadDate(
  file: SavedFile,
  options: { retrievedAt?: string | undefined; now: () => Date },
): SavedPayloadDate {
  if (options.retrievedAt !== undefined) {
    const parsed = new Date(options.retrievedAt);
    if (Number.isNaN(parsed.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(options.retrievedAt)) {
      throw new TrackerError(
        'USAGE',
        `--retrieved-at: expected a date (YYYY-MM-DD) or an ISO timestamp, found ${JSON.stringify(options.retrievedAt)}`,
      );
    }
    return { retrievedAt: parsed.toISOString(), basis: 'retrieved-at' };
  }
  // CSV cells are data, not a page's date line: only other formats are searched for a stated date.
  const looksLikeCsv = !/^\s*[<{[#|]/.test(file.body);
  const now = options.now().toISOString();
  const { date, basis } = snapshotDate(
    { url: '', fileName: file.fileName, retrievedAt: now },
    { stated: looksLikeCsv ? undefined : dateFromPayloadText(file.body.slice(0, 200_000)) },
  );
  return basis === 'retrieved-at'
    ? { retrievedAt: now, basis: 'none' }
    : { retrievedAt: `${date}T00:00:00.000Z`, basis: basis === 'payload' ? 'payload' : 'file-name' };
}

/** Options of {@link readSavedPayloads}. */
export interface ReadSavedPayloadsOptions {
  /** When the files were captured (`--retrieved-at`); default: per file, see {@link payloadDate}. */
  retrievedAt?: string | undefined;
  /** URL every file was saved from (`--source-url`); default: per file, see {@link savedPayloadUrl}. */
  sourceUrl?: string | undefined;
  now?: () => Date;
}

/** One saved file read as a payload, with where its date came from. */
export interface SavedPayload {
  payload: Payload;
  dateBasis: SavedPayloadDateBasis;
}

/**
 * The URL a saved file stands for: the one the caller gives, else the one the source knows from the file name
 * (`savedFileUrl`), else the source's first URL. Never a local path: observations cite the source.
 */
export function savedPayloadUrl(scraper: BaseScraper, fileName: string, sourceUrl?: string): string {
  return sourceUrl ?? scraper.savedFileUrl?.(fileName) ?? scraper.sources[0] ?? 'https://tracker.invalid/';
}

/** Reads saved files of one source into payloads, each with its own URL and date. */
export function readSavedPayloads(
  scraper: BaseScraper,
  files: readonly SavedFile[],
  options: ReadSavedPayloadsOptions = {},
): SavedPayload[] {
  const now = options.now ?? (() => new Date());
  return files.map((file) => {
    const date = payloadDate(file, { retrievedAt: options.retrievedAt, now });
    return {
      payload: {
        body: file.body,
        url: savedPayloadUrl(scraper, file.fileName, options.sourceUrl),
        retrievedAt: date.retrievedAt,
        fileName: file.fileName,
      },
      dateBasis: date.basis,
    };
  });
}

/** Parses saved payloads of one source: with `parseMany` as one fetch, else each alone and concatenated. */
export function parseSavedPayloads(scraper: BaseScraper, payloads: readonly Payload[]): ScrapeResult {
  return scraper.parseMany
    ? scraper.parseMany(payloads)
    : mergeResults(payloads.map((payload) => scraper.parse(payload)));
}

/** One line per file saying where its date came from, for the log. */
export function describeSavedPayloadDates(saved: readonly SavedPayload[]): string[] {
  const words: Record<SavedPayloadDateBasis, string> = {
    'retrieved-at': 'from --retrieved-at',
    payload: 'from the date the payload states',
    'file-name': 'from the date in the file name',
    none: 'as now: neither the payload nor the file name has a date (pass --retrieved-at DATE)',
  };
  return saved.map(
    ({ payload, dateBasis }) =>
      `${payload.fileName}: dated ${payload.retrievedAt.slice(0, 10)} ${words[dateBasis]}; source URL ${payload.url}`,
  );
}
