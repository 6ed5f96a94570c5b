import { defineConfig, mergeConfig } from 'vitest/config';
import { vitestShared } from '../../configs/vitest.shared.ts';

// @tracker/core runs inline (through vite) so that a test's vi.mock of a node module (decide.test.ts mocks
// node:os for the OS-account fallback of reviewerName) reaches the core code the command calls.
export default mergeConfig(
  vitestShared,
  defineConfig({ test: { server: { deps: { inline: ['@tracker/core'] } } } }),
);
