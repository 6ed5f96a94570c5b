import {
  describeJsonShape,
  extractCsvTable,
  extractHtmlTables,
  isJsonObject,
  parseJsonText,
} from './builtin/kit';
import type { BaseScraper, HttpClient, HttpResponse, Logger, ScraperShape } from './scraper';

/** What {@link checkSources} found for one source. */
export interface SourceCheck {
  source: string;
  /**
   * `ok`: the payload has the shape the parser expects and a plausible number of models; `changed`: fields are
   * missing or new, or the count is implausible; `failed`: the fetch or the parse failed; `skipped`: an
   * environment variable it needs is not set.
   */
  status: 'ok' | 'changed' | 'failed' | 'skipped';
  /** The first URL fetched. */
  url: string | null;
  /** Observations parsed now. */
  observations: number;
  /** Observations of the last run, when known. */
  previousObservations: number | null;
  /** Fields (JSON keys of the records, or table columns) the parser reads and the payload lacks. */
  missingFields: string[];
  /** Fields in the payload that the parser neither reads nor knows. */
  newFields: string[];
  /** One line per finding; empty when `ok`. */
  findings: string[];
}

/** Options of {@link checkSources}. */
export interface CheckSourcesOptions {
  http: HttpClient;
  env: Readonly<Record<string, string | undefined>>;
  log?: Logger;
  signal?: AbortSignal;
  now?: () => Date;
  /** Observations of each source's last run (`data/observations/<id>.json`), to judge the new count. */
  previousCounts?: Readonly<Record<string, number>>;
  /** A count below this share of the last run's, or above its inverse, is implausible (default 0.5). */
  plausibleRatio?: number;
}

const silent: Logger = { debug() {}, info() {}, warn() {} };

/** The records of a JSON document: the largest array of objects at the top or one level down, else the object. */
function jsonRecords(document: unknown): Record<string, unknown>[] {
  const candidates: unknown[][] = [];
  if (Array.isArray(document)) candidates.push(document);
  if (isJsonObject(document))
    for (const value of Object.values(document)) if (Array.isArray(value)) candidates.push(value);
  const best = candidates
    .map((list) => list.filter(isJsonObject))
    .sort((left, right) => right.length - left.length)[0];
  if (best && best.length > 0) {
    // Hugging Face's datasets-server wraps each record: {row_idx, row: {...}, truncated_cells}.
    return best.map((record) => (isJsonObject(record.row) ? record.row : record));
  }
  return isJsonObject(document) ? [document] : [];
}

/** The field names of a payload: the keys of its JSON records, or the header of its first CSV or HTML table. */
export function payloadFields(
  scraperId: string,
  response: Pick<HttpResponse, 'body' | 'finalUrl'>,
): string[] {
  const context = { scraperId, location: response.finalUrl };
  const start = response.body.trimStart()[0];
  if (start === '{' || start === '[') {
    const fields = new Set<string>();
    for (const record of jsonRecords(parseJsonText(response.body, context)))
      for (const key of Object.keys(record)) fields.add(key);
    return [...fields];
  }
  if (start === '<') {
    // A page may carry small tables besides the board: the widest one is the board.
    const tables = extractHtmlTables(response.body, context);
    return tables.reduce<string[]>(
      (best, table) => (table.headers.length > best.length ? table.headers : best),
      [],
    );
  }
  return extractCsvTable(response.body, context).headers;
}

/** Compares found fields with a shape: the read ones missing, and those neither read nor known. */
export function compareShape(
  found: readonly string[],
  shape: ScraperShape,
): { missingFields: string[]; newFields: string[] } {
  const fold = (field: string) => field.trim().replace(/\s+/g, ' ').toLowerCase();
  const present = new Set(found.map(fold));
  const known = new Set([...shape.read, ...(shape.known ?? [])].map(fold));
  return {
    missingFields: (shape.required ?? shape.read).filter((field) => !present.has(fold(field))),
    newFields: found.filter((field) => field.trim() !== '' && !known.has(fold(field))),
  };
}

/**
 * Fetches each source once (its whole `scrape()`, through `options.http`) and compares what came back with
 * what its parser expects: the fields of the first payload against the scraper's `shape` (missing ones and new
 * ones listed), and the number of observations against the last run's (below half or above double is
 * implausible). A format change is then caught the day it happens, before a collection stores less.
 */
export async function checkSources(
  scrapers: readonly BaseScraper[],
  options: CheckSourcesOptions,
): Promise<SourceCheck[]> {
  const ratio = options.plausibleRatio ?? 0.5;
  const checks: SourceCheck[] = [];
  for (const scraper of scrapers) {
    const previous = options.previousCounts?.[scraper.id];
    const check: SourceCheck = {
      source: scraper.id,
      status: 'ok',
      url: null,
      observations: 0,
      previousObservations: previous ?? null,
      missingFields: [],
      newFields: [],
      findings: [],
    };
    checks.push(check);
    const missingEnv = scraper.requiresEnv.filter((name) => !options.env[name]);
    if (missingEnv.length > 0) {
      check.status = 'skipped';
      check.findings.push(`needs ${missingEnv.join(', ')} in the environment`);
      continue;
    }
    const responses: HttpResponse[] = [];
    const http: HttpClient = {
      async get(url, requestOptions) {
        const response = await options.http.get(url, requestOptions);
        responses.push(response);
        return response;
      },
      async getJson(url, requestOptions) {
        const result = await options.http.getJson(url, requestOptions);
        responses.push(result.response);
        return result;
      },
    };
    try {
      const result = await scraper.scrape({
        http,
        signal: options.signal ?? new AbortController().signal,
        log: options.log ?? silent,
        now: options.now ?? (() => new Date()),
        env: options.env,
      });
      check.observations = result.observations.length;
      // Parsers report header problems as issues located at the header (missing or unknown columns).
      for (const issue of result.issues)
        if (issue.location !== undefined && /header$/.test(issue.location))
          check.findings.push(issue.message);
    } catch (error) {
      check.status = 'failed';
      check.findings.push(error instanceof Error ? error.message : String(error));
    }
    const first = responses[0];
    check.url = first?.finalUrl ?? null;
    if (first && scraper.shape) {
      try {
        const compared = compareShape(payloadFields(scraper.id, first), scraper.shape);
        check.missingFields = compared.missingFields;
        check.newFields = compared.newFields;
      } catch (error) {
        check.findings.push(
          `the payload could not be read for its fields (${error instanceof Error ? error.message : describeJsonShape(error)})`,
        );
      }
    }
    if (check.missingFields.length > 0)
      check.findings.push(`fields the parser reads are missing: ${check.missingFields.join(', ')}`);
    if (check.newFields.length > 0)
      check.findings.push(`new fields the parser does not know: ${check.newFields.join(', ')}`);
    if (check.status !== 'failed' && previous !== undefined && previous > 0) {
      if (check.observations < previous * ratio || check.observations > previous / ratio) {
        check.findings.push(
          `${check.observations} observations is implausible against ${previous} in the last run`,
        );
      }
    } else if (check.status !== 'failed' && check.observations === 0) {
      check.findings.push('no observations');
    }
    if (check.status === 'ok' && check.findings.length > 0) check.status = 'changed';
  }
  return checks;
}
