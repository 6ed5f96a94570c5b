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
  parseFailed,
  type RawTable,
  snapshotDate,
} from '../kit';

/** Scraper id, and `source` of every observation. */
export const OPENLM_ARENA_ID = 'openlm-arena';
/** The Chatbot Arena+ page of openlm.ai. */
export const OPENLM_ARENA_URL = 'https://openlm.ai/chatbot-arena/';

/**
 * The leaderboard's columns. Each lists the header on the page first, then the one of the derived CSV
 * (`Arena Score`, `mmlu_pro`...); headers match exactly, else case-insensitively. Benchmark ids are namespaced
 * where the number is openlm.ai's own (its Elo, coding and vision arenas, its copy of the AA index); MMLU-Pro
 * and ARC-AGI are the public benchmarks' percentages.
 */
const SCORE_COLUMNS: readonly { benchmark: string; headers: readonly string[] }[] = [
  { benchmark: 'openlm-arena-elo', headers: ['Arena Elo', 'Arena Score'] },
  { benchmark: 'openlm-arena-coding', headers: ['Coding'] },
  { benchmark: 'openlm-arena-vision', headers: ['Vision'] },
  { benchmark: 'openlm-aaii', headers: ['AAII'] },
  { benchmark: 'mmlu-pro', headers: ['MMLU-Pro', 'mmlu_pro'] },
  { benchmark: 'arc-agi', headers: ['ARC-AGI', 'arc_agi'] },
];
const NAME_HEADERS = ['Model'];
const ORGANIZATION_HEADERS = ['Organization'];
const LICENSE_HEADERS = ['License'];
const ELO_HEADERS = SCORE_COLUMNS[0]!.headers;

function findAny(table: RawTable, headers: readonly string[]): number {
  for (const header of headers) {
    const index = findColumn(table.headers, header);
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * The leaderboard is the table with Model and Arena Elo columns that has the most of the other columns (then
 * the most rows); the "Best Open LM" table above it has fewer of both.
 */
function pickLeaderboard(tables: RawTable[], context: ExtractContext): RawTable {
  const known = [
    NAME_HEADERS,
    ORGANIZATION_HEADERS,
    LICENSE_HEADERS,
    ...SCORE_COLUMNS.map((column) => column.headers),
  ];
  const matched = (table: RawTable) => known.filter((headers) => findAny(table, headers) >= 0).length;
  const candidates = tables.filter(
    (table) => findAny(table, NAME_HEADERS) >= 0 && findAny(table, ELO_HEADERS) >= 0,
  );
  if (candidates.length === 0) {
    const found =
      tables.length === 0
        ? 'no table'
        : tables.map((table) => `${table.label} with headers ${formatHeaders(table.headers)}`).join('; ');
    throw parseFailed(
      context.scraperId,
      context.location,
      'a table with columns "Model" and "Arena Elo" (or "Arena Score")',
      found,
    );
  }
  // On a tie the longer table wins: the leaderboard lists far more models than the "Best Open LM" summary.
  const rank = (table: RawTable) => matched(table) * 1e6 + table.rows.length;
  return candidates.reduce((best, table) => (rank(table) > rank(best) ? table : best));
}

/** The page marks some names (e.g. "Kimi-K2 ✅"); the mark is not part of the model's name. */
function cleanName(cell: string): string {
  return cell.replace(/\s*\u2705\s*/gu, ' ').trim();
}

/**
 * Parses openlm.ai's Chatbot Arena+ leaderboard: the page's HTML, or the derived CSV that merges it with LiteLLM
 * prices (only the leaderboard's columns are read). Keeps the Organization column as `developer` and License as
 * `license`. Pure.
 *
 * Scores: `openlm-arena-elo`, `openlm-arena-coding`, `openlm-arena-vision`, `openlm-aaii`, `mmlu-pro`, `arc-agi`.
 * `asOf`: a "Last updated: YYYY-MM-DD" on the page, else a date in the file name, else the retrieval day.
 * A missing optional column is one warning; a missing Model or Arena Elo column is `PARSE_FAILED`.
 */
export function parseOpenlmArena(payload: Payload): ScrapeResult {
  const context: ExtractContext = { scraperId: OPENLM_ARENA_ID, location: describePayload(payload) };
  if (payload.body.trim() === '')
    throw parseFailed(context.scraperId, context.location, 'the leaderboard as HTML or CSV', 'an empty body');
  const format = detectFormat(payload);
  if (format !== 'html' && format !== 'csv') {
    throw parseFailed(
      context.scraperId,
      context.location,
      'the leaderboard as HTML or CSV',
      `${format} (${describeBodyStart(payload.body)})`,
    );
  }
  const tables =
    format === 'html' ? extractHtmlTables(payload.body, context) : [extractCsvTable(payload.body, context)];
  const table = pickLeaderboard(tables, context);
  if (table.rows.length === 0)
    throw parseFailed(
      context.scraperId,
      context.location,
      'leaderboard rows',
      `only the header ${formatHeaders(table.headers)}`,
    );
  const issues: ScrapeIssue[] = [];
  const optional = (label: string, headers: readonly string[]) => {
    const index = findAny(table, headers);
    if (index < 0)
      issues.push({
        level: 'warning',
        message: `column "${label}" not found (headers ${formatHeaders(table.headers)}); left out`,
      });
    return index;
  };
  const nameColumn = findAny(table, NAME_HEADERS);
  const organizationColumn = optional('Organization', ORGANIZATION_HEADERS);
  const licenseColumn = optional('License', LICENSE_HEADERS);
  const scoreColumns = SCORE_COLUMNS.map((column) => ({
    ...column,
    index: optional(column.headers[0]!, column.headers),
  })).filter((column) => column.index >= 0);
  const asOf = snapshotDate(payload, {
    stated: format === 'html' ? dateFromPayloadText(payload.body) : undefined,
  }).date;
  const sourceUrl = citedUrl(payload, OPENLM_ARENA_URL);
  const observations: Observation[] = [];
  for (const row of table.rows) {
    const rawName = cleanName(row.cells[nameColumn] ?? '');
    if (rawName === '') {
      issues.push({ level: 'warning', location: row.location, message: 'empty model name; row skipped' });
      continue;
    }
    const observation: Record<string, unknown> = {
      source: OPENLM_ARENA_ID,
      sourceUrl,
      retrievedAt: payload.retrievedAt,
      rawName,
    };
    const developer = organizationColumn >= 0 ? row.cells[organizationColumn] : undefined;
    if (developer) observation.developer = developer;
    const license = licenseColumn >= 0 ? row.cells[licenseColumn] : undefined;
    if (license) observation.license = license;
    const link = row.links[nameColumn];
    if (link && /^https?:\/\//.test(link)) observation.links = [link];
    const scores: Record<string, Score> = {};
    for (const column of scoreColumns) {
      const cell = row.cells[column.index] ?? '';
      const number = parseCellNumber(cell);
      if (number === 'missing') continue;
      if (number === 'invalid' || number.marker !== '') {
        issues.push({
          level: 'warning',
          location: row.location,
          message: `column "${table.headers[column.index]}": not a number: "${cell}"`,
        });
        continue;
      }
      scores[column.benchmark] = { value: number.value, asOf };
    }
    if (Object.keys(scores).length > 0) observation.scores = scores;
    const checked = ObservationSchema.safeParse(observation);
    if (checked.success) observations.push(checked.data);
    else
      issues.push({
        level: 'error',
        location: row.location,
        message: `"${rawName}" is not a valid observation: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      });
  }
  return { observations, issues };
}
