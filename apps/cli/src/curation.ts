import {
  acquireLock,
  appendLedger,
  type CreateLedgerEntryInput,
  createLedgerEntry,
  curate,
  type LockHandle,
  loadLedger,
  loadModels,
  loadObservations,
  saveModels,
} from '@tracker/dataset';
import { findModelRecord } from '@tracker/resolve';
import { type LedgerEntry, type ModelRecord, type ModelsFile, TrackerError } from '@tracker/schema';
import type { CommandContext } from './context';
import { displayPath } from './load-config';
import { buildModels } from './pipeline';
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
  const [models, ledger] = await Promise.all([loadModels(context.dataDir), loadLedger(context.dataDir)]);
  return { models: models ?? (await buildModelsFile(context, ledger)), ledger };
}

/** The models of the data folder built offline from its observations and ledger, without saving them. */
export async function buildModelsFile(
  context: CommandContext,
  ledger?: readonly LedgerEntry[],
  options: { announce?: boolean } = {},
): Promise<ModelsFile> {
  const [files, entries, resolution] = await Promise.all([
    loadObservations(context.dataDir),
    ledger ?? loadLedger(context.dataDir),
    loadResolutionConfig(context),
  ]);
  if (files.length === 0 && entries.length === 0) {
    throw new TrackerError(
      'NOT_FOUND',
      `${displayPath(context.io.cwd, context.dataDir)}: no models.json and no observations; run "tracker run" (or "tracker collect") first`,
    );
  }
  if (options.announce !== false)
    context.log.info(
      'models.json not found: building the models from the observations (tracker run saves them).',
    );
  const { config } = context.loaded;
  const built = buildModels({
    observationFiles: files,
    ledger: entries,
    ...resolution,
    threshold: config.threshold,
    cutPoints: config.statusCuts,
    reviewFactor: config.reviewFactor,
  });
  return {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    threshold: config.threshold,
    models: built.models,
  };
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
    (await acquireLock(context.dataDir, { command: options.command ?? 'tracker decide', wait: 30_000 }));
  try {
    const stored = await appendLedger(context.dataDir, entries, { lock });
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
  const ledger = await loadLedger(context.dataDir);
  const models =
    (await loadModels(context.dataDir)) ?? (await buildModelsFile(context, ledger).catch(() => null));
  if (!models) return null;
  const curated: ModelsFile = {
    ...models,
    models: curate(models.models, ledger, {
      threshold: models.threshold,
      reviewFactor: context.loaded.config.reviewFactor,
    }),
  };
  await saveModels(context.dataDir, curated, { lock });
  return curated;
}
