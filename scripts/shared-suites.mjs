#!/usr/bin/env node
// The suites that read the real recorded payloads beside the checkout (`../shared`), and whether they ran.
//
//   node scripts/shared-suites.mjs stamp   prints a fingerprint of ../shared (file names, sizes, times), or
//                                          "absent"; the test script passes it to turbo as TRACKER_SHARED_STAMP,
//                                          an env input of the test tasks, so adding or changing ../shared
//                                          re-runs them instead of replaying a cached "FULL TURBO" result
//   node scripts/shared-suites.mjs check   after the tests: when ../shared is present, fails unless every such
//                                          suite ran with no test skipped; when absent, prints one line naming
//                                          the suites that were skipped
//
// A suite "reads ../shared" when its test file points above the repository at a folder named shared (the pattern
// below). Results come from .test-results/vitest.json, which the shared vitest reporter writes in each package
// (configs/vitest-results-reporter.ts) and turbo restores from its cache.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sharedDir = join(repoRoot, '..', 'shared');
const READS_SHARED = /(?:\.\.\/){4,}shared\b/;
const RESULTS_FILE = '.test-results/vitest.json';
const WORKSPACE_FOLDERS = ['packages', 'apps'];

const mode = process.argv[2];
if (mode === 'stamp') process.stdout.write(`${stamp()}\n`);
else if (mode === 'check') process.exitCode = check();
else {
  process.stderr.write('usage: node scripts/shared-suites.mjs stamp|check\n');
  process.exitCode = 2;
}

function stamp() {
  if (!existsSync(sharedDir)) return 'absent';
  const hash = createHash('sha256');
  for (const file of walk(sharedDir, () => true)) {
    const info = statSync(file);
    hash.update(`${relative(sharedDir, file)}\0${info.size}\0${Math.round(info.mtimeMs)}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

function* walk(dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, keep);
    else if (keep(path)) yield path;
  }
}

/** Every test file of the workspace that reads ../shared, with its package folder. */
function sharedSuites() {
  const suites = [];
  const packageDirs = WORKSPACE_FOLDERS.flatMap((folder) =>
    existsSync(join(repoRoot, folder))
      ? readdirSync(join(repoRoot, folder)).map((name) => join(repoRoot, folder, name))
      : [],
  ).concat([join(repoRoot, 'bench')]);
  for (const packageDir of packageDirs) {
    if (!existsSync(join(packageDir, 'package.json'))) continue;
    for (const file of walk(packageDir, (path) => /\.test\.[cm]?[jt]s$/.test(path))) {
      if (READS_SHARED.test(readFileSync(file, 'utf8'))) {
        suites.push({ packageDir, file: relative(packageDir, file).split('\\').join('/') });
      }
    }
  }
  return suites;
}

function check() {
  const suites = sharedSuites();
  const present = existsSync(sharedDir);
  const name = (suite) => relative(repoRoot, join(suite.packageDir, suite.file)).split('\\').join('/');
  if (!present) {
    process.stdout.write(
      `../shared not found: ${suites.length} real-payload suites skipped (${suites.map(name).join(', ')})\n`,
    );
    return 0;
  }
  const problems = [];
  const resultsByPackage = new Map();
  for (const suite of suites) {
    if (!resultsByPackage.has(suite.packageDir)) {
      const file = join(suite.packageDir, RESULTS_FILE);
      resultsByPackage.set(
        suite.packageDir,
        existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).files : null,
      );
    }
    const results = resultsByPackage.get(suite.packageDir);
    const result = results?.find((entry) => entry.file === suite.file);
    if (!results)
      problems.push(`${name(suite)}: no test results (${RESULTS_FILE} is missing: did the tests run?)`);
    else if (!result) problems.push(`${name(suite)}: not in the last test run`);
    else if (result.skipped > 0 || result.passed === 0) {
      problems.push(`${name(suite)}: ${result.skipped} tests skipped, ${result.passed} passed`);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(
      `../shared is present, but real-payload suites did not run in full:\n${problems.map((line) => `  ${line}`).join('\n')}\n`,
    );
    return 1;
  }
  process.stdout.write(`../shared present: all ${suites.length} real-payload suites ran\n`);
  return 0;
}
