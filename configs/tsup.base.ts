import type { Options } from 'tsup';

/** Shared tsup settings: ESM only, types, source maps, Node 20 target. Packages spread this and add `entry`. */
export const tsupBase = {
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
} satisfies Options;
