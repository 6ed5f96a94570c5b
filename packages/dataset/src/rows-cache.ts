import { createHash } from 'node:crypto';
import type { ModelRecord } from '@tracker/schema';
import { writeFileAtomic } from './atomic-write';
import { DIFF_FIELDS, type DiffRow, summarizeRecord, toDiffRow } from './diff';
import { compareStrings } from './json-file';
import { expandModelsFile, roundFigure } from './models-file';
import { readCacheJson } from './validation-cache';

/** What a run compares with the previous `models.json`: each model's diff row, and the ids that were candidates. */
export interface ModelRows {
  rows: DiffRow[];
  /** Models whose curation status was `candidate`. */
  candidates: Set<string>;
}

/**
 * The rows of `models.json`, by the SHA-256 of its bytes: `.cache/model-rows.json` in the data folder
 * (docs/data-format.md), written with `models.json` itself. A run compares its models with the previous file's
 * rows; when the file's bytes are the ones the cache was written for, the rows come from the cache instead of from
 * parsing and expanding the whole file. Rows are arrays in the order `[id, ...DIFF_FIELDS]`, figures to the
 * six significant digits the file keeps (a diff compares figures at that precision).
 */
const ROWS_CACHE_VERSION = 1;

/** Rows of a file whose models number in the thousands stay far below this. */
const MAX_ROWS_CACHE_BYTES = 64 * 1024 * 1024;

let rowsCode: string | undefined;

/** The code that makes rows out of the file (a tracker that makes them differently ignores the cache). */
function currentCode(): string {
  rowsCode ??= createHash('sha256')
    .update(`${ROWS_CACHE_VERSION}\n${summarizeRecord}\n${toDiffRow}\n${expandModelsFile}\n${DIFF_FIELDS}`)
    .digest('hex');
  return rowsCode;
}

const FIGURES = new Set<string>(['flop', 'low', 'high']);

/** The rows and candidates of the records being written as `models.json`, as the written file gives them. */
function rowsOfRecords(models: readonly ModelRecord[]): { rows: unknown[][]; candidates: string[] } {
  const rows: unknown[][] = [];
  const candidates: string[] = [];
  // In the file's order: by id.
  for (const record of [...models].sort((left, right) => compareStrings(left.id, right.id))) {
    const row = toDiffRow(record);
    // The file keeps the estimate's figures to six digits, and a ruling's own figure (what the row shows for a
    // record curated before rulings carried an interval, see summarizeRecord) whole.
    const rounded = !(record.curation?.ruling?.flop !== undefined && record.estimate?.method !== 'ledger');
    const cells: unknown[] = [row.id];
    for (const field of DIFF_FIELDS) {
      const value = row[field];
      cells.push(
        rounded && FIGURES.has(field) && typeof value === 'number' ? roundFigure(value) : (value ?? null),
      );
    }
    rows.push(cells);
    if (record.curation?.status === 'candidate') candidates.push(record.id);
  }
  return { rows, candidates };
}

/**
 * The SHA-256 of a `models.json`'s bytes with its `generatedAt` time stamp left out: files that differ only in when
 * they were written give the same rows, so a run that rewrites the same models keeps the cache as it is.
 */
export function modelsContentFingerprint(bytes: Uint8Array): string {
  const hash = createHash('sha256');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256)).toString('latin1');
  const match = /"generatedAt":"[^"]*"/.exec(head);
  if (match === null) return hash.update(bytes).digest('hex');
  return hash
    .update(bytes.subarray(0, match.index))
    .update(bytes.subarray(match.index + match[0].length))
    .digest('hex');
}

/** The fingerprint of each rows cache file this process read or wrote and found current, by file. */
const currentRows = new Map<string, string>();

/**
 * Writes the rows cache of the `models.json` whose content hashes to `sha256` (call under the lock); nothing when
 * this process has just read or written that very cache for that content.
 */
export async function saveRowsCache(
  file: string,
  sha256: string,
  models: readonly ModelRecord[],
): Promise<void> {
  if (currentRows.get(file) === sha256) return;
  currentRows.delete(file);
  const { rows, candidates } = rowsOfRecords(models);
  const text = JSON.stringify({
    version: ROWS_CACHE_VERSION,
    code: currentCode(),
    models: sha256,
    candidates,
    rows,
  });
  await writeFileAtomic(file, `${text}\n`, { durable: false });
  currentRows.set(file, sha256);
}

/** The rows cached for the `models.json` whose content hashes to `sha256`, or `undefined` when there are none. */
export async function readRowsCache(file: string, sha256: string): Promise<ModelRows | undefined> {
  const cache = (await readCacheJson(file, MAX_ROWS_CACHE_BYTES)) as Record<string, unknown> | undefined;
  if (
    typeof cache !== 'object' ||
    cache === null ||
    cache.version !== ROWS_CACHE_VERSION ||
    cache.models !== sha256 ||
    cache.code !== currentCode() ||
    !Array.isArray(cache.rows) ||
    !Array.isArray(cache.candidates) ||
    !cache.candidates.every((id) => typeof id === 'string')
  ) {
    return undefined;
  }
  const rows: DiffRow[] = [];
  for (const cells of cache.rows as unknown[]) {
    if (!Array.isArray(cells) || cells.length !== DIFF_FIELDS.length + 1 || typeof cells[0] !== 'string') {
      return undefined;
    }
    const row: Record<string, unknown> = { id: cells[0] };
    for (let index = 0; index < DIFF_FIELDS.length; index += 1) {
      const value: unknown = cells[index + 1];
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') return undefined;
      row[DIFF_FIELDS[index]!] = value;
    }
    rows.push(row as unknown as DiffRow);
  }
  currentRows.set(file, sha256);
  return { rows, candidates: new Set(cache.candidates as string[]) };
}
