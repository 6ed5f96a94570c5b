import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeIo } from '../test-support/fake-io';
import { runCli } from './cli';
import { COMMANDS } from './commands';

const FIXTURE = new URL('../../../packages/query/src/__fixtures__/models.json', import.meta.url);
let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'tracker-cli-'));
  await mkdir(join(cwd, 'data'));
  await writeFile(join(cwd, 'data', 'models.json'), await readFile(FIXTURE));
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  const fake = createFakeIo({ cwd, env });
  const code = await runCli(argv, fake.io);
  return { code, stdout: fake.stdout, stderr: fake.stderr };
}

describe('tracker --help and --version', () => {
  it('lists the commands and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const name of [
      'run',
      'collect',
      'sources',
      'estimate',
      'explain',
      'validate',
      'candidates',
      'review',
      'decide',
      'add',
      'export-review',
      'import-review',
      'developers',
      'release',
      'report',
      'query',
      'diff',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${name} +\\S`));
    }
    expect(result.stderr).toBe('');
  });

  it('prints the version of the package', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect((await cli(['--version'])).stdout).toBe(`tracker ${pkg.version}\n`);
  });

  it('shows a command help with its flags, including --data-dir and --format', async () => {
    const result = await cli(['query', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--data-dir DIR');
    expect(result.stdout).toContain('table|json|jsonl|csv|markdown');
    expect(result.stdout).toMatch(/--wide\s+do not fit tables to the terminal width/);
  });

  it('shows --full in the help of report', async () => {
    const result = await cli(['report', '--help']);
    expect(result.stdout).toContain('usage: tracker report [--out FILE.html] [--all] [--full]');
    expect(result.stdout).toMatch(/--full\s+full provenance of every model/);
  });
});

describe('the help of every command', () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s --help shows its usage and every flag it parses',
    async (name, command) => {
      const result = await cli([name, '--help']);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.startsWith(`usage: tracker ${name} ${command.usage}\n`)).toBe(true);
      const flags = [...Object.keys(command.options), 'config', 'quiet', 'verbose', 'help'];
      if (command.data) flags.push('data-dir', 'format', 'json', 'wide');
      for (const flag of flags) expect(result.stdout, flag).toMatch(new RegExp(`--${flag}\\b`));
      expect((await cli(['help', name])).stdout).toBe(result.stdout);
    },
  );

  it('candidates --help says the queue holds every unruled model at P(above) ≥ the review floor', async () => {
    const result = await cli(['candidates', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /P\(above\) is at least the review floor \(config reviewFloor, default 0\.2\)/,
    );
  });

  it('alias prints its entries in every row format, and --by names the OS account fallback', async () => {
    const result = await cli(['alias', '--help']);
    expect(result.stdout).toContain('output format: table|json|jsonl|csv|markdown (default table)');
    for (const name of ['alias', 'decide', 'review', 'add']) {
      expect((await cli([name, '--help'])).stdout, name).toMatch(
        /--by NAME .*else \$USER, else the OS account/,
      );
    }
  });

  it('tracker with no command prints the list of commands, like --help', async () => {
    const result = await cli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((await cli(['--help'])).stdout);
  });
});

describe('usage errors exit 2 with usage on stderr', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['query', '--sort'], /argument missing/],
    [['decide'], /expected MODEL/],
    [['query', '--bogus'], /Unknown option '--bogus'/],
    [['query', '--format', 'xml'], /--format must be one of table, json, jsonl, csv, markdown/],
    [['query', 'extra'], /unexpected argument "extra"/],
    [['diff', 'only-one'], /expected A B/],
    [['query', '--sort', 'nonsense'], /error QUERY_INVALID: .*sort/],
    [['query', '--min-probability', 'high'], /error QUERY_INVALID: .*minProbability/],
  ])('%j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage: tracker/);
  });
});

describe('tracker query', () => {
  it('prints every format from the data folder', async () => {
    const json = JSON.parse((await cli(['query', '--format', 'json'])).stdout);
    expect(json.length).toBe(9);
    expect(Object.keys(json[0])).toEqual(
      expect.arrayContaining(['id', 'name', 'median', 'low', 'high', 'probabilityAbove', 'status']),
    );
    const jsonl = (await cli(['query', '--format', 'jsonl'])).stdout.trimEnd().split('\n');
    expect(jsonl).toHaveLength(9);
    const csv = (await cli(['query', '--format', 'csv', '--fields', 'id,median'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('id,median');
    const markdown = (await cli(['query', '--format', 'markdown'])).stdout;
    expect(markdown.split('\n')[1]).toMatch(/^\| --- \|/);
    const table = (await cli(['query'])).stdout;
    expect(table.split('\n')[0]).toMatch(/^id\s+name/);
    expect((await cli(['query', '--json'])).stdout).toBe((await cli(['query', '--format', 'json'])).stdout);
  });

  it('maps every filter flag onto the query', async () => {
    const ids = async (...flags: string[]) =>
      (
        JSON.parse((await cli(['query', '--format', 'json', '--fields', 'id', ...flags])).stdout) as {
          id: string;
        }[]
      )
        .map((row) => row.id)
        .sort();
    expect(await ids('--above')).toEqual(['meta/llama-3.1-405b', 'openai/gpt-4o', 'xai/grok-3']);
    expect(await ids('--below')).toContain('deepseek/deepseek-v3');
    expect(await ids('--status', 'confirmed-above')).toEqual(['meta/llama-3.1-405b']);
    expect(await ids('--status', 'confirmed-above,excluded')).toEqual([
      'meta/llama-3.1-405b',
      'test/arena-test-entry',
    ]);
    expect(await ids('--min-probability', '0.9', '--max-probability', '0.95')).toEqual(['openai/gpt-4o']);
    expect(await ids('--developer', 'openai', '--developer', 'xai')).toEqual(['openai/gpt-4o', 'xai/grok-3']);
    expect(await ids('--released-after', '2025', '--released-before', '2025-01-31')).toEqual([
      'test/arena-test-entry',
    ]);
    expect(await ids('--confidence', 'speculative')).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(await ids('--method', 'hardware-time')).toEqual(['xai/grok-3']);
    expect((await ids('--source', 'epoch')).length).toBeGreaterThan(0);
    expect(await ids('--search', 'gpt4o')).toEqual(['openai/gpt-4o']);
    expect(await ids('--needs-review')).toEqual(expect.any(Array));
    expect(await ids('--limit', '2', '--sort', '-median')).toEqual(['test/arena-test-entry', 'xai/grok-3']);
  });

  it('prints statistics', async () => {
    const stats = JSON.parse((await cli(['query', '--stats', '--format', 'json'])).stdout);
    expect(stats).toHaveProperty('total', 9);
  });

  it('honours --data-dir and TRACKER_DATA_DIR', async () => {
    const other = await mkdtemp(join(tmpdir(), 'tracker-cli-empty-'));
    const missing = await cli(['query', '--data-dir', other]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error NOT_FOUND: .*no models\.json and no observations/);
    expect((await cli(['query'], { TRACKER_DATA_DIR: other })).code).toBe(1);
  });

  it('names the file, the JSON path and the problem of a damaged data file, exit 1', async () => {
    const damaged = await mkdtemp(join(tmpdir(), 'tracker-cli-damaged-'));
    const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
    file.models[2].estimate.median = 'lots';
    await writeFile(join(damaged, 'models.json'), JSON.stringify(file));
    const result = await cli(['query', '--data-dir', damaged]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error DATA_INVALID: \S*models\.json: \$\.models\[2\]\.estimate\.median: .+/,
    );
    await writeFile(join(damaged, 'models.json'), '{"schemaVersion": 1, "models": [');
    const truncated = await cli(['query', '--data-dir', damaged]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/^error DATA_INVALID: \S*models\.json: line 1, column \d+: /);
  });
});

describe('the committed data folder', () => {
  const committed = fileURLToPath(new URL('../../../data', import.meta.url));

  it('validates, and tracker query works on it in every format (models built in memory when models.json is absent)', async () => {
    const formats = ['table', 'json', 'jsonl', 'csv', 'markdown'];
    const outputs = await Promise.all(
      formats.map((format) =>
        cli(['query', '--data-dir', committed, '--above', '--limit', '5', '--format', format]),
      ),
    );
    for (const [index, result] of outputs.entries()) {
      expect(result.code, `${formats[index]}: ${result.stderr}`).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
    }
    const rows = JSON.parse(outputs[1]!.stdout) as { id: string; probabilityAbove: number }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.probabilityAbove).toBeGreaterThanOrEqual(0.5);
  }, 300_000);

  it('estimates a closed model from one score before any run (references built from the observations)', async () => {
    // A fresh clone: the committed observations, no models.json.
    const fresh = await mkdtemp(join(tmpdir(), 'tracker-cli-fresh-'));
    await mkdir(join(fresh, 'observations'));
    for (const source of ['epoch', 'lmarena', 'openlm-arena', 'livebench', 'artificial-analysis'])
      await writeFile(
        join(fresh, 'observations', `${source}.json`),
        await readFile(join(committed, 'observations', `${source}.json`)),
      );
    const fake = createFakeIo({
      cwd,
      input:
        '{"name":"GPT-5","developer":"OpenAI","releaseDate":"2025-08-07","scores":{"lmarena-text":{"value":1435,"asOf":"2026-02-03"}}}\n' +
        // A variant by name of a known model, and a post-train read from its name and size.
        '{"name":"GPT-5 Thinking Preview","developer":"OpenAI","releaseDate":"2025-09-01"}\n' +
        '{"name":"acme-llama-70b","developer":"Acme Research","releaseDate":"2025-09-01"}\n',
    });
    const code = await runCli(['estimate', '--input', '-', '--format', 'json', '--data-dir', fresh], fake.io);
    expect(code, fake.stderr).toBe(0);
    const [row, variant, lineage] = JSON.parse(fake.stdout) as {
      method: string;
      probabilityAbove: number;
      reasoning: string;
    }[];
    expect(row?.method).toBe('benchmark');
    expect(row?.probabilityAbove).toBeGreaterThan(0);
    expect(row?.reasoning).toMatch(/capability C = .* nearest references in capability: .*calibration/);
    expect(variant?.method).toBe('derivative');
    expect(variant?.reasoning).toMatch(/checkpoint or serving mode of GPT-5 \(/);
    expect(lineage?.method).toBe('derivative');
    expect(lineage?.reasoning).toMatch(/family word "llama"/);
  }, 300_000);
});

describe('tracker diff', () => {
  it('lists added, removed and changed models between two data folders', async () => {
    const after = await mkdtemp(join(tmpdir(), 'tracker-cli-after-'));
    const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
    const removed = file.models.shift();
    file.models[0].estimate.median *= 2;
    await writeFile(join(after, 'models.json'), JSON.stringify(file));
    const result = await cli(['diff', 'data', after, '--format', 'json']);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.removed.map((row: { id: string }) => row.id)).toEqual([removed.id]);
    expect(diff.changed[0].changes.map((change: { field: string }) => change.field)).toContain('flop');
    const table = await cli(['diff', 'data', after]);
    expect(table.stdout).toMatch(/removed\s+\S+/);
    expect(table.stderr).toMatch(/0 added, 1 removed, 1 changed/);
  });

  it('fails clearly when a side does not exist', async () => {
    const result = await cli(['diff', 'data', 'nowhere']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error NOT_FOUND: nowhere: /);
  });
});
