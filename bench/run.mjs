#!/usr/bin/env node
// `pnpm bench`: measures the budgets of DESIGN §7 on this machine and records the figures (median of several runs)
// in bench/results.json, bench/RESULTS.md and the README table between the bench markers. A missed budget is
// reported as such, never hidden, and does not fail the command: the figures depend on the machine.
//
//   node bench/run.mjs [--quick] [--only ID] [--output FILE] [--no-readme] [--render]
//
// --only ID: measures only the group of budgets that ID belongs to (e.g. run-vs-baseline), for a quick look.
//
// --render: rewrites bench/RESULTS.md and the README table from --output (default bench/results.json), measuring
// nothing.
// --quick: fewer runs and 1,000/10,000 observations instead of 10,000/100,000; writes only --output (default: a
// file in the system temp folder), never the committed results or the README.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCollection } from './collect-bench.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const cliBin = join(repoRoot, 'apps/cli/dist/bin.js');
const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

const options = parseArguments(process.argv.slice(2));
const plan = options.quick
  ? {
      runOffline: 2,
      scale: 1,
      scaleSizes: [1_000, 10_000],
      outputSizes: [20_000, 1_000],
      help: 5,
      collect: 1,
    }
  : {
      runOffline: 5,
      scale: 3,
      scaleSizes: [10_000, 100_000],
      outputSizes: [200_000, 10_000],
      help: 15,
      collect: 3,
    };

for (const file of [
  cliBin,
  join(repoRoot, 'packages/core/dist/pipeline.js'),
  join(repoRoot, 'packages/scrapers/dist/index.js'),
]) {
  if (!existsSync(file)) fail(`${relative(repoRoot, file)} is missing: run \`pnpm build\` first`);
}

if (options.render) {
  // Re-renders the tables from an earlier results file (no measuring).
  writeMarkdown(JSON.parse(readFileSync(options.output, 'utf8')));
} else {
  await measureAll();
}

async function measureAll() {
  const loadAtStart = loadavg();
  const results = [];
  log(`tracker bench (${options.quick ? 'quick' : 'full'}), load average ${formatLoad(loadAtStart)}`);
  const groups = [
    [
      ['run-offline', 'run-vs-baseline', 'run-cold-vs-baseline', 'models-json-size', 'report-size'],
      benchRunOffline,
    ],
    [['scale-time', 'scale-memory', 'scale-growth'], benchScale],
    [['table-rows', 'report-models'], benchOutput],
    [['help-startup'], benchHelp],
    [['collect-wall', 'collect-limits'], benchCollect],
  ];
  if (options.only && !groups.some(([ids]) => ids.includes(options.only))) {
    fail(`--only: unknown budget id ${options.only} (one of ${groups.flatMap(([ids]) => ids).join(', ')})`);
  }
  for (const [ids, benchmark] of groups) {
    if (options.only && !ids.includes(options.only)) continue;
    results.push(...(await guarded(ids, benchmark)));
  }
  const report = {
    machine: describeMachine(),
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    runs: { runOffline: plan.runOffline, scale: plan.scale, help: plan.help, collect: plan.collect },
    loadAverage: { start: loadAtStart.map(roundTo(2)), end: loadavg().map(roundTo(2)) },
    results,
  };
  writeFileSync(options.output, formatJson(report));
  log(`\n${formatTable(report)}\nwrote ${options.output}`);
  if (options.writeMarkdown) writeMarkdown(report);
}

/**
 * JSON laid out as the repository's formatter (biome, 110 columns) lays it out, so `biome check .` passes on the
 * committed results: arrays of plain values on one line when they fit.
 */
function formatJson(value) {
  const text = JSON.stringify(value, null, 2).replace(
    /^( *)("[^"]*": )?\[\n([^[\]{}]*?)\n *\]/gm,
    (whole, indent, key, body) => {
      const line = `${indent}${key ?? ''}[${body
        .split('\n')
        .map((item) => item.trim().replace(/,$/, ''))
        .join(', ')}]`;
      // The closing comma, if any, follows the bracket and counts towards the width.
      return line.length + 1 <= 110 ? line : whole;
    },
  );
  return `${text}\n`;
}

/** Writes bench/RESULTS.md and, when README.md has the bench markers, the table between them. */
function writeMarkdown(report) {
  const markdown = formatMarkdown(report);
  writeFileSync(join(benchDir, 'RESULTS.md'), `# Benchmark results\n\n${markdown}\n`);
  const readme = join(repoRoot, 'README.md');
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start !== -1 && end > start) {
    writeFileSync(readme, `${text.slice(0, start + README_START.length)}\n${markdown}\n${text.slice(end)}`);
    log('updated the table in README.md');
  } else {
    log(`README.md has no ${README_START} … ${README_END} markers: the table is in bench/RESULTS.md only`);
  }
}

function parseArguments(args) {
  const parsed = { quick: false, output: undefined, readme: true, render: false, only: undefined };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--quick') parsed.quick = true;
    else if (arg === '--no-readme') parsed.readme = false;
    else if (arg === '--render') parsed.render = true;
    else if (arg === '--output') parsed.output = args[++index] ?? fail('--output needs a file');
    else if (arg.startsWith('--output=')) parsed.output = arg.slice('--output='.length);
    else if (arg === '--only') parsed.only = args[++index] ?? fail('--only needs a budget id');
    else fail(`unknown argument ${arg} (expected --quick, --only ID, --output FILE, --no-readme, --render)`);
  }
  return {
    quick: parsed.quick,
    render: parsed.render,
    only: parsed.only,
    output:
      parsed.output ??
      (parsed.quick || parsed.only
        ? join(tmpdir(), 'tracker-bench-quick.json')
        : join(benchDir, 'results.json')),
    // Quick or partial figures are not the project's figures: they never replace the committed table.
    writeMarkdown: parsed.readme && !parsed.quick && !parsed.only,
  };
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Runs a command to completion; `wallMs` spans spawn to exit, i.e. what a user waits. */
function runCommand(command, args, spawnOptions = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - start;
      resolve({
        code,
        wallMs,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      });
    });
  });
}

async function runChecked(command, args, spawnOptions) {
  const result = await runCommand(command, args, spawnOptions);
  if (result.code !== 0) {
    throw new Error(
      `${[command, ...args].join(' ')} exited with ${result.code}: ${result.stderr.trim().slice(-800)}`,
    );
  }
  return result;
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function roundTo(digits) {
  return (value) => Number(value.toFixed(digits));
}

function entry({ id, budget, limit, unit, figure, details, comparison = 'below' }) {
  const pass = comparison === 'below' ? figure < limit : figure <= limit;
  const shown = Number(figure.toPrecision(3));
  log(`  ${pass ? 'PASS' : 'MISS'} ${id}: ${shown} ${unit} (budget: ${budget})`);
  return { id, budget, limit, unit, figure: shown, pass, details };
}

function skipped({ id, budget, limit, unit, reason }) {
  log(`  SKIP ${id}: ${reason}`);
  return { id, budget, limit, unit, figure: null, pass: null, skipped: reason };
}

/** Runs one benchmark; if it breaks, its budgets are recorded as not measured, with the reason, and the rest go on. */
async function guarded(ids, benchmark) {
  try {
    return [await benchmark()].flat();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`  FAILED ${ids.join(', ')}: ${reason}`);
    return ids.map((id) => ({
      id,
      budget: id,
      limit: null,
      unit: '',
      figure: null,
      pass: null,
      error: reason,
    }));
  }
}

/** The data folder to run on: the committed one, or one imported from ../shared when it holds no observations. */
async function findRunData() {
  const committed = join(repoRoot, 'data');
  const observations = join(committed, 'observations');
  if (existsSync(observations) && readdirSync(observations).some((name) => name.endsWith('.json'))) {
    return { dir: committed, origin: 'committed data/', cleanup: () => {} };
  }
  const shared = join(repoRoot, '..', 'shared');
  if (!existsSync(join(shared, 'fixtures'))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-import-'));
  await runChecked('bash', ['scripts/import-shared-fixtures.sh'], {
    env: { ...process.env, DATA_DIR: dir, SHARED_DIR: shared },
  });
  return {
    dir,
    origin: 'data/observations is empty: imported from ../shared with scripts/import-shared-fixtures.sh',
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function benchRunOffline() {
  const budget = {
    id: 'run-offline',
    budget: '`tracker run --offline` on the committed data < 1.5 s',
    limit: 1.5,
    unit: 's',
  };
  const ids = ['run-offline', 'run-vs-baseline', 'models-json-size', 'report-size'];
  log('\n1. tracker run --offline, against a bare read-and-write baseline');
  const data = await findRunData();
  if (!data) {
    const reason = 'data/observations is empty and ../shared/fixtures is absent';
    return [
      skipped({ ...budget, reason }),
      ...ids.slice(1).map((id) => skipped({ id, budget: id, limit: 0, unit: '', reason })),
    ];
  }
  const copy = mkdtempSync(join(tmpdir(), 'tracker-bench-data-'));
  try {
    // models.json and .cache/ are machine output (not committed): leave out whatever the working tree has, so
    // every machine measures the same thing. The warm-up run writes them; each measured run then reads the previous
    // one's, as repeated runs do.
    cpSync(data.dir, copy, {
      recursive: true,
      filter: (source) => source !== join(data.dir, 'models.json') && source !== join(data.dir, '.cache'),
    });
    const runOnce = () =>
      runChecked(process.execPath, [cliBin, 'run', '--offline', '--quiet', '--data-dir', copy]);
    await runOnce();
    const modelsBytes = statSync(join(copy, 'models.json')).size;
    const baselineOut = join(copy, 'baseline.json');
    const baselineOnce = () =>
      runChecked(process.execPath, [
        join(benchDir, 'baseline-io.mjs'),
        copy,
        baselineOut,
        String(modelsBytes),
      ]);
    await baselineOnce();
    // Pairwise in one sitting: each run of the tracker is followed by one of the baseline, so a burst of load
    // on the machine hits both alike.
    const walls = [];
    const baselineWalls = [];
    const coldWalls = [];
    for (let run = 0; run < plan.runOffline; run += 1) {
      walls.push((await runOnce()).wallMs);
      baselineWalls.push((await baselineOnce()).wallMs);
    }
    // The same run after a change: no caches at all (.cache/ removed), so everything is read, checked, resolved,
    // merged and estimated again. Measured after the steady runs, which it does not disturb: each of them found
    // the cache of the one before.
    for (let run = 0; run < plan.runOffline; run += 1) {
      rmSync(join(copy, '.cache'), { recursive: true, force: true });
      coldWalls.push((await runOnce()).wallMs);
    }
    const pairRatios = walls.map((wall, index) => wall / baselineWalls[index]);
    const reportFile = join(copy, 'report.html');
    await runChecked(process.execPath, [
      cliBin,
      'report',
      '--quiet',
      '--data-dir',
      copy,
      '--out',
      reportFile,
    ]);
    const reportBytes = statSync(reportFile).size;
    const observationCount = countObservations(data.dir);
    // MB as file sizes are counted: 10^6 bytes.
    const megabytes = (bytes) => bytes / 1e6;
    return [
      entry({
        ...budget,
        figure: median(walls) / 1000,
        details: {
          data: data.origin,
          observations: observationCount,
          state:
            'steady: after one warm-up run, each run reads the models.json and the caches (.cache/) of the one before; nothing changed, so the build cache is reused and curation, the save and the summary run',
          wallMs: walls.map(roundTo(0)),
        },
      }),
      entry({
        id: 'run-vs-baseline',
        budget:
          '`tracker run --offline` ≤ 3× a bare Node script that reads every observation file and writes as much JSON',
        limit: 3,
        unit: '×',
        figure: median(pairRatios),
        comparison: 'at-most',
        details: {
          note: 'median of the pairwise ratios; runs interleaved',
          runMs: walls.map(roundTo(0)),
          baselineMs: baselineWalls.map(roundTo(0)),
          bytesWritten: modelsBytes,
        },
      }),
      {
        id: 'run-cold-vs-baseline',
        budget:
          'for reference, no budget: `tracker run --offline` with no caches (the first run after any change) against the same baseline',
        limit: null,
        unit: '×',
        figure: Number((median(coldWalls) / median(baselineWalls)).toPrecision(3)),
        pass: null,
        info: true,
        details: {
          note: 'median cold run over the median baseline of the steady pairs; .cache/ removed before each run',
          runMs: coldWalls.map(roundTo(0)),
        },
      },
      entry({
        id: 'models-json-size',
        budget: '`models.json` of the committed data ≤ 5 MB',
        limit: 5,
        unit: 'MB',
        figure: megabytes(modelsBytes),
        comparison: 'at-most',
        details: { bytes: modelsBytes },
      }),
      entry({
        id: 'report-size',
        budget: 'the default `tracker report` page of the committed data ≤ 2 MB',
        limit: 2,
        unit: 'MB',
        figure: megabytes(reportBytes),
        comparison: 'at-most',
        details: { bytes: reportBytes },
      }),
    ];
  } finally {
    rmSync(copy, { recursive: true, force: true });
    data.cleanup();
  }
}

function countObservations(dataDir) {
  const folder = join(dataDir, 'observations');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .reduce((sum, name) => sum + JSON.parse(readFileSync(join(folder, name), 'utf8')).observations.length, 0);
}

async function benchScale() {
  const [small, large] = plan.scaleSizes;
  log(`\n2. scale: ${small.toLocaleString('en')} and ${large.toLocaleString('en')} synthetic observations`);
  const measure = async (count) => {
    const runs = [];
    for (let run = 0; run < plan.scale; run += 1) {
      // A fresh process per run: peak RSS is then this run's alone, and no JIT or cache carries over.
      const result = await runChecked(process.execPath, [
        join(benchDir, 'scale-child.mjs'),
        String(count),
        '1',
      ]);
      runs.push(JSON.parse(result.stdout.trim().split('\n').at(-1)));
    }
    return runs;
  };
  const smallRuns = await measure(small);
  const largeRuns = await measure(large);
  const smallMs = median(smallRuns.map((run) => run.buildMs));
  const largeMs = median(largeRuns.map((run) => run.buildMs));
  const peakMb = Math.max(...largeRuns.map((run) => run.maxRssKb)) / 1024;
  const summary = (runs) => ({
    observations: runs[0].observations,
    models: runs[0].models,
    suggestions: runs[0].suggestions,
    buildMs: runs.map((run) => Math.round(run.buildMs)),
    maxRssMb: runs.map((run) => Math.round(run.maxRssKb / 1024)),
  });
  const label = large.toLocaleString('en');
  return [
    entry({
      id: 'scale-time',
      budget: `${label} synthetic observations through resolve → merge → estimate → curate < 5 s`,
      limit: 5,
      unit: 's',
      figure: largeMs / 1000,
      details: summary(largeRuns),
    }),
    entry({
      id: 'scale-memory',
      budget: `peak memory (max RSS) of that run < 1 GB`,
      limit: 1024,
      unit: 'MB',
      figure: peakMb,
      details: { note: 'maximum over runs; includes the generated input held in memory' },
    }),
    entry({
      id: 'scale-growth',
      budget: `10× the input (${small.toLocaleString('en')} → ${label}) costs ≤ 12× the time`,
      limit: 12,
      unit: '×',
      figure: largeMs / smallMs,
      comparison: 'at-most',
      details: { small: summary(smallRuns), smallMs: Math.round(smallMs), largeMs: Math.round(largeMs) },
    }),
  ];
}

async function benchOutput() {
  const [rowCount, modelCount] = plan.outputSizes;
  log(
    `\n3. output at scale: a ${rowCount.toLocaleString('en')}-row table, a report of ${modelCount.toLocaleString('en')} models`,
  );
  const runs = [];
  for (let run = 0; run < plan.scale; run += 1) {
    const result = await runChecked(process.execPath, [
      join(benchDir, 'scale-output.mjs'),
      String(rowCount),
      String(modelCount),
    ]);
    runs.push(JSON.parse(result.stdout.trim().split('\n').at(-1)));
  }
  return [
    entry({
      id: 'table-rows',
      budget: `a ${rowCount.toLocaleString('en')}-row terminal table (80 columns) < 10 s`,
      limit: 10,
      unit: 's',
      figure: median(runs.map((run) => run.tableMs)) / 1000,
      details: { tableMs: runs.map((run) => Math.round(run.tableMs)) },
    }),
    entry({
      id: 'report-models',
      budget: `the HTML report of ${modelCount.toLocaleString('en')} models < 10 s`,
      limit: 10,
      unit: 's',
      figure: median(runs.map((run) => run.reportMs)) / 1000,
      details: { reportMs: runs.map((run) => Math.round(run.reportMs)), bytes: runs[0].reportBytes },
    }),
  ];
}

async function benchHelp() {
  log('\n4. tracker --help against bare node start-up');
  const bare = [];
  const help = [];
  // Interleaved, so a burst of load on the machine hits both series alike; the first pair warms the file cache.
  for (let run = 0; run <= plan.help; run += 1) {
    const nodeRun = await runChecked(process.execPath, ['-e', '0']);
    const helpRun = await runChecked(process.execPath, [cliBin, '--help']);
    if (run > 0) {
      bare.push(nodeRun.wallMs);
      help.push(helpRun.wallMs);
    }
  }
  return entry({
    id: 'help-startup',
    budget: '`tracker --help` < 3× the start-up of a bare `node -e 0`',
    limit: 3,
    unit: '×',
    figure: median(help) / median(bare),
    details: { helpMs: Math.round(median(help)), nodeMs: Math.round(median(bare)) },
  });
}

async function benchCollect() {
  log('\n5. collection against local servers adding 200 ms per request');
  const scrapers = await import('../packages/scrapers/dist/index.js');
  // Two settings: the client's default start interval (what `tracker collect` uses) and none, where only the
  // concurrency limits pace the requests.
  const settings = [undefined, 0];
  const measured = [];
  for (const minIntervalMs of settings) {
    const runs = [];
    for (let run = 0; run < plan.collect; run += 1)
      runs.push(await measureCollection({ scrapers, minIntervalMs }));
    measured.push(runs);
  }
  const worstRatio = Math.max(...measured.map((runs) => median(runs.map((run) => run.ratio))));
  const overLimit = Math.max(
    ...measured.flat().flatMap((run) => run.hosts.map((host) => host.maxInFlight / host.limit)),
  );
  const describe = (runs) => ({
    minIntervalMs: runs[0].minIntervalMs,
    idealMs: runs[0].idealMs,
    wallMs: runs.map((run) => Math.round(run.wallMs)),
    hosts: runs[0].hosts.map(({ host, requests, limit, maxInFlight }) => ({
      host,
      requests,
      limit,
      maxInFlight,
    })),
  });
  return [
    entry({
      id: 'collect-wall',
      budget: 'collection wall time ≤ 1.3× the ideal under the per-host limits (200 ms per request)',
      limit: 1.3,
      unit: '× ideal',
      figure: worstRatio,
      comparison: 'at-most',
      details: { settings: measured.map(describe) },
    }),
    entry({
      id: 'collect-limits',
      budget: 'no host ever has more requests in flight than its limit',
      limit: 1,
      unit: 'of limit',
      figure: overLimit,
      comparison: 'at-most',
      details: { note: 'counted by the servers, over every run' },
    }),
  ];
}

function describeMachine() {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    os: `${type()} ${release()} ${process.arch}`,
  };
}

function formatLoad(load) {
  return load.map((value) => value.toFixed(2)).join(', ');
}

function formatResult(result) {
  if (result.error) return '**NOT MEASURED** (the benchmark failed)';
  if (result.info) return 'for reference';
  if (result.pass === null) return 'skipped';
  return result.pass ? 'pass' : '**MISSED**';
}

function formatFigure(result) {
  if (result.figure === null) return `— (${result.skipped ?? result.error})`;
  return `${result.figure} ${result.unit}`;
}

/** Other processes competed for the processors: the 1- or 5-minute load average exceeded half the cores. */
function busy(report) {
  return Math.max(...report.loadAverage.start.slice(0, 2)) > report.machine.cores / 2;
}

function formatMarkdown(report) {
  const { machine } = report;
  const lines = [
    `Measured by \`pnpm bench\` on ${report.date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}; load average at start ${formatLoad(report.loadAverage.start)}. ` +
      `Medians of ${report.runs.runOffline} runs (\`run --offline\`), ${report.runs.scale} (scale), ` +
      `${report.runs.help} (\`--help\`), ${report.runs.collect} (collection). Details: \`bench/results.json\`.`,
    ...(busy(report)
      ? [
          '',
          `The machine was busy with other work during this run (load average up to ${Math.max(...report.loadAverage.start.slice(0, 2)).toFixed(1)} ` +
            `on ${machine.cores} cores), so these figures are pessimistic.`,
        ]
      : []),
    '',
    '| Budget (DESIGN §7) | Figure | Result |',
    '| --- | --- | --- |',
    ...report.results.map(
      (result) => `| ${result.budget} | ${formatFigure(result)} | ${formatResult(result)} |`,
    ),
  ];
  return lines.join('\n');
}

function formatTable(report) {
  const rows = report.results.map((result) => [
    result.error
      ? 'FAIL'
      : result.info
        ? 'INFO'
        : result.pass === null
          ? 'SKIP'
          : result.pass
            ? 'PASS'
            : 'MISS',
    result.id,
    result.figure === null ? '—' : `${result.figure} ${result.unit}`,
    `limit ${result.limit} ${result.unit}`,
  ]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ')).join('\n');
}
