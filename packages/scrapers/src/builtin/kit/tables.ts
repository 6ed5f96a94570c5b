import { type Cheerio, load } from 'cheerio';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Payload } from '../../scraper';
import { collapseWhitespace } from './cells';
import { createParseError, describeBodyStart, describePayload, parseFailed } from './payload';

// cheerio exposes domhandler's node type only through its generics; infer it from `load`.
type CheerioElement = ReturnType<ReturnType<typeof load>> extends Cheerio<infer T> ? T : never;

/** One data row of a table, as cell text. */
export interface RawRow {
  /** Cell text, whitespace collapsed, aligned with the headers. */
  cells: string[];
  /** The first link (`href`) in each cell, when the table is HTML or Markdown. */
  links: (string | undefined)[];
  /** Where the row is, for issues: `row 3` (1-based among data rows) or `line 12`. */
  location: string;
}

/** A table read from a payload: its header cells and data rows. */
export interface RawTable {
  headers: string[];
  rows: RawRow[];
  /** Which table of the payload it is, for messages: `table 2`. */
  label: string;
}

/** Where errors should point. */
export interface ExtractContext {
  scraperId: string;
  location: string;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Reads every `<table>` matched by `selector` (default `table`; a matched element that is not a table
 * contributes the tables inside it). The header is the `<thead>` row with the most cells, else the first row
 * made only of `<th>`, else the first row. Rows of nested tables stay with their own table.
 */
export function extractHtmlTables(html: string, context: ExtractContext, selector = 'table'): RawTable[] {
  // cheerio repairs a cut-off document silently, so count the tags to notice truncation.
  const opened = countMatches(html, /<table[\s>]/gi);
  const closed = countMatches(html, /<\/table\s*>/gi);
  if (opened > closed) {
    throw parseFailed(
      context.scraperId,
      context.location,
      'a complete HTML document',
      `${opened} <table> tags but ${closed} </table> (truncated?)`,
    );
  }
  const $ = load(html);
  let selected: Cheerio<CheerioElement>;
  try {
    selected = $(selector);
  } catch (error) {
    throw parseFailed(context.scraperId, context.location, 'a valid CSS selector', `"${selector}"`, error);
  }
  const tables: CheerioElement[] = [];
  selected.each((_, element) => {
    const candidates = $(element).is('table') ? [element] : $(element).find('table').toArray();
    for (const table of candidates) if (!tables.includes(table)) tables.push(table);
  });
  return tables.map((table, tableIndex) => {
    const ownRows = $(table)
      .find('tr')
      .filter((_, row) => $(row).closest('table').get(0) === table)
      .toArray();
    const headRows = ownRows.filter((row) => $(row).parent('thead').length > 0);
    let headerRow: CheerioElement | undefined;
    if (headRows.length > 0) {
      headerRow = headRows.reduce((best, row) =>
        $(row).children('th,td').length >= $(best).children('th,td').length ? row : best,
      );
    } else {
      headerRow =
        ownRows.find((row) => $(row).children('td').length === 0 && $(row).children('th').length > 0) ??
        ownRows[0];
    }
    const readRow = (row: CheerioElement) => {
      const cells: string[] = [];
      const links: (string | undefined)[] = [];
      $(row)
        .children('th,td')
        .each((_, cell) => {
          const span = Math.max(1, Math.min(50, Number.parseInt($(cell).attr('colspan') ?? '1', 10) || 1));
          cells.push(collapseWhitespace($(cell).text()));
          links.push($(cell).find('a[href]').first().attr('href'));
          // A spanning cell fills one column; the ones it covers stay empty so later columns keep their place.
          for (let extra = 1; extra < span; extra += 1) {
            cells.push('');
            links.push(undefined);
          }
        });
      return { cells, links };
    };
    const headers = headerRow ? readRow(headerRow).cells : [];
    const rows = ownRows
      .filter((row) => row !== headerRow && !headRows.includes(row) && $(row).children('td').length > 0)
      .map((row, rowIndex) => ({ ...readRow(row), location: `row ${rowIndex + 1}` }));
    return { headers, rows, label: `table ${tableIndex + 1}` };
  });
}

/** One CSV record with the line it ends on. */
interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Parses CSV text into records (BOM stripped, blank lines skipped, ragged rows kept); broken quoting throws. */
function parseCsvRecords(text: string, context: ExtractContext, trim: boolean): CsvRecord[] {
  try {
    return parseCsv(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw parseFailed(
      context.scraperId,
      context.location,
      'a CSV table',
      `text that is not valid CSV (${reason})`,
      error,
    );
  }
}

/**
 * Reads a CSV table: the first record is the header. A last record cut short with no final newline means the
 * file was truncated, which is an error for the whole payload; a short record elsewhere stays a row (the caller
 * reports it).
 */
export function extractCsvTable(text: string, context: ExtractContext): RawTable {
  const [header, ...body] = parseCsvRecords(text, context, false).map((item) => item.record);
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw parseFailed(
      context.scraperId,
      context.location,
      'a CSV table with a header row',
      describeBodyStart(text),
    );
  }
  const last = body.at(-1);
  if (last && last.length < header.length && !/\r?\n\s*$/.test(text)) {
    throw parseFailed(
      context.scraperId,
      context.location,
      `${header.length} cells in the last row`,
      `${last.length} and no final newline (truncated?)`,
    );
  }
  return {
    headers: header.map(collapseWhitespace),
    rows: body.map((cells, index) => ({
      cells: cells.map(collapseWhitespace),
      links: cells.map(() => undefined),
      location: `line ${index + 2}`,
    })),
    label: 'table 1',
  };
}

/** One data row of a CSV file read with {@link readCsv}. */
export interface CsvRow {
  /** 1-based number of the data row (the header is row 0), used in issue locations (`row 12`). */
  row: number;
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The cells as text, trimmed (inner whitespace kept). May be shorter or longer than the header. */
  cells: string[];
  /** The cell of a column by header name, compared with {@link normalizeHeader} (`undefined` when absent). */
  get(column: string): string | undefined;
}

/** A CSV file read into a header and rows, cells keyed by header name. */
export interface CsvTable {
  /** Header cells as written (trimmed). */
  columns: string[];
  rows: CsvRow[];
  /** True when a header (compared with {@link normalizeHeader}) is present. */
  hasColumn(column: string): boolean;
}

/** Normalises a header for comparison: lower case, trimmed, inner whitespace collapsed. */
export function normalizeHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Reads a payload's CSV with a header row into rows whose cells are looked up by column name (cells are trimmed,
 * inner whitespace and line breaks kept, unlike {@link extractCsvTable}). An empty body, a body with only a
 * header, or broken quoting (a truncated file) throws `PARSE_FAILED` for `scraperId`.
 */
export function readCsv(scraperId: string, payload: Payload): CsvTable {
  const records = parseCsvRecords(payload.body, { scraperId, location: describePayload(payload) }, true);
  const [header, ...data] = records;
  if (!header) throw createParseError(scraperId, payload, 'a CSV table with a header row', 'an empty body');
  if (data.length === 0) {
    throw createParseError(scraperId, payload, 'a CSV table with data rows', 'only a header row');
  }
  const columns = header.record;
  const indexByName = new Map<string, number>();
  columns.forEach((column, index) => {
    const key = normalizeHeader(column);
    if (!indexByName.has(key)) indexByName.set(key, index);
  });
  const rows = data.map(({ record, info }, index): CsvRow => {
    // `info.lines` is the line where the record ends; multi-line cells are rare in these exports.
    const lineCount = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    return {
      row: index + 1,
      line: info.lines - lineCount,
      cells: record,
      get(column: string) {
        const position = indexByName.get(normalizeHeader(column));
        return position === undefined ? undefined : record[position];
      },
    };
  });
  return { columns, rows, hasColumn: (column) => indexByName.has(normalizeHeader(column)) };
}

/** The required columns missing from `columns` (compared with {@link normalizeHeader}). */
export function findMissingColumns(columns: readonly string[], required: readonly string[]): string[] {
  const present = new Set(columns.map(normalizeHeader));
  return required.filter((column) => !present.has(normalizeHeader(column)));
}

function splitMarkdownRow(line: string): string[] {
  // Split on pipes that are not escaped, then drop the empty cells made by the outer pipes.
  const cells = line.trim().split(/(?<!\\)\|/);
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.length > 0 && cells.at(-1)?.trim() === '') cells.pop();
  return cells.map((cell) => cell.replace(/\\\|/g, '|'));
}

function readMarkdownCell(cell: string): { text: string; link: string | undefined } {
  const link = /\[[^\]]*\]\(([^)\s]+)[^)]*\)/.exec(cell)?.[1];
  const text = cell
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/<[^>]+>/g, '');
  return { text: collapseWhitespace(text), link };
}

const MARKDOWN_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Reads every pipe table of a Markdown document: a header line, a `|---|` separator line, then rows. */
export function extractMarkdownTables(text: string, context: ExtractContext): RawTable[] {
  const lines = text.split(/\r?\n/);
  const tables: RawTable[] = [];
  for (let index = 0; index < lines.length - 1; index += 1) {
    const line = lines[index]!;
    if (!line.includes('|') || !MARKDOWN_SEPARATOR.test(lines[index + 1]!.trim())) continue;
    const headers = splitMarkdownRow(line).map((cell) => readMarkdownCell(cell).text);
    const rows: RawRow[] = [];
    let cursor = index + 2;
    while (cursor < lines.length && lines[cursor]!.includes('|') && lines[cursor]!.trim() !== '') {
      const cells = splitMarkdownRow(lines[cursor]!).map(readMarkdownCell);
      rows.push({
        cells: cells.map((cell) => cell.text),
        links: cells.map((cell) => cell.link),
        location: `line ${cursor + 1}`,
      });
      cursor += 1;
    }
    const last = rows.at(-1);
    if (last && cursor >= lines.length && last.cells.length < headers.length && !/\n\s*$/.test(text)) {
      throw parseFailed(
        context.scraperId,
        context.location,
        `${headers.length} cells in the last row`,
        `${last.cells.length} and no final newline (truncated?)`,
      );
    }
    tables.push({ headers, rows, label: `table ${tables.length + 1}` });
    index = cursor - 1;
  }
  return tables;
}

/** Finds a header: an exact match first, then one that differs only in case and spacing. -1 when absent. */
export function findColumn(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const folded = collapseWhitespace(wanted).toLowerCase();
  return headers.findIndex((header) => collapseWhitespace(header).toLowerCase() === folded);
}

/** Lists headers for an error message: `"Rank", "Model", "Score"`. */
export function formatHeaders(headers: readonly string[]): string {
  return headers.length === 0
    ? '(no header cells)'
    : headers.map((header) => JSON.stringify(header)).join(', ');
}
