export type { ParsedQueryFilter, QueryFilter, QueryStatus } from './filter';
export {
  createRowPredicate,
  filterRows,
  isAboveThreshold,
  isBelowThreshold,
  parseFilter,
  QUERY_FILTER_OPTIONS,
  QUERY_STATUSES,
} from './filter';
export type { TableWidthSource } from './format/table';
export { QUERY_FIELD_LABELS, resolveTableWidth } from './format/table';
export { formatMagnitude, formatProbability, sanitizeForTerminal } from './format/text';
export type { ColumnKind, FormatObjectsOptions, ObjectColumn } from './format-objects';
export { formatObjects } from './format-objects';
export type { FormatRowsOptions, QueryFormat } from './format-rows';
export { DEFAULT_TABLE_FIELDS, formatRows, parseFormat, QUERY_FORMATS } from './format-rows';
export type { QueryOptions } from './query';
export { queryRecords, queryRows } from './query';
export type { FormatReportHtmlOptions } from './report/format-report-html';
export { formatReportHtml, REPORT_CONTENT_SECURITY_POLICY } from './report/format-report-html';
export type { QueryField, QueryRow } from './row';
export { isQueryField, QUERY_ROW_FIELDS, toQueryRow, toQueryRows } from './row';
export { parseFields, selectFields } from './select';
export type { SortKey, SortSpec } from './sort';
export { parseSort, sortRows } from './sort';
export type {
  ComputeDecade,
  ComputeDistribution,
  DeveloperCount,
  FormatStatsOptions,
  QueryStats,
  StatsFormat,
  YearCount,
} from './stats';
export { computeStats, formatStats, STATS_FORMATS } from './stats';
