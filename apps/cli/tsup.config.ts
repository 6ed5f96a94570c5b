import { defineConfig } from 'tsup';
import { tsupBase } from '../../configs/tsup.base';

// @tracker/core is imported lazily in cli.ts, so `tracker --help` loads only the command table.
export default defineConfig({
  ...tsupBase,
  entry: ['src/bin.ts', 'src/cli.ts', '!src/**/*.test.ts'],
  dts: false,
  splitting: true,
});
