import * as cheerio from 'cheerio';

/** One `<table>` read into header texts and rows of cell texts. */
export interface HtmlTable {
  /** Header cell texts, whitespace collapsed. */
  headers: string[];
  /** Body rows; each is the text of its `<td>`/`<th>` cells, whitespace collapsed. */
  rows: string[][];
}

/** Options of {@link readHtmlTables}. */
export interface ReadHtmlTablesOptions {
  /** CSS selector of the tables to read (default `table`). */
  selector?: string;
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Reads every `<table>` of an HTML document with cheerio. Headers come from `<thead>` (its last row, when a table
 * has a grouped header) or else from a first row made of `<th>` cells; body rows are the other `<tr>`s. Nested
 * tables are not descended into. Cell text is the concatenated text of the cell, whitespace collapsed, so
 * `<td>1504 <span>±6</span></td>` reads `"1504 ±6"`.
 */
export function readHtmlTables(html: string, options: ReadHtmlTablesOptions = {}): HtmlTable[] {
  const $ = cheerio.load(html);
  const tables: HtmlTable[] = [];
  $(options.selector ?? 'table').each((_, tableElement) => {
    const table = $(tableElement);
    const ownRows = table.find('tr').filter((_, row) => $(row).closest('table').is(tableElement));
    const cellTexts = (row: Parameters<typeof $>[0]) =>
      $(row)
        .children('th,td')
        .toArray()
        .map((cell) => collapseWhitespace($(cell).text()));
    const headRows = ownRows.filter((_, row) => $(row).parent().is('thead'));
    let headers: string[] = [];
    let bodyRows = ownRows.filter((_, row) => !$(row).parent().is('thead'));
    if (headRows.length > 0) {
      headers = cellTexts(headRows.last());
    } else {
      const first = bodyRows.first();
      if (first.length > 0 && first.children('td').length === 0) {
        headers = cellTexts(first);
        bodyRows = bodyRows.slice(1);
      }
    }
    const rows = bodyRows
      .toArray()
      .map((row) => cellTexts(row))
      .filter((cells) => cells.length > 0);
    tables.push({ headers, rows });
  });
  return tables;
}
