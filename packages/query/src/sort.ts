import { ConfidenceSchema, type CuratedStatus, ThresholdStatusSchema } from '@tracker/schema';
import { describeValue, queryError } from './errors';
import { isQueryField, QUERY_ROW_FIELDS, type QueryField, type QueryRow } from './row';

/** One sort key: a field and a direction. */
export interface SortKey {
  field: QueryField;
  direction: 'ascending' | 'descending';
}

/**
 * How to sort: a field name (`'median'`), a field with `-` for descending (`'-median'`) or `+` for ascending, a
 * comma-separated list (`'developer,-median'`), or an array of any of these. Earlier keys take precedence.
 */
export type SortSpec = string | readonly (string | SortKey)[];

// Statuses and confidence sort by meaning (most over the threshold / most certain first), not alphabetically.
const ORDINALS: Partial<Record<QueryField, readonly string[]>> = {
  status: [
    'confirmed-above',
    'candidate',
    'unreviewed',
    'confirmed-below',
    'excluded',
  ] satisfies CuratedStatus[],
  thresholdStatus: ThresholdStatusSchema.options,
  confidence: ConfidenceSchema.options,
};

/** Parses and validates a sort spec. Throws `QUERY_INVALID` listing the valid fields when a field is unknown. */
export function parseSort(sort: SortSpec | undefined): SortKey[] {
  if (sort === undefined) return [];
  const parts = typeof sort === 'string' ? [sort] : sort;
  if (!Array.isArray(parts))
    throw queryError('sort', `expected a field name or a list, got ${describeValue(sort)}`);
  const keys: SortKey[] = [];
  for (const part of parts as readonly unknown[]) {
    if (typeof part === 'object' && part !== null) {
      const key = part as Partial<SortKey>;
      if (key.direction !== 'ascending' && key.direction !== 'descending') {
        throw queryError(
          'sort',
          `direction must be "ascending" or "descending", got ${describeValue(key.direction)}`,
        );
      }
      keys.push({ field: parseSortField(key.field), direction: key.direction });
      continue;
    }
    if (typeof part !== 'string')
      throw queryError('sort', `expected a field name, got ${describeValue(part)}`);
    for (const item of part.split(',')) {
      const text = item.trim();
      if (text === '') continue;
      const descending = text.startsWith('-');
      const field = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
      keys.push({ field: parseSortField(field), direction: descending ? 'descending' : 'ascending' });
    }
  }
  if (keys.length === 0) throw queryError('sort', 'expected at least one field');
  return keys;
}

function parseSortField(field: unknown): QueryField {
  if (isQueryField(field)) return field;
  throw queryError(
    'sort',
    `unknown field ${describeValue(field)}; valid fields: ${QUERY_ROW_FIELDS.join(', ')}`,
    {
      validFields: [...QUERY_ROW_FIELDS],
    },
  );
}

/**
 * Sorts rows by one or more keys into a new array. Stable (equal rows keep their order); nulls, NaN and empty lists
 * go last whatever the direction; strings compare ignoring case first; statuses and confidence compare by meaning.
 */
export function sortRows<Row extends QueryRow>(rows: readonly Row[], sort: SortSpec | undefined): Row[] {
  const keys = parseSort(sort);
  if (keys.length === 0) return [...rows];
  // Array.prototype.sort is stable since ES2019, which makes multi-key sorting and ties predictable.
  return [...rows].sort((left, right) => {
    for (const key of keys) {
      const order = compareField(key.field, left[key.field], right[key.field], key.direction);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function compareField(
  field: QueryField,
  left: unknown,
  right: unknown,
  direction: SortKey['direction'],
): number {
  const leftMissing = isMissing(left);
  const rightMissing = isMissing(right);
  if (leftMissing || rightMissing) return leftMissing === rightMissing ? 0 : leftMissing ? 1 : -1;
  const order = compareValues(field, left, right);
  return direction === 'descending' ? -order : order;
}

function isMissing(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'number' && Number.isNaN(value)) ||
    (Array.isArray(value) && value.length === 0)
  );
}

function compareValues(field: QueryField, left: unknown, right: unknown): number {
  const ordinal = ORDINALS[field];
  if (ordinal && typeof left === 'string' && typeof right === 'string') {
    const order = rank(ordinal, left) - rank(ordinal, right);
    if (order !== 0) return order;
  }
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  const leftText = Array.isArray(left) ? left.join('; ') : String(left);
  const rightText = Array.isArray(right) ? right.join('; ') : String(right);
  return compareText(leftText.toLowerCase(), rightText.toLowerCase()) || compareText(leftText, rightText);
}

function rank(ordinal: readonly string[], value: string): number {
  const index = ordinal.indexOf(value);
  return index === -1 ? ordinal.length : index;
}

/** Code-point order: the same on every machine, unlike locale collation. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
