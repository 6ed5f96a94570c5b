import { z } from 'zod';
import {
  DateStringSchema,
  KebabIdSchema,
  ModelIdSchema,
  PositiveNumberSchema,
  TimestampSchema,
  UrlSchema,
} from './common';
import { ComputeEstimateSchema, ThresholdAssessmentSchema } from './estimate';
import {
  ComputeSignalSchema,
  DomainSchema,
  HardwareSchema,
  PricingSchema,
  ReportedComputeSchema,
  ScoreSchema,
} from './observation';

/** Builds the schema of one fact: a value plus the provenance that every number in the tracker carries. */
export function factSchema<T extends z.ZodType>(value: T) {
  return z
    .object({
      value,
      /** Scraper id, `ledger` or `config`. */
      source: z.string().min(1),
      url: UrlSchema,
      retrievedAt: TimestampSchema,
    })
    .strict();
}

/** A value with its provenance. */
export interface Fact<T> {
  value: T;
  source: string;
  url: string;
  retrievedAt: string;
}

/** A leaderboard score with its provenance. */
export const ScoreFactSchema = ScoreSchema.extend({
  source: z.string().min(1),
  url: UrlSchema,
  retrievedAt: TimestampSchema,
}).strict();
export type ScoreFact = z.infer<typeof ScoreFactSchema>;

/**
 * Every source's facts about one model, per field. Nothing is dropped when sources disagree: each entry keeps
 * its provenance, and consumers choose (estimation prefers the most trusted source).
 */
export const ModelFactsByFieldSchema = z
  .object({
    developer: z.array(factSchema(z.string())).optional(),
    releaseDate: z.array(factSchema(DateStringSchema)).optional(),
    parameters: z.array(factSchema(PositiveNumberSchema)).optional(),
    activeParameters: z.array(factSchema(PositiveNumberSchema)).optional(),
    trainingTokens: z.array(factSchema(PositiveNumberSchema)).optional(),
    hardware: z.array(factSchema(HardwareSchema)).optional(),
    costUsd: z.array(factSchema(PositiveNumberSchema)).optional(),
    reportedCompute: z.array(factSchema(ReportedComputeSchema)).optional(),
    finetuneCompute: z.array(factSchema(PositiveNumberSchema)).optional(),
    syntheticDataCompute: z.array(factSchema(PositiveNumberSchema)).optional(),
    computeSignals: z.array(factSchema(ComputeSignalSchema)).optional(),
    /** Value: the base model's canonical id when it resolved, else its name as written. */
    baseModel: z.array(factSchema(z.string())).optional(),
    accessibility: z.array(factSchema(z.string())).optional(),
    license: z.array(factSchema(z.string())).optional(),
    huggingFaceId: z.array(factSchema(z.string())).optional(),
    domain: z.array(factSchema(DomainSchema)).optional(),
    reasoning: z.array(factSchema(z.boolean())).optional(),
    contextLength: z.array(factSchema(z.number().int().positive())).optional(),
    pricing: z.array(factSchema(PricingSchema)).optional(),
    knowledgeCutoff: z.array(factSchema(DateStringSchema)).optional(),
    expirationDate: z.array(factSchema(DateStringSchema)).optional(),
    links: z.array(factSchema(UrlSchema)).optional(),
  })
  .strict();
export type ModelFactsByField = z.infer<typeof ModelFactsByFieldSchema>;

/** Reference from a record to an observation it was merged from. */
export const ObservationRefSchema = z
  .object({
    source: KebabIdSchema,
    rawName: z.string().min(1),
    retrievedAt: TimestampSchema,
    /** The source's own id of the model (OpenRouter's `mistralai/mistral-large-2407`), when it gives one. */
    sourceModelId: z.string().min(1).max(300).optional(),
  })
  .strict();
export type ObservationRef = z.infer<typeof ObservationRefSchema>;

/** Curated status of a model (DESIGN §2). `unreviewed`: the machine says below and no human has ruled. */
export const CuratedStatusSchema = z.enum([
  'candidate',
  'confirmed-above',
  'confirmed-below',
  'excluded',
  'unreviewed',
]);
export type CuratedStatus = z.infer<typeof CuratedStatusSchema>;

/** The human ruling in force for a model, if any, as the ledger states it. */
export const RulingSchema = z
  .object({
    /** Ledger entry id. */
    entryId: z.string().min(1),
    action: z.enum(['confirm-above', 'confirm-below', 'exclude', 'include', 'set-compute']),
    at: TimestampSchema,
    by: z.string().min(1),
    reason: z.string(),
    /** Compute the reviewer set, if they did. */
    flop: PositiveNumberSchema.optional(),
    /** The machine's median when the ruling was made (what `needs-review` compares against). */
    machineMedianAtRuling: PositiveNumberSchema.optional(),
  })
  .strict();
export type Ruling = z.infer<typeof RulingSchema>;

/** The curated view of a model: machine output with the ledger applied. */
export const CurationSchema = z
  .object({
    status: CuratedStatusSchema,
    /** A ruling exists but the machine estimate has since moved by more than ×3 or crossed the threshold. */
    needsReview: z.boolean(),
    /** Why `needsReview` is set, with both values. */
    needsReviewReason: z.string().optional(),
    ruling: RulingSchema.optional(),
  })
  .strict();
export type Curation = z.infer<typeof CurationSchema>;

/** One canonical model with every source's facts, its estimate and its curated status (DESIGN §2). */
export const ModelRecordSchema = z
  .object({
    /** Stable canonical id, e.g. `openai/gpt-4o`. */
    id: ModelIdSchema,
    /** Display name. */
    name: z.string().min(1),
    /** Display developer (the best-supported of `facts.developer`), or null when no source says. */
    developer: z.string().nullable(),
    /** Every other name sources use for it, sorted. */
    aliases: z.array(z.string()),
    facts: ModelFactsByFieldSchema,
    /** Benchmark id → one score per (source, snapshot), oldest first. */
    scores: z.record(z.string(), z.array(ScoreFactSchema)),
    /** The observations it was merged from. */
    observations: z.array(ObservationRefSchema),
    /** Machine estimate, or null when no method applies. */
    estimate: ComputeEstimateSchema.nullable().optional(),
    assessment: ThresholdAssessmentSchema.optional(),
    curation: CurationSchema.optional(),
  })
  .strict();
export type ModelRecord = z.infer<typeof ModelRecordSchema>;

/** The file `data/models.json`: machine output, regenerable from observations + ledger. */
export const ModelsFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** When the run that wrote it finished. */
    generatedAt: TimestampSchema,
    /** Threshold the assessments are for. */
    threshold: PositiveNumberSchema,
    /** Sorted by id. */
    models: z.array(ModelRecordSchema),
  })
  .strict();
export type ModelsFile = z.infer<typeof ModelsFileSchema>;
