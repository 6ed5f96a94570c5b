import type { ModelRecord } from '@tracker/schema';
import { describeValue, queryError } from './errors';
import { filterRows, type QueryFilter } from './filter';
import { type QueryRow, toQueryRows } from './row';
import { type SortSpec, sortRows } from './sort';

/** A whole query: which rows, in what order, how many. */
export interface QueryOptions {
  filter?: QueryFilter;
  sort?: SortSpec;
  /** Keep at most this many rows (after sorting). */
  limit?: number;
}

/** Filters, then sorts, then limits rows. Validates everything first: throws `QUERY_INVALID` on a bad option. */
export function queryRows<Row extends QueryRow>(rows: readonly Row[], options: QueryOptions = {}): Row[] {
  const limit = parseLimit(options.limit);
  const sorted = sortRows(filterRows(rows, options.filter), options.sort);
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

/** {@link queryRows} over model records, flattened with `toQueryRow` first. */
export function queryRecords(records: readonly ModelRecord[], options: QueryOptions = {}): QueryRow[] {
  return queryRows(toQueryRows(records), options);
}

function parseLimit(limit: unknown): number | undefined {
  if (limit === undefined) return undefined;
  const number = typeof limit === 'string' && limit.trim() !== '' ? Number(limit) : limit;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
    throw queryError('limit', `expected a whole number ≥ 0, got ${describeValue(limit)}`);
  }
  return number;
}
