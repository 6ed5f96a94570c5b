import { defineConfig } from 'tsup';
import { tsupBase } from '../../configs/tsup.base';

// @tracker/core is imported lazily in cli.ts, so `tracker --help` loads only the command table.
export default defineConfig({
  ...tsupBase,
  entry: ['src/bin.ts', 'src/cli.ts', '!src/**/*.test.ts'],
  dts: false,
  splitting: true,
  // commander is bundled: one file instead of its eight CommonJS modules at every start (about 8 ms less). Only the
  // CLI uses it, so no other package shares its classes. Its `require('node:events')` and the like need a `require`
  // in the ESM output. Our own packages stay external: plugins import them too, and one copy must serve both.
  noExternal: ['commander'],
  banner: {
    js: "import { createRequire as __trackerCreateRequire } from 'node:module';\nconst require = __trackerCreateRequire(import.meta.url);",
  },
});
