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
  extractMarkdownTables,
  findColumn,
  formatHeaders,
  parseCellNumber,
  parseDateCell,
  parseFailed,
  parseSuffixedSize,
  type RawTable,
  snapshotDate,
} from '../kit';
import type { TableConfig } from './table-config';

type ColumnField = Exclude<keyof TableConfig['columns'], 'scores'>;

/** A mapped column: where its header sits in the table, and the config path that named it (for messages). */
interface ResolvedColumn {
  index: number;
  header: string;
  configPath: string;
}

/** Reads the tables of a payload in its format (HTML, CSV or Markdown). */
export function extractTables(
  payload: Payload,
  config: Pick<TableConfig, 'format' | 'table'>,
  context: ExtractContext,
): RawTable[] {
  const format = detectFormat(payload, config.format);
  if (payload.body.trim() === '')
    throw parseFailed(
      context.scraperId,
      context.location,
      `a ${format.toUpperCase()} table`,
      'an empty body',
    );
  switch (format) {
    case 'html':
      return extractHtmlTables(payload.body, context, config.table?.selector);
    case 'csv':
      return [extractCsvTable(payload.body, context)];
    case 'markdown':
      return extractMarkdownTables(payload.body, context);
    default:
      throw parseFailed(
        context.scraperId,
        context.location,
        'an HTML, CSV or Markdown table',
        `${format.toUpperCase()} (${describeBodyStart(payload.body)})`,
      );
  }
}

function mappedHeaders(
  config: TableConfig,
): { header: string; configPath: string; field: ColumnField | { benchmark: string } }[] {
  const fields: ColumnField[] = ['name', 'developer', 'releaseDate', 'parameters', 'license', 'variant'];
  const plain = fields.flatMap((field) => {
    const header = config.columns[field];
    return header === undefined ? [] : [{ header, configPath: `columns.${field}`, field }];
  });
  const scores = Object.entries(config.columns.scores).map(([benchmark, header]) => ({
    header,
    configPath: `columns.scores.${benchmark}`,
    field: { benchmark },
  }));
  return [...plain, ...scores];
}

/**
 * Picks the table to read: among the tables left by `table.headerContains`, the one at `table.index`, else the
 * one with the most mapped headers (the first on a tie).
 */
function selectTable(tables: RawTable[], config: TableConfig, context: ExtractContext): RawTable {
  const wanted = config.table?.headerContains?.toLowerCase();
  const candidates =
    wanted === undefined
      ? tables
      : tables.filter((table) => table.headers.some((header) => header.toLowerCase().includes(wanted)));
  const describeAll = () =>
    tables.length === 0
      ? 'no table'
      : tables.map((table) => `${table.label} with headers ${formatHeaders(table.headers)}`).join('; ');
  if (candidates.length === 0) {
    const expected =
      wanted === undefined ? 'a table' : `a table with a header containing "${config.table?.headerContains}"`;
    throw parseFailed(context.scraperId, context.location, expected, describeAll());
  }
  const index = config.table?.index;
  if (index !== undefined) {
    const table = candidates[index];
    if (!table)
      throw parseFailed(
        context.scraperId,
        context.location,
        `at least ${index + 1} matching tables (table.index ${index})`,
        `${candidates.length}: ${describeAll()}`,
      );
    return table;
  }
  // The table with the most mapped headers wins (the first on a tie), so a renamed column is reported
  // against the table it was renamed in.
  const headers = mappedHeaders(config);
  const matched = (table: RawTable) =>
    headers.filter(({ header }) => findColumn(table.headers, header) >= 0).length;
  return candidates.reduce((best, table) => (matched(table) > matched(best) ? table : best));
}

/** Reads the score in a cell; `±x` after the number becomes the interval. */
function readScore(cell: string, asOf: string): { score?: Score; problem?: string } {
  const number = parseCellNumber(cell);
  if (number === 'missing') return {};
  if (number === 'invalid') return { problem: `not a number: "${cell}"` };
  const score: Score = { value: number.value, asOf };
  const plusMinus = /^±\s*(\d+(?:\.\d+)?)$/.exec(number.marker);
  if (plusMinus) {
    score.lower = number.value - Number(plusMinus[1]);
    score.upper = number.value + Number(plusMinus[1]);
    return { score };
  }
  // Footnote marks are common and carry no value; anything else is kept but reported.
  if (number.marker !== '' && !/^[*†‡]+$/.test(number.marker))
    return { score, problem: `ignored "${number.marker}" after the number in "${cell}"` };
  return { score };
}

function readParameters(cell: string): number | undefined | 'invalid' {
  const sized = parseSuffixedSize(cell);
  if (sized !== undefined) return sized;
  const number = parseCellNumber(cell);
  if (number === 'missing') return undefined;
  // A bare number is only unambiguous when it is already a count.
  if (number !== 'invalid' && number.marker === '' && number.value >= 1e6) return number.value;
  return 'invalid';
}

/** Options of {@link parseTable}. */
export interface ParseTableOptions {
  /** Scraper id used in messages (default: the config's id). */
  scraperId?: string;
}

/**
 * Parses a saved HTML, CSV or Markdown table with its columns mapped by a {@link TableConfig}. Pure.
 *
 * Throws `PARSE_FAILED` when the payload is empty, truncated, has no matching table, lacks a mapped header
 * (the message names it, its config path and the headers found) or has no data row. Rows it cannot read become
 * issues. `asOf` precedence: the config's `asOf`, an `Updated: YYYY-MM-DD` date in the payload, a date in the
 * file name, then the day it was retrieved.
 */
export function parseTable(
  payload: Payload,
  config: TableConfig,
  options: ParseTableOptions = {},
): ScrapeResult {
  const context: ExtractContext = {
    scraperId: options.scraperId ?? config.id,
    location: describePayload(payload),
  };
  const issues: ScrapeIssue[] = [];
  const format = detectFormat(payload, config.format);
  if (config.table?.selector !== undefined && format !== 'html') {
    issues.push({ level: 'warning', message: `table.selector is ignored for ${format} payloads` });
  }
  const table = selectTable(extractTables(payload, config, context), config, context);
  const columns = new Map<string, ResolvedColumn>();
  for (const mapped of mappedHeaders(config)) {
    const index = findColumn(table.headers, mapped.header);
    if (index < 0) {
      throw parseFailed(
        context.scraperId,
        context.location,
        `a column "${mapped.header}" (${mapped.configPath}) in ${table.label}`,
        `headers ${formatHeaders(table.headers)}`,
      );
    }
    columns.set(mapped.configPath, { index, header: table.headers[index]!, configPath: mapped.configPath });
  }
  if (table.rows.length === 0) {
    throw parseFailed(
      context.scraperId,
      context.location,
      `data rows in ${table.label}`,
      `only the header ${formatHeaders(table.headers)}`,
    );
  }
  const asOf = snapshotDate(payload, {
    configured: config.asOf,
    stated: format === 'csv' ? undefined : dateFromPayloadText(payload.body),
  }).date;
  const include = config.filters?.include?.map((pattern) => new RegExp(pattern, 'i'));
  const exclude = config.filters?.exclude?.map((pattern) => new RegExp(pattern, 'i'));
  const sourceUrl = citedUrl(payload, config.url);
  const observations: Observation[] = [];
  let named = 0;
  for (const row of table.rows) {
    const cell = (configPath: string) => {
      const column = columns.get(configPath);
      return column === undefined ? undefined : (row.cells[column.index] ?? '');
    };
    if (row.cells.length !== table.headers.length) {
      issues.push({
        level: 'warning',
        location: row.location,
        message: `${row.cells.length} cells where the header has ${table.headers.length}`,
      });
    }
    const baseName = cell('columns.name') ?? '';
    if (baseName === '') {
      issues.push({
        level: 'warning',
        location: row.location,
        message: `empty model name (column "${config.columns.name}"); row skipped`,
      });
      continue;
    }
    named += 1;
    const variant = cell('columns.variant');
    const rawName = variant ? `${baseName} (${variant})` : baseName;
    if (include && !include.some((pattern) => pattern.test(rawName))) continue;
    if (exclude?.some((pattern) => pattern.test(rawName))) continue;
    const observation: Record<string, unknown> = {
      source: config.id,
      sourceUrl,
      retrievedAt: payload.retrievedAt,
      rawName,
    };
    const nameLink = row.links[columns.get('columns.name')!.index];
    if (nameLink && /^https?:\/\//.test(nameLink)) observation.links = [nameLink];
    const developer = cell('columns.developer');
    if (developer) observation.developer = developer;
    const license = cell('columns.license');
    if (license) observation.license = license;
    const releaseCell = cell('columns.releaseDate');
    if (releaseCell) {
      const releaseDate = parseDateCell(releaseCell);
      if (releaseDate) observation.releaseDate = releaseDate;
      else
        issues.push({
          level: 'warning',
          location: row.location,
          message: `not a date in column "${config.columns.releaseDate}": "${releaseCell}"`,
        });
    }
    const parametersCell = cell('columns.parameters');
    if (parametersCell) {
      const total = readParameters(parametersCell);
      if (typeof total === 'number') observation.parameters = { total };
      else if (total === 'invalid')
        issues.push({
          level: 'warning',
          location: row.location,
          message: `parameters need a unit (K, M, B, T) or a full count: "${parametersCell}"`,
        });
    }
    const scores: Record<string, Score> = {};
    for (const [benchmark, header] of Object.entries(config.columns.scores)) {
      const { score, problem } = readScore(cell(`columns.scores.${benchmark}`) ?? '', asOf);
      if (score) scores[benchmark] = score;
      if (problem)
        issues.push({ level: 'warning', location: row.location, message: `column "${header}": ${problem}` });
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
  if (named === 0) {
    throw parseFailed(
      context.scraperId,
      context.location,
      `model names in column "${config.columns.name}"`,
      `${table.rows.length} rows with that cell empty`,
    );
  }
  return { observations, issues };
}
