import {
  aliasOverrides,
  aliasRemovals,
  applyLedgerFacts,
  type CurateOptions,
  curate,
  developerNotes,
  mergeObservations,
  type ObservationFileSummary,
  type OrphanedRuling,
  orphanedRulings,
  type RulingEstimation,
} from '@tracker/dataset';
import {
  assessThreshold,
  confidenceFromSigma,
  DEFAULT_SETTINGS,
  estimateRecords,
  sigmaFromFactor,
} from '@tracker/estimation';
import { type AliasConfig, createResolver, type ExclusionConfig } from '@tracker/resolve';
import type {
  ExcludedObservation,
  LedgerEntry,
  MergeSuggestion,
  ModelRecord,
  ObservationFile,
  StatusCutPoints,
} from '@tracker/schema';

import { summarizeFiles } from './source-outcomes';

/** What the machine part of a run starts from: every source's observations and the human ledger. */
export interface BuildModelsInput {
  observationFiles: readonly ObservationFile[];
  ledger: readonly LedgerEntry[];
  aliases?: AliasConfig;
  exclusions?: ExclusionConfig;
  threshold: number;
  cutPoints?: StatusCutPoints;
  reviewFactor: number;
  /** Sources in trust order when facts disagree (config `sourceRank`). */
  sourceRank: readonly string[];
  /** Estimate each model without its own reported figure (validation only). */
  blind?: boolean;
  /**
   * The machine part of an earlier build from exactly these inputs (the data folder's build cache): resolution,
   * merge and estimation are skipped and only curation runs again.
   */
  reuse?: MachineBuild;
  /** Called with the machine part when it was computed (not reused), before curation, e.g. to cache it. */
  onMachineBuild?: (machine: MachineBuild) => void;
}

/**
 * The machine part of a build: the merged records with their estimates, before curation, and what resolution set
 * aside. A pure function of the observations, the ledger, the alias lists, the settings and the code.
 */
export interface MachineBuild {
  /** The envelope of each observation file built from (source, snapshots, observation count). */
  sources: ObservationFileSummary[];
  records: ModelRecord[];
  excluded: ExcludedObservation[];
  suggestions: MergeSuggestion[];
  observationCount: number;
}

export interface BuildModelsResult {
  /** Curated records, sorted by id. */
  models: ModelRecord[];
  excluded: ExcludedObservation[];
  suggestions: MergeSuggestion[];
  observationCount: number;
  /** The envelope of each observation file built from (source, snapshots, observation count). */
  sources: ObservationFileSummary[];
  /** Rulings in force whose model no longer exists (and that no alias carried to one that does). */
  orphanedRulings: OrphanedRuling[];
}

/**
 * The settings of a build that come from the configuration: the threshold, the status cuts, the review factor,
 * the sources' trust order.
 */
export function buildSettings(
  config: {
    threshold: number;
    statusCuts: StatusCutPoints;
    reviewFactor: number;
    sourceRank: readonly string[];
  },
  threshold = config.threshold,
): Pick<BuildModelsInput, 'threshold' | 'cutPoints' | 'reviewFactor' | 'sourceRank'> {
  return {
    threshold,
    cutPoints: config.statusCuts,
    reviewFactor: config.reviewFactor,
    sourceRank: config.sourceRank,
  };
}

/** How curation turns a ruling's figure into an estimate: estimation's own functions (dataset does not import them). */
export const RULING_ESTIMATION: RulingEstimation = {
  assessThreshold,
  sigmaFromFactor,
  confidenceFromSigma,
  reportedHalfWidth: DEFAULT_SETTINGS.reportedHalfWidth,
};

/** `curate`'s options for models built with `threshold`: the configured review factor and cut points. */
export function curateOptions(
  config: { statusCuts: StatusCutPoints; reviewFactor: number },
  threshold: number,
): CurateOptions {
  return {
    threshold,
    reviewFactor: config.reviewFactor,
    cutPoints: config.statusCuts,
    estimation: RULING_ESTIMATION,
  };
}

/**
 * resolve → merge → ledger facts → estimate → curate: composes the libraries, in the order of DESIGN §1.
 * Pure apart from the clock; the callers load and save.
 */
export function buildModels(input: BuildModelsInput): BuildModelsResult {
  let machine = input.reuse;
  if (!machine) {
    machine = machineBuild(input);
    input.onMachineBuild?.(machine);
  }
  const { excluded, suggestions, sources } = machine;
  const models = curate(machine.records, input.ledger, {
    threshold: input.threshold,
    reviewFactor: input.reviewFactor,
    ...(input.cutPoints ? { cutPoints: input.cutPoints } : {}),
    estimation: RULING_ESTIMATION,
  });
  models.sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  return {
    models,
    excluded,
    suggestions,
    observationCount: machine.observationCount,
    sources,
    orphanedRulings: orphanedRulings(models, input.ledger, input.threshold),
  };
}

/** resolve → merge → ledger facts → estimate: the part of a build that curation does not touch. */
function machineBuild(input: BuildModelsInput): MachineBuild {
  const observations = input.observationFiles.flatMap((file) => file.observations);
  const resolver = createResolver({
    ...(input.aliases ? { aliases: input.aliases } : {}),
    ...(input.exclusions ? { exclusions: input.exclusions } : {}),
    overrides: aliasOverrides(input.ledger),
    removedAliases: new Set(aliasRemovals(input.ledger).keys()),
  });
  const { resolved, excluded, suggestions } = resolver.resolveAll(observations);
  const merged = applyLedgerFacts(mergeObservations(resolved), input.ledger);
  const notes = Object.fromEntries(
    [...developerNotes(input.ledger)].map(([developer, note]) => [
      developer,
      `${note.capacity} (reviewer ${note.by}, ${note.at.slice(0, 10)}: ${note.reason})`,
    ]),
  );
  const estimates = estimateRecords(merged, {
    threshold: input.threshold,
    ...(input.cutPoints ? { cutPoints: input.cutPoints } : {}),
    ...(input.blind ? { blind: true } : {}),
    sourceRank: input.sourceRank,
    developerNotes: notes,
  });
  // The merged records are this build's own: each takes its estimate in place instead of being copied (one copy
  // of every record less to collect).
  for (const record of merged) {
    const result = estimates.get(record.id);
    if (result) {
      record.estimate = result.estimate;
      record.assessment = result.assessment;
    }
  }
  return {
    sources: summarizeFiles(input.observationFiles),
    records: merged,
    excluded,
    suggestions,
    observationCount: observations.length,
  };
}
