import { defineConfig } from 'tsup';
import { tsupBase } from '../../configs/tsup.base';

// Commands are separate entries so `tracker --help` loads none of them (lazy import in cli.ts).
export default defineConfig({
  ...tsupBase,
  entry: ['src/bin.ts', 'src/cli.ts', 'src/pipeline.ts', 'src/commands/*.ts', '!src/**/*.test.ts'],
  dts: false,
  splitting: true,
});
