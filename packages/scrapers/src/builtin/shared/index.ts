/**
 * Small helpers shared by the built-in scrapers: payload checks and `PARSE_FAILED` errors, CSV and HTML table
 * reading, number and date parsing, and an observation collector that validates with `ObservationSchema`.
 */

export type { CsvRow, CsvTable } from './csv';
export { findMissingColumns, normalizeHeader, readCsv } from './csv';
export type { AsOfBasis, ResolveAsOfOptions } from './dates';
export { findDateInName, formatUnixDate, parseIsoDate, resolveAsOf } from './dates';
export type { HtmlTable, ReadHtmlTablesOptions } from './html-table';
export { collapseWhitespace, readHtmlTables } from './html-table';
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
export {
  createParseError,
  describeBodyStart,
  describeJsonShape,
  describePayload,
  isJsonObject,
  readJsonPayload,
  requireNonEmptyBody,
} from './payload';
