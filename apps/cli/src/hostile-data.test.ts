import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../test-support/e2e-data';

const ESC = '\u001b';
// A clear-screen, a window title, a clipboard write (OSC 52), a C1 CSI and a faked output line.
const HOSTILE = `${ESC}[2J${ESC}]0;pwned\u0007${ESC}]52;c;ZXZpbA==\u0007\u009b31m\r\nerror: fake line`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
const TERMINAL_CONTROL = /[\u001b\u0007\u0080-\u009f]/;

describe('hostile bytes in the data reach no terminal', () => {
  it('explain, query in every format, candidates and the run summary write no escape byte from data', async () => {
    const { dataDir, cli } = await createWorkspace({ USER: 'ana' });
    const file = join(dataDir, 'observations', 'lmarena.json');
    const observations = JSON.parse(await readFile(file, 'utf8'));
    observations.observations[0].rawName = `Bramble Chat ${HOSTILE}`;
    observations.observations[0].developer = `Bramble ${HOSTILE}`;
    await writeFile(file, JSON.stringify(observations));
    const run = await cli(['run', '--offline']);
    expect(run.code).toBe(0);
    const models = JSON.parse((await cli(['query', '--format', 'json'])).stdout) as {
      id: string;
      name: string;
    }[];
    const bramble = models.find((model) => model.name.includes(ESC));
    expect(bramble, 'the hostile name is kept as data').toBeDefined();
    const decided = await cli([
      'decide',
      bramble!.id,
      '--below',
      '--reason',
      `looked it up ${HOSTILE}`,
      '--by',
      `mallory ${HOSTILE}`,
    ]);
    expect(decided.code).toBe(0);

    const outputs = [run.stdout, run.stderr, decided.stdout, decided.stderr];
    for (const argv of [
      ['explain', bramble!.id],
      ['explain', bramble!.id, '--format', 'json'],
      ...['table', 'json', 'jsonl', 'csv', 'markdown'].map((format) => ['query', '--format', format]),
      ['query', '--stats'],
      ['candidates'],
      ['developers'],
    ]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(0);
      outputs.push(result.stdout, result.stderr);
    }
    for (const output of outputs) expect(output).not.toMatch(TERMINAL_CONTROL);
    const explained = (await cli(['explain', bramble!.id])).stdout;
    // The faked line stays on the line of the name it came with.
    expect(explained).not.toMatch(/^error: fake line/m);
    expect(explained).toContain('ruling: confirm-below by mallory');
  });

  it('a models.json nested 200,000 deep stops run with DATA_INVALID naming it, and nothing is written', async () => {
    const { dataDir, cli } = await createWorkspace();
    const file = join(dataDir, 'models.json');
    const depth = 200_000;
    await writeFile(file, `{"schemaVersion": 1, "models": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    const before = await stat(file);
    const result = await cli(['run', '--offline']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error DATA_INVALID: .*models\.json: .*nested deeper than \d+ levels/);
    expect(result.stderr).not.toContain('This is a bug');
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    const query = await cli(['query']);
    expect(query.code).toBe(1);
    expect(query.stderr).toMatch(/models\.json/);
  });

  it('an observations file that is not UTF-8 is DATA_INVALID with the byte offset', async () => {
    const { dataDir, cli } = await createWorkspace();
    const file = join(dataDir, 'observations', 'epoch.json');
    const bytes = await readFile(file);
    const offset = bytes.indexOf('"rawName"') + 12;
    bytes[offset] = 0xfe;
    await writeFile(file, bytes);
    const result = await cli(['run', '--offline']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`epoch.json: byte offset ${offset}: invalid UTF-8`);
    expect(result.stderr).not.toContain('This is a bug');
  });
});

describe('stale locks and file limits in the CLI', () => {
  it('prints one line when it takes over the lock of a tracker that died', async () => {
    const { dataDir, cli } = await createWorkspace();
    const { hostname } = await import('node:os');
    const { execFileSync } = await import('node:child_process');
    const deadPid = Number(
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']),
    );
    const stale = {
      pid: deadPid,
      host: hostname(),
      since: '2026-01-01T00:00:00.000Z',
      command: 'tracker run',
      token: 'x',
    };
    await writeFile(join(dataDir, '.lock'), JSON.stringify(stale));
    const result = await cli(['run', '--offline']);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('Took over'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Took over \\S*data/\\.lock from pid ${deadPid} \\(tracker run, since 2026-01-01T00:00:00\\.000Z\\), which is no longer running\\.$`,
      ),
    );
  });

  it('honours TRACKER_MAX_DATA_FILE_MB, naming the file and the limit', async () => {
    const { cli } = await createWorkspace();
    const result = await cli(['run', '--offline'], { TRACKER_MAX_DATA_FILE_MB: '0.001' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error DATA_INVALID: .*observations\/\w+\.json: the file is .*, over the limit of 1\.0 KiB/,
    );
  });
});
