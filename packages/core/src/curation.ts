import { type CreateLedgerEntryInput, createLedgerEntry, curate, type LockHandle } from '@tracker/dataset';
import { findModelRecord } from '@tracker/resolve';
import {
  type LedgerEntry,
  type ModelRecord,
  type ModelsFile,
  type ObservationFile,
  TrackerError,
} from '@tracker/schema';
import type { CommandContext } from './context';
import { type BuildModelsResult, buildModels, buildSettings } from './pipeline';
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

/** What {@link buildFromFolder} may change from a plain build of the data folder. */
export interface FolderBuildOptions {
  ledger?: readonly LedgerEntry[];
  /** Observation files already loaded (default: the folder's). */
  observationFiles?: readonly ObservationFile[];
  threshold?: number;
  blind?: boolean;
}

/** load → resolve → build: the data folder's observations and ledger through the pipeline, nothing saved. */
export async function buildFromFolder(
  context: CommandContext,
  options: FolderBuildOptions = {},
): Promise<BuildModelsResult> {
  const [files, ledger, resolution] = await Promise.all([
    options.observationFiles ?? context.folder.loadObservations(),
    options.ledger ?? context.folder.loadLedger(),
    loadResolutionConfig(context),
  ]);
  return buildModels({
    observationFiles: files,
    ledger,
    ...resolution,
    ...buildSettings(context.loaded.config, options.threshold),
    ...(options.blind ? { blind: true } : {}),
  });
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

/** Who decides: `--by`, else the config's reviewer, else $USER. */
export function reviewerName(context: CommandContext, explicit?: string): string {
  const name = explicit ?? context.loaded.config.reviewer ?? context.io.env.USER ?? context.io.env.USERNAME;
  if (!name)
    throw new TrackerError(
      'USAGE',
      'say who decides with --by NAME (or set reviewer in tracker.config.yaml)',
    );
  return name;
}

/**
 * Appends decisions to the ledger and re-applies curation to models.json, under one lock, so the curated view is
 * current at once. Nothing is written when any entry is invalid. Returns the entries as stored.
 */
export async function recordDecisions(
  context: CommandContext,
  inputs: readonly CreateLedgerEntryInput[],
  options: { lock?: LockHandle; command?: string } = {},
): Promise<LedgerEntry[]> {
  const entries = inputs.map((input) => createLedgerEntry(input));
  const lock =
    options.lock ??
    (await context.folder.lock({ command: options.command ?? 'tracker decide', wait: 30_000 }));
  try {
    const stored = await context.folder.appendLedger(entries, { lock });
    await refreshCuration(context, lock);
    return stored;
  } finally {
    if (!options.lock) await lock.release();
  }
}

/**
 * Re-applies the ledger's rulings to models.json (rulings only; new facts need `tracker run`). When models.json
 * is missing it is built offline from the observations and saved.
 */
export async function refreshCuration(context: CommandContext, lock: LockHandle): Promise<ModelsFile | null> {
  const ledger = await context.folder.loadLedger();
  const models =
    (await context.folder.loadModels()) ?? (await buildModelsFile(context, ledger).catch(() => null));
  if (!models) return null;
  const curated: ModelsFile = {
    ...models,
    models: curate(models.models, ledger, {
      threshold: models.threshold,
      reviewFactor: context.loaded.config.reviewFactor,
    }),
  };
  await context.folder.saveModels(curated, { lock });
  return curated;
}
