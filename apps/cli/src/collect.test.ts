import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../test-support/fake-io';
import { runCli } from './cli';

async function cli(cwd: string, argv: string[]) {
  const fake = createFakeIo({ cwd });
  const code = await runCli(argv, fake.io);
  return { code, stdout: fake.stdout, stderr: fake.stderr };
}

/** A data folder whose openrouter file has one snapshot and the given observations. */
async function dataFolder(observations: unknown[], snapshots?: unknown) {
  const cwd = await mkdtemp(join(tmpdir(), 'tracker-collect-fallback-'));
  await mkdir(join(cwd, 'data', 'observations'), { recursive: true });
  const file = {
    schemaVersion: 1,
    source: 'openrouter',
    snapshots: snapshots ?? [
      {
        retrievedAt: '2026-05-22T00:00:00.000Z',
        sourceUrl: 'https://openrouter.ai/api/v1/models',
        observationCount: observations.length,
        origin: 'file',
      },
    ],
    observations,
  };
  await writeFile(join(cwd, 'data', 'observations', 'openrouter.json'), JSON.stringify(file));
  return cwd;
}

const observation = {
  source: 'openrouter',
  sourceUrl: 'https://openrouter.ai/api/v1/models',
  retrievedAt: '2026-05-22T00:00:00.000Z',
  rawName: 'gpt-4o',
};

describe('offline fallback (collectSources)', () => {
  it('reports the last snapshot and the count of a source kept from earlier', async () => {
    const cwd = await dataFolder([observation, { ...observation, rawName: 'gpt-4o-mini' }]);
    const result = await cli(cwd, ['collect', '--offline', '--source', 'openrouter', '--format', 'json']);
    expect(result.code).toBe(0);
    const [outcome] = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({
      source: 'openrouter',
      status: 'snapshot',
      lastRetrievedAt: '2026-05-22T00:00:00.000Z',
    });
    expect(outcome.message).toMatch(/^kept 2 observations from 2026-05-22/);
  });

  it('refuses a file whose snapshot list is broken, naming the file and the field', async () => {
    const cwd = await dataFolder([observation], [{ retrievedAt: 'yesterday' }]);
    const result = await cli(cwd, ['collect', '--offline', '--source', 'openrouter']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DATA_INVALID/);
    expect(result.stderr).toMatch(/openrouter\.json: \$\.snapshots\[0\]/);
  });

  it('leaves observations to the command that uses them: run --offline still refuses an invalid one', async () => {
    const cwd = await dataFolder([{ ...observation, rawName: '' }]);
    const result = await cli(cwd, ['run', '--offline', '--source', 'openrouter']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DATA_INVALID/);
    expect(result.stderr).toMatch(/openrouter\.json: \$\.observations\[0\]\.rawName/);
  });
});
