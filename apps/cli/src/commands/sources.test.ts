import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeIo } from '../../test-support/fake-io';
import { runCli } from '../cli';

const fixture = new URL(
  '../../../../packages/scrapers/src/builtin/openrouter/__fixtures__/models-2026-05.json',
  import.meta.url,
);

/** `tracker sources --check --source openrouter` in a fresh folder, JSON out. */
async function checkOpenRouter() {
  const cwd = await mkdtemp(join(tmpdir(), 'tracker-sources-check-'));
  const argv = [
    'sources',
    '--check',
    '--source',
    'openrouter',
    '--data-dir',
    join(cwd, 'data'),
    '--format',
    'json',
  ];
  const fake = createFakeIo({ cwd });
  const code = await runCli(argv, fake.io);
  return { code, stdout: fake.stdout, stderr: fake.stderr };
}

afterEach(() => nock.cleanAll());

describe('tracker sources --check', () => {
  it('fetches the source once and says its format is as expected', async () => {
    const body = await readFile(fixture, 'utf8');
    const scope = nock('https://openrouter.ai').get('/api/v1/models').reply(200, body);
    const result = await checkOpenRouter();
    expect(result.code, result.stderr).toBe(0);
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({
        source: 'openrouter',
        status: 'ok',
        observations: 5,
        missingFields: [],
        newFields: [],
      }),
    ]);
  });

  it('exits 1 and names the change when a field the parser reads is gone', async () => {
    const body = (await readFile(fixture, 'utf8')).replaceAll('"context_length"', '"context"');
    nock('https://openrouter.ai').get('/api/v1/models').reply(200, body);
    const result = await checkOpenRouter();
    expect(result.code).toBe(1);
    const [check] = JSON.parse(result.stdout);
    expect(check).toMatchObject({
      status: 'changed',
      missingFields: ['context_length'],
      newFields: ['context'],
    });
    expect(result.stderr).toContain('1 source changed or failed: openrouter');
  });

  it('is described in the help of sources, with --source', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-sources-help-'));
    const fake = createFakeIo({ cwd });
    expect(await runCli(['sources', '--help'], fake.io)).toBe(0);
    expect(fake.stdout).toContain('usage: tracker sources [--check [--source ID]]');
    expect(fake.stdout).toMatch(
      /--check\s+fetch each source once and check its format \(exit 1 on a change\)/,
    );
    expect(fake.stdout).toMatch(/--source ID/);
    expect(fake.stdout).toContain('Exit 1 when a');
  });
});
