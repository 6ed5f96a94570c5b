import { TrackerError } from '@tracker/schema';
import { z } from 'zod';
import {
  type BaseScraper,
  type Payload,
  SCRAPER_API_VERSION,
  type ScrapeContext,
  type ScrapeResult,
  type ScraperShape,
} from './scraper';

const PROVIDED_FACTS = [
  'names',
  'developer',
  'release-date',
  'parameters',
  'training-tokens',
  'hardware',
  'cost',
  'reported-compute',
  'scores',
  'base-model',
  'license',
  'accessibility',
  'pricing',
] as const;

/** The zod schema behind {@link defineScraper} and {@link assertScraper} (internal: not re-exported). */
export const ScraperDefinitionSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits and single dashes)'),
  description: z.string().min(1, 'must not be empty'),
  sources: z.array(z.string().url('must be a URL')).default([]),
  provides: z.array(z.enum(PROVIDED_FACTS)).min(1, 'must list at least one kind of fact'),
  requiresEnv: z
    .array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an environment variable name'))
    .default([]),
  live: z.boolean().default(true),
  scrape: z.custom<(context: ScrapeContext) => Promise<ScrapeResult>>(
    (value) => typeof value === 'function',
    'must be a function',
  ),
  parse: z.custom<(payload: Payload) => ScrapeResult>(
    (value) => typeof value === 'function',
    'must be a function',
  ),
  parseMany: z
    .custom<(payloads: readonly Payload[]) => ScrapeResult>(
      (value) => typeof value === 'function',
      'must be a function',
    )
    .optional(),
  savedFileUrl: z
    .custom<(fileName: string) => string | undefined>(
      (value) => typeof value === 'function',
      'must be a function',
    )
    .optional(),
  shape: z
    .object({
      read: z.array(z.string().min(1)),
      required: z.array(z.string().min(1)).optional(),
      known: z.array(z.string().min(1)).optional(),
    })
    .optional(),
});

/** What you pass to {@link defineScraper}: a {@link BaseScraper} without `apiVersion`, with defaults for the lists. */
export interface ScraperDefinition {
  /** Stable kebab-case id. */
  id: string;
  /** One line on what it reads. */
  description: string;
  /** URLs it reads. */
  sources?: readonly string[];
  /** Kinds of fact it provides (at least one). */
  provides: BaseScraper['provides'];
  /** Environment variables it needs. */
  requiresEnv?: readonly string[];
  /** Whether `scrape` needs the network (default true). */
  live?: boolean;
  scrape(context: ScrapeContext): Promise<ScrapeResult>;
  parse(payload: Payload): ScrapeResult;
  /** Parse several payloads of one fetch as one result (optional). */
  parseMany?(payloads: readonly Payload[]): ScrapeResult;
  /** The URL a saved file of this source was downloaded from, known from its name (optional). */
  savedFileUrl?(fileName: string): string | undefined;
  /** The fields its payloads carry, for `tracker sources --check` (optional). */
  shape?: ScraperShape;
}

/**
 * Validates a scraper definition, stamps the contract version and freezes it.
 * Throws `PLUGIN_INVALID` naming every member that is wrong.
 *
 * @example
 * export default defineScraper({
 *   id: 'my-leaderboard',
 *   description: 'Scores from my-leaderboard.example',
 *   sources: ['https://my-leaderboard.example/data.json'],
 *   provides: ['names', 'scores'],
 *   async scrape(ctx) {
 *     const response = await ctx.http.get('https://my-leaderboard.example/data.json');
 *     return this.parse({ body: response.body, url: response.finalUrl, retrievedAt: response.retrievedAt });
 *   },
 *   parse(payload) {
 *     return parseMyLeaderboard(payload);
 *   },
 * });
 */
export function defineScraper<const T extends ScraperDefinition>(
  definition: T,
): BaseScraper & Readonly<Omit<T, keyof BaseScraper>> {
  const result = ScraperDefinitionSchema.safeParse(definition);
  if (!result.success) {
    const label =
      typeof (definition as { id?: unknown })?.id === 'string'
        ? `scraper "${(definition as { id: string }).id}"`
        : 'scraper';
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(definition)'} ${issue.message}`)
      .join('; ');
    throw new TrackerError('PLUGIN_INVALID', `[${label}] invalid definition: ${problems}`);
  }
  const scraper = {
    ...definition,
    apiVersion: SCRAPER_API_VERSION,
    sources: Object.freeze([...result.data.sources]),
    provides: Object.freeze([...result.data.provides]),
    requiresEnv: Object.freeze([...result.data.requiresEnv]),
    live: result.data.live,
    ...(result.data.shape ? { shape: freezeShape(result.data.shape) } : {}),
  };
  return Object.freeze(scraper) as BaseScraper & Readonly<Omit<T, keyof BaseScraper>>;
}

function freezeShape(shape: ScraperShape): ScraperShape {
  return Object.freeze({
    read: Object.freeze([...shape.read]),
    ...(shape.required ? { required: Object.freeze([...shape.required]) } : {}),
    ...(shape.known ? { known: Object.freeze([...shape.known]) } : {}),
  });
}
