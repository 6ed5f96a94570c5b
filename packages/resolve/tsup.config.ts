import { defineConfig } from 'tsup';
import { tsupBase } from '../../configs/tsup.base';

export default defineConfig({ ...tsupBase, entry: ['src/index.ts'] });
