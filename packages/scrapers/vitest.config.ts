import { defineConfig, mergeConfig } from 'vitest/config';
import { vitestShared } from '../../configs/vitest.shared';

export default mergeConfig(vitestShared, defineConfig({}));
