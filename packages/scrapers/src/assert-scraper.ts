import { TrackerError } from '@tracker/schema';
import { ScraperDefinitionSchema } from './define-scraper';
import { type BaseScraper, SCRAPER_API_VERSION } from './scraper';

/**
 * True when `value` is a scraper this package can run: an object stamped with `apiVersion` 1 whose members
 * satisfy {@link BaseScraper} (the same rules `defineScraper` applies). Works across duplicate installs.
 */
export function isScraper(value: unknown): value is BaseScraper {
  return findScraperProblems(value) === undefined;
}

/**
 * Throws `PLUGIN_INVALID` unless `value` is a valid scraper (see {@link isScraper}). `label` names where it came
 * from in the message, e.g. `plugin "tracker-scraper-foo"`.
 */
export function assertScraper(value: unknown, label = 'scraper'): asserts value is BaseScraper {
  const problems = findScraperProblems(value);
  if (problems !== undefined) {
    throw new TrackerError('PLUGIN_INVALID', `[${label}] is not a valid scraper: ${problems}`);
  }
}

function findScraperProblems(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return `expected an object made by defineScraper(), got ${value === null ? 'null' : typeof value}`;
  }
  const { apiVersion } = value as { apiVersion?: unknown };
  if (apiVersion === undefined) {
    return 'apiVersion is missing (build the scraper with defineScraper() from @tracker/scrapers)';
  }
  if (apiVersion !== SCRAPER_API_VERSION) {
    return `apiVersion ${JSON.stringify(apiVersion)} is not supported (this @tracker/scrapers implements apiVersion ${SCRAPER_API_VERSION})`;
  }
  const result = ScraperDefinitionSchema.safeParse(value);
  if (!result.success) {
    return result.error.issues
      .map((issue) => `${issue.path.join('.') || '(scraper)'} ${issue.message}`)
      .join('; ');
  }
  const lists = ['sources', 'provides', 'requiresEnv'] as const;
  const missing = lists.filter((name) => !Array.isArray((value as Record<string, unknown>)[name]));
  if (missing.length > 0 || typeof (value as { live?: unknown }).live !== 'boolean') {
    return `${[...missing, ...(typeof (value as { live?: unknown }).live === 'boolean' ? [] : ['live'])].join(', ')} missing (defineScraper() fills them in)`;
  }
  return undefined;
}
