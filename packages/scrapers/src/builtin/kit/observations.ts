import { type Observation, ObservationSchema, type ScrapeIssue } from '@tracker/schema';
import type { ScrapeResult } from '../../scraper';

/** Collects observations and issues while a parser walks a payload. */
export interface ObservationCollector {
  /**
   * Validates a candidate with `ObservationSchema.safeParse` after dropping `undefined` members. A valid one is
   * kept; an invalid one becomes an error issue at `location` naming each failing field, and is dropped.
   * Returns whether it was kept.
   */
  add(candidate: Record<string, unknown>, location: string): boolean;
  /** Records a problem that did not stop the parse. */
  issue(level: ScrapeIssue['level'], message: string, location?: string): void;
  /** The result so far. */
  result(): ScrapeResult;
}

/** Removes `undefined` members (recursively in plain objects) so optional fields are absent, not undefined. */
export function dropUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => dropUndefined(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) copy[key] = dropUndefined(member);
  }
  return copy as T;
}

/** Creates an {@link ObservationCollector}. */
export function createObservationCollector(): ObservationCollector {
  const observations: Observation[] = [];
  const issues: ScrapeIssue[] = [];
  return {
    add(candidate, location) {
      const parsed = ObservationSchema.safeParse(dropUndefined(candidate));
      if (parsed.success) {
        observations.push(parsed.data);
        return true;
      }
      const problems = parsed.error.issues
        .map((problem) => `${problem.path.join('.') || '(observation)'}: ${problem.message}`)
        .join('; ');
      const name = typeof candidate.rawName === 'string' ? ` "${candidate.rawName}"` : '';
      issues.push({ level: 'error', message: `invalid observation${name} skipped: ${problems}`, location });
      return false;
    },
    issue(level, message, location) {
      issues.push(location === undefined ? { level, message } : { level, message, location });
    },
    result() {
      return { observations: [...observations], issues: [...issues] };
    },
  };
}

/** Concatenates several results (pages of one source). */
export function mergeResults(results: readonly ScrapeResult[]): ScrapeResult {
  return {
    observations: results.flatMap((result) => result.observations),
    issues: results.flatMap((result) => result.issues),
  };
}
