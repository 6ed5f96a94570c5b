// Regenerates configs/hardware.yaml from the package's table (src/data/hardware.ts is the source of truth).
// Run after `npx tsup`: node scripts/write-hardware-yaml.mjs
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { HARDWARE_TABLE } from '../dist/index.js';

const header =
  '# Peak dense FLOP/s per accelerator and precision, and prices per chip-hour, each with its source.\n' +
  '# Generated from packages/estimation/src/data/hardware.ts (the source of truth, shipped with the package);\n' +
  '# a test asserts this file equals it. Edit the TypeScript, then: node packages/estimation/scripts/write-hardware-yaml.mjs\n';
writeFileSync(
  new URL('../../../configs/hardware.yaml', import.meta.url),
  header + stringify(HARDWARE_TABLE, { lineWidth: 0 }),
);
