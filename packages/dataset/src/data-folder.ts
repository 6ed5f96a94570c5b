import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  type LedgerEntry,
  type ModelRecord,
  type ModelsFile,
  type ObservationFile,
  ObservationFileSchema,
  parseWithSchema,
  type ReleaseFile,
  type SnapshotInfo,
  TrackerError,
} from '@tracker/schema';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { readBuildCache } from './build-cache';
import { parseJsonText, readTextFile } from './json-file';
import { type AcquireLockOptions, acquireLock, type LockHandle, withLock } from './lock';
import type { MergeSnapshotResult } from './observations';
import { type DataPaths, dataPaths, displayPath } from './paths';
import { findPreviousRelease, listReleaseDates, type WriteReleaseOptions, writeRelease } from './release';
import type { ModelRows } from './rows-cache';
import {
  appendLedger,
  loadLedger,
  loadModelRows,
  loadModels,
  loadModelsUnvalidated,
  loadObservations,
  type ObservationSet,
  type ObservationSnapshotUpdate,
  readObservationSet,
  saveBuildCache,
  saveModels,
  saveObservations,
  underLock,
  type WriteOptions,
} from './store';

/** A raw payload as fetched (the shape scrapers' HTTP client hands its snapshot store). */
export interface PayloadSnapshot {
  /** Source id: payloads are kept per source. */
  source: string;
  url: string;
  /** When it was fetched (ISO timestamp). */
  retrievedAt: string;
  body: string;
  contentType?: string;
}

/** Where a payload was kept: `file` relative to the data folder (`snapshots/<source>/<name>`), for `SnapshotInfo.file`. */
export interface StoredPayloadSnapshot {
  file: string;
  sha256: string;
}

/** Keeps raw payloads under `snapshots/<source>/`, atomically and under the folder's lock. */
export interface PayloadSnapshotStore {
  save(snapshot: PayloadSnapshot): Promise<StoredPayloadSnapshot>;
}

/** A text kept in one file of the data folder, replaced whole and atomically (the scrapers' HTTP cache storage). */
export interface StoredText {
  /** The file, for messages. */
  readonly name: string;
  /** The text, or `undefined` when the file does not exist yet. */
  read(): Promise<string | undefined>;
  /** Replaces the file atomically (temp file + rename). */
  write(text: string): Promise<void>;
}

/** The envelope of an observation file: its snapshots and how many observations it keeps (not validated one by one). */
export interface ObservationFileSummary {
  source: string;
  snapshots: SnapshotInfo[];
  observationCount: number;
}

/**
 * The data folder (DESIGN §3) as one object: its layout, its lock, and every load and save. Writes are atomic
 * (temp file + rename) and happen under the lock; loads validate against the schemas of `@tracker/schema`.
 */
export interface DataFolder {
  /** Absolute path of the folder. */
  readonly root: string;
  /** Every path of the layout; prefer the methods, which validate and lock. */
  readonly paths: DataPaths;
  /** The folder as a person should see it in a message (relative to `cwd` when inside it). */
  display(cwd?: string): string;
  /** Takes the folder's lock (`wait` ms while another live process holds it). */
  lock(options?: AcquireLockOptions): Promise<LockHandle>;
  /** Runs `fn` holding the lock, and releases it afterwards. */
  withLock<T>(fn: (lock: LockHandle) => Promise<T> | T, options?: AcquireLockOptions): Promise<T>;
  /** Every `observations/<source>.json`, validated, sorted by source. */
  loadObservations(): Promise<ObservationFile[]>;
  /** Every observation file read and hashed (its digest names them all); parsed and validated by its `load()`. */
  readObservationSet(): Promise<ObservationSet>;
  /** A source's snapshot list and observation count, with only the envelope validated; `null` when it has no file. */
  summarizeObservations(source: string): Promise<ObservationFileSummary | null>;
  /** Merges a new snapshot of `source` into its observation file. */
  saveObservations(
    source: string,
    update: ObservationSnapshotUpdate,
    options?: WriteOptions,
  ): Promise<MergeSnapshotResult>;
  /** `models.json`, validated, or `null` when there is none. */
  loadModels(): Promise<ModelsFile | null>;
  /**
   * `models.json` parsed but not validated (it is about to be replaced; only compared with); `null` when it is
   * missing. The bytes get every check of a data file: anything else is `DATA_INVALID` naming the file, with
   * `details.syntax` set when the file is not JSON at all (e.g. cut off) and `details.compact` when a version 2 file
   * cannot be expanded into records.
   */
  loadModelsUnchecked(): Promise<{ models: ModelRecord[] } | null>;
  /**
   * `models.json` as the rows a diff compares and the ids of its candidates, read as {@link loadModelsUnchecked}
   * reads it (same checks, same errors) but expanding only what the rows are made of: what a run compares with.
   */
  loadModelRows(): Promise<ModelRows | null>;
  saveModels(file: ModelsFile, options?: WriteOptions & { validate?: boolean }): Promise<void>;
  loadLedger(): Promise<LedgerEntry[]>;
  appendLedger(entries: Parameters<typeof appendLedger>[1], options?: WriteOptions): Promise<LedgerEntry[]>;
  listReleaseDates(): Promise<string[]>;
  findPreviousRelease(date: string): Promise<ReleaseFile | null>;
  writeRelease(release: ReleaseFile, options?: WriteReleaseOptions): ReturnType<typeof writeRelease>;
  /**
   * The value the last build stored under `key` in `.cache/build.v8`, or undefined (no cache, another key, a null
   * key, an unreadable file). The caller makes the key from everything the value depends on; a key still being
   * computed may be given as a promise, and the file is read meanwhile.
   */
  readBuildCache(key: string | null | PromiseLike<string | null>): Promise<unknown>;
  /**
   * Stores `value` under `key` in `.cache/build.v8`, replacing what was there. Encoded at once (later changes to
   * `value` are not kept) and written only when this process holds the folder's lock; a failure to write costs
   * time on the next build, nothing else, and is not reported.
   */
  saveBuildCache(key: string, value: unknown): Promise<void>;
  /** The store of raw payloads, handed to the scrapers' HTTP client. */
  readonly snapshots: PayloadSnapshotStore;
  /** The conditional-request cache file of a source (`snapshots/<source>/.http-cache.json`). */
  httpCacheFile(source: string): string;
  /** That file as a text to read and replace atomically: the storage of the scrapers' `createFileHttpCache`. */
  httpCache(source: string): StoredText;
}

const ObservationEnvelopeSchema = ObservationFileSchema.pick({
  schemaVersion: true,
  source: true,
  snapshots: true,
}).extend({ observations: z.array(z.unknown()) });

const SOURCE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Opens the data folder at `dir` (absolute or relative to the working directory). Nothing is read until asked. */
export function openDataFolder(dir: string): DataFolder {
  const paths = dataPaths(dir);
  const root = paths.root;
  const sourceDir = (source: string) => {
    if (!SOURCE_ID.test(source)) {
      // The source becomes a directory name, so anything but a kebab-case id could escape the folder.
      throw new TrackerError('IO_FAILED', `[snapshots] source "${source}" is not a kebab-case id`);
    }
    return path.join(paths.snapshotsDir, source);
  };
  const snapshots: PayloadSnapshotStore = {
    async save(snapshot) {
      const directory = sourceDir(snapshot.source);
      const bytes = Buffer.from(snapshot.body, 'utf8');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const suffix = `-${sha256.slice(0, 12)}.${extensionFor(snapshot.contentType, snapshot.body)}`;
      const relative = (name: string) => `snapshots/${snapshot.source}/${name}`;
      try {
        return await underLock(root, { wait: 30_000, command: 'tracker collect' }, async () => {
          const existing = (await readdir(directory).catch(() => [] as string[])).find((name) =>
            name.endsWith(suffix),
          );
          if (existing !== undefined) return { file: relative(existing), sha256 };
          const name = `${compactTimestamp(snapshot.retrievedAt)}${suffix}`;
          await writeFileAtomic(path.join(directory, name), bytes);
          return { file: relative(name), sha256 };
        });
      } catch (error) {
        if (TrackerError.is(error)) throw error;
        throw new TrackerError(
          'IO_FAILED',
          `[snapshots] ${displayPath(directory)}: could not store the payload of ${snapshot.url}`,
          { cause: error },
        );
      }
    },
  };
  return {
    root,
    paths,
    display: (cwd) => displayPath(root, cwd),
    lock: (options) => acquireLock(root, options),
    withLock: (fn, options) => withLock(root, fn, options),
    loadObservations: () => loadObservations(root),
    readObservationSet: () => readObservationSet(root),
    readBuildCache: (key) => readBuildCache(paths.buildCacheFile, key),
    saveBuildCache: (key, value) => saveBuildCache(root, key, value),
    async summarizeObservations(source) {
      const file = paths.observationFile(source);
      const text = await readTextFile(file, { missingOk: true });
      if (text === undefined) return null;
      const parsed = parseWithSchema(ObservationEnvelopeSchema, parseJsonText(text, { file }), {
        file: displayPath(file),
        code: 'DATA_INVALID',
      });
      return {
        source: parsed.source,
        snapshots: parsed.snapshots,
        observationCount: parsed.observations.length,
      };
    },
    saveObservations: (source, update, options) => saveObservations(root, source, update, options),
    loadModels: () => loadModels(root),
    loadModelsUnchecked: () => loadModelsUnvalidated(root),
    loadModelRows: () => loadModelRows(root),
    saveModels: (file, options) => saveModels(root, file, options),
    loadLedger: () => loadLedger(root),
    appendLedger: (entries, options) => appendLedger(root, entries, options),
    listReleaseDates: () => listReleaseDates(root),
    findPreviousRelease: (date) => findPreviousRelease(root, date),
    writeRelease: (release, options) => writeRelease(root, release, options),
    snapshots,
    httpCacheFile: (source) => path.join(sourceDir(source), '.http-cache.json'),
    httpCache(source) {
      const file = path.join(sourceDir(source), '.http-cache.json');
      return {
        name: displayPath(file),
        read: () => readTextFile(file, { missingOk: true }),
        write: (text) => writeFileAtomic(file, text),
      };
    },
  };
}

/** `2026-03-05T14:02:09.123Z` → `20260305T140209Z` (UTC). */
function compactTimestamp(iso: string): string {
  const time = new Date(iso);
  // An unreadable timestamp falls back to the current time: the payload is kept all the same.
  return (Number.isNaN(time.getTime()) ? new Date() : time)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function extensionFor(contentType: string | undefined, body: string): string {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('json')) return 'json';
  if (type.includes('html') || type.includes('xml')) return 'html';
  if (type.includes('csv')) return 'csv';
  if (type === '') {
    const start = body.trimStart()[0];
    if (start === '{' || start === '[') return 'json';
    if (start === '<') return 'html';
  }
  return 'txt';
}
