import type { ReleaseFile, ReleaseRow } from '@tracker/schema';
import type { BasicType, ColumnSource } from 'hyparquet-writer';

/** A Parquet DATE (days since 1970-01-01), beside the writer's basic types. */
type ReleaseColumnType = BasicType | 'DATE';

/** The Parquet type of each release column, in the order of the CSV header. */
export const RELEASE_PARQUET_COLUMNS = [
  ['id', 'STRING'],
  ['name', 'STRING'],
  ['developer', 'STRING'],
  ['releaseDate', 'DATE'],
  ['status', 'STRING'],
  ['unreviewed', 'BOOLEAN'],
  ['flop', 'DOUBLE'],
  ['low', 'DOUBLE'],
  ['high', 'DOUBLE'],
  ['probabilityAbove', 'DOUBLE'],
  ['confidence', 'STRING'],
  ['method', 'STRING'],
  ['reason', 'STRING'],
  ['evidence', 'STRING'],
] as const satisfies readonly (readonly [keyof ReleaseRow, ReleaseColumnType])[];

/** Evidence URLs in one text cell: URLs hold no whitespace, so a space separates them without ambiguity. */
export function joinEvidence(evidence: readonly string[]): string {
  return evidence.join(' ');
}

/**
 * Encodes a release as a Parquet file (one row group, Snappy) that pandas, Polars and DuckDB read directly.
 * Columns are typed: text as UTF-8 strings, figures as doubles, `unreviewed` as a boolean, `releaseDate` as a
 * DATE (a month or year as its first day, with `releaseDatePrecision` saying which); every column is nullable,
 * and null stays null. `evidence` holds the URLs separated by single spaces. The release's date,
 * threshold and generation time are kept as key-value metadata. (Async: the writer is loaded on first use.)
 */
export async function formatReleaseParquet(release: ReleaseFile): Promise<Uint8Array> {
  // Loaded when a release is written: nothing else needs the Parquet writer.
  const { parquetWriteBuffer, schemaFromColumnData } = await import('hyparquet-writer');
  const columnData: ColumnSource[] = RELEASE_PARQUET_COLUMNS.map(([field, type]) => ({
    name: field,
    ...(type === 'DATE' ? {} : { type, nullable: true }),
    data: release.models.map((row) =>
      field === 'evidence'
        ? joinEvidence(row.evidence)
        : field === 'releaseDate'
          ? toParquetDate(row.releaseDate)
          : row[field],
    ),
  }));
  columnData.push({
    name: 'releaseDatePrecision',
    type: 'STRING',
    nullable: true,
    data: release.models.map((row) => datePrecision(row.releaseDate)),
  });
  const schemaOverrides = Object.fromEntries(
    RELEASE_PARQUET_COLUMNS.filter(([, type]) => type === 'DATE').map(([field]) => [
      field,
      {
        name: field,
        type: 'INT32' as const,
        repetition_type: 'OPTIONAL' as const,
        converted_type: 'DATE' as const,
        logical_type: { type: 'DATE' as const },
      },
    ]),
  );
  const buffer = parquetWriteBuffer({
    columnData: columnData.map(({ type: _type, nullable: _nullable, ...column }) => column),
    schema: schemaFromColumnData({ columnData, schemaOverrides }),
    createdBy: 'tracker (@tracker/dataset)',
    kvMetadata: [
      { key: 'tracker.schemaVersion', value: String(release.schemaVersion) },
      { key: 'tracker.date', value: release.date },
      { key: 'tracker.threshold', value: String(release.threshold) },
      { key: 'tracker.generatedAt', value: release.generatedAt },
    ],
  });
  return new Uint8Array(buffer);
}

/** The parquet-only column that says how much of `releaseDate` is known: `day`, `month` or `year`. */
export const RELEASE_DATE_PRECISION_COLUMN = 'releaseDatePrecision';

const DAY_MS = 86_400_000;

/**
 * A release date as a Parquet DATE (days since 1970-01-01). A date known only to the month or year is stored as
 * its first day; `releaseDatePrecision` says which.
 */
function toParquetDate(date: string | null): number | null {
  if (date === null) return null;
  const [year, month = '01', day = '01'] = date.split('-');
  return Math.round(Date.UTC(Number(year), Number(month) - 1, Number(day)) / DAY_MS);
}

function datePrecision(date: string | null): 'day' | 'month' | 'year' | null {
  if (date === null) return null;
  return (['year', 'month', 'day'] as const)[date.split('-').length - 1] ?? null;
}
