import { defineConfig } from 'tsup';
import { tsupBase } from '../../configs/tsup.base';

// Each command is its own entry, so the CLI loads only the operation it runs (tracker --help loads none).
export default defineConfig({
  ...tsupBase,
  entry: ['src/index.ts', 'src/pipeline.ts', 'src/commands/*.ts', '!src/**/*.test.ts'],
  splitting: true,
});
