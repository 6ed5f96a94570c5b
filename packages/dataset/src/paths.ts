import path from 'node:path';

/** Options of {@link resolveDataDir}. */
export interface ResolveDataDirOptions {
  /** An explicit `--data-dir` flag; wins over everything else. */
  dataDir?: string | undefined;
  /** The environment to read `TRACKER_DATA_DIR` from (pass `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
}

/** The environment variable that moves the data folder. */
export const DATA_DIR_ENV = 'TRACKER_DATA_DIR';

/**
 * Resolves the data folder (DESIGN §3): the explicit flag, else `TRACKER_DATA_DIR`, else `./data`.
 * Returns an absolute path.
 */
export function resolveDataDir(options: ResolveDataDirOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const fromEnv = options.env?.[DATA_DIR_ENV];
  const chosen = nonEmpty(options.dataDir) ?? nonEmpty(fromEnv) ?? 'data';
  return path.resolve(cwd, chosen);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** Every path of the data folder layout (DESIGN §3). */
export interface DataPaths {
  /** The data folder, absolute. */
  root: string;
  /** `observations/`: one normalized file per source. */
  observationsDir: string;
  /** `snapshots/`: raw payloads as fetched. */
  snapshotsDir: string;
  /** `models.json`: merged records with estimates. */
  modelsFile: string;
  /** `ledger.jsonl`: human decisions. */
  ledgerFile: string;
  /** `.lock`: present while a process writes. */
  lockFile: string;
  /** `releases/`: published lists. */
  releasesDir: string;
  /** `observations/<source>.json`. */
  observationFile(source: string): string;
  /** `releases/<date>/`. */
  releaseDir(date: string): string;
}

/** Builds the {@link DataPaths} of a data folder. */
export function dataPaths(dataDir: string): DataPaths {
  const root = path.resolve(dataDir);
  return {
    root,
    observationsDir: path.join(root, 'observations'),
    snapshotsDir: path.join(root, 'snapshots'),
    modelsFile: path.join(root, 'models.json'),
    ledgerFile: path.join(root, 'ledger.jsonl'),
    lockFile: path.join(root, '.lock'),
    releasesDir: path.join(root, 'releases'),
    observationFile: (source) => path.join(root, 'observations', `${source}.json`),
    releaseDir: (date) => path.join(root, 'releases', date),
  };
}

/**
 * The path to show in messages: relative to the working directory when the file is inside it (so messages read
 * `data/models.json: ...`), otherwise as given.
 */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}
