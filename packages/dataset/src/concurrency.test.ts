import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, readLock } from './lock';
import { loadLedger, loadModels, loadObservations } from './store';
import { createTempDir } from './test-factories';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
// The child processes run plain Node, so they need JavaScript: bundle this package's source (not a possibly stale
// dist) into node_modules/.cache, from where `@tracker/schema` and `zod` resolve as they do for the package.
const bundleDir = path.join(packageDir, 'node_modules', '.cache', `dataset-process-test-${process.pid}`);
let bundleUrl = '';

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

beforeAll(async () => {
  await build({
    config: false,
    entry: { index: path.join(packageDir, 'src', 'index.ts') },
    outDir: bundleDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    sourcemap: false,
    clean: true,
    silent: true,
    external: ['@tracker/schema', 'zod'],
  });
  bundleUrl = pathToFileURL(path.join(bundleDir, 'index.js')).href;
});

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [path.join(fixtures, script), bundleUrl, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Resolves once the child has printed `lines` progress lines. */
function afterLines(child: ChildProcess, lines: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').length - 1;
      if (seen >= lines) resolve();
    });
    child.on('close', () => reject(new Error(`child exited after ${seen} lines`)));
  });
}

async function expectNoLeftovers(dataDir: string): Promise<void> {
  const names = [...(await readdir(dataDir)), ...(await readdir(path.join(dataDir, 'observations')))];
  expect(names.filter((name) => name.endsWith('.tmp') || name.startsWith('.lock'))).toEqual([]);
}

describe('two processes writing at once', () => {
  it('never leave a torn or invalid file and lose no ledger entry', async () => {
    const dataDir = await createTempDir();
    const stopFile = path.join(await createTempDir(), 'stop');
    const iterations = 50;
    const reader = run('reader-process.mjs', [dataDir, stopFile]);
    const writers = ['alpha', 'beta'].map((name) =>
      run('writer-process.mjs', [dataDir, name, String(iterations), '200']),
    );
    const results = await Promise.all(writers.map((writer) => writer.done));
    await writeFile(stopFile, '');
    const read = await reader.done;

    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(read.stderr).toBe('');
    expect(read.code).toBe(0);
    expect(Number(read.stdout)).toBeGreaterThan(0);

    const ledger = await loadLedger(dataDir);
    const expected = ['alpha', 'beta'].flatMap((name) =>
      Array.from({ length: iterations }, (_, index) => `${name}-${String(index).padStart(6, '0')}`),
    );
    expect(ledger.map((entry) => entry.id).sort()).toEqual(expected.sort());
    const models = await loadModels(dataDir);
    expect(models?.models).toHaveLength(200);
    // Every models.json is one writer's whole file, never a mix of two.
    expect(new Set(models?.models.map((model) => model.developer)).size).toBe(1);
    const [observations] = await loadObservations(dataDir);
    expect(observations?.snapshots).toHaveLength(2 * iterations);
    expect(observations?.observations).toHaveLength(2 * iterations);
    expect(await readLock(dataDir)).toBeNull();
    await expectNoLeftovers(dataDir);
  });
});

describe('a writer killed mid-write', () => {
  it.each([5, 17, 40])(
    'leaves every file old or new and valid (killed after %i iterations)',
    async (after) => {
      const dataDir = await createTempDir();
      const writer = run('writer-process.mjs', [dataDir, 'victim', '0', '2000']);
      await afterLines(writer.child, after);
      writer.child.kill('SIGKILL');
      const result = await writer.done;
      expect(result.signal).toBe('SIGKILL');
      const finished = result.stdout.split('\n').filter(Boolean).length;

      const ledger = await loadLedger(dataDir);
      // Every iteration it reported is stored, in order; at most the one it was in when killed may be there too.
      expect(ledger.length === finished || ledger.length === finished + 1).toBe(true);
      expect(ledger.map((entry) => entry.id)).toEqual(
        Array.from({ length: ledger.length }, (_, index) => `victim-${String(index).padStart(6, '0')}`),
      );
      expect((await loadModels(dataDir))?.models).toHaveLength(2000);
      const [observations] = await loadObservations(dataDir);
      expect(observations?.snapshots.length).toBeGreaterThanOrEqual(finished);

      // The dead writer's lock is taken over, naming it, and its temp files are cleaned up.
      const left = await readLock(dataDir);
      const lock = await acquireLock(dataDir);
      if (left === null) expect(lock.tookOver).toBeUndefined();
      else expect(lock.tookOver).toEqual(left);
      if (lock.tookOver) expect(lock.tookOver.pid).toBe(writer.child.pid);
      await lock.release();
      await expectNoLeftovers(dataDir);
    },
  );
});
