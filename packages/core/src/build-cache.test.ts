import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint } from './build-cache';
import { createTracker } from './tracker';

const E2E_DATA = new URL('./__fixtures__/e2e', import.meta.url);

async function workspace(): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'tracker-build-cache-'));
  await cp(E2E_DATA, join(cwd, 'data'), { recursive: true });
  return cwd;
}

const quiet = { info() {}, debug() {}, warn() {} };

/** The key stored in the build cache (its header line), or undefined when there is none. */
async function cachedKey(cwd: string): Promise<string | undefined> {
  try {
    const header = (await readFile(join(cwd, 'data', '.cache', 'build.v8'), 'latin1')).split('\n')[0] ?? '';
    return /^tracker-build-cache \d+ ([0-9a-f]{64})$/.exec(header)?.[1];
  } catch {
    return undefined;
  }
}

/** models.json without its time stamp. */
async function modelsText(cwd: string): Promise<string> {
  const file = JSON.parse(await readFile(join(cwd, 'data', 'models.json'), 'utf8'));
  delete file.generatedAt;
  return JSON.stringify(file);
}

describe('the build cache', () => {
  it('knows the code it runs', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is reused by a run whose inputs did not change, and gives the models a full build gives', async () => {
    const cwd = await workspace();
    const tracker = await createTracker({ cwd, log: quiet, env: { USER: 'tester' } });
    await tracker.run({ offline: true });
    const key = await cachedKey(cwd);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const cacheFile = join(cwd, 'data', '.cache', 'build.v8');
    const written = (await stat(cacheFile)).mtimeMs;
    const first = await modelsText(cwd);
    // Same inputs: the cache is read, not written again, and the models are the same. The observation files are
    // then hashed but not parsed (so their validation cache, removed here, is not written again).
    const validated = join(cwd, 'data', '.cache', 'validated.json');
    await rm(validated);
    const second = await tracker.run({ offline: true });
    expect((await stat(cacheFile)).mtimeMs).toBe(written);
    await expect(stat(validated)).rejects.toThrow();
    expect(await modelsText(cwd)).toBe(first);
    expect(second.summary.changed).toBe(0);
    // A decision changes the ledger, so the next run builds again (another key) and stores that build.
    const model = second.models[0]!.id;
    await tracker.decide({
      model,
      above: true,
      flop: 3e25,
      confidence: 'likely',
      reason: 'a figure from the report',
    });
    await tracker.run({ offline: true });
    const after = await cachedKey(cwd);
    expect(after).not.toBe(key);
    const cached = await modelsText(cwd);
    // The same folder built with no cache at all gives the same models.
    const fresh = await workspace();
    await cp(join(cwd, 'data', 'ledger.jsonl'), join(fresh, 'data', 'ledger.jsonl'));
    await (await createTracker({ cwd: fresh, log: quiet })).run({ offline: true });
    expect(await modelsText(fresh)).toBe(cached);
  }, 120_000);

  it('builds again when an observation file changes, and ignores a damaged cache file', async () => {
    const cwd = await workspace();
    const tracker = await createTracker({ cwd, log: quiet });
    await tracker.run({ offline: true });
    const key = await cachedKey(cwd);
    const expected = await modelsText(cwd);
    // A damaged cache is no cache: the run builds, gives the same models and stores a readable cache again.
    await writeFile(join(cwd, 'data', '.cache', 'build.v8'), 'not a cache');
    await tracker.run({ offline: true });
    expect(await modelsText(cwd)).toBe(expected);
    expect(await cachedKey(cwd)).toBe(key);
    // Other bytes in an observation file (here only their layout) give another key.
    const observations = join(cwd, 'data', 'observations');
    const files = await readdir(observations);
    const file = join(observations, files.find((entry) => entry.endsWith('.json'))!);
    await writeFile(file, JSON.stringify(JSON.parse(await readFile(file, 'utf8')), null, 1));
    await tracker.run({ offline: true });
    expect(await cachedKey(cwd)).not.toBe(key);
    expect(await modelsText(cwd)).toBe(expected);
  }, 120_000);

  it('leaves no promise behind when an input is bad (the cache file is read while the inputs are)', async () => {
    const cwd = await workspace();
    const tracker = await createTracker({ cwd, log: quiet });
    await tracker.run({ offline: true });
    await writeFile(join(cwd, 'data', 'ledger.jsonl'), '{broken\n');
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await expect(tracker.run({ offline: true })).rejects.toMatchObject({ code: 'DATA_INVALID' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).toEqual([]);
  }, 120_000);

  it('is not written by a build that does not hold the lock', async () => {
    const cwd = await workspace();
    const tracker = await createTracker({ cwd, log: quiet });
    await tracker.validate({});
    expect(await cachedKey(cwd)).toBeUndefined();
  }, 120_000);
});
