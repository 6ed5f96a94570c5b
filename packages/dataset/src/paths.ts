import path from 'node:path';

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
  /** `.cache/`: machine-made files that only save time; deleting them loses nothing. */
  cacheDir: string;
  /** `.cache/validated.json`: the observation files whose bytes passed the schema check. */
  validationCacheFile: string;
  /** `.cache/model-rows.json`: the diff rows of `models.json`, by the hash of its bytes. */
  rowsCacheFile: string;
  /** `.cache/build.v8`: the machine part of the last build, by a hash of all it was built from. */
  buildCacheFile: string;
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
    cacheDir: path.join(root, '.cache'),
    validationCacheFile: path.join(root, '.cache', 'validated.json'),
    rowsCacheFile: path.join(root, '.cache', 'model-rows.json'),
    buildCacheFile: path.join(root, '.cache', 'build.v8'),
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
