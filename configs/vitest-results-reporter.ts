import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Where each package's last full test run is summarised, relative to the package folder. */
export const TEST_RESULTS_FILE = '.test-results/vitest.json';

/** One test file's outcome, as `scripts/check-shared-suites.mjs` reads it. */
export interface TestFileResult {
  /** Path relative to the package folder, with `/`. */
  file: string;
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Writes, after a run, how many tests of each file passed, failed and were skipped, so that a script can tell
 * whether the suites over `../shared` ran (turbo restores the file from its cache with the task). A run limited
 * to some files writes only those; the test task always runs them all.
 */
export class TestResultsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const root = process.cwd();
    const files: TestFileResult[] = testModules.map((module) => {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
      return { file: relative(root, module.moduleId).split('\\').join('/'), ...counts };
    });
    files.sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0));
    const target = join(root, TEST_RESULTS_FILE);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, `${JSON.stringify({ files }, null, 2)}\n`);
  }
}
