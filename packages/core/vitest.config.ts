import { defineConfig, mergeConfig } from 'vitest/config';
import { vitestShared } from '../../configs/vitest.shared.ts';

export default mergeConfig(vitestShared, defineConfig({}));
