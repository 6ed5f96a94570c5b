import { defineConfig } from 'tsup';
import { tsupBase } from '../../configs/tsup.base';

export default defineConfig({
  ...tsupBase,
  entry: ['src/index.ts', 'src/testing/index.ts'],
  // One copy of the shared code, used by the root and the testing subpath.
  splitting: true,
});
