import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadObservationFile } from '@tracker/dataset';
import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../../test-support/fake-io';
import { runCli } from '../cli';

const builtin = (path: string) =>
  fileURLToPath(new URL(`../../../../packages/scrapers/src/builtin/${path}`, import.meta.url));
const tablesDir = fileURLToPath(new URL('../../../../configs/tables', import.meta.url));

// One small fixture in the real format per source (the scrapers' own test fixtures).
const SOURCES: [string, string[]][] = [
  ['openrouter', ['openrouter/__fixtures__/models-2026-05.json']],
  ['lmarena', ['lmarena/__fixtures__/site-table_2026-03-29.csv']],
  ['huggingface', ['huggingface/__fixtures__/model_mixtral-8x7b-instruct.json']],
  ['epoch', ['epoch/__fixtures__/notable_ai_models.csv', 'epoch/__fixtures__/frontier_ai_models.csv']],
  [
    'livebench',
    ['livebench/__fixtures__/table_2026_06_25.csv', 'livebench/__fixtures__/categories_2026_06_25.json'],
  ],
  ['artificial-analysis', ['artificial-analysis/__fixtures__/leaderboard-models_2026-03-30.csv']],
  ['openlm-arena', ['openlm-arena/__fixtures__/chatbot-arena.html']],
];

async function cli(cwd: string, argv: string[]) {
  const fake = createFakeIo({ cwd });
  const code = await runCli(argv, fake.io);
  return { code, stdout: fake.stdout, stderr: fake.stderr };
}

describe('tracker collect --source <id> --from <file> --data-dir <dir>', () => {
  it.each(SOURCES)('%s', async (source, files) => {
    const cwd = await mkdtemp(join(tmpdir(), `tracker-collect-${source}-`));
    const dataDir = join(cwd, 'out');
    const result = await cli(cwd, [
      'collect',
      '--source',
      source,
      ...files.flatMap((file) => ['--from', builtin(file)]),
      '--data-dir',
      dataDir,
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const [outcome] = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ source, status: 'file' });
    expect(outcome.observations).toBeGreaterThan(0);
    const file = await loadObservationFile(join(dataDir, 'observations', `${source}.json`));
    expect(file.observations.length).toBe(outcome.added);
    expect(file.snapshots.at(-1)?.origin).toBe('file');
    // A saved file stands for the source's page: no local path leaks into the data.
    expect(JSON.stringify(file)).not.toContain(cwd);
    expect(JSON.stringify(file)).not.toContain('file://');
  });

  it('reads a table mapping source (configs/tables) from a saved page', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-collect-table-'));
    await writeFile(join(cwd, 'tracker.config.yaml'), `tables: ${tablesDir}\n`);
    const page = join(cwd, 'superclue.html');
    await writeFile(
      page,
      '<table><thead><tr><th>Model</th><th>Organization</th><th>Overall Score</th><th>Math</th><th>Science Reasoning</th><th>Code Generation</th><th>Agent Capabilities</th></tr></thead>' +
        '<tbody><tr><td>Example-1</td><td>Example Lab</td><td>70.1</td><td>71</td><td>72</td><td>73</td><td>74</td></tr></tbody></table>',
    );
    const result = await cli(cwd, [
      'collect',
      '--source',
      'superclue',
      '--from',
      page,
      '--retrieved-at',
      '2026-01-02',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const file = await loadObservationFile(join(cwd, 'data', 'observations', 'superclue.json'));
    expect(file.observations[0]).toMatchObject({
      rawName: 'Example-1',
      developer: 'Example Lab',
      retrievedAt: '2026-01-02T00:00:00.000Z',
    });
  });

  it('keeps other sources and earlier observations when a payload is damaged', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-collect-damaged-'));
    expect(
      (
        await cli(cwd, [
          'collect',
          '--source',
          'openrouter',
          '--from',
          builtin('openrouter/__fixtures__/models-2026-05.json'),
        ])
      ).code,
    ).toBe(0);
    const before = await readFile(join(cwd, 'data', 'observations', 'openrouter.json'), 'utf8');
    const truncated = join(cwd, 'truncated.json');
    const text = await readFile(builtin('openrouter/__fixtures__/models-2026-05.json'), 'utf8');
    await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
    const result = await cli(cwd, ['collect', '--source', 'openrouter', '--from', truncated]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error PARSE_FAILED: \[scraper:openrouter\] /);
    expect(await readFile(join(cwd, 'data', 'observations', 'openrouter.json'), 'utf8')).toBe(before);
    const invalid = join(cwd, 'latin1.csv');
    await writeFile(invalid, Buffer.from([0x6d, 0x6f, 0x64, 0x65, 0x6c, 0x0a, 0xe9, 0xff, 0x0a]));
    const bytes = await cli(cwd, ['collect', '--source', 'lmarena', '--from', invalid]);
    expect(bytes.code).toBe(1);
    expect(bytes.stderr).toMatch(/^error PARSE_FAILED: \[scraper:lmarena\] latin1\.csv: expected UTF-8 text/);
  });

  it('needs exactly one --source with --from, and names a missing file', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-collect-usage-'));
    expect((await cli(cwd, ['collect', '--from', 'x.json'])).code).toBe(2);
    const missing = await cli(cwd, ['collect', '--source', 'openrouter', '--from', 'nowhere.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error IO_FAILED: nowhere\.json: no such file/);
    const unknown = await cli(cwd, ['collect', '--source', 'nope', '--from', 'x.json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/PLUGIN_NOT_FOUND/);
  });

  it('--offline reports each source from its last observations, with their age', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-collect-offline-'));
    await cli(cwd, [
      'collect',
      '--source',
      'openrouter',
      '--from',
      builtin('openrouter/__fixtures__/models-2026-05.json'),
      '--retrieved-at',
      '2026-05-22',
    ]);
    const result = await cli(cwd, [
      'collect',
      '--offline',
      '--source',
      'openrouter',
      '--source',
      'lmarena',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const outcomes = JSON.parse(result.stdout);
    expect(outcomes[0]).toMatchObject({
      source: 'openrouter',
      status: 'snapshot',
      lastRetrievedAt: '2026-05-22T00:00:00.000Z',
    });
    expect(outcomes[0].message).toMatch(/kept \d+ observations from 2026-05-22 \(.+ old\)/);
    expect(outcomes[1]).toMatchObject({
      source: 'lmarena',
      status: 'failed',
      message: 'no earlier observations',
    });
  });
});
