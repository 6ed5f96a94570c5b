/**
 * The parser kit every built-in scraper uses: tables from HTML, CSV and Markdown; cells to numbers and dates;
 * payload checks and `PARSE_FAILED` errors; the observation collector that validates with `ObservationSchema`.
 * Sources import only from here, never from another source's folder.
 */

export type { CellNumber } from './cells';
export { collapseWhitespace, parseCellNumber, parseDateCell, parseSuffixedSize } from './cells';
export type { AsOfBasis, ResolveAsOfOptions, SnapshotDate, SnapshotDateBasis } from './dates';
export {
  dateFromPayloadText,
  findDateInName,
  formatUnixDate,
  parseIsoDate,
  resolveAsOf,
  snapshotDate,
} from './dates';
export { parseLinkHeader } from './link-header';
export type { PlusMinus, PricePair, ScoreCell } from './numbers';
export {
  isBlankCell,
  parseInteger,
  parseMagnitude,
  parseMargin,
  parseNumber,
  parsePlusMinus,
  parsePricePair,
  parseScoreCell,
  roundTo,
} from './numbers';
export type { ObservationCollector } from './observations';
export { createObservationCollector, dropUndefined, mergeResults } from './observations';
export type { TableFormat } from './payload';
export {
  citedUrl,
  createParseError,
  describeBodyStart,
  describeJsonShape,
  describePayload,
  detectFormat,
  isJsonObject,
  parseFailed,
  parseJsonText,
  payloadFileName,
  readJsonPayload,
  requireNonEmptyBody,
} from './payload';
export type { CsvRow, CsvTable, ExtractContext, RawRow, RawTable } from './tables';
export {
  extractCsvTable,
  extractHtmlTables,
  extractMarkdownTables,
  findColumn,
  findMissingColumns,
  formatHeaders,
  normalizeHeader,
  readCsv,
} from './tables';
