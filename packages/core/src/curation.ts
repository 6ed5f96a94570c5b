import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import {
  type CreateLedgerEntryInput,
  createLedgerEntry,
  curateModels,
  type LockHandle,
  type ObservationSet,
  observationsDigest,
} from '@tracker/dataset';
import { findModelRecord } from '@tracker/resolve';
import {
  type LedgerEntry,
  type ModelRecord,
  type ModelsFile,
  type ObservationFile,
  TrackerError,
} from '@tracker/schema';
import { buildCacheKey } from './build-cache';
import type { CommandContext } from './context';
import {
  type BuildModelsResult,
  buildModels,
  buildSettings,
  curateOptions,
  type MachineBuild,
} from './pipeline';
import { loadResolutionConfig } from './resolution-config';

/** The curated data folder: machine records with the ledger applied. */
export interface CurationState {
  models: ModelsFile;
  ledger: LedgerEntry[];
}

/**
 * Loads models.json and the ledger. models.json is machine output and not committed: when it is missing, the
 * models are built in memory from the observations and the ledger (what `tracker run --offline` would save).
 * A data folder with neither is a clear error.
 */
export async function loadCurationState(context: CommandContext): Promise<CurationState> {
  const [models, ledger] = await Promise.all([context.folder.loadModels(), context.folder.loadLedger()]);
  return { models: models ?? (await buildModelsFile(context, ledger)), ledger };
}

/**
 * {@link loadCurationState} with a {@link ModelsCache} of what was loaded, for a session of decisions. The file's
 * time is read before the file, so a write that lands in between makes the cache miss rather than go stale.
 */
export async function loadCurationSession(
  context: CommandContext,
): Promise<CurationState & { cache: ModelsCache }> {
  const mtimeMs = await modifiedAt(context.folder.paths.modelsFile);
  const state = await loadCurationState(context);
  return { ...state, cache: mtimeMs === undefined ? {} : { models: state.models, mtimeMs } };
}

/** What {@link buildFromFolder} may change from a plain build of the data folder. */
export interface FolderBuildOptions {
  ledger?: readonly LedgerEntry[];
  /** Observation files already loaded (default: the folder's). */
  observationFiles?: readonly ObservationFile[];
  /** The folder's observation files read but not parsed: parsed only when the build cache cannot serve. */
  observationSet?: ObservationSet;
  threshold?: number;
  blind?: boolean;
}

/**
 * load → resolve → build: the data folder's observations and ledger through the pipeline, nothing saved but the
 * build cache. A build whose inputs (observation files' bytes, ledger, alias lists, settings, code) are those of
 * the last cached one reuses its machine part and only curates again, without parsing the observation files; a
 * process holding the folder's lock (a run) stores the machine part it computed.
 */
export async function buildFromFolder(
  context: CommandContext,
  options: FolderBuildOptions = {},
): Promise<BuildModelsResult> {
  const inputs = Promise.all([
    options.observationFiles ? undefined : (options.observationSet ?? context.folder.readObservationSet()),
    options.ledger ?? context.folder.loadLedger(),
    loadResolutionConfig(context),
  ]).then(([set, ledger, resolution]) => {
    const input = {
      ...resolution,
      ...buildSettings(context.loaded.config, options.threshold),
      ...(options.blind ? { blind: true } : {}),
    };
    const digest = set ? set.digest : observationsDigest(options.observationFiles ?? []);
    return { set, ledger, input, key: buildCacheKey(input, digest, ledger) };
  });
  // The cache file is read while the inputs are, and its value is taken only if its key is theirs.
  const [{ set, ledger, input, key }, cached] = await Promise.all([
    inputs,
    context.folder.readBuildCache(inputs.then(({ key }) => key)),
  ]);
  const reuse = cached as MachineBuild | undefined;
  let saving: Promise<void> | undefined;
  const built = buildModels({
    // A reused build reads no observation.
    observationFiles: reuse ? [] : (options.observationFiles ?? (await (set as ObservationSet).load())),
    ledger,
    ...input,
    ...(reuse ? { reuse } : {}),
    onMachineBuild: (machine) => {
      // Encoded now, before curation touches the records.
      if (key !== null) saving = context.folder.saveBuildCache(key, machine);
    },
  });
  await saving;
  return built;
}

/** Built models as the content of models.json. */
export function toModelsFile(models: ModelRecord[], threshold: number): ModelsFile {
  return { schemaVersion: 1, generatedAt: new Date().toISOString(), threshold, models };
}

/** The models of the data folder built offline from its observations and ledger, without saving them. */
export async function buildModelsFile(
  context: CommandContext,
  ledger?: readonly LedgerEntry[],
  options: { announce?: boolean } = {},
): Promise<ModelsFile> {
  const [files, entries] = await Promise.all([
    context.folder.loadObservations(),
    ledger ?? context.folder.loadLedger(),
  ]);
  if (files.length === 0 && entries.length === 0) {
    throw new TrackerError(
      'NOT_FOUND',
      `${context.folder.display(context.io.cwd)}: no models.json and no observations; run "tracker run" (or "tracker collect") first`,
    );
  }
  if (options.announce !== false)
    context.log.info(
      'models.json not found: building the models from the observations (tracker run saves them).',
    );
  const built = await buildFromFolder(context, { ledger: entries, observationFiles: files });
  return toModelsFile(built.models, context.loaded.config.threshold);
}

/**
 * Finds a model by id, name, alias, a source's own id (OpenRouter's, the Hub's), a raw name or the normalised name
 * (`findModelRecord` of @tracker/resolve). Throws NOT_FOUND listing close names when none matches, or when several do.
 */
export function findModel(models: readonly ModelRecord[], query: string): ModelRecord {
  const match = findModelRecord(models, query);
  if (match.status === 'found') return match.record;
  if (match.status === 'ambiguous') {
    throw new TrackerError(
      'NOT_FOUND',
      `"${query}" names several models: ${match.records.map((record) => record.id).join(', ')}; give the id`,
    );
  }
  const near = match.near.map((record) => record.id);
  throw new TrackerError(
    'NOT_FOUND',
    `no model "${query}"${near.length ? `; did you mean ${near.join(', ')}?` : ''} (tracker query --search TEXT lists models)`,
  );
}

/**
 * Who decides: `--by`, else the config's reviewer, else $USER / $USERNAME, else the OS account name (containers and
 * CI often leave $USER unset; the name is then said once, as it is recorded in the ledger). `osAccount: false`
 * leaves that last one out (a sheet filled by someone else is not signed by whoever imports it).
 */
export function reviewerName(
  context: CommandContext,
  explicit?: string,
  options: { osAccount?: boolean } = {},
): string {
  const name = explicit ?? context.loaded.config.reviewer ?? context.io.env.USER ?? context.io.env.USERNAME;
  if (name) return name;
  const account = options.osAccount === false ? undefined : osAccountName();
  if (!account)
    throw new TrackerError(
      'USAGE',
      'say who decides with --by NAME (or set reviewer in tracker.config.yaml)',
    );
  context.log.info(
    `Recording decisions as "${account}" (the OS account; --by NAME or reviewer in tracker.config.yaml set another).`,
  );
  return account;
}

function osAccountName(): string | undefined {
  try {
    return userInfo().username.trim() || undefined;
  } catch {
    // No passwd entry for the uid (some containers).
    return undefined;
  }
}

/**
 * models.json as this process last saved it, kept by a caller that records many decisions (`tracker review`) so
 * each saves without loading the file again. It is reused only while the file on disk is the one it saved.
 */
export interface ModelsCache {
  models?: ModelsFile;
  /** models.json's modification time when it was saved. */
  mtimeMs?: number;
}

/**
 * Appends decisions to the ledger and re-applies curation to the models they are about (and to the models their
 * rulings were carried to), under one lock, so the curated view is current at once. Nothing is written when any
 * entry is invalid. Returns the entries as stored.
 */
export async function recordDecisions(
  context: CommandContext,
  inputs: readonly CreateLedgerEntryInput[],
  options: { lock?: LockHandle; command?: string; cache?: ModelsCache } = {},
): Promise<LedgerEntry[]> {
  const entries = inputs.map((input) => createLedgerEntry(input));
  const lock =
    options.lock ??
    (await context.folder.lock({ command: options.command ?? 'tracker decide', wait: 30_000 }));
  try {
    const stored = await context.folder.appendLedger(entries, { lock });
    const modelIds = stored.flatMap((entry) => ('modelId' in entry ? [entry.modelId] : []));
    await refreshCuration(context, lock, { modelIds, ...(options.cache ? { cache: options.cache } : {}) });
    return stored;
  } finally {
    if (!options.lock) await lock.release();
  }
}

async function modifiedAt(file: string): Promise<number | undefined> {
  return (await stat(file).catch(() => undefined))?.mtimeMs;
}

/**
 * Re-applies the ledger's rulings to models.json (rulings only; new facts need `tracker run`): to every model, or
 * only to `modelIds` (and the models their rulings were carried to). When models.json is missing it is built
 * offline from the observations and saved. `cache` (see {@link ModelsCache}) saves loading the file again.
 */
export async function refreshCuration(
  context: CommandContext,
  lock: LockHandle,
  options: { modelIds?: readonly string[]; cache?: ModelsCache } = {},
): Promise<ModelsFile | null> {
  const file = context.folder.paths.modelsFile;
  const { cache } = options;
  const ledger = await context.folder.loadLedger();
  const cached =
    cache?.models && cache.mtimeMs !== undefined && cache.mtimeMs === (await modifiedAt(file))
      ? cache.models
      : undefined;
  const models =
    cached ??
    (await context.folder.loadModels()) ??
    (await buildModelsFile(context, ledger).catch(() => null));
  if (!models) return null;
  const { config } = context.loaded;
  const { records } = curateModels(
    models.models,
    ledger,
    options.modelIds ?? models.models.map((record) => record.id),
    curateOptions(config, models.threshold),
  );
  const curated: ModelsFile = { ...models, models: records };
  // Curated by the library from a validated file; every load validates it.
  await context.folder.saveModels(curated, { lock, validate: false });
  if (cache) {
    cache.models = curated;
    const mtimeMs = await modifiedAt(file);
    if (mtimeMs === undefined) delete cache.mtimeMs;
    else cache.mtimeMs = mtimeMs;
  }
  return curated;
}
