export type { ParsedQueryFilter, QueryFilter, QueryStatus } from './filter';
export { filterRows, isAboveThreshold, parseFilter } from './filter';
export type { TableWidthSource } from './format/table';
export { resolveTableWidth } from './format/table';
export { formatMagnitude, formatProbability, sanitizeForTerminal } from './format/text';
export type { ColumnKind, FormatObjectsOptions, ObjectColumn } from './format-objects';
export { formatObjects } from './format-objects';
export type { FormatRowsOptions, QueryFormat } from './format-rows';
export { formatRows } from './format-rows';
export type { QueryOptions } from './query';
export { queryRecords } from './query';
export type { FormatReportHtmlOptions } from './report/format-report-html';
export { formatReportHtml, REPORT_CONTENT_SECURITY_POLICY } from './report/format-report-html';
export type { QueryField, QueryRow } from './row';
export { QUERY_ROW_FIELDS, toQueryRow } from './row';
export { selectFields } from './select';
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
export { computeStats, formatStats } from './stats';
