import { Readable } from 'node:stream';
import { type DataFolder, onStaleLockTakenOver, openDataFolder, setMaxDataFileBytes } from '@tracker/dataset';
import { resolveTableWidth } from '@tracker/query';
import type { ModelsFile } from '@tracker/schema';
import type { AddOptions } from './commands/add';
import type { AliasOptions } from './commands/alias';
import type { CandidatesOptions } from './commands/candidates';
import type { CollectCommandOptions } from './commands/collect';
import type { DecideOptions } from './commands/decide';
import type { DevelopersOptions } from './commands/developers';
import type { DiffOptions } from './commands/diff';
import type { EstimateOptions } from './commands/estimate';
import type { ExplainOptions } from './commands/explain';
import type { ExportReviewOptions } from './commands/export-review';
import type { ImportReviewOptions } from './commands/import-review';
import type { QueryOptions } from './commands/query';
import type { ReleaseOptions } from './commands/release';
import type { ReportOptions } from './commands/report';
import type { ReviewOptions } from './commands/review';
import type { RunOptions } from './commands/run';
import type { SourcesOptions } from './commands/sources';
import type { ValidateOptions } from './commands/validate';
import type { CommandContext, OutputFormat, TrackerIo, TrackerLog } from './context';
import { buildFromFolder, type FolderBuildOptions, loadCurationState } from './curation';
import { type LoadedConfig, loadConfig, type TrackerConfig, TrackerConfigSchema } from './load-config';
import type { BuildModelsResult } from './pipeline';

/** Options of {@link createTracker}. Everything is optional: the defaults are those of the `tracker` command. */
export interface CreateTrackerOptions {
  /** The configuration (any subset of tracker.config.yaml's keys); default: `configFile` is read. */
  config?: Partial<TrackerConfig>;
  /** The configuration file (default `tracker.config.yaml` in `cwd`, if present). Ignored when `config` is given. */
  configFile?: string;
  /** The data folder; default `TRACKER_DATA_DIR` from `env`, else the config's `dataDir`. */
  dataDir?: string;
  /** Working directory relative paths resolve against (default `process.cwd()`). */
  cwd?: string;
  /**
   * Environment: API keys, `TRACKER_DATA_DIR`, `USER`, `COLUMNS` (table width when stdout is no terminal),
   * `TRACKER_MAX_DATA_FILE_MB` (the size limit of a data file, process-wide; default 256 MB) (default: none).
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Messages for a person (default: none). */
  log?: TrackerLog;
  /**
   * Where the operations print what the `tracker` command prints (default: nowhere; every operation also
   * returns its result), and the terminal it reads prompts from.
   */
  io?: Partial<TrackerIo>;
  /** Format of what is printed (default `table`). */
  format?: OutputFormat;
  color?: boolean;
  /** No progress display. */
  quiet?: boolean;
  /** Tables keep every value whole instead of fitting `io.stdout.columns` or `$COLUMNS`. */
  wide?: boolean;
}

/**
 * The tracker as a library: the operations of the `tracker` command on one configuration and data folder. Each
 * returns its result (and prints what the command prints to `io.stdout` when one is given).
 */
export interface Tracker {
  readonly config: TrackerConfig;
  /** The configuration file read, or null when the defaults (or a `config` object) apply. */
  readonly configFile: string | null;
  readonly dataDir: string;
  readonly folder: DataFolder;
  /** A copy of this tracker printing in another format, or to another output. */
  with(options: Pick<CreateTrackerOptions, 'format' | 'color' | 'io' | 'log' | 'quiet' | 'wide'>): Tracker;
  /** collect → resolve → merge → estimate → curate, saving models.json. */
  run(options?: RunOptions): Promise<import('./commands/run').RunResult>;
  collect(options?: CollectCommandOptions): Promise<import('./source-outcomes').SourceOutcome[]>;
  /** resolve → merge → estimate → curate in memory from the folder's observations and ledger; saves nothing. */
  build(options?: FolderBuildOptions): Promise<BuildModelsResult>;
  /** The curated models: models.json, or built in memory when it is missing. */
  models(): Promise<ModelsFile>;
  estimate(options?: EstimateOptions): Promise<import('./commands/estimate').EstimateRow[]>;
  validate(options?: ValidateOptions): Promise<import('./commands/validate').ValidateResult>;
  explain(options: ExplainOptions): Promise<import('@tracker/schema').ModelRecord>;
  candidates(options?: CandidatesOptions): Promise<import('./commands/candidates').ReviewItem[]>;
  review(options?: ReviewOptions): Promise<number>;
  decide(options: DecideOptions): Promise<import('@tracker/schema').LedgerEntry[]>;
  add(options?: AddOptions): Promise<number>;
  alias(options: AliasOptions): Promise<import('@tracker/schema').LedgerEntry[]>;
  developers(options?: DevelopersOptions): Promise<number>;
  duplicates(): Promise<number>;
  exportReview(options: ExportReviewOptions): Promise<{ file: string; rows: number }>;
  importReview(options: ImportReviewOptions): Promise<number>;
  query(options?: QueryOptions): Promise<import('@tracker/query').QueryRow[]>;
  release(options?: ReleaseOptions): Promise<number>;
  report(options?: ReportOptions): Promise<string>;
  diff(options: DiffOptions): Promise<number>;
  /** The sources and when each last ran; with `check`, each source fetched once and its format checked. */
  sources(options?: SourcesOptions): Promise<number>;
}

const nowhere = { write: () => true };

/** Opens the tracker on a configuration and a data folder. Reads the configuration file, nothing else. */
export async function createTracker(options: CreateTrackerOptions = {}): Promise<Tracker> {
  const cwd = options.io?.cwd ?? options.cwd ?? process.cwd();
  const env = options.io?.env ?? options.env ?? {};
  const loaded: LoadedConfig = options.config
    ? { config: TrackerConfigSchema.parse(options.config), file: null, baseDir: cwd }
    : await loadConfig(cwd, options.configFile);
  const { resolve } = await import('node:path');
  const dataDir = options.dataDir
    ? resolve(cwd, options.dataDir)
    : env.TRACKER_DATA_DIR
      ? resolve(cwd, env.TRACKER_DATA_DIR)
      : resolve(loaded.baseDir, loaded.config.dataDir);
  // A stale lock taken over is one line of the log; the data file size limit may come from the environment.
  const log = options.log;
  onStaleLockTakenOver(log ? (_stale, message) => log.info(message) : undefined);
  const maxFileMb = env.TRACKER_MAX_DATA_FILE_MB;
  setMaxDataFileBytes(maxFileMb ? Math.round(Number(maxFileMb) * 1024 * 1024) : undefined);
  return makeTracker(loaded, openDataFolder(dataDir), { ...options, cwd, env });
}

function makeTracker(loaded: LoadedConfig, folder: DataFolder, options: CreateTrackerOptions): Tracker {
  const stdout = options.io?.stdout;
  // Tables fit the terminal (or $COLUMNS); `wide` leaves them whole. Operations read the width from stdout.columns.
  const width = resolveTableWidth({
    wide: options.wide === true,
    columns: stdout?.columns,
    columnsEnv: options.env?.COLUMNS,
  });
  const io: TrackerIo = {
    stdout:
      !stdout || width === stdout.columns
        ? (stdout ?? nowhere)
        : { write: (chunk) => stdout.write(chunk), isTTY: stdout.isTTY, columns: width },
    stderr: options.io?.stderr ?? nowhere,
    stdin: options.io?.stdin ?? Readable.from([]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  const context: CommandContext = {
    io,
    log: options.log ?? { info() {}, warn() {}, debug() {} },
    loaded,
    dataDir: folder.root,
    folder,
    format: options.format ?? 'table',
    color: options.color ?? false,
    quiet: options.quiet ?? options.io?.stderr === undefined,
  };
  return {
    config: loaded.config,
    configFile: loaded.file,
    dataDir: folder.root,
    folder,
    with: (changes) => makeTracker(loaded, folder, { ...options, ...changes }),
    run: async (o) => (await import('./commands/run')).run(context, o),
    collect: async (o) => (await import('./commands/collect')).run(context, o),
    build: (o) => buildFromFolder(context, o),
    models: async () => (await loadCurationState(context)).models,
    estimate: async (o) => (await import('./commands/estimate')).run(context, o),
    validate: async (o) => (await import('./commands/validate')).run(context, o),
    explain: async (o) => (await import('./commands/explain')).run(context, o),
    candidates: async (o) => (await import('./commands/candidates')).run(context, o),
    review: async (o) => (await import('./commands/review')).run(context, o),
    decide: async (o) => (await import('./commands/decide')).run(context, o),
    add: async (o) => (await import('./commands/add')).run(context, o),
    alias: async (o) => (await import('./commands/alias')).run(context, o),
    developers: async (o) => (await import('./commands/developers')).run(context, o),
    duplicates: async () => (await import('./commands/duplicates')).run(context),
    exportReview: async (o) => (await import('./commands/export-review')).run(context, o),
    importReview: async (o) => (await import('./commands/import-review')).run(context, o),
    query: async (o) => (await import('./commands/query')).run(context, o),
    release: async (o) => (await import('./commands/release')).run(context, o),
    report: async (o) => (await import('./commands/report')).run(context, o),
    diff: async (o) => (await import('./commands/diff')).run(context, o),
    sources: async (o) => (await import('./commands/sources')).run(context, o),
  };
}
