import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModels } from '@tracker/core';
import { loadLedger, loadModels, loadObservations, saveModels } from '@tracker/dataset';
import { DEFAULT_THRESHOLD, type LedgerEntry, type ModelRecord } from '@tracker/schema';
import { runCli } from '../src/cli';
import { createFakeIo } from './fake-io';

const FIXTURE = fileURLToPath(new URL('../src/__fixtures__/curation/', import.meta.url));

/**
 * A working folder whose `data/` holds the fixture's observations and ledger and a models.json built from them by
 * the real pipeline, so machine output and rulings agree (GPT-4o and Grok 3 are candidates, Claude 3.5 Sonnet is a
 * confirmed-below ruling flagged needs-review, Llama 3.1 405B is confirmed above).
 */
export async function createCurationDataDir(): Promise<{ cwd: string; dataDir: string }> {
  const cwd = await mkdtemp(join(tmpdir(), 'tracker-curation-'));
  const dataDir = join(cwd, 'data');
  await cp(join(FIXTURE, 'observations'), join(dataDir, 'observations'), { recursive: true });
  await cp(join(FIXTURE, 'ledger.jsonl'), join(dataDir, 'ledger.jsonl'));
  const built = buildModels({
    observationFiles: await loadObservations(dataDir),
    ledger: await loadLedger(dataDir),
    threshold: DEFAULT_THRESHOLD,
    reviewFactor: 3,
    sourceRank: ['ledger', 'epoch', 'huggingface'],
  });
  await saveModels(
    dataDir,
    {
      schemaVersion: 1,
      generatedAt: '2026-03-30T00:00:00.000Z',
      threshold: DEFAULT_THRESHOLD,
      models: built.models,
    },
    { wait: 5000 },
  );
  return { cwd, dataDir };
}

/** Runs the CLI in `cwd` with a fake terminal-less io; `input` feeds stdin. */
export async function runIn(
  cwd: string,
  argv: string[],
  options: { input?: string; isTTY?: boolean; env?: Record<string, string | undefined> } = {},
) {
  const fake = createFakeIo({
    cwd,
    env: { USER: 'tester', ...(options.env ?? {}) },
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.isTTY === undefined ? {} : { isTTY: options.isTTY }),
  });
  const code = await runCli(argv, fake.io);
  return { code, stdout: fake.stdout, stderr: fake.stderr };
}

export async function readLedger(dataDir: string): Promise<LedgerEntry[]> {
  return loadLedger(dataDir);
}

export async function readLedgerText(dataDir: string): Promise<string> {
  return readFile(join(dataDir, 'ledger.jsonl'), 'utf8');
}

export async function readModel(dataDir: string, id: string): Promise<ModelRecord | undefined> {
  return (await loadModels(dataDir))?.models.find((record) => record.id === id);
}
