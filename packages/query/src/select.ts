import { describeValue, queryError } from './errors';
import { isQueryField, QUERY_ROW_FIELDS, type QueryField, type QueryRow } from './row';

/**
 * Validates a field selection: an array of field names or a comma-separated string (`'id,median'`). Duplicates are
 * dropped, order is kept. Throws `QUERY_INVALID` listing the valid fields when one is unknown or none is given.
 */
export function parseFields(fields: unknown): QueryField[] {
  const items = typeof fields === 'string' ? fields.split(',') : fields;
  if (!Array.isArray(items)) {
    throw queryError('fields', `expected a list of field names, got ${describeValue(fields)}`);
  }
  const selected: QueryField[] = [];
  for (const item of items as unknown[]) {
    const name = typeof item === 'string' ? item.trim() : item;
    if (name === '') continue;
    if (!isQueryField(name)) {
      throw queryError(
        'fields',
        `unknown field ${describeValue(name)}; valid fields: ${QUERY_ROW_FIELDS.join(', ')}`,
        {
          validFields: [...QUERY_ROW_FIELDS],
        },
      );
    }
    if (!selected.includes(name)) selected.push(name);
  }
  if (selected.length === 0) {
    throw queryError('fields', `expected at least one field; valid fields: ${QUERY_ROW_FIELDS.join(', ')}`);
  }
  return selected;
}

/** Keeps only the named fields of each row, in the order given (object keys follow that order in JSON output). */
export function selectFields<Field extends QueryField>(
  rows: readonly QueryRow[],
  fields: readonly Field[],
): Pick<QueryRow, Field>[] {
  const selected = parseFields(fields) as Field[];
  return rows.map((row) => {
    const picked = {} as Pick<QueryRow, Field>;
    for (const field of selected) picked[field] = row[field];
    return picked;
  });
}
