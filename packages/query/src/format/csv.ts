import { formatCsv as formatCsvRecords, formatNumberText } from '@tracker/schema';
import { MAGNITUDE_FIELDS, type QueryField, type QueryRow } from '../row';

/**
 * Formats rows as RFC 4180 CSV (`formatCsv` of `@tracker/schema`: CRLF after every record, formula cells
 * neutralised): a header of field names; null → empty; magnitudes in exponent form (`3.8e+25`), other numbers to
 * six significant digits (JSON keeps full precision); booleans `true`/`false`; lists joined with "; ".
 */
export function formatCsv(rows: readonly QueryRow[], fields: readonly QueryField[]): string {
  return formatCsvRecords(
    fields,
    rows.map((row) =>
      fields.map((field) => {
        const value = row[field];
        return Array.isArray(value) ? value.join('; ') : value;
      }),
    ),
    {
      formatNumber: (value, column) =>
        formatNumberText(value, { exponent: MAGNITUDE_FIELDS.has(fields[column] as QueryField) }),
    },
  );
}
