import { z } from 'zod';

/** A calendar date `YYYY-MM-DD`, or a partial one (`YYYY-MM`, `YYYY`) when a source gives no more. */
export const DateStringSchema = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected a date YYYY-MM-DD (or YYYY-MM, YYYY)',
  );
export type DateString = z.infer<typeof DateStringSchema>;

/** An ISO 8601 timestamp with a time zone, e.g. `2026-03-29T12:00:00.000Z`. */
export const TimestampSchema = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof TimestampSchema>;

/** An absolute http(s) URL, or a `file:` URL for payloads read from disk. */
export const UrlSchema = z
  .string()
  .regex(/^(https?|file):\/\/\S+$/, 'expected an absolute http(s) or file URL');

/** A finite positive number (FLOP, parameters, tokens, dollars...). */
export const PositiveNumberSchema = z.number().finite().positive();

/** A stable kebab-case identifier (scraper ids, estimator ids, benchmark ids). */
export const KebabIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

/** Canonical model id: `<developer-slug>/<model-slug>`, lower case, e.g. `openai/gpt-4o`. */
export const ModelIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9._+-]*$/, 'expected a model id such as "openai/gpt-4o"');
export type ModelId = z.infer<typeof ModelIdSchema>;

/** The confidence label of an estimate, derived from its 90% interval (DESIGN §2). */
export const ConfidenceSchema = z.enum(['confident', 'likely', 'speculative']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** Confidence as a source states it (Epoch's vocabulary, lower-cased). `unknown` covers Epoch's Unknown and Unverified. */
export const ReportedConfidenceSchema = z.enum(['confident', 'likely', 'speculative', 'unknown']);
export type ReportedConfidence = z.infer<typeof ReportedConfidenceSchema>;

/** Where a fact came from. */
export const ProvenanceSchema = z.object({
  /** Scraper id (`lmarena`), `ledger` for a human decision, or `config` for a configuration file. */
  source: z.string().min(1),
  /** URL of the page, API response or evidence the fact was read from. */
  url: UrlSchema,
  /** When the source was read. */
  retrievedAt: TimestampSchema,
});
export type Provenance = z.infer<typeof ProvenanceSchema>;
