import { escapeJsonControls } from '@tracker/schema';
import type { QueryField, QueryRow } from '../row';
import { selectFields } from '../select';

/** Formats rows as a pretty-printed JSON array; numbers keep full precision, lists stay arrays. */
export function formatJson(rows: readonly QueryRow[], fields: readonly QueryField[]): string {
  return `${escapeJsonControls(JSON.stringify(selectFields(rows, fields), null, 2))}\n`;
}

/** Formats rows as JSON Lines: one compact object per line, each line ending in LF. */
export function formatJsonLines(rows: readonly QueryRow[], fields: readonly QueryField[]): string {
  return selectFields(rows, fields)
    .map((row) => `${escapeJsonControls(JSON.stringify(row))}\n`)
    .join('');
}
