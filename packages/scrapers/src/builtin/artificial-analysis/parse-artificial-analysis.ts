import type { Score } from '@tracker/schema';
import type { Payload, ScrapeResult } from '../../scraper';
import {
  citedUrl,
  createObservationCollector,
  dateFromPayloadText,
  describeBodyStart,
  describeJsonShape,
  describePayload,
  detectFormat,
  type ExtractContext,
  extractCsvTable,
  extractHtmlTables,
  findColumn,
  formatHeaders,
  isJsonObject,
  parseCellNumber,
  parseDateCell,
  parseFailed,
  parseJsonText,
  parseSuffixedSize,
  type RawTable,
  snapshotDate,
} from '../kit';

/** Scraper id, and `source` of every observation. */
export const ARTIFICIAL_ANALYSIS_ID = 'artificial-analysis';
/** The v2 data API: every LLM with its creator, release date and evaluations. Needs an API key. */
export const ARTIFICIAL_ANALYSIS_API_URL = 'https://artificialanalysis.ai/api/v2/data/llms/models';
/** The leaderboard page whose table can be saved and imported (`--from FILE`). */
export const ARTIFICIAL_ANALYSIS_TABLE_URL = 'https://artificialanalysis.ai/leaderboards/models';

/**
 * API evaluation keys → benchmark id stems. The indices are 0–100 composites; only they are kept, on one scale.
 * With an `intelligence_index_version` in the envelope the id carries it (`aa-intelligence-v3`): indices of
 * different versions are built from different benchmarks, so they are different benchmarks here too.
 */
const API_INDICES: Readonly<Record<string, string>> = {
  artificial_analysis_intelligence_index: 'aa-intelligence',
  artificial_analysis_coding_index: 'aa-coding',
  artificial_analysis_math_index: 'aa-math',
};

/** API pricing keys (USD per million tokens) → the observation's pricing fields. */
const API_PRICES: Readonly<
  Record<string, 'inputUsdPerMillionTokens' | 'outputUsdPerMillionTokens' | 'blendedUsdPerMillionTokens'>
> = {
  price_1m_input_tokens: 'inputUsdPerMillionTokens',
  price_1m_output_tokens: 'outputUsdPerMillionTokens',
  price_1m_blended_3_to_1: 'blendedUsdPerMillionTokens',
};

const TABLE_COLUMNS = {
  name: 'Model',
  developer: 'Creator',
  index: 'Artificial Analysis Intelligence Index',
  context: 'Context Window',
  blendedPrice: 'Blended USD/1M Tokens',
} as const;

/**
 * The benchmark id of an API index: `aa-intelligence-v3` for version `3` (or `"v3"`, `"3.0"`), and the
 * unversioned `aa-intelligence-index` when the payload names no version (the older envelope, the saved table).
 */
export function formatArtificialAnalysisBenchmarkId(stem: string, version: unknown): string {
  const text = typeof version === 'number' || typeof version === 'string' ? String(version).trim() : '';
  const slug = text
    .toLowerCase()
    .replace(/^v(?=\d)/, '')
    .replace(/(\.0+)+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `${stem}-index` : `${stem}-v${slug}`;
}

/** The `pagination` block of a v2 page, when the envelope has one. */
export interface ArtificialAnalysisPagination {
  page: number;
  totalPages?: number;
  hasMore: boolean;
}

/** One parsed API page: its observations and issues, and where it sits among the pages. */
export interface ArtificialAnalysisPage extends ScrapeResult {
  pagination?: ArtificialAnalysisPagination;
  /** `intelligence_index_version` of the envelope, when given. */
  indexVersion?: string;
}

function readPagination(value: unknown): ArtificialAnalysisPagination | undefined {
  if (!isJsonObject(value)) return undefined;
  const page = typeof value.page === 'number' && value.page >= 1 ? value.page : undefined;
  if (page === undefined) return undefined;
  const totalPages =
    typeof value.total_pages === 'number' && value.total_pages >= 1 ? value.total_pages : undefined;
  const hasMore =
    value.has_more === true ||
    (value.has_more === undefined && totalPages !== undefined && page < totalPages);
  return totalPages === undefined ? { page, hasMore } : { page, totalPages, hasMore };
}

/**
 * Parses one page of the v2 API: the envelope `{tier, intelligence_index_version, data, pagination: {page,
 * page_size, total_pages, has_more}}` (the older `{status, data}` too). Per model: name, id, creator,
 * `release_date` where present, the indices keyed by version ({@link formatArtificialAnalysisBenchmarkId}) and
 * `pricing` (USD per million tokens: input, output, blended 3:1).
 */
export function parseArtificialAnalysisPage(payload: Payload): ArtificialAnalysisPage {
  const context = { scraperId: ARTIFICIAL_ANALYSIS_ID, location: describePayload(payload) };
  const root = parseJsonText(payload.body, context);
  if (!isJsonObject(root) || !Array.isArray(root.data)) {
    throw parseFailed(
      context.scraperId,
      context.location,
      'an object {data: [...], pagination: {...}}',
      describeJsonShape(root),
    );
  }
  if (root.status !== undefined && root.status !== 200) {
    throw parseFailed(
      context.scraperId,
      context.location,
      'status 200',
      `status ${JSON.stringify(root.status)}`,
    );
  }
  const pagination = readPagination(root.pagination);
  if (root.data.length === 0 && (pagination?.page ?? 1) === 1)
    throw parseFailed(context.scraperId, context.location, 'at least one model in $.data', 'an empty list');
  const version =
    typeof root.intelligence_index_version === 'string' || typeof root.intelligence_index_version === 'number'
      ? String(root.intelligence_index_version)
      : undefined;
  const asOf = snapshotDate(payload).date;
  const sourceUrl = citedUrl(payload, ARTIFICIAL_ANALYSIS_API_URL);
  const collector = createObservationCollector();
  root.data.forEach((item: unknown, index: number) => {
    const location = `$.data[${index}]`;
    if (!isJsonObject(item) || typeof item.name !== 'string' || item.name.trim() === '') {
      collector.issue('error', 'expected a model object with a name; skipped', location);
      return;
    }
    const observation: Record<string, unknown> = {
      source: ARTIFICIAL_ANALYSIS_ID,
      sourceUrl,
      retrievedAt: payload.retrievedAt,
      rawName: item.name.trim(),
    };
    if (typeof item.id === 'string' && item.id !== '') observation.sourceModelId = item.id;
    else if (typeof item.slug === 'string' && item.slug !== '') observation.sourceModelId = item.slug;
    const creator = isJsonObject(item.model_creator) ? item.model_creator.name : undefined;
    if (typeof creator === 'string' && creator.trim() !== '') observation.developer = creator.trim();
    if (typeof item.release_date === 'string') {
      const releaseDate = parseDateCell(item.release_date);
      if (releaseDate) observation.releaseDate = releaseDate;
      else
        collector.issue(
          'warning',
          `not a date: ${JSON.stringify(item.release_date)}`,
          `${location}.release_date`,
        );
    }
    const scores: Record<string, Score> = {};
    const evaluations = isJsonObject(item.evaluations) ? item.evaluations : {};
    for (const [key, stem] of Object.entries(API_INDICES)) {
      const value = evaluations[key];
      if (value === null || value === undefined) continue;
      if (typeof value === 'number' && Number.isFinite(value))
        scores[formatArtificialAnalysisBenchmarkId(stem, version)] = { value, asOf };
      else
        collector.issue(
          'warning',
          `not a number: ${JSON.stringify(value)}`,
          `${location}.evaluations.${key}`,
        );
    }
    if (Object.keys(scores).length > 0) observation.scores = scores;
    const prices = isJsonObject(item.pricing) ? item.pricing : {};
    const pricing: Record<string, number> = {};
    for (const [key, field] of Object.entries(API_PRICES)) {
      const value = prices[key];
      if (value === null || value === undefined) continue;
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) pricing[field] = value;
      else collector.issue('warning', `not a price: ${JSON.stringify(value)}`, `${location}.pricing.${key}`);
    }
    if (Object.keys(pricing).length > 0) observation.pricing = pricing;
    collector.add(observation, location);
  });
  const result: ArtificialAnalysisPage = collector.result();
  if (pagination) result.pagination = pagination;
  if (version !== undefined) result.indexVersion = version;
  return result;
}

function pickTable(tables: RawTable[], context: ExtractContext): RawTable {
  const required = [TABLE_COLUMNS.name, TABLE_COLUMNS.developer, TABLE_COLUMNS.index];
  const table = tables.find((candidate) =>
    required.every((header) => findColumn(candidate.headers, header) >= 0),
  );
  if (table) return table;
  const found =
    tables.length === 0
      ? 'no table'
      : tables
          .map((candidate) => `${candidate.label} with headers ${formatHeaders(candidate.headers)}`)
          .join('; ');
  throw parseFailed(
    context.scraperId,
    context.location,
    `a table with columns ${formatHeaders(required)}`,
    found,
  );
}

/**
 * Reads the leaderboard table (saved as CSV cell text or as HTML). An index followed by "E" is the site's
 * estimate and becomes a `preliminary` score; "--" means no index.
 */
function parseTable(payload: Payload, format: 'csv' | 'html', context: ExtractContext): ScrapeResult {
  const tables =
    format === 'csv' ? [extractCsvTable(payload.body, context)] : extractHtmlTables(payload.body, context);
  const table = pickTable(tables, context);
  if (table.rows.length === 0)
    throw parseFailed(
      context.scraperId,
      context.location,
      'data rows',
      `only the header ${formatHeaders(table.headers)}`,
    );
  const nameColumn = findColumn(table.headers, TABLE_COLUMNS.name);
  const developerColumn = findColumn(table.headers, TABLE_COLUMNS.developer);
  const indexColumn = findColumn(table.headers, TABLE_COLUMNS.index);
  const contextColumn = findColumn(table.headers, TABLE_COLUMNS.context);
  const priceColumn = findColumn(table.headers, TABLE_COLUMNS.blendedPrice);
  const asOf = snapshotDate(payload, {
    stated: format === 'html' ? dateFromPayloadText(payload.body) : undefined,
  }).date;
  const sourceUrl = citedUrl(payload, ARTIFICIAL_ANALYSIS_TABLE_URL);
  const collector = createObservationCollector();
  for (const row of table.rows) {
    const rawName = row.cells[nameColumn] ?? '';
    if (rawName === '') {
      collector.issue('warning', 'empty model name; row skipped', row.location);
      continue;
    }
    const observation: Record<string, unknown> = {
      source: ARTIFICIAL_ANALYSIS_ID,
      sourceUrl,
      retrievedAt: payload.retrievedAt,
      rawName,
    };
    const developer = row.cells[developerColumn];
    if (developer) observation.developer = developer;
    const contextCell = contextColumn >= 0 ? (row.cells[contextColumn] ?? '') : '';
    const contextLength = parseSuffixedSize(contextCell);
    if (contextLength !== undefined) observation.contextLength = Math.round(contextLength);
    else if (contextCell !== '')
      collector.issue('warning', `not a context window: "${contextCell}"`, row.location);
    const priceCell = priceColumn >= 0 ? (row.cells[priceColumn] ?? '') : '';
    const price = parseCellNumber(priceCell);
    if (price === 'invalid')
      collector.issue('warning', `blended price is not a number: "${priceCell}"`, row.location);
    else if (price !== 'missing' && price.value >= 0)
      observation.pricing = { blendedUsdPerMillionTokens: price.value };
    const indexCell = row.cells[indexColumn] ?? '';
    const index = parseCellNumber(indexCell);
    if (index === 'invalid') {
      collector.issue('warning', `intelligence index is not a number: "${indexCell}"`, row.location);
    } else if (index !== 'missing') {
      const score: Score = { value: index.value, asOf };
      if (index.marker === 'E') score.preliminary = true;
      else if (index.marker !== '')
        collector.issue('warning', `ignored "${index.marker}" after the index`, row.location);
      observation.scores = { 'aa-intelligence-index': score };
    }
    collector.add(observation, row.location);
  }
  // The saved table drops the reasoning-mode label of some rows, so one name can carry two indices; keep both
  // and say so, since only a person (or the API's ids) can tell them apart.
  const result = collector.result();
  const counts = new Map<string, number>();
  for (const observation of result.observations)
    counts.set(observation.rawName, (counts.get(observation.rawName) ?? 0) + 1);
  for (const [name, count] of counts) {
    if (count > 1)
      result.issues.push({
        level: 'warning',
        message: `${count} rows are named "${name}" (the table does not tell their variants apart); all kept`,
      });
  }
  return result;
}

function dropPagination(page: ArtificialAnalysisPage): ScrapeResult {
  return { observations: page.observations, issues: page.issues };
}

/**
 * Parses an Artificial Analysis payload: the v2 API's JSON, or the leaderboard table saved as CSV or HTML
 * (format from the file name, content type, then the body). Pure.
 *
 * `asOf` of the scores: a date stated in the payload (an `Updated: YYYY-MM-DD` line of a saved page), else a
 * date in the file name (`..._2026-03-30.csv`), else the day the payload was retrieved. The API states none.
 */
export function parseArtificialAnalysis(payload: Payload): ScrapeResult {
  const context: ExtractContext = { scraperId: ARTIFICIAL_ANALYSIS_ID, location: describePayload(payload) };
  if (payload.body.trim() === '')
    throw parseFailed(
      context.scraperId,
      context.location,
      'the API JSON or the leaderboard table',
      'an empty body',
    );
  const format = detectFormat(payload);
  switch (format) {
    case 'json':
      return dropPagination(parseArtificialAnalysisPage(payload));
    case 'csv':
    case 'html':
      return parseTable(payload, format, context);
    default:
      throw parseFailed(
        context.scraperId,
        context.location,
        'JSON, CSV or HTML',
        `${format} (${describeBodyStart(payload.body)})`,
      );
  }
}
