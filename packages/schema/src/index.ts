export type { Confidence, DateString, ModelId, Provenance, ReportedConfidence, Timestamp } from './common';
export {
  ConfidenceSchema,
  DateStringSchema,
  KebabIdSchema,
  ModelIdSchema,
  PositiveNumberSchema,
  ProvenanceSchema,
  ReportedConfidenceSchema,
  TimestampSchema,
  UrlSchema,
} from './common';
export type { CsvValue, FormatCsvOptions } from './csv';
export { formatCsv, restoreCsvCell } from './csv';
export type { StatusCutPoints } from './defaults';
export { DEFAULT_REVIEW_FLOOR, DEFAULT_STATUS_CUTS, DEFAULT_THRESHOLD } from './defaults';
export type { IssueLocation, TrackerErrorCode, TrackerErrorOptions, ValidationIssue } from './errors';
export {
  formatIssue,
  SchemaValidationError,
  TRACKER_ERROR_CODES,
  TrackerError,
} from './errors';
export type {
  ComputeBreakdown,
  ComputeEstimate,
  EstimateComponent,
  EstimateInput,
  Interval,
  ModelFacts,
  ModelFactsInput,
  ThresholdAssessment,
  ThresholdStatus,
} from './estimate';
export {
  ComputeBreakdownSchema,
  ComputeEstimateSchema,
  EstimateComponentSchema,
  EstimateInputSchema,
  FactScoreSchema,
  IntervalSchema,
  ModelFactsSchema,
  ThresholdAssessmentSchema,
  ThresholdStatusSchema,
} from './estimate';
export { jsonSchemas } from './json-schemas';
export type { LedgerAction, LedgerEntry, LedgerEntryInput } from './ledger';
export { ComputeValueSchema, LedgerActionSchema, LedgerEntrySchema, ManualModelSchema } from './ledger';
export type {
  CuratedStatus,
  Curation,
  Fact,
  ModelFactsByField,
  ModelRecord,
  ModelsFile,
  ObservationRef,
  Ruling,
  ScoreFact,
} from './model-record';
export {
  CuratedStatusSchema,
  CurationSchema,
  ModelFactsByFieldSchema,
  ModelRecordSchema,
  ModelsFileSchema,
  ObservationRefSchema,
  RulingSchema,
  ScoreFactSchema,
} from './model-record';
export type {
  ComputeSignal,
  Domain,
  Hardware,
  Observation,
  ObservationFile,
  Parameters,
  Pricing,
  ReportedCompute,
  Score,
  ScrapeIssue,
  SnapshotInfo,
} from './observation';
export {
  COMPUTE_SIGNAL_LINE,
  ComputeSignalSchema,
  DomainSchema,
  HardwareSchema,
  ObservationFileSchema,
  ObservationSchema,
  ParametersSchema,
  PricingSchema,
  ReportedComputeSchema,
  ScoreSchema,
  ScrapeIssueSchema,
  SnapshotInfoSchema,
} from './observation';
export type { ReleaseFile, ReleaseRow } from './release';
export { ReleaseFileSchema, ReleaseRowSchema } from './release';
export type { ExcludedObservation, MergeSuggestion, ResolvedObservation } from './resolution';
export type { SanitizeTextOptions } from './text';
export { escapeJsonControls, formatNumberText, sanitizeText } from './text';
export type { ParseWithSchemaOptions } from './validate';
export { parseWithSchema, toJsonPath, toValidationIssues } from './validate';
