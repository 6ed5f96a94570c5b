import type { Payload, ScrapeResult } from '../../scraper';
import {
  type AsOfBasis,
  createObservationCollector,
  createParseError,
  describeBodyStart,
  describeJsonShape,
  describePayload,
  extractHtmlTables,
  findMissingColumns,
  isBlankCell,
  isJsonObject,
  normalizeHeader,
  type ObservationCollector,
  parseInteger,
  parseMagnitude,
  parseMargin,
  parseNumber,
  parsePlusMinus,
  parseScoreCell,
  readCsv,
  readJsonPayload,
  resolveAsOf,
} from '../kit';

/** Scraper id of the Arena (formerly LMArena) text leaderboard source. */
export const LMARENA_ID = 'lmarena';
/** Benchmark id of the Arena text leaderboard's score. */
export const LMARENA_TEXT_BENCHMARK = 'lmarena-text';

/**
 * The formats {@link parseLmarena} reads:
 * - `datasets-server`: rows of the HF dataset `lmarena-ai/leaderboard-dataset` from `datasets-server.huggingface.co/rows`;
 * - `site-2026-02`: the site's table with Rank, Rank Spread, Model, Score, 95% CI (±), Votes, Organization, License;
 * - `site-2026-03`: the site's table with Rank, Rank Spread, Model, Score ("1504 ±6 Preliminary"), Votes, Price, Context;
 * - `hf-space-csv`: the legacy CSV built from the HF Space (rank, model, arena_score, 95_pct_ci "+5/-5", votes, ...);
 * - `llm-parsed-json`: `{meta, models: [{rank, model, vendor, license, score, ci, votes}]}` (a secondary, LLM-made export).
 */
export type LmarenaFormat =
  | 'datasets-server'
  | 'site-2026-02'
  | 'site-2026-03'
  | 'hf-space-csv'
  | 'llm-parsed-json';

/**
 * Categories of the datasets-server rows taken as the text leaderboard's headline score. The dataset's `text`
 * config holds one row per model and category (`overall`, `coding`, `math`, `hard_prompts`...); only the
 * `overall` category is the board people cite, and `text` is accepted in case a config names it that way.
 * Other categories are skipped without an issue.
 */
export const LMARENA_TEXT_CATEGORIES: readonly string[] = ['overall', 'text'];

/** What one leaderboard row says, before it becomes an observation. */
interface ArenaRow {
  location: string;
  model: string | undefined;
  developer?: string | undefined;
  license?: string | undefined;
  rank?: string | number | null | undefined;
  score?: string | number | null | undefined;
  lower?: number | undefined;
  upper?: number | undefined;
  /** Either a number or a text the row parser understood; `invalid` marks unreadable interval text. */
  interval?: { plus: number; minus: number } | 'invalid' | undefined;
  votes?: string | number | null | undefined;
  preliminary?: boolean | undefined;
  contextLength?: string | undefined;
  link?: string | undefined;
  asOf: string | undefined;
}

interface Layout {
  format: LmarenaFormat;
  required: readonly string[];
}

/** Site table layouts, detected by header; the first whose required columns are all present wins. */
const SITE_LAYOUTS: readonly Layout[] = [
  {
    format: 'site-2026-02',
    required: ['Rank', 'Model', 'Score', '95% CI (±)', 'Votes', 'Organization', 'License'],
  },
  { format: 'site-2026-03', required: ['Rank', 'Model', 'Score', 'Votes', 'Context'] },
];
const HF_SPACE_COLUMNS = ['rank', 'model', 'arena_score', '95_pct_ci', 'votes', 'organization', 'license'];
const EXPECTED_TABLE = `an Arena text table with columns (${SITE_LAYOUTS.map((layout) => layout.required.join(', ')).join(') or (')}) or (${HF_SPACE_COLUMNS.join(', ')})`;

/**
 * Parses any saved form of the Arena text leaderboard into observations with `scores["lmarena-text"]`.
 * The format is detected from the content: JSON (datasets-server rows or the LLM-parsed export), HTML (a
 * `<table>`), else CSV; table layouts are told apart by their headers, and a table matching no known layout
 * (e.g. a renamed column) throws `PARSE_FAILED` listing the expected columns.
 *
 * `asOf` precedence: a publication date in the payload (`leaderboard_publish_date`, the export's
 * `meta.last_updated`), else a date in the file name or URL (`..._2026-03-29.csv`), else the retrieval day
 * (a live page shows the current board). Unreadable numbers in a row become an issue for that row only.
 */
export function parseLmarena(payload: Payload): ScrapeResult {
  const body = payload.body.trim();
  if (body === '')
    throw createParseError(LMARENA_ID, payload, 'an Arena leaderboard (JSON, HTML or CSV)', 'an empty body');
  if (body.startsWith('{') || body.startsWith('[')) return parseJsonFormats(payload);
  if (body.startsWith('<') || /\.html?$/i.test(payload.fileName ?? '')) return parseHtmlTable(payload);
  return parseCsvTable(payload);
}

/** Detects which {@link LmarenaFormat} a payload is in, without parsing rows. Throws like {@link parseLmarena}. */
export function detectLmarenaFormat(payload: Payload): LmarenaFormat {
  const body = payload.body.trim();
  if (body.startsWith('{') || body.startsWith('[')) {
    const document = readJsonPayload(LMARENA_ID, payload, 'Arena leaderboard JSON');
    if (isJsonObject(document) && Array.isArray(document.rows)) return 'datasets-server';
    if (isJsonObject(document) && Array.isArray(document.models)) return 'llm-parsed-json';
    throw createParseError(LMARENA_ID, payload, 'Arena leaderboard JSON', describeJsonShape(document));
  }
  const headers = body.startsWith('<')
    ? (readTables(payload)[0]?.headers ?? [])
    : readCsv(LMARENA_ID, payload).columns;
  return pickLayout(payload, headers);
}

function pickLayout(payload: Payload, headers: readonly string[]): LmarenaFormat {
  if (findMissingColumns(headers, HF_SPACE_COLUMNS).length === 0) return 'hf-space-csv';
  const layout = SITE_LAYOUTS.find(
    (candidate) => findMissingColumns(headers, candidate.required).length === 0,
  );
  if (layout) return layout.format;
  const found = headers.length === 0 ? 'no header row' : `columns ${headers.join(', ')}`;
  throw createParseError(LMARENA_ID, payload, EXPECTED_TABLE, found);
}

function tableAsOf(payload: Payload): { asOf: string | undefined; basis: AsOfBasis } {
  return resolveAsOf({ fileName: payload.fileName, url: payload.url, retrievedAt: payload.retrievedAt });
}

function parseCsvTable(payload: Payload): ScrapeResult {
  const table = readCsv(LMARENA_ID, payload);
  const format = pickLayout(payload, table.columns);
  const { asOf } = tableAsOf(payload);
  const collector = createObservationCollector();
  for (const row of table.rows) {
    const location = `row ${row.row} (line ${row.line})`;
    if (row.cells.length !== table.columns.length) {
      collector.issue(
        'warning',
        `row has ${row.cells.length} cells but the header has ${table.columns.length}`,
        location,
      );
    }
    const arenaRow =
      format === 'hf-space-csv'
        ? readHfSpaceRow((column) => row.get(column), location, asOf)
        : readSiteRow((column) => row.get(column), location, asOf, format);
    addArenaRow(collector, payload, arenaRow);
  }
  return collector.result();
}

/** The `<table>`s of an HTML payload as header texts and rows of cell texts. */
function readTables(payload: Payload): { headers: string[]; rows: string[][] }[] {
  return extractHtmlTables(payload.body, { scraperId: LMARENA_ID, location: describePayload(payload) }).map(
    (table) => ({ headers: table.headers, rows: table.rows.map((row) => row.cells) }),
  );
}

function parseHtmlTable(payload: Payload): ScrapeResult {
  const tables = readTables(payload);
  const candidates = tables.filter((table) => table.headers.length > 0);
  // The page may carry other tables (a legend, a mini board); take the first one in a known layout.
  const chosen = candidates.find((table) => {
    try {
      pickLayout(payload, table.headers);
      return true;
    } catch {
      return false;
    }
  });
  if (!chosen) {
    const found =
      candidates.length === 0
        ? tables.length === 0
          ? `no <table> (${describeBodyStart(payload.body)})`
          : 'tables without a header row'
        : `tables with columns ${candidates.map((table) => `(${table.headers.join(', ')})`).join(', ')}`;
    throw createParseError(LMARENA_ID, payload, EXPECTED_TABLE, found);
  }
  if (chosen.rows.length === 0)
    throw createParseError(LMARENA_ID, payload, 'table rows', 'a table with a header only');
  const format = pickLayout(payload, chosen.headers);
  const indexOf = new Map(chosen.headers.map((header, index) => [normalizeHeader(header), index] as const));
  const { asOf } = tableAsOf(payload);
  const collector = createObservationCollector();
  chosen.rows.forEach((cells, index) => {
    const location = `table row ${index + 1}`;
    const get = (column: string) => {
      const position = indexOf.get(normalizeHeader(column));
      return position === undefined ? undefined : cells[position];
    };
    const arenaRow =
      format === 'hf-space-csv'
        ? readHfSpaceRow(get, location, asOf)
        : readSiteRow(get, location, asOf, format);
    addArenaRow(collector, payload, arenaRow);
  });
  return collector.result();
}

function readSiteRow(
  get: (column: string) => string | undefined,
  location: string,
  asOf: string | undefined,
  format: LmarenaFormat,
): ArenaRow {
  const scoreText = get('Score');
  const score = parseScoreCell(scoreText);
  let interval: ArenaRow['interval'];
  if (format === 'site-2026-02') {
    const ciText = get('95% CI (±)');
    const margin = parseMargin(ciText);
    interval =
      margin !== undefined ? { plus: margin, minus: margin } : isBlankCell(ciText) ? undefined : 'invalid';
  } else if (score?.margin !== undefined) {
    interval = { plus: score.margin, minus: score.margin };
  }
  return {
    location,
    model: get('Model'),
    developer: blankToUndefined(get('Organization')),
    license: blankToUndefined(get('License')),
    rank: get('Rank'),
    score: score ? score.value : scoreText,
    interval,
    votes: get('Votes'),
    preliminary: score?.preliminary ?? false,
    contextLength: get('Context'),
    asOf,
  };
}

function readHfSpaceRow(
  get: (column: string) => string | undefined,
  location: string,
  asOf: string | undefined,
): ArenaRow {
  const ciText = get('95_pct_ci');
  const interval = parsePlusMinus(ciText);
  const url = get('url');
  return {
    location,
    model: get('model'),
    developer: blankToUndefined(get('organization')),
    license: blankToUndefined(get('license')),
    rank: get('rank'),
    score: get('arena_score'),
    interval: interval ?? (isBlankCell(ciText) ? undefined : 'invalid'),
    votes: get('votes'),
    link: url && /^https?:\/\/\S+$/.test(url) ? url : undefined,
    asOf,
  };
}

function parseJsonFormats(payload: Payload): ScrapeResult {
  const expected = 'Arena leaderboard JSON (datasets-server {"rows": [...]} or {"models": [...]})';
  const document = readJsonPayload(LMARENA_ID, payload, expected);
  if (isJsonObject(document) && Array.isArray(document.rows))
    return parseDatasetsServerRows(payload, document.rows);
  if (isJsonObject(document) && Array.isArray(document.models)) {
    return parseLlmParsedExport(payload, document.models, document.meta);
  }
  throw createParseError(LMARENA_ID, payload, expected, describeJsonShape(document));
}

function parseDatasetsServerRows(payload: Payload, rows: unknown[]): ScrapeResult {
  const collector = createObservationCollector();
  const skippedCategories = new Set<string>();
  let textRows = 0;
  rows.forEach((entry, index) => {
    const location = `$.rows[${index}]`;
    const row = isJsonObject(entry) ? entry.row : undefined;
    if (!isJsonObject(row)) {
      collector.issue('error', 'row without a "row" object skipped', location);
      return;
    }
    const category = typeof row.category === 'string' ? row.category.trim().toLowerCase() : undefined;
    if (category !== undefined && !LMARENA_TEXT_CATEGORIES.includes(category)) {
      skippedCategories.add(category);
      return;
    }
    textRows += 1;
    const publishDate =
      typeof row.leaderboard_publish_date === 'string' ? row.leaderboard_publish_date : undefined;
    const { asOf } = resolveAsOf({
      snapshotDate: publishDate,
      fileName: payload.fileName,
      url: payload.url,
      retrievedAt: payload.retrievedAt,
    });
    const lower = parseNumber(row.rating_lower as string | number | null | undefined);
    const upper = parseNumber(row.rating_upper as string | number | null | undefined);
    addArenaRow(collector, payload, {
      location: `${location} (row_idx ${String(isJsonObject(entry) ? entry.row_idx : index)})`,
      model: typeof row.model_name === 'string' ? row.model_name : undefined,
      developer: stringOrUndefined(row.organization),
      license: stringOrUndefined(row.license),
      rank: row.rank as number | string | null | undefined,
      score: row.rating as number | string | null | undefined,
      lower,
      upper,
      votes: row.vote_count as number | string | null | undefined,
      asOf,
    });
  });
  if (textRows === 0 && skippedCategories.size > 0) {
    // A renamed category would otherwise pass silently as an empty board.
    collector.issue(
      'warning',
      `no rows of category ${LMARENA_TEXT_CATEGORIES.join(' or ')}; categories seen: ${[...skippedCategories].join(', ')}`,
      '$.rows',
    );
  }
  return collector.result();
}

function parseLlmParsedExport(payload: Payload, models: unknown[], meta: unknown): ScrapeResult {
  const lastUpdated =
    isJsonObject(meta) && typeof meta.last_updated === 'string' ? meta.last_updated : undefined;
  const { asOf } = resolveAsOf({
    snapshotDate: lastUpdated,
    fileName: payload.fileName,
    url: payload.url,
    retrievedAt: payload.retrievedAt,
  });
  const collector = createObservationCollector();
  models.forEach((entry, index) => {
    const location = `$.models[${index}]`;
    if (!isJsonObject(entry)) {
      collector.issue('error', 'model entry that is not an object skipped', location);
      return;
    }
    const margin = parseMargin(entry.ci as number | string | null | undefined);
    const hasCi = entry.ci !== undefined && entry.ci !== null && entry.ci !== '';
    addArenaRow(collector, payload, {
      location,
      model: typeof entry.model === 'string' ? entry.model : undefined,
      developer: stringOrUndefined(entry.vendor),
      license: stringOrUndefined(entry.license),
      rank: entry.rank as number | string | null | undefined,
      score: entry.score as number | string | null | undefined,
      interval: margin !== undefined ? { plus: margin, minus: margin } : hasCi ? 'invalid' : undefined,
      votes: entry.votes as number | string | null | undefined,
      asOf,
    });
  });
  return collector.result();
}

/** Turns one row into an observation; unreadable numbers become an error issue for the row and the row is dropped. */
function addArenaRow(collector: ObservationCollector, payload: Payload, row: ArenaRow): void {
  const model = row.model?.trim();
  if (!model) {
    collector.issue('error', 'row without a model name skipped', row.location);
    return;
  }
  const where = `${row.location} (${model})`;
  const value = parseNumber(row.score);
  if (value === undefined) {
    collector.issue(
      'error',
      `score ${JSON.stringify(row.score ?? null)} is not a number; row skipped`,
      where,
    );
    return;
  }
  const problems: string[] = [];
  const rank = optionalInteger(row.rank, 'rank', problems);
  const votes = optionalInteger(row.votes, 'votes', problems);
  if (row.interval === 'invalid') problems.push('confidence interval is not readable');
  if (problems.length > 0) {
    collector.issue('error', `${problems.join('; ')}; row skipped`, where);
    return;
  }
  const interval = row.interval === 'invalid' ? undefined : row.interval;
  const contextLength = isBlankCell(row.contextLength) ? undefined : parseMagnitude(row.contextLength);
  if (row.contextLength !== undefined && !isBlankCell(row.contextLength) && contextLength === undefined) {
    collector.issue(
      'warning',
      `context ${JSON.stringify(row.contextLength)} is not readable; ignored`,
      where,
    );
  }
  collector.add(
    {
      source: LMARENA_ID,
      sourceUrl: payload.url,
      retrievedAt: payload.retrievedAt,
      rawName: model,
      developer: row.developer?.trim() || undefined,
      license: row.license?.trim() || undefined,
      contextLength: contextLength === undefined ? undefined : Math.round(contextLength),
      links: row.link ? [row.link] : undefined,
      scores: {
        [LMARENA_TEXT_BENCHMARK]: {
          value,
          lower: row.lower ?? (interval ? value - interval.minus : undefined),
          upper: row.upper ?? (interval ? value + interval.plus : undefined),
          votes,
          rank,
          asOf: row.asOf,
          preliminary: row.preliminary,
        },
      },
    },
    where,
  );
}

function optionalInteger(
  text: string | number | null | undefined,
  label: string,
  problems: string[],
): number | undefined {
  if (text === undefined || text === null || (typeof text === 'string' && isBlankCell(text)))
    return undefined;
  const value = parseInteger(text);
  if (value === undefined) problems.push(`${label} ${JSON.stringify(text)} is not a whole number`);
  return value;
}

function blankToUndefined(text: string | undefined): string | undefined {
  return text === undefined || isBlankCell(text) ? undefined : text;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
