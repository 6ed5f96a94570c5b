import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { TestResultsReporter } from './vitest-results-reporter.ts';

/**
 * Shared vitest config: network disabled in every test, mocks restored between tests. The timeouts only catch a
 * hang: they are generous, so that a test spawning processes passes on a busy 2-core machine (the suite is run
 * at load 20 too). How fast anything is is measured by `pnpm bench`, never asserted in a test.
 */
export const vitestShared = defineConfig({
  test: {
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
    reporters: ['default', new TestResultsReporter()],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
