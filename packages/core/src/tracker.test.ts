import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CreateTrackerOptions, createTracker } from './tracker';

const E2E_DATA = new URL('./__fixtures__/e2e', import.meta.url);

/** A temp working directory with `data/` copied from the small fixtures (three sources, seven models). */
async function workspace(): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'tracker-core-'));
  await cp(E2E_DATA, join(cwd, 'data'), { recursive: true });
  return cwd;
}

describe('createTracker', () => {
  it('runs offline, lists candidates and records a decision that re-curates models.json', async () => {
    const cwd = await workspace();
    const tracker = await createTracker({ cwd, env: { USER: 'tester' } });
    expect(tracker.dataDir).toBe(join(cwd, 'data'));
    expect(tracker.configFile).toBeNull();
    const result = await tracker.run({ offline: true });
    expect(result.exitCode).toBe(0);
    expect(result.summary.firstRun).toBe(true);
    expect(result.models.length).toBe(result.summary.models);
    expect(result.over.every((record) => result.models.includes(record))).toBe(true);
    const candidates = await tracker.candidates();
    expect(candidates.length).toBeGreaterThan(0);
    const model = candidates[0]!.record.id;
    const [entry] = await tracker.decide({ model, below: true, reason: 'checked the report' });
    expect(entry).toMatchObject({ modelId: model, action: 'confirm-below', by: 'tester' });
    const models = await tracker.models();
    expect(models.models.find((record) => record.id === model)?.curation?.status).toBe('confirmed-below');
    // Nothing was printed anywhere: a library call returns its results.
    expect(await readFile(join(cwd, 'data', 'ledger.jsonl'), 'utf8')).toContain(model);
  }, 60_000);

  it("a second run reads the first one's compact models.json: nothing changed; a damaged one is compared with nothing", async () => {
    const cwd = await workspace();
    const warnings: string[] = [];
    const tracker = await createTracker({
      cwd,
      log: { info() {}, debug() {}, warn: (message) => warnings.push(message) },
    });
    const first = await tracker.run({ offline: true });
    const file = join(cwd, 'data', 'models.json');
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(2);
    const second = await tracker.run({ offline: true });
    expect(second.summary).toMatchObject({ firstRun: false, changed: 0, newModels: [], newCandidates: [] });
    expect(second.summary.models).toBe(first.summary.models);
    const damaged = JSON.parse(await readFile(file, 'utf8'));
    damaged.models[0].facts = { developer: [['x', 9999]] };
    await writeFile(file, JSON.stringify(damaged));
    const third = await tracker.run({ offline: true });
    expect(third.summary.firstRun).toBe(true);
    expect(warnings.join('')).toMatch(
      /models\.json: \$\.models\[0\]\.facts\.developer\[0\]\[1\]: expected an index/,
    );
    expect(JSON.parse(await readFile(file, 'utf8')).models).toHaveLength(third.summary.models);
  }, 90_000);

  it('fits printed tables to io.stdout.columns or COLUMNS, and wide leaves them whole', async () => {
    const cwd = await workspace();
    const widest = async (options: CreateTrackerOptions) => {
      let out = '';
      const tracker = await createTracker({ cwd, ...options });
      await tracker
        .with({ io: { ...options.io, stdout: { ...options.io?.stdout, write: (chunk) => (out += chunk) } } })
        .query({ fields: 'id,name,developer,sources,aliases,method' });
      return Math.max(...out.split('\n').map((line) => line.length));
    };
    const terminal = { io: { stdout: { write: () => true, columns: 50 } } };
    expect(await widest(terminal)).toBeLessThanOrEqual(50);
    const fromEnv = await widest({ env: { COLUMNS: '60' } });
    expect(fromEnv).toBeLessThanOrEqual(60);
    expect(fromEnv).toBeGreaterThan(50);
    expect(await widest({ ...terminal, wide: true })).toBeGreaterThan(60);
  }, 60_000);

  it('takes the threshold and cuts from the config it is given, and query --above honours likelyAbove', async () => {
    const cwd = await workspace();
    const strict = await createTracker({
      cwd,
      config: { statusCuts: { above: 0.99, likelyAbove: 0.97, below: 0.01 } },
    });
    const loose = await createTracker({ cwd });
    const built = await loose.build();
    const between = built.models.filter((record) => {
      const p = record.assessment?.probabilityAbove ?? null;
      return p !== null && p >= 0.5 && p < 0.97 && record.curation?.status !== 'confirmed-above';
    });
    expect(between.length, 'a model between the two cuts').toBeGreaterThan(0);
    const looseAbove = (await loose.query({ above: true })).map((row) => row.id);
    const strictAbove = (await strict.query({ above: true })).map((row) => row.id);
    for (const record of between) {
      expect(looseAbove).toContain(record.id);
      expect(strictAbove).not.toContain(record.id);
    }
    expect(strictAbove.every((id) => looseAbove.includes(id))).toBe(true);
    const higher = await createTracker({ cwd, config: { threshold: 1e27 } });
    expect((await higher.build()).models.every((record) => record.assessment?.threshold === 1e27)).toBe(true);
  }, 60_000);

  it('reads tracker.config.yaml and lets TRACKER_DATA_DIR move the data folder', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'tracker.config.yaml'), 'dataDir: elsewhere\nthreshold: 2e25\n');
    const fromConfig = await createTracker({ cwd });
    expect(fromConfig.config.threshold).toBe(2e25);
    expect(fromConfig.dataDir).toBe(join(cwd, 'elsewhere'));
    const fromEnv = await createTracker({ cwd, env: { TRACKER_DATA_DIR: 'data' } });
    expect(fromEnv.dataDir).toBe(join(cwd, 'data'));
  });

  it('prints what the command prints when given an output, in the chosen format', async () => {
    const cwd = await workspace();
    let printed = '';
    const tracker = await createTracker({
      cwd,
      format: 'json',
      io: { stdout: { write: (chunk: string) => (printed += chunk) } },
    });
    const rows = await tracker.query({ fields: 'id,median' });
    expect(JSON.parse(printed).map((row: { id: string }) => row.id)).toEqual(rows.map((row) => row.id));
  }, 60_000);
});

describe('the README library example', () => {
  it('runs as written: a whole run and a decision in under 15 lines', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /<!-- library-example:start -->\n```ts\n([\s\S]*?)```\n<!-- library-example:end -->/.exec(
      readme,
    )?.[1];
    expect(block).toBeDefined();
    const lines = block!.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeLessThan(15);
    const importLine = "import { createTracker } from '@tracker/core';";
    expect(lines[0]).toBe(importLine);
    const cwd = await workspace();
    const logged: string[] = [];
    // The example's own createTracker, its working directory set to a copy of the fixtures.
    const inWorkspace = (options: CreateTrackerOptions) => createTracker({ ...options, cwd });
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;
    const body = block!.replace(importLine, '');
    await new AsyncFunction('createTracker', 'console', body)(inWorkspace, {
      log: (text: string) => logged.push(text),
    });
    expect(logged[0]).toMatch(/^\d+ models, \d+ over the threshold, \d+ to review$/);
    expect(logged[1]).toMatch(/^\S+\/\S+: confirm-above$/);
    expect(await readFile(join(cwd, 'data', 'ledger.jsonl'), 'utf8')).toContain('"by":"me"');
  }, 60_000);
});
