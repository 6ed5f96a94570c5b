import type { ComputeBreakdown, ComputeEstimate, EstimateInput, ModelFacts } from '@tracker/schema';
import type { HardwareTable } from './data/hardware';

/** The contract version this package implements. Any change to {@link Estimator} is a major changeset. */
export const ESTIMATOR_API_VERSION = 1 as const;

/** Facts an estimator can declare monotonic: more of it never lowers the estimate. */
export type MonotonicFact =
  | 'parameters'
  | 'activeParameters'
  | 'trainingTokens'
  | 'hardware.count'
  | 'hardware.hours'
  | 'hardware.utilization'
  | 'costUsd';

/** Where one fact came from (carried into every input an estimator reports). */
export interface FactProvenance {
  /** Scraper id, `ledger`, `config`, `input` (given by the caller), `name` (read from the name) or `prior`. */
  source: string;
  url?: string;
  retrievedAt?: string;
}

/**
 * ModelFacts plus, optionally, the provenance of each field (`factsFromRecord` fills it) and every leaderboard
 * snapshot a model was scored in (the benchmark method picks the snapshot with the best-supported fit).
 */
export type EstimatorFacts = ModelFacts & {
  /** Field name (`parameters`, `hardware`, `scores.lmarena-text`...) → where it came from. */
  provenance?: Record<string, FactProvenance>;
  /** Benchmark id → every snapshot score, each with its `asOf`. */
  scoreSnapshots?: Record<string, { value: number; asOf?: string }[]>;
  /**
   * Another model of the same developer whose name this one's extends only by checkpoint or serving words
   * ("GPT-5.1 Instant" of "GPT-5.1", "Gemini 2.5 Pro Preview 05-06" of "Gemini 2.5 Pro"): the same pretrained
   * weights, so the `derivative` method may impute its compute. Unlike `baseModel` it never makes a direct
   * estimate a run on top of a base.
   */
  variantOf?: string;
};

/** A model with known compute that the benchmark method can fit on. Built by `buildReferences` or by hand. */
export interface ReferencePoint {
  /** Canonical id (leave-one-out excludes references with the model's own id). */
  id: string;
  name: string;
  /** Total training compute in FLOP (reported, confident or likely). */
  computeFlop: number;
  /** ISO date. */
  releaseDate?: string;
  /** Developer, for the benchmark method's per-developer offset. */
  developer?: string;
  /** Benchmark id → scores, one per leaderboard snapshot. */
  scores: Record<string, { value: number; asOf: string }[]>;
  /** Where the compute figure came from. */
  source?: string;
  url?: string;
  /** Accessibility (`open-weights`, `api`...): open weights let parameters enter the imputation. */
  accessibility?: string;
  parameters?: number;
  activeParameters?: number;
  /** API price per million tokens (blended), when known. */
  pricePerMillion?: number;
}

/**
 * A model the capability fit places (every scored model, with or without known compute): scores link the
 * leaderboards, and developer plus accessibility give the developer groups. No compute figure.
 */
export interface PopulationMember {
  id: string;
  name: string;
  developer?: string;
  accessibility?: string;
  /** Total and active parameters when stated (a member with active < total shows its family is MoE). */
  parameters?: number;
  activeParameters?: number;
  scores: Record<string, { value: number; asOf?: string }[]>;
}

/**
 * A model with a known compute figure that later models may be built on (a post-train, fine-tune or
 * distillation of it): the `derivative` method matches names and sizes against these, and the name heuristic
 * learns from them which sizes were ever trained dense and which developers build mixtures of experts.
 * Built by `buildLineage` from every record with a `confident` or `likely` reported figure (no scores needed);
 * `parameters` is the total (stated, else from the name), `activeParameters` stated or named (`A22B`).
 */
export interface LineageModel
  extends Pick<
    PopulationMember,
    'id' | 'name' | 'developer' | 'accessibility' | 'parameters' | 'activeParameters'
  > {
  releaseDate?: string;
  trainingTokens?: number;
  /** Its reported training compute, FLOP, and that figure's confidence. */
  computeFlop: number;
  confidence: 'confident' | 'likely';
  /** It is itself built on another model (a base model other than itself): not a pretrained base. */
  derived: boolean;
  /** How many records name it as their base model (its popularity as a base). */
  derivatives?: number;
}

/** Tunable numbers of the built-in methods. Every default is documented in docs/methodology.md. */
export interface EstimationSettings {
  /** 90% half-width (as a factor) of a reported figure by its confidence. */
  reportedHalfWidth: { confident: number; likely: number; speculative: number; unknown: number };
  /** Utilization prior of the hardware-time method: median and 90% range. */
  utilizationPrior: { median: number; low: number; high: number };
  /** Minimum number of reference models for a benchmark fit. */
  benchmarkMinReferences: number;
  /**
   * Benchmarks the benchmark method may use; absent (the default): every score key the facts carry. Benchmark
   * ids come from the data, not from this package.
   */
  benchmarks?: readonly string[];
}

/** The defaults: Confident ×3, Likely ×10, Speculative ×30, Unknown ×30; utilization 30% (20–50%). */
export const DEFAULT_SETTINGS: Readonly<EstimationSettings> = Object.freeze({
  reportedHalfWidth: Object.freeze({ confident: 3, likely: 10, speculative: 30, unknown: 30 }),
  utilizationPrior: Object.freeze({ median: 0.3, low: 0.2, high: 0.5 }),
  benchmarkMinReferences: 6,
});

/** A cache the benchmark method keeps its fits in; `estimateRecords` shares one across all models. */
export type FitCache = Map<string, unknown>;

/** What `estimate()` receives besides the facts. */
export interface EstimateContext {
  /** Models with known compute, for the benchmark method. */
  references: readonly ReferencePoint[];
  /** Blind mode: leave out the model's own reported figure and its own reference point. */
  blind: boolean;
  /** The estimate of a base model by name or id (the pipeline resolves it), or null. */
  lookupBase?: (nameOrId: string) => ComputeEstimate | null;
  /** Chips and prices. */
  hardware: HardwareTable;
  settings: EstimationSettings;
  /** Shared cache of the benchmark method's fit (fitted once per context). */
  cache: FitCache;
  /** Every scored model (references included), for the capability scale and the developer groups. */
  population?: readonly PopulationMember[];
  /** The threshold P(above) is calibrated for (default 1e25). */
  threshold?: number;
  /** Validation: leave out every reference of the model's developer too (leave-one-developer-out). */
  leaveOutDeveloper?: boolean;
  /** Models with known compute that others may be built on (default: derived from `references`). */
  lineage?: readonly LineageModel[];
}

/**
 * What an estimator is. `direct`: evidence about the model itself (a reported figure, its tokens, its chips);
 * `imputation`: what similar models suggest (used only when no direct method applied); `bound`: a figure that
 * only limits compute from one side.
 */
export type EstimatorKind = 'direct' | 'imputation' | 'bound';

/** A conflict rule an estimator carries: when it and `method` disagree by over ×3, it is kept and `method` dropped. */
export interface Precedence {
  method: string;
  reason: string;
}

/**
 * What an estimator returns when it applies. `median` and `log10Sigma` describe a log-normal belief; the interval
 * is derived from them. `scope: 'run'` marks a figure that covers only this model's own training run (a
 * fine-tune's tokens or GPU-hours): the base model's compute is added to it when the model has a base.
 */
export interface EstimatorResult {
  /** Median FLOP. */
  median: number;
  /** Standard deviation of log10(FLOP). */
  log10Sigma: number;
  /** Every input used, with provenance. */
  inputs: EstimateInput[];
  /** The arithmetic, written out. */
  reasoning: string;
  /** `total` (default): all training compute. `run`: this model's own run only. */
  scope?: 'total' | 'run';
  breakdown?: ComputeBreakdown;
  /** Facts worth showing that did not enter the number. */
  notes?: string[];
}

/** A method of estimating training compute. Build one with `defineEstimator()`. */
export interface Estimator {
  /** Contract version, stamped by `defineEstimator`. */
  readonly apiVersion: typeof ESTIMATOR_API_VERSION;
  /** Stable kebab-case id, shown as the component's `method`. */
  readonly id: string;
  /** One line on what it does. */
  readonly description: string;
  /** Trust order: lower is more trusted (reported 10 … name-heuristic 60). Orders methods within a kind. */
  readonly priority: number;
  /** Direct evidence, imputation or bound (see {@link EstimatorKind}). */
  readonly kind: EstimatorKind;
  /** Methods this one prevails over when both are direct and disagree by more than ×3. */
  readonly prevailsOver: readonly Precedence[];
  /** Facts that never lower the estimate when they grow (checked by the conformance suite). */
  readonly monotonic: readonly MonotonicFact[];
  /** Pure and synchronous; `null` when the method does not apply to these facts. */
  estimate(facts: EstimatorFacts, context: EstimateContext): EstimatorResult | null;
}
