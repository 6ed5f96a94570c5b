import { type Observation, ObservationSchema, type Score, type ScrapeIssue } from '@tracker/schema';
import type { Payload, ScrapeResult } from '../../scraper';
import {
  citedUrl,
  dateFromPayloadText,
  describeBodyStart,
  describePayload,
  detectFormat,
  type ExtractContext,
  extractCsvTable,
  extractHtmlTables,
  findColumn,
  formatHeaders,
  parseCellNumber,
  parseDateCell,
  parseFailed,
  parseJsonText,
  parseSuffixedSize,
  payloadDate,
  type RawTable,
} from '../kit';

/** Scraper id, and `source` of every observation. */
export const ARTIFICIAL_ANALYSIS_ID = 'artificial-analysis';
/** The v2 data API: every LLM with its creator, release date and evaluations. Needs an API key. */
export const ARTIFICIAL_ANALYSIS_API_URL = 'https://artificialanalysis.ai/api/v2/data/llms/models';
/** The leaderboard page whose table can be saved and imported (`--from FILE`). */
export const ARTIFICIAL_ANALYSIS_TABLE_URL = 'https://artificialanalysis.ai/leaderboards/models';

/** API evaluation keys → benchmark ids. The indices are 0–100 composites; only they are kept, on one scale. */
const API_INDICES: Readonly<Record<string, string>> = {
  artificial_analysis_intelligence_index: 'aa-intelligence-index',
  artificial_analysis_coding_index: 'aa-coding-index',
  artificial_analysis_math_index: 'aa-math-index',
};

const TABLE_COLUMNS = {
  name: 'Model',
  developer: 'Creator',
  index: 'Artificial Analysis Intelligence Index',
  context: 'Context Window',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatIssues(result: { error: { issues: { path: PropertyKey[]; message: string }[] } }): string {
  return result.error.issues
    .map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
}

function parseApi(payload: Payload, context: ExtractContext): ScrapeResult {
  const root = parseJsonText(payload.body, context);
  if (!isRecord(root) || !Array.isArray(root.data)) {
    const found = isRecord(root)
      ? `an object with keys ${Object.keys(root).join(', ') || '(none)'}`
      : Array.isArray(root)
        ? 'an array'
        : typeof root;
    throw parseFailed(context.scraperId, context.location, 'an object {status, data: [...]}', found);
  }
  if (root.status !== undefined && root.status !== 200) {
    throw parseFailed(
      context.scraperId,
      context.location,
      'status 200',
      `status ${JSON.stringify(root.status)}`,
    );
  }
  if (root.data.length === 0)
    throw parseFailed(context.scraperId, context.location, 'at least one model in $.data', 'an empty list');
  const asOf = payloadDate(payload).date;
  const sourceUrl = citedUrl(payload, ARTIFICIAL_ANALYSIS_API_URL);
  const observations: Observation[] = [];
  const issues: ScrapeIssue[] = [];
  root.data.forEach((item: unknown, index: number) => {
    const location = `$.data[${index}]`;
    if (!isRecord(item) || typeof item.name !== 'string' || item.name.trim() === '') {
      issues.push({ level: 'error', location, message: 'expected a model object with a name; skipped' });
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
    const creator = isRecord(item.model_creator) ? item.model_creator.name : undefined;
    if (typeof creator === 'string' && creator.trim() !== '') observation.developer = creator.trim();
    if (typeof item.release_date === 'string') {
      const releaseDate = parseDateCell(item.release_date);
      if (releaseDate) observation.releaseDate = releaseDate;
      else
        issues.push({
          level: 'warning',
          location: `${location}.release_date`,
          message: `not a date: ${JSON.stringify(item.release_date)}`,
        });
    }
    const scores: Record<string, Score> = {};
    const evaluations = isRecord(item.evaluations) ? item.evaluations : {};
    for (const [key, benchmark] of Object.entries(API_INDICES)) {
      const value = evaluations[key];
      if (value === null || value === undefined) continue;
      if (typeof value === 'number' && Number.isFinite(value)) scores[benchmark] = { value, asOf };
      else
        issues.push({
          level: 'warning',
          location: `${location}.evaluations.${key}`,
          message: `not a number: ${JSON.stringify(value)}`,
        });
    }
    if (Object.keys(scores).length > 0) observation.scores = scores;
    const checked = ObservationSchema.safeParse(observation);
    if (checked.success) observations.push(checked.data);
    else
      issues.push({
        level: 'error',
        location,
        message: `"${item.name}" is not a valid observation: ${formatIssues(checked)}`,
      });
  });
  return { observations, issues };
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
  const asOf = payloadDate(payload, {
    stated: format === 'html' ? dateFromPayloadText(payload.body) : undefined,
  }).date;
  const sourceUrl = citedUrl(payload, ARTIFICIAL_ANALYSIS_TABLE_URL);
  const observations: Observation[] = [];
  const issues: ScrapeIssue[] = [];
  for (const row of table.rows) {
    const rawName = row.cells[nameColumn] ?? '';
    if (rawName === '') {
      issues.push({ level: 'warning', location: row.location, message: 'empty model name; row skipped' });
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
      issues.push({
        level: 'warning',
        location: row.location,
        message: `not a context window: "${contextCell}"`,
      });
    const indexCell = row.cells[indexColumn] ?? '';
    const index = parseCellNumber(indexCell);
    if (index === 'invalid') {
      issues.push({
        level: 'warning',
        location: row.location,
        message: `intelligence index is not a number: "${indexCell}"`,
      });
    } else if (index !== 'missing') {
      const score: Score = { value: index.value, asOf };
      if (index.marker === 'E') score.preliminary = true;
      else if (index.marker !== '')
        issues.push({
          level: 'warning',
          location: row.location,
          message: `ignored "${index.marker}" after the index`,
        });
      observation.scores = { 'aa-intelligence-index': score };
    }
    const checked = ObservationSchema.safeParse(observation);
    if (checked.success) observations.push(checked.data);
    else
      issues.push({
        level: 'error',
        location: row.location,
        message: `"${rawName}" is not a valid observation: ${formatIssues(checked)}`,
      });
  }
  // The saved table drops the reasoning-mode label of some rows, so one name can carry two indices; keep both
  // and say so, since only a person (or the API's ids) can tell them apart.
  const counts = new Map<string, number>();
  for (const observation of observations)
    counts.set(observation.rawName, (counts.get(observation.rawName) ?? 0) + 1);
  for (const [name, count] of counts) {
    if (count > 1)
      issues.push({
        level: 'warning',
        message: `${count} rows are named "${name}" (the table does not tell their variants apart); all kept`,
      });
  }
  return { observations, issues };
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
      return parseApi(payload, context);
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
