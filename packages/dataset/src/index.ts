export { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
export type { ChangelogInput, ChangelogItem } from './changelog';
export { formatChangelog, listChangelogItems } from './changelog';
export type { CsvValue } from './csv-write';
export { formatCsv, formatCsvCell, neutraliseCsvCell, quoteCsvCell, restoreCsvCell } from './csv-write';
export type { CurateOptions, ModelRuling } from './curate';
export { curate, reviewReason, rulingsByModel } from './curate';
export type { DiffableModel, DiffRow, FieldChange, ModelSetDiff, SummarizeRecordOptions } from './diff';
export { DIFF_FIELDS, diffDataDirs, diffModelSets, loadDiffRows, summarizeRecord, toDiffRow } from './diff';
export type { ParseJsonTextOptions, ReadTextFileOptions, StableStringifyOptions } from './json-file';
export {
  compareStrings,
  DEFAULT_MAX_DATA_FILE_BYTES,
  MAX_JSON_DEPTH,
  parseJsonText,
  readTextFile,
  setMaxDataFileBytes,
  stableStringify,
} from './json-file';
export type { CreateLedgerEntryInput, CreateLedgerEntryOptions, DeveloperNote, RulingAction } from './ledger';
export {
  activeLedgerEntries,
  aliasOverrides,
  aliasRemovals,
  applyLedgerFacts,
  createLedgerEntry,
  createLedgerEntryId,
  developerNotes,
  isRulingEntry,
  ledgerFactUrl,
  RULING_ACTIONS,
  settableFactFields,
} from './ledger';
export type { AcquireLockOptions, LockHandle, LockInfo, StaleLockListener } from './lock';
export {
  acquireLock,
  describeTakeOver,
  findHeldLock,
  isProcessAlive,
  onStaleLockTakenOver,
  readLock,
  withLock,
} from './lock';
export type { MergeObservationsOptions } from './merge';
export { mergeObservations } from './merge';
export type { MergeSnapshotOptions, MergeSnapshotResult } from './observations';
export {
  compareObservations,
  compareSnapshots,
  mergeObservationSnapshot,
  observationSnapshotKey,
  sortObservations,
} from './observations';
export { formatReleaseParquet, RELEASE_PARQUET_COLUMNS } from './parquet';
export type { DataPaths, ResolveDataDirOptions } from './paths';
export { DATA_DIR_ENV, dataPaths, displayPath, resolveDataDir } from './paths';
export type {
  BuildReleaseOptions,
  ReleaseOutputFile,
  WriteReleaseOptions,
  WriteReleaseResult,
} from './release';
export {
  buildRelease,
  findPreviousRelease,
  formatReleaseCsv,
  formatReleaseJson,
  listReleaseDates,
  RELEASE_COLUMNS,
  writeRelease,
} from './release';
export type {
  ExportReviewSheetOptions,
  ImportReviewSheetOptions,
  ImportReviewSheetResult,
  SheetLedgerEntry,
  SheetProblem,
} from './review-sheet';
export {
  exportReviewSheet,
  importReviewSheet,
  REVIEW_DECISION_COLUMNS,
  REVIEW_DECISIONS,
  REVIEW_EVIDENCE_COLUMNS,
  REVIEW_SHEET_COLUMNS,
  reviewDecisionHash,
} from './review-sheet';
export type { ObservationSnapshotUpdate, SavedSnapshotPayload, SnapshotPayload, WriteOptions } from './store';
export {
  appendLedger,
  formatLedgerLine,
  LEDGER_KEY_ORDER,
  loadLedger,
  loadModels,
  loadModelsUnvalidated,
  loadObservationFile,
  loadObservations,
  loadReleaseFile,
  parseLedgerText,
  saveModels,
  saveObservations,
  saveSnapshotPayload,
  sortModelsFile,
  writeObservationFile,
} from './store';
