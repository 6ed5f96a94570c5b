import { z } from 'zod';
import {
  ConfidenceSchema,
  DateStringSchema,
  ModelIdSchema,
  PositiveNumberSchema,
  TimestampSchema,
} from './common';
import { CuratedStatusSchema } from './model-record';

/** One row of a published release (`data/releases/<date>/models.json` and `models.csv`). */
export const ReleaseRowSchema = z
  .object({
    id: ModelIdSchema,
    name: z.string().min(1),
    developer: z.string().nullable(),
    releaseDate: DateStringSchema.nullable(),
    status: CuratedStatusSchema,
    /** True when no human has ruled on it (included because P(above) ≥ the configured cut). */
    unreviewed: z.boolean(),
    flop: PositiveNumberSchema.nullable(),
    low: PositiveNumberSchema.nullable(),
    high: PositiveNumberSchema.nullable(),
    probabilityAbove: z.number().min(0).max(1).nullable(),
    confidence: ConfidenceSchema.nullable(),
    method: z.string().nullable(),
    /** Why it is in the list: the ruling's reason, or the machine's. */
    reason: z.string(),
    evidence: z.array(z.string()),
  })
  .strict();
export type ReleaseRow = z.infer<typeof ReleaseRowSchema>;

/** The file `data/releases/<date>/models.json`. */
export const ReleaseFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    date: DateStringSchema,
    generatedAt: TimestampSchema,
    threshold: PositiveNumberSchema,
    /** Sorted by id. */
    models: z.array(ReleaseRowSchema),
  })
  .strict();
export type ReleaseFile = z.infer<typeof ReleaseFileSchema>;
