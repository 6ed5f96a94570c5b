export { writeFileAtomic } from './atomic-write';
export type { ChangelogInput, ChangelogItem } from './changelog';
export { formatChangelog, listChangelogItems } from './changelog';
export type { CurateOptions, ModelRuling, OrphanedRuling, RulingEstimation } from './curate';
export {
  curate,
  curateModels,
  machineOf,
  orphanedRulings,
  RULING_CONFLICT,
  reviewReason,
  rulingsByModel,
} from './curate';
export type {
  DataFolder,
  ObservationFileSummary,
  PayloadSnapshot,
  PayloadSnapshotStore,
  StoredPayloadSnapshot,
  StoredText,
} from './data-folder';
export { openDataFolder } from './data-folder';
export type { DiffableModel, DiffRow, FieldChange, ModelSetDiff, SummarizeRecordOptions } from './diff';
export { DIFF_FIELDS, diffDataDirs, diffModelSets, loadDiffRows, summarizeRecord, toDiffRow } from './diff';
export type { ParseJsonTextOptions, ReadTextFileOptions } from './json-file';
export {
  DEFAULT_MAX_DATA_FILE_BYTES,
  MAX_JSON_DEPTH,
  parseJsonText,
  readTextFile,
  setMaxDataFileBytes,
} from './json-file';
export type { CreateLedgerEntryInput, CreateLedgerEntryOptions, DeveloperNote, RulingAction } from './ledger';
export {
  activeLedgerEntries,
  aliasOverrides,
  aliasRemovals,
  applyLedgerFacts,
  createLedgerEntry,
  developerNotes,
  RULING_ACTIONS,
} from './ledger';
export type { AcquireLockOptions, LockHandle, LockInfo, StaleLockListener } from './lock';
export { acquireLock, describeTakeOver, onStaleLockTakenOver, readLock, withLock } from './lock';
export type { MergeObservationsOptions } from './merge';
export { mergeObservations } from './merge';
export type { MergeSnapshotOptions, MergeSnapshotResult } from './observations';
export { compareObservations, mergeObservationSnapshot } from './observations';
export { formatReleaseParquet, RELEASE_PARQUET_COLUMNS } from './parquet';
export type { DataPaths, ResolveDataDirOptions } from './paths';
export { dataPaths, displayPath, resolveDataDir } from './paths';
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
export type { ObservationSnapshotUpdate, WriteOptions } from './store';
export {
  appendLedger,
  loadLedger,
  loadModels,
  loadModelsUnvalidated,
  loadObservationFile,
  loadObservations,
  loadReleaseFile,
  saveModels,
  saveObservations,
} from './store';
