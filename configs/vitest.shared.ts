import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Shared vitest config: network disabled in every test, mocks restored between tests. */
export const vitestShared = defineConfig({
  test: {
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
