// One scale measurement in a fresh process (so peak RSS is this run's alone): generate the synthetic
// observations (not timed), then time buildModels (resolve → merge → estimate → curate) and print one JSON line.
import { generateObservationFiles } from './generate-observations.mjs';

const [count, seed] = process.argv.slice(2).map(Number);
const { buildModels } = await import('../packages/core/dist/pipeline.js');

const generateStart = performance.now();
const observationFiles = generateObservationFiles({ count, seed });
const generateMs = performance.now() - generateStart;
const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);

const buildStart = performance.now();
const cpuStart = process.cpuUsage();
const result = buildModels({ observationFiles, ledger: [], threshold: 1e25, reviewFactor: 3 });
const buildMs = performance.now() - buildStart;
const cpu = process.cpuUsage(cpuStart);

process.stdout.write(
  `${JSON.stringify({
    count,
    observations: result.observationCount,
    models: result.models.length,
    excluded: result.excluded.length,
    suggestions: result.suggestions.length,
    generateMs,
    buildMs,
    // CPU time of this process during the build (every thread, GC helpers included): on a busy machine, where the
    // wall time also counts waiting for a core, it shows what the build itself costs.
    buildCpuMs: (cpu.user + cpu.system) / 1000,
    rssBeforeKb,
    // maxRSS is the process's peak resident set in KB (input included: the pipeline needs it in memory).
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
