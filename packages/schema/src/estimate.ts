import { z } from 'zod';
import { ConfidenceSchema, PositiveNumberSchema, TimestampSchema } from './common';
import { ComputeSignalSchema, PricingSchema } from './observation';

/** One input an estimator used, with where it came from. */
export const EstimateInputSchema = z
  .object({
    /** What it is: `parameters`, `activeParameters`, `trainingTokens`, `chip`, `lmarena-text`... */
    name: z.string().min(1),
    value: z.union([z.number(), z.string(), z.boolean()]),
    /** Scraper id, `ledger`, `config`, `name` (read from the model's name) or `prior` (an assumption). */
    source: z.string().min(1).optional(),
    url: z.string().optional(),
    retrievedAt: TimestampSchema.optional(),
  })
  .strict();
export type EstimateInput = z.infer<typeof EstimateInputSchema>;

/** A 90% interval `[low, high]` in FLOP. */
export const IntervalSchema = z.tuple([PositiveNumberSchema, PositiveNumberSchema]);
export type Interval = z.infer<typeof IntervalSchema>;

/** What one method said about one model. */
export const EstimateComponentSchema = z
  .object({
    /** Estimator id (`operation-count`). */
    method: z.string().min(1),
    median: PositiveNumberSchema,
    interval90: IntervalSchema,
    log10Sigma: z.number().nonnegative(),
    inputs: z.array(EstimateInputSchema),
    /** The arithmetic, written out. */
    reasoning: z.string().min(1),
    /** Whether this component entered the combined estimate. */
    used: z.boolean(),
    /** Why it was left out, when it was. */
    excludedBecause: z.string().optional(),
  })
  .strict();
export type EstimateComponent = z.infer<typeof EstimateComponentSchema>;

/** Pretraining / post-training / synthetic-data split of the total, in FLOP, when known. */
export const ComputeBreakdownSchema = z
  .object({
    pretraining: PositiveNumberSchema.optional(),
    /** Compute of the base model, included in the total. */
    baseModel: PositiveNumberSchema.optional(),
    postTraining: PositiveNumberSchema.optional(),
    syntheticData: PositiveNumberSchema.optional(),
  })
  .strict();
export type ComputeBreakdown = z.infer<typeof ComputeBreakdownSchema>;

/** A log-normal belief about total training FLOP (DESIGN §2). */
export const ComputeEstimateSchema = z
  .object({
    median: PositiveNumberSchema,
    interval90: IntervalSchema,
    /** Standard deviation of log10(FLOP). */
    log10Sigma: z.number().nonnegative(),
    /** The method that set the estimate (the most trusted that applied), or `combined`. */
    method: z.string().min(1),
    confidence: ConfidenceSchema,
    components: z.array(EstimateComponentSchema),
    /** How the components became this estimate, in words and arithmetic. */
    combination: z.string(),
    breakdown: ComputeBreakdownSchema.optional(),
    /** Evidence shown but not used numerically (e.g. a reviewer's note on a developer's capacity). */
    notes: z.array(z.string()).optional(),
  })
  .strict();
export type ComputeEstimate = z.infer<typeof ComputeEstimateSchema>;

/** Threshold status (DESIGN §2). */
export const ThresholdStatusSchema = z.enum(['above', 'likely-above', 'likely-below', 'below', 'unknown']);
export type ThresholdStatus = z.infer<typeof ThresholdStatusSchema>;

/** How likely a model is to be over a compute threshold. */
export const ThresholdAssessmentSchema = z
  .object({
    threshold: PositiveNumberSchema,
    /** P(compute > threshold), or null when there is no estimate. */
    probabilityAbove: z.number().min(0).max(1).nullable(),
    status: ThresholdStatusSchema,
  })
  .strict();
export type ThresholdAssessment = z.infer<typeof ThresholdAssessmentSchema>;

/** A score as an estimator input: a bare number means the latest snapshot. */
export const FactScoreSchema = z.union([
  z.number().finite(),
  z.object({
    value: z.number().finite(),
    asOf: z.string().optional(),
    votes: z.number().optional(),
    preliminary: z.boolean().optional(),
  }),
]);

/**
 * What an estimator is given about one model: a flat set of facts, each optional (DESIGN §6 `estimate --input`).
 * Research code can build it by hand; the pipeline derives it from a ModelRecord with the provenance of each fact.
 */
export const ModelFactsSchema = z
  .object({
    id: z.string().optional(),
    name: z.string().min(1),
    developer: z.string().optional(),
    releaseDate: z.string().optional(),
    parameters: PositiveNumberSchema.optional(),
    activeParameters: PositiveNumberSchema.optional(),
    trainingTokens: PositiveNumberSchema.optional(),
    hardware: z
      .object({
        chip: z.string().optional(),
        count: PositiveNumberSchema.optional(),
        hours: PositiveNumberSchema.optional(),
        utilization: z.number().gt(0).lte(1).optional(),
        precision: z.string().optional(),
      })
      .optional(),
    costUsd: PositiveNumberSchema.optional(),
    reportedCompute: z
      .object({
        flop: PositiveNumberSchema,
        confidence: z.enum(['confident', 'likely', 'speculative', 'unknown']).default('likely'),
      })
      .optional(),
    finetuneCompute: PositiveNumberSchema.optional(),
    syntheticDataCompute: PositiveNumberSchema.optional(),
    baseModel: z.string().optional(),
    /** Known total compute of the base model, if the caller has it. */
    baseModelCompute: PositiveNumberSchema.optional(),
    scores: z.record(z.string(), FactScoreSchema).optional(),
    domain: z.string().optional(),
    reasoning: z.boolean().optional(),
    accessibility: z.string().optional(),
    /** API price per token (USD per million tokens). */
    pricing: PricingSchema.optional(),
    /** Statements without a number, e.g. Epoch's `over-1e25` ("very likely over 1e25"). */
    computeSignals: z.array(ComputeSignalSchema).optional(),
  })
  .passthrough();
export type ModelFactsInput = z.input<typeof ModelFactsSchema>;
export type ModelFacts = z.output<typeof ModelFactsSchema>;
