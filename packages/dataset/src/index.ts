export { writeFileAtomic } from './atomic-write';
export type { CurateOptions, OrphanedRuling, RulingEstimation } from './curate';
export { curate, curateModels, machineOf, orphanedRulings, RULING_CONFLICT } from './curate';
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
export { diffDataDirs, diffModelSets, summarizeRecord, toDiffRow } from './diff';
export { setMaxDataFileBytes } from './json-file';
export type { CreateLedgerEntryInput, CreateLedgerEntryOptions, DeveloperNote } from './ledger';
export { aliasOverrides, aliasRemovals, applyLedgerFacts, createLedgerEntry, developerNotes } from './ledger';
export type { AcquireLockOptions, LockHandle, LockInfo, StaleLockListener } from './lock';
export { onStaleLockTakenOver, readLock } from './lock';
export type { MergeObservationsOptions } from './merge';
export { mergeObservations } from './merge';
export type { MergeSnapshotResult } from './observations';
export type { DataPaths } from './paths';
export { dataPaths, displayPath } from './paths';
export type {
  BuildReleaseOptions,
  ReleaseOutputFile,
  WriteReleaseOptions,
  WriteReleaseResult,
} from './release';
export { buildRelease } from './release';
export type {
  ExportReviewSheetOptions,
  ImportReviewSheetOptions,
  ImportReviewSheetResult,
  SheetLedgerEntry,
  SheetProblem,
} from './review-sheet';
export { exportReviewSheet, importReviewSheet, REVIEW_SHEET_COLUMNS } from './review-sheet';
export type { ModelRows } from './rows-cache';
export type { ObservationSet, ObservationSnapshotUpdate, WriteOptions } from './store';
export {
  appendLedger,
  loadLedger,
  loadModels,
  loadModelsUnvalidated,
  loadObservationFile,
  loadObservations,
  loadReleaseFile,
  observationsDigest,
  saveModels,
  saveObservations,
} from './store';
