import type { ReleaseFile, ReleaseRow } from '@tracker/schema';
import { type BasicType, type ColumnSource, parquetWriteBuffer } from 'hyparquet-writer';

/** The Parquet type of each release column, in the order of the CSV header. */
export const RELEASE_PARQUET_COLUMNS = [
  ['id', 'STRING'],
  ['name', 'STRING'],
  ['developer', 'STRING'],
  ['releaseDate', 'STRING'],
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
] as const satisfies readonly (readonly [keyof ReleaseRow, BasicType])[];

/** Evidence URLs in one text cell: URLs hold no whitespace, so a space separates them without ambiguity. */
export function joinEvidence(evidence: readonly string[]): string {
  return evidence.join(' ');
}

/**
 * Encodes a release as a Parquet file (one row group, Snappy) that pandas, Polars and DuckDB read directly.
 * Columns are typed: text as UTF-8 strings, figures as doubles, `unreviewed` as a boolean; every column is
 * nullable, and null stays null. `evidence` holds the URLs separated by single spaces. The release's date,
 * threshold and generation time are kept as key-value metadata.
 */
export function formatReleaseParquet(release: ReleaseFile): Uint8Array {
  const columnData: ColumnSource[] = RELEASE_PARQUET_COLUMNS.map(([field, type]) => ({
    name: field,
    type,
    nullable: true,
    data: release.models.map((row) => (field === 'evidence' ? joinEvidence(row.evidence) : row[field])),
  }));
  const buffer = parquetWriteBuffer({
    columnData,
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
