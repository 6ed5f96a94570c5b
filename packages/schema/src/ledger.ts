import { z } from 'zod';
import {
  DateStringSchema,
  ModelIdSchema,
  PositiveNumberSchema,
  ReportedConfidenceSchema,
  TimestampSchema,
  UrlSchema,
} from './common';
import { IntervalSchema } from './estimate';

/** The actions a ledger entry can record (DESIGN §2, plus `developer-note`). */
export const LedgerActionSchema = z.enum([
  'confirm-above',
  'confirm-below',
  'exclude',
  'include',
  'set-fact',
  'set-compute',
  'alias',
  'unalias',
  'note',
  'developer-note',
]);
export type LedgerAction = z.infer<typeof LedgerActionSchema>;

const entryBase = {
  /** Unique id: `<timestamp>-<random>`, sortable by time. */
  id: z.string().regex(/^[0-9A-Za-z_-]{8,80}$/, 'expected an entry id of 8–80 letters, digits, - or _'),
  at: TimestampSchema,
  /** Who decided (a name or handle). */
  by: z.string().min(1).max(200),
  /** Why. Required for rulings; may be empty for notes. */
  reason: z.string().max(5000),
  /** URLs that back the decision. */
  evidence: z.array(UrlSchema).default([]),
  /** Id of an earlier entry this one replaces. */
  supersedes: z.string().optional(),
  /** Where the decision was made: `cli`, `review`, `sheet:<file>#<row>`, `add`. */
  origin: z.string().max(500).optional(),
};

/** A compute figure set by a reviewer. */
export const ComputeValueSchema = z
  .object({
    flop: PositiveNumberSchema,
    confidence: ReportedConfidenceSchema,
    /** The 90% interval `[low, high]` of the figure, when the reviewer has one (e.g. a source's bounds). */
    interval90: IntervalSchema.optional(),
  })
  .strict()
  .refine(
    (value) =>
      value.interval90 === undefined ||
      (value.interval90[0] <= value.flop && value.flop <= value.interval90[1]),
    { message: 'expected interval90 [low, high] with low ≤ flop ≤ high', path: ['interval90'] },
  );

/** Facts of a model entered by hand (`tracker add`). */
export const ManualModelSchema = z
  .object({
    name: z.string().min(1).max(300),
    developer: z.string().min(1).max(200),
    releaseDate: DateStringSchema.optional(),
    parameters: PositiveNumberSchema.optional(),
    activeParameters: PositiveNumberSchema.optional(),
    trainingTokens: PositiveNumberSchema.optional(),
  })
  .strict();

const modelEntry = { ...entryBase, modelId: ModelIdSchema };

/** One human decision. The ledger (`data/ledger.jsonl`) is append-only: one entry per line. */
export const LedgerEntrySchema = z.discriminatedUnion('action', [
  z
    .object({
      ...modelEntry,
      action: z.literal('confirm-above'),
      value: ComputeValueSchema.optional(),
      machineMedian: PositiveNumberSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...modelEntry,
      action: z.literal('confirm-below'),
      value: ComputeValueSchema.optional(),
      machineMedian: PositiveNumberSchema.optional(),
    })
    .strict(),
  z
    .object({ ...modelEntry, action: z.literal('exclude'), machineMedian: PositiveNumberSchema.optional() })
    .strict(),
  z.object({ ...modelEntry, action: z.literal('include'), value: ManualModelSchema.optional() }).strict(),
  z
    .object({
      ...modelEntry,
      action: z.literal('set-fact'),
      value: z
        .object({ field: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]) })
        .strict(),
    })
    .strict(),
  z
    .object({
      ...modelEntry,
      action: z.literal('set-compute'),
      value: ComputeValueSchema,
      machineMedian: PositiveNumberSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...modelEntry,
      action: z.literal('alias'),
      value: z
        .object({
          name: z.string().min(1),
          /** The model the name resolved to before (merged into `modelId`); its rulings move with it. */
          from: ModelIdSchema.optional(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      ...modelEntry,
      action: z.literal('unalias'),
      value: z.object({ name: z.string().min(1) }).strict(),
    })
    .strict(),
  z.object({ ...modelEntry, action: z.literal('note') }).strict(),
  z
    .object({
      ...entryBase,
      action: z.literal('developer-note'),
      /** Developer name as the records show it. */
      developer: z.string().min(1).max(200),
      /** What is known of the developer's capacity, e.g. `fine-tunes-only`, `no-pretraining-at-scale`, `frontier-lab`. */
      value: z.object({ capacity: z.string().min(1).max(100) }).strict(),
    })
    .strict(),
]);
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type LedgerEntryInput = z.input<typeof LedgerEntrySchema>;
