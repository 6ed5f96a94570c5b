import {
  type ComputeEstimate,
  DEFAULT_STATUS_CUTS,
  DEFAULT_THRESHOLD,
  type ThresholdAssessment,
  TrackerError,
} from '@tracker/schema';
import { benchmarkEstimator } from './builtin/benchmark';
import { costEstimator } from './builtin/cost';
import { derivativeEstimator } from './builtin/derivative';
import { fineTuneEstimator } from './builtin/fine-tune';
import { hardwareTimeEstimator } from './builtin/hardware-time';
import { nameHeuristicEstimator } from './builtin/name-heuristic';
import { operationCountEstimator } from './builtin/operation-count';
import { reportedEstimator } from './builtin/reported';
import { reportedSignalEstimator } from './builtin/reported-signal';
import { combineComponents, type RankedComponent, toComponent } from './combine';
import { HARDWARE_TABLE, type HardwareTable } from './data/hardware';
import {
  DEFAULT_SETTINGS,
  type EstimateContext,
  type EstimationSettings,
  type Estimator,
  type EstimatorFacts,
  type EstimatorResult,
  type FitCache,
  type LineageModel,
  type PopulationMember,
  type ReferencePoint,
} from './estimator';
import { quadrature } from './inputs';
import { formatFlop } from './names';
import { assessThreshold, confidenceFromSigma, intervalFromSigma, type StatusCutPoints } from './probability';

/** The built-in methods, most trusted first. */
export const builtinEstimators: readonly Estimator[] = Object.freeze([
  reportedEstimator,
  reportedSignalEstimator,
  fineTuneEstimator,
  operationCountEstimator,
  hardwareTimeEstimator,
  costEstimator,
  derivativeEstimator,
  benchmarkEstimator,
  nameHeuristicEstimator,
]);

/** Options of {@link estimateCompute}. */
export interface EstimateComputeOptions {
  /** Methods to run (default {@link builtinEstimators}). */
  estimators?: readonly Estimator[];
  /** Models with known compute for the benchmark method. */
  references?: readonly ReferencePoint[];
  /** Leave out the model's own reported figure and reference point (validation). */
  blind?: boolean;
  /** Threshold of the assessment (default 1e25). */
  threshold?: number;
  cutPoints?: StatusCutPoints;
  /** The estimate of a base model by name or id, or null. */
  lookupBase?: (nameOrId: string) => ComputeEstimate | null;
  /** Overrides of the method settings. */
  settings?: Partial<EstimationSettings>;
  hardware?: HardwareTable;
  /** Reviewers' notes on developers' capacity, by developer name (case-insensitive): shown, never applied. */
  developerNotes?: Readonly<Record<string, string>>;
  /** Benchmark-fit cache to share across calls (`estimateRecords` does). */
  cache?: FitCache;
  /** Every scored model, for the capability scale and developer groups (default: the references). */
  population?: readonly PopulationMember[];
  /** Validation: leave out every reference of the model's developer as well as its own point. */
  leaveOutDeveloper?: boolean;
  /** Models with known compute that others may be built on (`buildLineage`; default: from the references). */
  lineage?: readonly LineageModel[];
}

/** The result of {@link estimateCompute}. */
export interface EstimateComputeResult {
  estimate: ComputeEstimate | null;
  assessment: ThresholdAssessment;
}

/** Base-model compute as a log-normal (median, σ), with where it came from. */
interface BaseCompute {
  median: number;
  log10Sigma: number;
  text: string;
}

/** Builds the estimation context from options (exported for `estimateRecords` and the conformance suite). */
export function createEstimateContext(options: EstimateComputeOptions = {}): EstimateContext {
  const context: EstimateContext = {
    references: options.references ?? [],
    blind: options.blind ?? false,
    hardware: options.hardware ?? HARDWARE_TABLE,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    cache: options.cache ?? new Map(),
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
  };
  if (options.population) context.population = options.population;
  if (options.leaveOutDeveloper) context.leaveOutDeveloper = true;
  if (options.lookupBase) context.lookupBase = options.lookupBase;
  if (options.lineage) context.lineage = options.lineage;
  return context;
}

function baseCompute(facts: EstimatorFacts, context: EstimateContext): BaseCompute | null {
  if (!facts.baseModel) return null;
  if (facts.baseModelCompute) {
    return {
      median: facts.baseModelCompute,
      log10Sigma: 0.15,
      text: `base model ${facts.baseModel}: ${formatFlop(facts.baseModelCompute)} FLOP (given)`,
    };
  }
  const looked = context.lookupBase?.(facts.baseModel) ?? null;
  if (!looked) return null;
  return {
    median: looked.median,
    log10Sigma: looked.log10Sigma,
    text: `base model ${facts.baseModel}: ${formatFlop(looked.median)} FLOP (its own estimate, ${looked.method})`,
  };
}

/**
 * Adds the base model's compute to a result that covers only this model's run. When the run alone is at
 * least half the base's compute, its inputs evidently describe the base's pretraining (sources often repeat
 * the base's tokens for a post-trained model), so it is taken as the total instead of being added twice.
 */
function addBase(
  result: EstimatorResult,
  base: BaseCompute | null,
  baseName: string | undefined,
): { result: EstimatorResult; excludedBecause?: string } {
  if (result.scope !== 'run') return { result };
  if (!base) {
    return {
      result: {
        ...result,
        notes: [
          ...(result.notes ?? []),
          `covers only the own run of a model built on ${baseName}; that base's compute is unknown, so this is a lower bound`,
        ],
      },
      excludedBecause: `covers only the own run; the compute of base model ${baseName} is unknown (lower bound)`,
    };
  }
  if (result.median >= 0.5 * base.median && !result.breakdown) {
    return {
      result: {
        ...result,
        reasoning: `${result.reasoning}; this is at least half of the ${base.text}, so the inputs describe the base's pretraining and the figure is taken as the total`,
      },
    };
  }
  const median = base.median + result.median;
  const baseShare = base.median / median;
  const log10Sigma = quadrature(baseShare * base.log10Sigma, (1 - baseShare) * result.log10Sigma);
  return {
    result: {
      ...result,
      median,
      log10Sigma,
      reasoning: `${result.reasoning}; plus ${base.text} → total ${formatFlop(median)} FLOP`,
      breakdown: { ...(result.breakdown ?? { postTraining: result.median }), baseModel: base.median },
    },
  };
}

function validResult(estimator: Estimator, result: EstimatorResult, name: string): void {
  if (
    !(
      Number.isFinite(result.median) &&
      result.median > 0 &&
      Number.isFinite(result.log10Sigma) &&
      result.log10Sigma >= 0
    )
  ) {
    throw new TrackerError(
      'ESTIMATE_FAILED',
      `[estimator:${estimator.id}] ${name}: invalid result (median ${result.median}, log10Sigma ${result.log10Sigma})`,
    );
  }
}

/**
 * Estimates the total training compute of one model from its facts: runs every method, adds base-model
 * compute to fine-tunes, combines the components (see `combineComponents`) and assesses the threshold.
 *
 * @example
 * const { estimate, assessment } = estimateCompute({ name: 'Llama 3.1 405B', parameters: 405e9, trainingTokens: 15.6e12 });
 * estimate?.median; // 3.79e25
 * assessment.status; // 'above'
 */
export function estimateCompute(
  facts: EstimatorFacts,
  options: EstimateComputeOptions = {},
): EstimateComputeResult {
  const context = createEstimateContext(options);
  const estimators = options.estimators ?? builtinEstimators;
  const base = baseCompute(facts, context);
  const ranked: RankedComponent[] = [];
  const notes: string[] = [];
  for (const estimator of estimators) {
    let raw: EstimatorResult | null;
    try {
      raw = estimator.estimate(facts, context);
    } catch (error) {
      throw new TrackerError(
        'ESTIMATE_FAILED',
        `[estimator:${estimator.id}] ${facts.name}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    if (raw === null) continue;
    validResult(estimator, raw, facts.name);
    const { result, excludedBecause } = addBase(raw, base, facts.baseModel);
    const component = toComponent(
      estimator.id,
      result.median,
      result.log10Sigma,
      result.inputs,
      result.reasoning,
    );
    if (excludedBecause) {
      component.used = false;
      component.excludedBecause = excludedBecause;
    }
    const entry: RankedComponent = {
      component,
      priority: estimator.priority,
      kind: estimator.kind,
      prevailsOver: estimator.prevailsOver,
    };
    if (result.breakdown) entry.breakdown = result.breakdown;
    ranked.push(entry);
    if (result.notes) notes.push(...result.notes);
  }
  // A lower bound is better than nothing when no other method applied.
  if (ranked.length > 0 && ranked.every((entry) => !entry.component.used)) {
    const best = [...ranked].sort((left, right) => left.priority - right.priority)[0] as RankedComponent;
    best.component.used = true;
    delete best.component.excludedBecause;
    notes.push(
      `only a lower bound is known: ${best.component.method} covers the own run, not the base model`,
    );
  }
  const combined = combineComponents(ranked);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const cutPoints = options.cutPoints ?? DEFAULT_STATUS_CUTS;
  if (!combined) return { estimate: null, assessment: assessThreshold(null, threshold, cutPoints) };
  const developerNote = facts.developer
    ? findDeveloperNote(options.developerNotes, facts.developer)
    : undefined;
  if (developerNote)
    notes.push(`reviewer's note on ${facts.developer} (evidence only, not applied): ${developerNote}`);
  const estimate: ComputeEstimate = {
    median: combined.median,
    interval90: intervalFromSigma(combined.median, combined.log10Sigma),
    log10Sigma: combined.log10Sigma,
    method: combined.method,
    confidence: confidenceFromSigma(combined.log10Sigma),
    components: ranked.map((entry) => entry.component),
    combination: combined.combination,
  };
  if (combined.breakdown) estimate.breakdown = combined.breakdown;
  if (notes.length > 0) estimate.notes = notes;
  return { estimate, assessment: assessThreshold(estimate, threshold, cutPoints) };
}

function findDeveloperNote(
  notes: Readonly<Record<string, string>> | undefined,
  developer: string,
): string | undefined {
  if (!notes) return undefined;
  const wanted = developer.toLowerCase();
  for (const [name, note] of Object.entries(notes)) if (name.toLowerCase() === wanted) return note;
  return undefined;
}
