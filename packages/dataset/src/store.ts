import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  type LedgerEntry,
  type LedgerEntryInput,
  LedgerEntrySchema,
  type ModelRecord,
  type ModelsFile,
  ModelsFileSchema,
  type Observation,
  type ObservationFile,
  ObservationFileSchema,
  parseWithSchema,
  type ReleaseFile,
  ReleaseFileSchema,
  type SnapshotInfo,
  TrackerError,
  toJsonPath,
} from '@tracker/schema';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { encodeBuildCache } from './build-cache';
import { toDiffRow } from './diff';
import {
  compareStrings,
  decodeDataText,
  parseJsonText,
  readDataBytes,
  readTextFile,
  stableStringify,
} from './json-file';
import { isRulingEntry } from './ledger';
import { findHeldLock, type LockHandle, withLock } from './lock';
import { encodeModelsFile, expandModelsFile, readModelsFile } from './models-file';
import {
  compareSnapshots,
  type MergeSnapshotResult,
  mergeObservationSnapshot,
  sortObservations,
} from './observations';
import { dataPaths, displayPath } from './paths';
import { type ModelRows, modelsContentFingerprint, readRowsCache, saveRowsCache } from './rows-cache';
import { fingerprint, openValidationCache } from './validation-cache';

/** Key order of a ledger line: who did what to which model first, so `git diff` and `grep` read well. */
export const LEDGER_KEY_ORDER = [
  'id',
  'at',
  'by',
  'action',
  'modelId',
  'developer',
  'value',
  'machineMedian',
  'reason',
  'evidence',
  'supersedes',
  'origin',
] as const;

/** Files start with their version and identity, then the rest in sorted order. */
const FILE_KEY_ORDER = ['schemaVersion', 'id', 'name', 'developer', 'source', 'date'] as const;

async function readValidated<T extends z.ZodType>(
  file: string,
  schema: T,
  missingOk: boolean,
): Promise<z.output<T> | null> {
  const text = await readTextFile(file, { missingOk });
  if (text === undefined) return null;
  const value = parseJsonText(text, { file });
  return parseWithSchema(schema, value, { file: displayPath(file), code: 'DATA_INVALID' });
}

/** Loads and validates one `observations/<source>.json`. Its observations must all carry the file's source. */
export async function loadObservationFile(file: string): Promise<ObservationFile> {
  return (await readObservationFile(file, false)) as ObservationFile;
}

async function readObservationFile(file: string, missingOk: boolean): Promise<ObservationFile | null> {
  const parsed = await readValidated(file, ObservationFileSchema, missingOk);
  return parsed === null ? null : checkObservationSources(file, parsed);
}

/** The checks of an observation file beyond its schema: the file's name and every observation name its source. */
function checkObservationSources(file: string, parsed: ObservationFile): ObservationFile {
  const expected = path.basename(file, '.json');
  if (path.extname(file) === '.json' && parsed.source !== expected) {
    throw dataError(file, '$.source', `expected "${expected}" (the file name), got "${parsed.source}"`);
  }
  parsed.observations.forEach((observation, index) => {
    if (observation.source !== parsed.source) {
      throw dataError(
        file,
        `$.observations[${index}].source`,
        `expected "${parsed.source}", got "${observation.source}"`,
      );
    }
  });
  return parsed;
}

function dataError(file: string, where: string, problem: string): TrackerError {
  const shown = displayPath(file);
  return new TrackerError('DATA_INVALID', `${shown}: ${where}: ${problem}`, {
    details: { file: shown, path: where },
  });
}

/**
 * The observation files of a data folder read and hashed, not yet parsed: enough to name them (a build cache key)
 * before paying for their parse.
 */
export interface ObservationSet {
  /** A SHA-256 of every file's name and bytes: the same files give the same digest. */
  readonly digest: string;
  /** Parses and validates every file, sorted by source (once: later calls give the same list). */
  load(): Promise<ObservationFile[]>;
}

/** Reads and hashes every `observations/*.json` of the data folder; {@link ObservationSet.load} parses them. */
export async function readObservationSet(dataDir: string): Promise<ObservationSet> {
  const directory = dataPaths(dataDir).observationsDir;
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new TrackerError(
        'IO_FAILED',
        `${displayPath(directory)}: could not be listed (${(error as Error).message})`,
        { cause: error },
      );
    }
    names = [];
  }
  const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort(compareStrings);
  const read = await Promise.all(
    files.map(async (name) => {
      const file = path.join(directory, name);
      const bytes = (await readDataBytes(file))!;
      return { name, file, bytes, sha256: fingerprint(bytes) };
    }),
  );
  const digest = fingerprint(Buffer.from(read.map(({ name, sha256 }) => `${name}\t${sha256}`).join('\n')));
  let loading: Promise<ObservationFile[]> | undefined;
  const parseAll = async () => {
    const cache = await openValidationCache(dataPaths(dataDir).validationCacheFile);
    const loaded = read.map(({ name, file, bytes, sha256 }) => {
      // Bytes that passed the structure and schema checks before pass them again: only the checks beyond the
      // schema are repeated.
      const known = cache.validated(name, sha256);
      const value = parseJsonText(decodeDataText(bytes, file), { file, checkedBefore: known });
      if (!known)
        parseWithSchema(ObservationFileSchema, value, { file: displayPath(file), code: 'DATA_INVALID' });
      // The parsed value itself, checked or known good, so a load gives the same objects either way.
      const checked = checkObservationSources(file, value as ObservationFile);
      if (!known) cache.remember(name, sha256);
      return checked;
    });
    // The cache is written only under the lock (a run holds it), and is an optimisation: failing to write it is
    // harmless.
    if (findHeldLock(dataDir)) {
      await underLock(dataDir, {}, () => cache.save(files)).catch(ignoreCacheFailure);
    }
    loadedDigests.set(loaded, digest);
    return loaded;
  };
  return {
    digest,
    load: () => {
      loading ??= parseAll();
      return loading;
    },
  };
}

/** Loads every `observations/*.json` of the data folder, sorted by source. No folder means no observations. */
export async function loadObservations(dataDir: string): Promise<ObservationFile[]> {
  return (await readObservationSet(dataDir)).load();
}

/** The digest of each list of observation files {@link loadObservations} returned. */
const loadedDigests = new WeakMap<readonly ObservationFile[], string>();

/**
 * The {@link ObservationSet.digest} of the files behind a list {@link loadObservations} returned; undefined for a
 * list that load did not return.
 */
export function observationsDigest(files: readonly ObservationFile[]): string | undefined {
  return loadedDigests.get(files);
}

/**
 * Stores the machine part of a build under `key` (`.cache/build.v8`), encoded at once. Written only by a process
 * that holds the lock (a run), like every cache of the folder; failing to write it costs time on the next build.
 */
export async function saveBuildCache(dataDir: string, key: string, value: unknown): Promise<void> {
  if (!findHeldLock(dataDir)) return;
  const bytes = encodeBuildCache(key, value);
  await underLock(dataDir, {}, () =>
    writeFileAtomic(dataPaths(dataDir).buildCacheFile, bytes, { durable: false }),
  ).catch(ignoreCacheFailure);
}

/** A cache that cannot be written costs time on the next load, nothing else. */
function ignoreCacheFailure(error: unknown): void {
  if (!TrackerError.is(error) || error.code !== 'IO_FAILED') throw error;
}

/** Loads `models.json`, or `null` when the folder has none yet (it is regenerable machine output). */
export async function loadModels(dataDir: string): Promise<ModelsFile | null> {
  const file = dataPaths(dataDir).modelsFile;
  const text = await readTextFile(file, { missingOk: true });
  if (text === undefined) return null;
  return readModelsFile(parseJsonText(text, { file }), displayPath(file));
}

/**
 * The models of `models.json` without the full schema check, or `null` when there is none: for comparing a new
 * run with the last one just before the file is replaced. The bytes get every check of a data file (size limit,
 * UTF-8, nesting depth, `__proto__` keys) and the file must be JSON with a `models` array; anything else is
 * `DATA_INVALID` naming the file (`details.syntax` is set when the file is not JSON at all, e.g. cut off, and
 * `details.compact` when a version 2 file cannot be expanded into records).
 */
export async function loadModelsUnvalidated(dataDir: string): Promise<{ models: ModelRecord[] } | null> {
  const file = dataPaths(dataDir).modelsFile;
  const text = await readTextFile(file, { missingOk: true });
  return text === undefined ? null : { models: expandUnvalidated(file, text, false) };
}

function expandUnvalidated(file: string, text: string, summary: boolean): ModelRecord[] {
  const value = expandModelsFile(parseJsonText(text, { file }), displayPath(file), { summary }) as {
    models?: unknown;
  } | null;
  if (typeof value !== 'object' || value === null || !Array.isArray(value.models)) {
    throw dataError(file, '$.models', 'expected an array of models');
  }
  return value.models as ModelRecord[];
}

/**
 * `models.json` as the rows a diff compares, or `null` when there is none: what {@link loadModelsUnvalidated}
 * gives, turned into rows, but only the parts of each record a row is made of are expanded (see
 * `expandModelsFile`'s `summary`). The bytes get every check of a data file, and the errors are the same. When the
 * bytes are the ones `saveModels` wrote last, the rows it cached with them are used (`.cache/model-rows.json`).
 */
export async function loadModelRows(dataDir: string): Promise<ModelRows | null> {
  const paths = dataPaths(dataDir);
  const file = paths.modelsFile;
  const bytes = await readDataBytes(file, { missingOk: true });
  if (bytes === undefined) return null;
  const cached = await readRowsCache(paths.rowsCacheFile, modelsContentFingerprint(bytes));
  if (cached !== undefined) return cached;
  const models = expandUnvalidated(file, decodeDataText(bytes, file), true);
  const candidates = new Set<string>();
  const rows = models.map((record) => {
    if (record.curation?.status === 'candidate') candidates.add(record.id);
    return toDiffRow(record);
  });
  return { rows, candidates };
}

/** Loads `ledger.jsonl`; no ledger yet means no entries. */
export async function loadLedger(dataDir: string): Promise<LedgerEntry[]> {
  const file = dataPaths(dataDir).ledgerFile;
  const text = await readTextFile(file, { missingOk: true });
  return text === undefined ? [] : parseLedgerText(text, file);
}

/**
 * Parses ledger text: one JSON entry per line, blank lines ignored. Errors read `<file>: line N: <path>:
 * <problem>`. A last line that is cut off (no newline and not valid JSON) is reported as possibly torn by an
 * interrupted write rather than dropped: the ledger holds human decisions and none may vanish silently.
 * Duplicate ids are an error.
 */
export function parseLedgerText(text: string, file: string): LedgerEntry[] {
  const shown = displayPath(file);
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  const entries: LedgerEntry[] = [];
  const firstLineOfId = new Map<string, number>();
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const location = `line ${index + 1}`;
    const isLast = index === lines.length - 1;
    let value: unknown;
    try {
      value = parseJsonText(line, { file, line: index + 1 });
    } catch (error) {
      if (isLast && !endsWithNewline && TrackerError.is(error) && error.details.syntax === true) {
        throw new TrackerError(
          'DATA_INVALID',
          `${error.message}; the last line has no newline, so an interrupted write may have cut it off: ` +
            'restore it from version control or remove it',
          { cause: error, details: { file: shown, line: index + 1, torn: true } },
        );
      }
      throw error;
    }
    const entry = parseWithSchema(LedgerEntrySchema, value, {
      file: `${shown}: ${location}`,
      code: 'DATA_INVALID',
    });
    const first = firstLineOfId.get(entry.id);
    if (first !== undefined) {
      throw new TrackerError(
        'DATA_INVALID',
        `${shown}: ${location}: $.id: duplicate id "${entry.id}" (first on line ${first})`,
      );
    }
    firstLineOfId.set(entry.id, index + 1);
    entries.push(entry);
  });
  return entries;
}

/** Loads a release: a `releases/<date>/` folder or its `models.json`. */
export async function loadReleaseFile(fileOrDir: string): Promise<ReleaseFile> {
  const file = fileOrDir.endsWith('.json') ? fileOrDir : path.join(fileOrDir, 'models.json');
  return (await readValidated(file, ReleaseFileSchema, false)) as ReleaseFile;
}

/** Options of every writer. Every write is atomic and happens under the data folder's lock. */
export interface WriteOptions {
  /** A lock the caller holds (from `acquireLock`/`withLock`); otherwise one is taken for this write. */
  lock?: LockHandle;
  /** How long to wait for the lock when this write takes it itself, in ms (default 10 000). */
  wait?: number;
  /** What to record as the lock holder's command (default `tracker`). */
  command?: string;
}

const DEFAULT_WRITE_WAIT = 10_000;

/** Read-modify-write sections of this process, chained per data folder (the file lock is per process). */
const queues = new Map<string, Promise<unknown>>();

function serialize<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/**
 * Runs `fn` under the data folder's lock as every writer does: with the lock the caller passed, with the one this
 * process already holds, or with a lock taken for this call (waiting up to `options.wait`). Sections of one process
 * are chained, so read-modify-write steps never interleave. Internal to the package (used by `writeRelease`).
 */
export async function underLock<T>(dataDir: string, options: WriteOptions, fn: () => Promise<T>): Promise<T> {
  const paths = dataPaths(dataDir);
  if (options.lock) {
    if (!options.lock.held || options.lock.lockFile !== paths.lockFile) {
      throw new TrackerError(
        'USAGE',
        `[dataset] the lock passed in is ${options.lock.held ? 'for another data folder' : 'released'}`,
      );
    }
    return serialize(paths.lockFile, fn);
  }
  if (findHeldLock(dataDir)) return serialize(paths.lockFile, fn);
  return withLock(dataDir, () => serialize(paths.lockFile, fn), {
    wait: options.wait ?? DEFAULT_WRITE_WAIT,
    command: options.command,
  });
}

/** Writes a whole observation file (validated, sorted, atomic, locked). Prefer {@link saveObservations}. */
export async function writeObservationFile(
  dataDir: string,
  file: ObservationFile,
  options: WriteOptions = {},
): Promise<void> {
  const target = dataPaths(dataDir).observationFile(file.source);
  const checked = parseWithSchema(ObservationFileSchema, file, { file: displayPath(target) });
  const sorted: ObservationFile = {
    ...checked,
    snapshots: [...checked.snapshots].sort(compareSnapshots),
    observations: sortObservations(checked.observations),
  };
  await underLock(dataDir, options, () =>
    writeFileAtomic(target, stableStringify(sorted, { keyOrder: FILE_KEY_ORDER })),
  );
}

/** One fetch of a source to store: what it was and what it produced. */
export interface ObservationSnapshotUpdate {
  snapshot: SnapshotInfo;
  observations: readonly Observation[];
}

/**
 * Merges a new snapshot of `source` into `observations/<source>.json` (see `mergeObservationSnapshot`) and
 * writes it when something changed. The read, merge and write happen under the lock, so concurrent savers
 * never lose each other's snapshots.
 */
export async function saveObservations(
  dataDir: string,
  source: string,
  update: ObservationSnapshotUpdate,
  options: WriteOptions = {},
): Promise<MergeSnapshotResult> {
  const target = dataPaths(dataDir).observationFile(source);
  return underLock(dataDir, options, async () => {
    const existing = await readObservationFile(target, true);
    const result = mergeObservationSnapshot(existing, update.snapshot, update.observations, { source });
    if (result.changed) {
      await writeFileAtomic(target, stableStringify(result.file, { keyOrder: FILE_KEY_ORDER }));
    }
    return result;
  });
}

/** Writes `models.json` (validated with `RECORD_INVALID` on bad input, sorted, atomic, locked). */
export async function saveModels(
  dataDir: string,
  file: ModelsFile,
  options: WriteOptions & {
    /**
     * Check the file against the schema before writing (default true). A caller that writes what the library
     * pipeline just built from validated observations may pass false: it is the largest file of the folder,
     * and every load validates it anyway.
     */
    validate?: boolean;
  } = {},
): Promise<void> {
  const target = dataPaths(dataDir).modelsFile;
  const checked =
    options.validate === false
      ? file
      : parseWithSchema(ModelsFileSchema, file, { file: displayPath(target) });
  const bytes = encodeModelsFile(checked);
  const rowsCache = dataPaths(dataDir).rowsCacheFile;
  await underLock(dataDir, options, async () => {
    await writeFileAtomic(target, bytes);
    // The rows the next run compares with, by this content (see loadModelRows); only an optimisation.
    await saveRowsCache(rowsCache, modelsContentFingerprint(bytes), checked.models).catch(ignoreCacheFailure);
  });
}

/** Serialises one ledger entry as its JSON Lines line (without the newline). */
export function formatLedgerLine(entry: LedgerEntry): string {
  return stableStringify(entry, { indent: 0, keyOrder: LEDGER_KEY_ORDER });
}

/**
 * Appends entries to `ledger.jsonl`. Each entry is validated (`DECISION_INVALID`); an id already in the ledger
 * or a `supersedes` naming no earlier entry is refused. The existing lines are kept byte for byte and the file is
 * replaced atomically under the lock, so a killed process leaves the old ledger or the new one, never a torn
 * line, and two writers never lose each other's entries. Returns the entries as stored.
 */
export async function appendLedger(
  dataDir: string,
  entries: readonly LedgerEntryInput[],
  options: WriteOptions = {},
): Promise<LedgerEntry[]> {
  const target = dataPaths(dataDir).ledgerFile;
  const checked = entries.map((entry, index) => {
    const result = LedgerEntrySchema.safeParse(entry);
    if (result.success) {
      if (isRulingEntry(result.data) && result.data.reason.trim() === '') {
        throw new TrackerError(
          'DECISION_INVALID',
          `[ledger] $[${index}].reason: a ${result.data.action} ruling needs a reason`,
        );
      }
      return result.data;
    }
    const issue = result.error.issues[0];
    const where = toJsonPath(issue?.path ?? [], `$[${index}]`);
    throw new TrackerError('DECISION_INVALID', `[ledger] ${where}: ${issue?.message ?? 'invalid entry'}`, {
      cause: result.error,
    });
  });
  if (checked.length === 0) return [];
  return underLock(dataDir, options, async () => {
    const text = (await readTextFile(target, { missingOk: true })) ?? '';
    const known = new Set(parseLedgerText(text, target).map((entry) => entry.id));
    for (const entry of checked) {
      if (known.has(entry.id)) {
        throw new TrackerError(
          'DECISION_INVALID',
          `[ledger] entry id "${entry.id}" is already in ${displayPath(target)}`,
        );
      }
      if (entry.supersedes !== undefined && !known.has(entry.supersedes)) {
        throw new TrackerError(
          'DECISION_INVALID',
          `[ledger] entry ${entry.id} supersedes "${entry.supersedes}", which is not an earlier entry of ${displayPath(target)}`,
        );
      }
      known.add(entry.id);
    }
    const prefix = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    const added = checked.map((entry) => `${formatLedgerLine(entry)}\n`).join('');
    await writeFileAtomic(target, prefix + added);
    return checked;
  });
}
