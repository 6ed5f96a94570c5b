import type { Payload, ScrapeResult } from '../../scraper';
import {
  type CsvTable,
  createObservationCollector,
  createParseError,
  describeJsonShape,
  findMissingColumns,
  isBlankCell,
  isJsonObject,
  normalizeHeader,
  parseNumber,
  readCsv,
  readJsonPayload,
  requireNonEmptyBody,
  resolveAsOf,
  roundTo,
} from '../kit';

/** Scraper id of the LiveBench source. */
export const LIVEBENCH_ID = 'livebench';
/** Benchmark id of LiveBench's global average. */
export const LIVEBENCH_GLOBAL_BENCHMARK = 'livebench-global';

/** Category name → subtask columns of the table, as in `categories_<date>.json`. */
export type LivebenchCategories = Readonly<Record<string, readonly string[]>>;

/**
 * The categories of the release of 2026-06-25 (`categories_2026_06_25.json`), used when a table is parsed
 * without its own categories file; the release of 2026-01-08 has the same subtask columns.
 */
export const DEFAULT_LIVEBENCH_CATEGORIES: LivebenchCategories = {
  Reasoning: ['theory_of_mind', 'zebra_puzzle', 'spatial', 'logic_with_navigation'],
  Coding: ['code_generation', 'code_completion'],
  'Agentic Coding': ['javascript', 'typescript', 'python'],
  Mathematics: ['AMPS_Hard', 'integrals_with_game', 'math_comp', 'olympiad'],
  'Data Analysis': ['consecutive_events', 'tablejoin', 'tablereformat'],
  Language: ['connections', 'plot_unscrambling', 'typos'],
  IF: ['paraphrase', 'simplify', 'story_generation', 'summarize'],
};

/** Benchmark id of a category: `livebench-` + the name in kebab case (`Agentic Coding` → `livebench-agentic-coding`). */
export function formatLivebenchBenchmarkId(category: string): string {
  const slug = category
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? LIVEBENCH_GLOBAL_BENCHMARK : `livebench-${slug}`;
}

/**
 * Removes footnote text the rendered site table sticks to model names: everything from the first asterisk on
 * (`"Gemini 3.1 Pro Preview High**5th rank in unseen questions..."` → `"Gemini 3.1 Pro Preview High"`). Model
 * names do not contain asterisks, and the site marks every footnote with one or more.
 */
export function stripLivebenchFootnote(name: string): string {
  const star = name.indexOf('*');
  return (star === -1 ? name : name.slice(0, star)).trim();
}

/** Reads a `categories_<date>.json` payload. Throws `PARSE_FAILED` unless it maps names to arrays of column names. */
export function parseLivebenchCategories(payload: Payload): LivebenchCategories {
  const expected = 'LiveBench categories JSON {"<category>": ["<subtask column>", ...]}';
  const document = readJsonPayload(LIVEBENCH_ID, payload, expected);
  if (!isJsonObject(document) || Object.keys(document).length === 0) {
    throw createParseError(LIVEBENCH_ID, payload, expected, describeJsonShape(document));
  }
  const categories: Record<string, string[]> = {};
  for (const [name, columns] of Object.entries(document)) {
    if (
      !Array.isArray(columns) ||
      columns.length === 0 ||
      !columns.every((column) => typeof column === 'string')
    ) {
      throw createParseError(
        LIVEBENCH_ID,
        payload,
        expected,
        `category ${JSON.stringify(name)} = ${describeJsonShape(columns)}`,
      );
    }
    categories[name] = columns;
  }
  return categories;
}

/** Options of {@link parseLivebenchTable} and {@link parseLivebench}. */
export interface ParseLivebenchOptions {
  /** Categories of the release (default {@link DEFAULT_LIVEBENCH_CATEGORIES}). */
  categories?: LivebenchCategories;
}

/** A release file's name: `table_2026_01_08.csv`, `categories_2026_01_08.json`, `cost_2026_01_08.csv`. */
export const LIVEBENCH_RELEASE_FILE = /^(table|categories|cost)_\d{4}_\d{2}_\d{2}\.(csv|json)$/;

/**
 * The URL a table's observations cite. A saved release file names its release, so when the payload's URL is a
 * local path, or the URL of another release file (several tables saved under one URL), the file's own URL on
 * the same site stands in: `table_2026_01_08.csv` → `https://livebench.ai/table_2026_01_08.csv`.
 */
export function livebenchSourceUrl(payload: Pick<Payload, 'url' | 'fileName'>): string {
  const name = payload.fileName?.split(/[\\/]/).pop();
  if (!name || !LIVEBENCH_RELEASE_FILE.test(name)) return payload.url;
  let url: URL | undefined;
  try {
    url = new URL(payload.url);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) return `https://livebench.ai/${name}`;
  const last = url.pathname.split('/').pop() ?? '';
  return last === name || !(last === '' || LIVEBENCH_RELEASE_FILE.test(last))
    ? payload.url
    : new URL(name, url).href;
}

function asOfOf(payload: Payload): string | undefined {
  // Release files are named table_<yyyy_mm_dd>.csv; the site export carries its capture date in the name.
  return resolveAsOf({ fileName: payload.fileName, url: payload.url, retrievedAt: payload.retrievedAt }).asOf;
}

/**
 * Parses a release table (`table_<date>.csv`: a `model` column and one column per subtask, scores 0–100).
 * Each category average is the mean of its subtask scores; the global average is the mean of the category
 * averages (as LiveBench's site computes it), given only when every category could be computed. `asOf` is the
 * date in the file name (`table_2026_06_25` → `2026-06-25`), else in the URL, else the retrieval day.
 * A row with an unreadable cell keeps the categories it does not touch and gets an error issue; a row whose
 * cell count differs from the header cannot be aligned, so it keeps only its name and gets a warning.
 */
export function parseLivebenchTable(payload: Payload, options: ParseLivebenchOptions = {}): ScrapeResult {
  const table = readCsv(LIVEBENCH_ID, payload);
  const categories = options.categories ?? DEFAULT_LIVEBENCH_CATEGORIES;
  const allSubtasks = Object.values(categories).flat();
  if (
    normalizeHeader(table.columns[0] ?? '') !== 'model' ||
    findMissingColumns(table.columns, allSubtasks).length === allSubtasks.length
  ) {
    throw createParseError(
      LIVEBENCH_ID,
      payload,
      `a LiveBench table with a "model" column and subtask columns (${allSubtasks.slice(0, 4).join(', ')}, ...)`,
      `columns ${table.columns.join(', ')}`,
    );
  }
  const collector = createObservationCollector();
  const missing = findMissingColumns(table.columns, allSubtasks);
  if (missing.length > 0) {
    collector.issue(
      'warning',
      `subtask columns missing, their categories are not computed: ${missing.join(', ')}`,
      'header',
    );
  }
  const known = new Set(allSubtasks.map(normalizeHeader));
  const extra = table.columns.slice(1).filter((column) => !known.has(normalizeHeader(column)));
  if (extra.length > 0)
    collector.issue('warning', `columns in no category, ignored: ${extra.join(', ')}`, 'header');
  const asOf = asOfOf(payload);
  for (const row of table.rows) {
    addTableRow(collector, payload, table, row, categories, asOf);
  }
  return collector.result();
}

function addTableRow(
  collector: ReturnType<typeof createObservationCollector>,
  payload: Payload,
  table: CsvTable,
  row: CsvTable['rows'][number],
  categories: LivebenchCategories,
  asOf: string | undefined,
): void {
  const location = `row ${row.row} (line ${row.line})`;
  const model = row.cells[0]?.trim();
  if (!model) {
    collector.issue('error', 'row without a model name skipped', location);
    return;
  }
  const where = `${location} (${model})`;
  const base = {
    source: LIVEBENCH_ID,
    sourceUrl: livebenchSourceUrl(payload),
    retrievedAt: payload.retrievedAt,
    rawName: model,
  };
  if (row.cells.length !== table.columns.length) {
    collector.issue(
      'warning',
      `row has ${row.cells.length} cells but the header has ${table.columns.length}; scores cannot be aligned, only the name is recorded`,
      where,
    );
    collector.add(base, where);
    return;
  }
  const unreadable: string[] = [];
  const scores: Record<string, { value: number; asOf: string | undefined }> = {};
  const averages: number[] = [];
  for (const [category, subtasks] of Object.entries(categories)) {
    const values: number[] = [];
    for (const subtask of subtasks) {
      const cell = row.get(subtask);
      if (cell === undefined) break;
      const value = parseNumber(cell);
      if (value === undefined || value < 0 || value > 100) {
        unreadable.push(`${subtask}=${JSON.stringify(cell)}`);
        break;
      }
      values.push(value);
    }
    if (values.length !== subtasks.length) continue;
    const average = values.reduce((sum, value) => sum + value, 0) / values.length;
    averages.push(average);
    scores[formatLivebenchBenchmarkId(category)] = { value: roundTo(average, 3), asOf };
  }
  if (averages.length === Object.keys(categories).length && averages.length > 0) {
    const global = averages.reduce((sum, value) => sum + value, 0) / averages.length;
    scores[LIVEBENCH_GLOBAL_BENCHMARK] = { value: roundTo(global, 3), asOf };
  }
  if (unreadable.length > 0) {
    collector.issue(
      'error',
      `unreadable scores (their categories and the global average are omitted): ${unreadable.join(', ')}`,
      where,
    );
  }
  collector.add({ ...base, scores: Object.keys(scores).length > 0 ? scores : undefined }, where);
}

const SITE_REQUIRED = ['Model', 'Global Average'];

/**
 * Parses the CSV export of the site's rendered table: Model (display name, footnotes stripped with
 * {@link stripLivebenchFootnote}), Organization, Global Average and `<Category> Average` columns, already averaged
 * by the site. `asOf` as in {@link parseLivebenchTable} (for these exports, the capture date in the file name).
 */
export function parseLivebenchSiteTable(payload: Payload): ScrapeResult {
  const table = readCsv(LIVEBENCH_ID, payload);
  const missing = findMissingColumns(table.columns, SITE_REQUIRED);
  if (missing.length > 0) {
    throw createParseError(
      LIVEBENCH_ID,
      payload,
      `a LiveBench site table with columns ${SITE_REQUIRED.join(', ')}, <Category> Average`,
      `columns ${table.columns.join(', ')}`,
    );
  }
  const averageColumns = table.columns.filter((column) => /\saverage$/i.test(column.trim()));
  const asOf = asOfOf(payload);
  const collector = createObservationCollector();
  for (const row of table.rows) {
    const location = `row ${row.row} (line ${row.line})`;
    const model = stripLivebenchFootnote(row.get('Model') ?? '');
    if (!model) {
      collector.issue('error', 'row without a model name skipped', location);
      continue;
    }
    const where = `${location} (${model})`;
    const scores: Record<string, { value: number; asOf: string | undefined }> = {};
    const unreadable: string[] = [];
    for (const column of averageColumns) {
      const cell = row.get(column);
      if (cell === undefined || isBlankCell(cell)) continue;
      const value = parseNumber(cell);
      if (value === undefined || value < 0 || value > 100) {
        unreadable.push(`${column}=${JSON.stringify(cell)}`);
        continue;
      }
      const category = column.trim().replace(/\s+average$/i, '');
      const id = /^global$/i.test(category)
        ? LIVEBENCH_GLOBAL_BENCHMARK
        : formatLivebenchBenchmarkId(category);
      scores[id] = { value, asOf };
    }
    if (unreadable.length > 0)
      collector.issue('error', `unreadable scores omitted: ${unreadable.join(', ')}`, where);
    const organization = row.get('Organization');
    collector.add(
      {
        source: LIVEBENCH_ID,
        sourceUrl: livebenchSourceUrl(payload),
        retrievedAt: payload.retrievedAt,
        rawName: model,
        developer: organization && !isBlankCell(organization) ? organization : undefined,
        scores: Object.keys(scores).length > 0 ? scores : undefined,
      },
      where,
    );
  }
  return collector.result();
}

/**
 * Parses any saved LiveBench payload, detected by content: a release table (first column `model`), or a site
 * table export (`Model`, `Global Average`). A categories JSON alone names no model and throws `PARSE_FAILED`
 * (pass it as `options.categories` to {@link parseLivebenchTable}).
 */
export function parseLivebench(payload: Payload, options: ParseLivebenchOptions = {}): ScrapeResult {
  requireNonEmptyBody(LIVEBENCH_ID, payload, 'a LiveBench table CSV');
  const start = payload.body.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    throw createParseError(
      LIVEBENCH_ID,
      payload,
      'a LiveBench table CSV (a categories JSON is read together with its table)',
      'JSON',
    );
  }
  const firstLine = (start.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '');
  if (/(^|,)\s*"?global average"?\s*(,|$)/i.test(firstLine)) return parseLivebenchSiteTable(payload);
  return parseLivebenchTable(payload, options);
}
