import { TrackerError } from '@tracker/schema';
import { expect } from 'vitest';

/**
 * Test helper: `run` must throw a `PARSE_FAILED` TrackerError whose message names the source
 * (`[scraper:<id>] `) and matches `fragment`. Used by the parser tests; not part of the package's build.
 */
export function expectParseFailed(source: string, run: () => unknown, fragment: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(TrackerError.is(error)).toBe(true);
    expect((error as TrackerError).code).toBe('PARSE_FAILED');
    expect((error as Error).message.startsWith(`[scraper:${source}] `)).toBe(true);
    expect((error as Error).message).toMatch(fragment);
    return;
  }
  throw new Error('expected a PARSE_FAILED error');
}
