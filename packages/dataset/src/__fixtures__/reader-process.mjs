// A reader for the concurrency test: loads every file of the data folder in a loop until <stop-file> exists, and
// exits with status 1 and the error on the first load that fails (a torn or invalid file). Prints the number of
// successful rounds.
// Usage: node reader-process.mjs <bundle-url> <data-dir> <stop-file>
import { existsSync } from 'node:fs';

const [bundleUrl, dataDir, stopFile] = process.argv.slice(2);
const dataset = await import(bundleUrl);
let rounds = 0;
try {
  do {
    await dataset.loadModels(dataDir);
    await dataset.loadLedger(dataDir);
    await dataset.loadObservations(dataDir);
    rounds += 1;
  } while (!existsSync(stopFile));
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
process.stdout.write(`${rounds}\n`);
