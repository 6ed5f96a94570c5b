import { ObservationSchema, ScrapeIssueSchema, TrackerError } from '@tracker/schema';
import { expect } from 'vitest';
import type { BaseScraper, Payload, ScrapeResult } from '../scraper';

/** Asserts that a result's observations and issues are valid and belong to this scraper. */
export function assertValidResult(scraper: BaseScraper, result: ScrapeResult): void {
  expect(Array.isArray(result?.observations), 'result.observations is an array').toBe(true);
  expect(Array.isArray(result?.issues), 'result.issues is an array').toBe(true);
  result.observations.forEach((observation, index) => {
    const parsed = ObservationSchema.safeParse(observation);
    const problems = parsed.success
      ? ''
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    expect(problems, `observation ${index} (${String(observation?.rawName)}) matches ObservationSchema`).toBe(
      '',
    );
    expect(observation.source, `observation ${index} source`).toBe(scraper.id);
    expect(observation.sourceUrl, `observation ${index} sourceUrl`).toBeTruthy();
    expect(observation.retrievedAt, `observation ${index} retrievedAt`).toBeTruthy();
  });
  result.issues.forEach((issue, index) => {
    expect(ScrapeIssueSchema.safeParse(issue).success, `issue ${index} matches ScrapeIssueSchema`).toBe(true);
  });
}

/**
 * Asserts that a payload without the expected content is reported properly.
 * `strict`: a PARSE_FAILED error naming the source, or zero observations with an error-level issue.
 * `partial` (a truncated row-based payload may still hold whole rows): as strict, or valid observations.
 */
export function assertFaultHandled(scraper: BaseScraper, payload: Payload, mode: 'strict' | 'partial'): void {
  let result: ScrapeResult;
  try {
    result = scraper.parse(payload);
  } catch (error) {
    expect(
      TrackerError.is(error),
      `parse() threw a ${error instanceof Error ? error.name : typeof error} instead of a TrackerError: ${String(error)}`,
    ).toBe(true);
    expect((error as TrackerError).code).toBe('PARSE_FAILED');
    expect((error as TrackerError).message, 'the error names the source').toContain(scraper.id);
    return;
  }
  assertValidResult(scraper, result);
  if (mode === 'partial' && result.observations.length > 0) {
    return;
  }
  expect(result.observations, 'observations from a payload without the expected content').toEqual([]);
  expect(
    result.issues.some((issue) => issue.level === 'error'),
    'an error-level issue saying what was expected',
  ).toBe(true);
}
