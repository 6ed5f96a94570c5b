import {
  COMPUTE_SIGNAL_LINE,
  type ComputeSignal,
  DEFAULT_REVIEW_FLOOR,
  DEFAULT_STATUS_CUTS,
  DEFAULT_THRESHOLD,
  type ModelRecord,
  type StatusCutPoints,
  type ThresholdAssessment,
} from '@tracker/schema';
import type { EstimateComputeResult } from './estimate-compute';
import { pickFact } from './facts';
import { probabilityAbove } from './probability';

/** What the reference data (Epoch AI) says about one model. */
export interface ValidationTruth {
  id: string;
  name: string;
  /** Known training compute, FLOP. */
  computeFlop?: number;
  /** Qualitative signals; `over-1e25` counts as a positive when the threshold is the signals' line. */
  signals?: readonly ComputeSignal[];
}

/** Per-model line of the report. */
export interface ValidationRow {
  id: string;
  name: string;
  truthFlop?: number;
  truthAbove?: boolean;
  median?: number;
  probabilityAbove: number | null;
  status: ThresholdAssessment['status'];
  /** log10(ours / truth) when both are known. */
  log10Error?: number;
}

/** The validation report (DESIGN §5). */
export interface ValidationReport {
  compute: {
    count: number;
    medianAbsLog10: number | null;
    p90AbsLog10: number | null;
    withinFactor2: number | null;
    withinFactor3: number | null;
  };
  threshold: {
    threshold: number;
    count: number;
    truePositive: number;
    falsePositive: number;
    falseNegative: number;
    trueNegative: number;
    precision: number | null;
    recall: number | null;
    f1: number | null;
    accuracy: number | null;
    brier: number | null;
    /** Models with a known truth but no estimate (counted as a "not above" call with P = 0.5 in Brier). */
    unestimated: number;
  };
  /** Reliability of P(above): per bin of P, how many models, their mean P and the observed rate. */
  reliability: ReliabilityBin[];
  /** The review queue (P ≥ the review floor) against the models truly over. */
  reviewBurden: ReviewBurden;
  /** Models whose call (P ≥ the `likelyAbove` cut) differs from the truth. */
  disagreements: ValidationRow[];
  rows: ValidationRow[];
}

/** One bin of the reliability table. */
export interface ReliabilityBin {
  /** `0.0–0.1`… */
  bin: string;
  low: number;
  high: number;
  count: number;
  meanProbability: number | null;
  observedRate: number | null;
}

/** How much a reviewer must look at to see every model truly over. */
export interface ReviewBurden {
  floor: number;
  /** Models with P ≥ floor. */
  queue: number;
  /** Models truly over the threshold. */
  trulyOver: number;
  /** Of those, how many are in the queue. */
  caught: number;
  /** queue ÷ trulyOver. */
  ratio: number | null;
}

/** Options of {@link validateAgainst}. */
export interface ValidateOptions {
  /** The compute threshold in FLOP (default `DEFAULT_THRESHOLD` of `@tracker/schema`: the configured one). */
  threshold?: number;
  /**
   * The status cut points: the call "over the threshold" is P(above) ≥ `likelyAbove` (default `DEFAULT_STATUS_CUTS`
   * of `@tracker/schema`: pass the configured ones).
   */
  cutPoints?: StatusCutPoints;
  /** Review floor for the review-burden figure (default `DEFAULT_REVIEW_FLOOR` of `@tracker/schema`). */
  reviewFloor?: number;
  /** Number of equal-width P bins of the reliability table (default 10). */
  bins?: number;
}

/** The reliability table of scored rows: equal-width bins of P(above), the last one closed. */
export function reliabilityTable(rows: readonly ValidationRow[], bins = 10): ReliabilityBin[] {
  const table = Array.from({ length: bins }, (_, index) => ({
    bin: `${(index / bins).toFixed(1)}–${((index + 1) / bins).toFixed(1)}`,
    low: index / bins,
    high: (index + 1) / bins,
    count: 0,
    sum: 0,
    over: 0,
  }));
  for (const row of rows) {
    if (row.truthAbove === undefined || row.probabilityAbove === null) continue;
    const index = Math.min(bins - 1, Math.floor(row.probabilityAbove * bins));
    const bin = table[index] as (typeof table)[number];
    bin.count++;
    bin.sum += row.probabilityAbove;
    if (row.truthAbove) bin.over++;
  }
  return table.map(({ sum, over, ...bin }) => ({
    ...bin,
    meanProbability: bin.count > 0 ? sum / bin.count : null,
    observedRate: bin.count > 0 ? over / bin.count : null,
  }));
}

/** The review burden of scored rows at a floor: queue (P ≥ floor) against the models truly over. */
export function reviewBurden(rows: readonly ValidationRow[], floor = DEFAULT_REVIEW_FLOOR): ReviewBurden {
  const scored = rows.filter((row) => row.truthAbove !== undefined);
  const queue = scored.filter((row) => (row.probabilityAbove ?? 0) >= floor);
  const trulyOver = scored.filter((row) => row.truthAbove).length;
  return {
    floor,
    queue: queue.length,
    trulyOver,
    caught: queue.filter((row) => row.truthAbove).length,
    ratio: trulyOver > 0 ? queue.length / trulyOver : null,
  };
}

/** The truth of a record from its Epoch facts (the most trusted reported compute, and compute signals). */
export function truthFromRecord(record: ModelRecord): ValidationTruth {
  const truth: ValidationTruth = { id: record.id, name: record.name };
  const reported = pickFact(record.facts.reportedCompute?.filter((fact) => fact.source === 'epoch'));
  if (reported) truth.computeFlop = reported.value.flop;
  const signals = (record.facts.computeSignals ?? [])
    .filter((fact) => fact.source === 'epoch')
    .map((fact) => fact.value);
  if (signals.length > 0) truth.signals = signals;
  return truth;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return (
    (sorted[lower] as number) + ((sorted[upper] as number) - (sorted[lower] as number)) * (position - lower)
  );
}

/**
 * Compares estimates with reference data. Compute accuracy over models with known compute: median and 90th
 * percentile of |log10(ours/truth)|, share within ×2 and ×3. Threshold: a model is a positive when its known
 * compute is ≥ the threshold or, when the threshold is the signals' 1e25 line, it carries the `over-1e25` signal;
 * our call is P(above) ≥ the `likelyAbove` cut; Brier score of
 * P(above). Models with neither known compute nor a signal are not scored on the threshold.
 */
export function validateAgainst(
  truths: readonly (ValidationTruth | ModelRecord)[],
  ours: ReadonlyMap<string, EstimateComputeResult>,
  options: ValidateOptions = {},
): ValidationReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const aboveCut = (options.cutPoints ?? DEFAULT_STATUS_CUTS).likelyAbove;
  const rows: ValidationRow[] = [];
  for (const item of truths) {
    const truth = 'facts' in item ? truthFromRecord(item) : item;
    const result = ours.get(truth.id);
    const estimate = result?.estimate ?? null;
    const probability = estimate ? probabilityAbove(estimate, threshold) : null;
    const row: ValidationRow = {
      id: truth.id,
      name: truth.name,
      probabilityAbove: probability,
      status: estimate ? (result?.assessment.status ?? 'unknown') : 'unknown',
    };
    if (truth.computeFlop !== undefined) row.truthFlop = truth.computeFlop;
    const positive =
      (truth.computeFlop !== undefined && truth.computeFlop >= threshold) ||
      (threshold === COMPUTE_SIGNAL_LINE && truth.signals?.includes('over-1e25'));
    if (positive) row.truthAbove = true;
    else if (truth.computeFlop !== undefined) row.truthAbove = false;
    if (estimate) row.median = estimate.median;
    if (estimate && truth.computeFlop !== undefined)
      row.log10Error = Math.log10(estimate.median / truth.computeFlop);
    rows.push(row);
  }
  const errors = rows
    .filter((row) => row.log10Error !== undefined)
    .map((row) => Math.abs(row.log10Error as number))
    .sort((left, right) => left - right);
  const scored = rows.filter((row) => row.truthAbove !== undefined);
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let trueNegative = 0;
  let brierSum = 0;
  const disagreements: ValidationRow[] = [];
  for (const row of scored) {
    const called = (row.probabilityAbove ?? 0) >= aboveCut;
    const truth = row.truthAbove as boolean;
    if (called && truth) truePositive++;
    else if (called) falsePositive++;
    else if (truth) falseNegative++;
    else trueNegative++;
    if (called !== truth) disagreements.push(row);
    brierSum += ((row.probabilityAbove ?? 0.5) - (truth ? 1 : 0)) ** 2;
  }
  const ratio = (numerator: number, denominator: number) =>
    denominator > 0 ? numerator / denominator : null;
  const precision = ratio(truePositive, truePositive + falsePositive);
  const recall = ratio(truePositive, truePositive + falseNegative);
  return {
    compute: {
      count: errors.length,
      medianAbsLog10: errors.length > 0 ? quantile(errors, 0.5) : null,
      p90AbsLog10: errors.length > 0 ? quantile(errors, 0.9) : null,
      withinFactor2: ratio(errors.filter((error) => error <= Math.log10(2)).length, errors.length),
      withinFactor3: ratio(errors.filter((error) => error <= Math.log10(3)).length, errors.length),
    },
    threshold: {
      threshold,
      count: scored.length,
      truePositive,
      falsePositive,
      falseNegative,
      trueNegative,
      precision,
      recall,
      f1:
        precision !== null && recall !== null && precision + recall > 0
          ? (2 * precision * recall) / (precision + recall)
          : null,
      accuracy: ratio(truePositive + trueNegative, scored.length),
      brier: ratio(brierSum, scored.length),
      unestimated: scored.filter((row) => row.probabilityAbove === null).length,
    },
    reliability: reliabilityTable(rows, options.bins),
    reviewBurden: reviewBurden(rows, options.reviewFloor),
    disagreements,
    rows,
  };
}
