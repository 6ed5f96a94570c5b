import { z } from 'zod';
import {
  DateStringSchema,
  KebabIdSchema,
  PositiveNumberSchema,
  ReportedConfidenceSchema,
  TimestampSchema,
  UrlSchema,
} from './common';

/** Parameter counts. For a mixture-of-experts model `total` counts every expert and `active` those used per token. */
export const ParametersSchema = z
  .object({
    total: PositiveNumberSchema.optional(),
    active: PositiveNumberSchema.optional(),
  })
  .strict();
export type Parameters = z.infer<typeof ParametersSchema>;

/** Training hardware as a source states it. `hours` is wall-clock training time. */
export const HardwareSchema = z
  .object({
    /** Chip name as given (`NVIDIA H100 SXM5 80GB`, `Google TPU v4`); estimators map it to `configs/hardware.yaml`. */
    chip: z.string().min(1).optional(),
    /** Number of chips. */
    count: PositiveNumberSchema.optional(),
    /** Wall-clock training time in hours. */
    hours: PositiveNumberSchema.optional(),
    /** Model FLOP utilization (0–1] when the developer reports it. */
    utilization: z.number().gt(0).lte(1).optional(),
    /** Numeric precision the peak figure should be taken at (`bf16`, `fp8`, `tf32`...). */
    precision: z.string().min(1).optional(),
  })
  .strict();
export type Hardware = z.infer<typeof HardwareSchema>;

/** A compute figure stated by a developer or a curated database such as Epoch's. */
export const ReportedComputeSchema = z
  .object({
    /** Total training compute in FLOP. */
    flop: PositiveNumberSchema,
    /** The source's own confidence in the figure. */
    confidence: ReportedConfidenceSchema,
    /** Lower bound the source gives, if any. */
    lower: PositiveNumberSchema.optional(),
    /** Upper bound the source gives, if any. */
    upper: PositiveNumberSchema.optional(),
    /** How the source arrived at it, as a short keyword (`operation-count`, `hardware`, `benchmark`, `reported`). */
    method: z.string().min(1).optional(),
    /** Short factual note written by us (never copied prose), e.g. "includes base model Kimi K2.5". */
    notes: z.string().max(300).optional(),
  })
  .strict();
export type ReportedCompute = z.infer<typeof ReportedComputeSchema>;

/** One leaderboard score in one leaderboard snapshot. Elo-style scores compare only within the same `asOf`. */
export const ScoreSchema = z
  .object({
    value: z.number().finite(),
    lower: z.number().finite().optional(),
    upper: z.number().finite().optional(),
    votes: z.number().int().nonnegative().optional(),
    rank: z.number().int().positive().optional(),
    /** The leaderboard's publication date (the snapshot the score belongs to). */
    asOf: DateStringSchema,
    /** The leaderboard marks the score as preliminary (few votes). */
    preliminary: z.boolean().optional(),
  })
  .strict();
export type Score = z.infer<typeof ScoreSchema>;

/**
 * API price of a model as a source lists it, in US dollars per million tokens (OpenRouter gives USD per token as
 * strings; parsers convert). Evidence of active size for the compute imputation.
 */
export const PricingSchema = z
  .object({
    /** Price of a million prompt (input) tokens. */
    inputUsdPerMillionTokens: z.number().finite().nonnegative().optional(),
    /** Price of a million completion (output) tokens. */
    outputUsdPerMillionTokens: z.number().finite().nonnegative().optional(),
    /** A blended price the source computes (Artificial Analysis: 3 input : 1 output). */
    blendedUsdPerMillionTokens: z.number().finite().nonnegative().optional(),
  })
  .strict();
export type Pricing = z.infer<typeof PricingSchema>;

/** Signals a curated source gives without a number, e.g. Epoch's "very likely over 1e25". */
export const ComputeSignalSchema = z.enum(['over-1e25', 'maybe-over-1e25', 'under-1e25']);
export type ComputeSignal = z.infer<typeof ComputeSignalSchema>;

/**
 * The line, in FLOP, that every {@link ComputeSignal} names (`over-1e25`…): a fact of the signals, not the
 * configured threshold (which only defaults to the same value).
 */
export const COMPUTE_SIGNAL_LINE = 1e25;

/** The broad kind of model; estimators use it to pick priors (a video model is not scored like a chat model). */
export const DomainSchema = z.enum([
  'language',
  'multimodal',
  'vision',
  'image-generation',
  'video',
  'audio',
  'speech',
  'robotics',
  'biology',
  'other',
]);
export type Domain = z.infer<typeof DomainSchema>;

/**
 * One source's sighting of one model at one time (DESIGN §2). Observations are what scrapers return and what
 * `data/observations/<source>.json` stores. They hold facts only: no prose copied from the source.
 */
export const ObservationSchema = z
  .object({
    /** Scraper id that produced it. */
    source: KebabIdSchema,
    /** URL of the page or API response the facts were read from. */
    sourceUrl: UrlSchema,
    /** When the payload was fetched (for a saved file: when it was captured, if known). */
    retrievedAt: TimestampSchema,
    /** The model's name exactly as the source writes it. */
    rawName: z.string().min(1).max(300),
    /** Source-specific stable id of the model (OpenRouter's `id`, a Hugging Face repo id...). */
    sourceModelId: z.string().min(1).max(300).optional(),
    developer: z.string().min(1).max(200).optional(),
    releaseDate: DateStringSchema.optional(),
    parameters: ParametersSchema.optional(),
    /** Training dataset size in tokens. */
    trainingTokens: PositiveNumberSchema.optional(),
    hardware: HardwareSchema.optional(),
    /** Training cost in US dollars. */
    costUsd: PositiveNumberSchema.optional(),
    reportedCompute: ReportedComputeSchema.optional(),
    /** Compute of fine-tuning / post-training on top of the base model, in FLOP. */
    finetuneCompute: PositiveNumberSchema.optional(),
    /** Compute spent generating synthetic training data, in FLOP. */
    syntheticDataCompute: PositiveNumberSchema.optional(),
    /** Qualitative signals without a number. */
    computeSignals: z.array(ComputeSignalSchema).optional(),
    /** Name of the base model this one was fine-tuned or post-trained from, as the source writes it. */
    baseModel: z.string().min(1).max(300).optional(),
    /** Benchmark id (`lmarena-text`, `livebench-global`...) → score in this snapshot. */
    scores: z.record(KebabIdSchema, ScoreSchema).optional(),
    /** Access as stated (`open-weights`, `api`, `hosted`, `unreleased`, or the source's phrase normalised to kebab-case). */
    accessibility: z.string().min(1).max(100).optional(),
    license: z.string().min(1).max(200).optional(),
    huggingFaceId: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, 'expected a Hugging Face repo id "owner/name"')
      .optional(),
    domain: DomainSchema.optional(),
    /** The source calls it a reasoning model. */
    reasoning: z.boolean().optional(),
    contextLength: z.number().int().positive().optional(),
    /** API price per token, where the source lists one. */
    pricing: PricingSchema.optional(),
    /** Training-data cutoff the source states. */
    knowledgeCutoff: DateStringSchema.optional(),
    /** Date the source says the model (or its endpoint) is retired. */
    expirationDate: DateStringSchema.optional(),
    /** Further URLs about the model (paper, model card, announcement). */
    links: z.array(UrlSchema).optional(),
  })
  .strict();
export type Observation = z.infer<typeof ObservationSchema>;

/** One fetch (or import) of a source: what `data/observations/<source>.json` remembers about each snapshot. */
export const SnapshotInfoSchema = z
  .object({
    retrievedAt: TimestampSchema,
    sourceUrl: UrlSchema,
    /** SHA-256 of the raw payload, hex. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    /** Path of the raw payload under `data/snapshots/`, relative to the data folder. */
    file: z.string().optional(),
    /** How many observations this snapshot produced. */
    observationCount: z.number().int().nonnegative(),
    /** `live` for a network fetch, `file` for `--from FILE`. */
    origin: z.enum(['live', 'file']),
  })
  .strict();
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

/** A problem a scraper met that did not stop it (a row it had to skip, a column it did not find). */
export const ScrapeIssueSchema = z
  .object({
    level: z.enum(['warning', 'error']),
    message: z.string().min(1),
    /** Where: `row 12`, `$.data[3].id`, a URL. */
    location: z.string().optional(),
  })
  .strict();
export type ScrapeIssue = z.infer<typeof ScrapeIssueSchema>;

/** The file `data/observations/<source>.json`. */
export const ObservationFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: KebabIdSchema,
    /** Every snapshot that contributed observations, oldest first. */
    snapshots: z.array(SnapshotInfoSchema),
    /** Sorted by `rawName`, then `retrievedAt`. */
    observations: z.array(ObservationSchema),
  })
  .strict();
export type ObservationFile = z.infer<typeof ObservationFileSchema>;
