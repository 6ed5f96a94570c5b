import { sanitizeText } from '@tracker/schema';
import { NUMERIC_FIELDS, type QueryField, type QueryRow } from '../row';
import { formatDisplayValue } from './text';

/**
 * Makes text safe inside a GitHub table cell: line breaks become spaces, controls (ESC…) U+FFFD, `\` and `|` are backslash-escaped, and
 * `&`, `<`, `>` become entities so scraped text cannot inject HTML.
 */
export function escapeMarkdownCell(text: string): string {
  return sanitizeText(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Renders a GitHub-flavoured Markdown table; `rightAligned` marks numeric columns. */
export function renderMarkdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly boolean[] = [],
): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => escapeMarkdownCell(cell)).join(' | ')} |`;
  const rule = `| ${headers.map((_, index) => (rightAligned[index] ? '---:' : '---')).join(' | ')} |`;
  return `${[line(headers), rule, ...rows.map(line)].join('\n')}\n`;
}

/** Formats rows as a GitHub Markdown table with field names as headings and values as a table shows them. */
export function formatMarkdown(rows: readonly QueryRow[], fields: readonly QueryField[]): string {
  return renderMarkdownTable(
    fields,
    rows.map((row) => fields.map((field) => formatDisplayValue(field, row[field]))),
    fields.map((field) => NUMERIC_FIELDS.has(field)),
  );
}
