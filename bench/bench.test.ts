import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ObservationFileSchema } from '@tracker/schema';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without type declarations
import { idealHostWallMs } from './collect-bench.mjs';
// @ts-expect-error: plain ESM script without type declarations
import { createRandom, generateObservationFiles, SYNTHETIC_SOURCES } from './generate-observations.mjs';

const run = promisify(execFile);
const runScript = fileURLToPath(new URL('./run.mjs', import.meta.url));
const BUDGET_IDS = [
  'run-offline',
  'run-vs-baseline',
  'run-cold-vs-baseline',
  'models-json-size',
  'report-size',
  'scale-time',
  'scale-memory',
  'scale-growth',
  'table-rows',
  'report-models',
  'help-startup',
  'collect-wall',
  'collect-limits',
];

describe('generateObservationFiles', () => {
  it('gives exactly the requested number of schema-valid observations from five sources', () => {
    const files = generateObservationFiles({ count: 2_000, seed: 7 });
    expect(files.map((file: { source: string }) => file.source)).toEqual(SYNTHETIC_SOURCES);
    expect(SYNTHETIC_SOURCES).toHaveLength(5);
    let total = 0;
    for (const file of files) {
      const parsed = ObservationFileSchema.parse(file);
      total += parsed.observations.length;
      expect(parsed.observations.length).toBeGreaterThan(0);
    }
    expect(total).toBe(2_000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const first = JSON.stringify(generateObservationFiles({ count: 500, seed: 3 }));
    expect(JSON.stringify(generateObservationFiles({ count: 500, seed: 3 }))).toBe(first);
    expect(JSON.stringify(generateObservationFiles({ count: 500, seed: 4 }))).not.toBe(first);
    expect(createRandom(1).next()).toBe(createRandom(1).next());
  });

  it('has the variety of the real sources: router ids, MoE sizes, scores, reported compute', () => {
    const observations = generateObservationFiles({ count: 3_000, seed: 1 }).flatMap(
      (file: { observations: unknown[] }) => file.observations,
    );
    const text = JSON.stringify(observations);
    expect(text).toMatch(/"sourceModelId":"[a-z-]+\/[a-z0-9.-]+:free"/);
    expect(text).toMatch(/-A\d+B/);
    expect(text).toContain('"lmarena-text"');
    expect(text).toContain('"reportedCompute"');
    expect(text).toMatch(/"rawName":"[^"]+-(thinking|high|low)"/);
  });
});

describe('idealHostWallMs', () => {
  it('is limited by concurrency without a start interval', () => {
    expect(idealHostWallMs(16, 2, 0, 200)).toBe(1_600);
    expect(idealHostWallMs(16, 4, 0, 200)).toBe(800);
    expect(idealHostWallMs(0, 2, 0, 200)).toBe(0);
  });

  it('is limited by the start interval when it dominates', () => {
    expect(idealHostWallMs(16, 4, 100, 200)).toBe(1_700);
    expect(idealHostWallMs(3, 2, 500, 200)).toBe(1_200);
  });
});

describe('bench/run.mjs --quick', () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'tracker-bench-test-'));
  afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

  it('writes every budget with a numeric figure and a verdict (no timing asserted)', async () => {
    const output = join(outputDir, 'results.json');
    await run(process.execPath, [runScript, '--quick', '--output', output], { maxBuffer: 16 * 1024 * 1024 });
    expect(existsSync(output)).toBe(true);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    expect(report.mode).toBe('quick');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(report.date))).toBe(false);
    expect(report.results.map((result: { id: string }) => result.id)).toEqual(BUDGET_IDS);
    for (const result of report.results) {
      // A benchmark that broke records its error instead of a figure.
      expect(result.error, `${result.id}: ${result.error}`).toBeUndefined();
      expect(typeof result.budget).toBe('string');
      if (result.skipped) {
        // Only the committed-data figures may be skipped, and only when there is no data to run on.
        expect([
          'run-offline',
          'run-vs-baseline',
          'run-cold-vs-baseline',
          'models-json-size',
          'report-size',
        ]).toContain(result.id);
        continue;
      }
      if (result.info) {
        // A figure for reference (the run with no caches): measured, no budget to pass or miss.
        expect(result.limit).toBeNull();
        expect(result.pass).toBeNull();
        expect(result.figure).toBeGreaterThan(0);
        continue;
      }
      expect(typeof result.limit).toBe('number');
      expect(Number.isFinite(result.figure)).toBe(true);
      expect(result.figure).toBeGreaterThan(0);
      expect(typeof result.pass).toBe('boolean');
    }
  });

  it('rejects an unknown argument', async () => {
    await expect(run(process.execPath, [runScript, '--fast'])).rejects.toMatchObject({
      stderr: expect.stringContaining('unknown argument --fast'),
    });
  });
});
