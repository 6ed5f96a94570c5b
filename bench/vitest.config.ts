import { defineConfig, mergeConfig } from 'vitest/config';
import { vitestShared } from '../configs/vitest.shared.ts';

// The quick bench spawns the CLI and the scale children several times: give it room on a loaded machine.
export default mergeConfig(vitestShared, defineConfig({ test: { testTimeout: 1_200_000 } }));
