import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The published shape, not the workspace: pack both packages as a user would get them, install the tarballs into
// an empty project, and use them from plain Node ESM and from TypeScript. Child processes may use the network
// (the vitest setup only blocks in-process HTTP); `npm install` needs the npm registry for zod.

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const packageDirs = {
  schema: join(repoRoot, 'packages', 'schema'),
  query: join(repoRoot, 'packages', 'query'),
};
const typescriptDir = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
const tsc = join(typescriptDir, 'bin', 'tsc');

let workDir = '';
let projectDir = '';

async function exec(command: string, args: readonly string[], cwd: string, what: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 900_000 });
    return stdout;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${what} failed: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
  }
}

const record = {
  id: 'meta/llama-3.1-405b',
  name: 'Llama 3.1 405B',
  developer: 'Meta',
  aliases: ['Meta-Llama-3.1-405B'],
  facts: {
    releaseDate: [
      {
        value: '2024-07-23',
        source: 'huggingface',
        url: 'https://huggingface.co/api/models',
        retrievedAt: '2026-01-15T00:00:00.000Z',
      },
    ],
  },
  scores: {},
  observations: [{ source: 'epoch', rawName: 'Llama 3.1-405B', retrievedAt: '2026-01-15T00:00:00.000Z' }],
  estimate: {
    median: 3.8e25,
    interval90: [2.9e25, 5e25],
    log10Sigma: 0.07,
    method: 'reported',
    confidence: 'confident',
    components: [],
    combination: 'single method',
  },
  assessment: { threshold: 1e25, probabilityAbove: 0.999, status: 'above' },
};
const observation = {
  source: 'lmarena',
  sourceUrl: 'https://lmarena.ai/leaderboard/text',
  retrievedAt: '2026-01-15T00:00:00.000Z',
  rawName: '=cmd|Llama',
};

// Packing, `npm install` and two tsc runs take minutes on a busy machine: no fixed 30 s limit applies here.
describe('packed tarballs of @tracker/schema and @tracker/query', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    for (const [name, dir] of Object.entries(packageDirs)) {
      if (!existsSync(join(dir, 'dist', 'index.js')) || !existsSync(join(dir, 'dist', 'index.d.ts'))) {
        throw new Error(
          `packages/${name}/dist is missing: build first (npx turbo run build --filter=@tracker/query...), ` +
            'the turbo test task does this',
        );
      }
    }
    workDir = await mkdtemp(join(tmpdir(), 'tracker-pack-'));
    const tarballDir = join(workDir, 'tarballs');
    projectDir = join(workDir, 'project');
    await mkdir(tarballDir);
    await mkdir(projectDir);
    for (const dir of Object.values(packageDirs)) {
      await exec(
        'npx',
        ['-y', 'pnpm@10', 'pack', '--pack-destination', tarballDir],
        dir,
        `pnpm pack in ${dir}`,
      );
    }
    const tarballs = (await readdir(tarballDir)).filter((file) => file.endsWith('.tgz')).sort();
    expect(tarballs).toHaveLength(2);
    expect(tarballs[0]).toMatch(/^tracker-query-\d+\.\d+\.\d+.*\.tgz$/);
    expect(tarballs[1]).toMatch(/^tracker-schema-\d+\.\d+\.\d+.*\.tgz$/);
    await writeFile(
      join(projectDir, 'package.json'),
      JSON.stringify({ name: 'pack-check', private: true, type: 'module' }),
    );
    await exec(
      'npm',
      ['install', '--no-audit', '--no-fund', ...tarballs.map((file) => join(tarballDir, file)), 'zod@^4'],
      projectDir,
      'npm install of the tarballs and zod@^4 (zod comes from the npm registry: is it reachable?)',
    );
  }, 900_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('hold only what a user gets: dist and package.json, with workspace ranges replaced', async () => {
    const installed = JSON.parse(
      await readFile(join(projectDir, 'node_modules', '@tracker', 'query', 'package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(installed.dependencies['@tracker/schema']).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(existsSync(join(projectDir, 'node_modules', '@tracker', 'query', 'src'))).toBe(false);
  });

  it('are imported and used from plain Node ESM', async () => {
    const script = `
import { ObservationSchema, TrackerError } from '@tracker/schema';
import { computeStats, filterRows, formatRows, sortRows, toQueryRow } from '@tracker/query';
const observation = ObservationSchema.parse(${JSON.stringify(observation)});
const rows = sortRows([toQueryRow(${JSON.stringify(record)}), { ...toQueryRow(${JSON.stringify(record)}), id: 'x/other', median: 1e24, probabilityAbove: 0.01 }], '-median');
const above = filterRows(rows, { above: true });
let code = null;
try { filterRows(rows, { colour: 'red' }); } catch (error) { code = TrackerError.is(error) ? error.code : 'not a TrackerError'; }
const csv = formatRows([{ ...above[0], name: observation.rawName }], { format: 'csv', fields: ['id', 'name', 'median'] });
process.stdout.write(JSON.stringify({ ids: above.map((row) => row.id), code, csv, total: computeStats(rows).total }));
`;
    await writeFile(join(projectDir, 'check.mjs'), script);
    const output = JSON.parse(await exec('node', ['check.mjs'], projectDir, 'node check.mjs'));
    expect(output).toEqual({
      ids: ['meta/llama-3.1-405b'],
      code: 'QUERY_INVALID',
      csv: "id,name,median\r\nmeta/llama-3.1-405b,'=cmd|Llama,3.8e+25\r\n",
      total: 2,
    });
  });

  it('are type-checked and run from TypeScript (NodeNext and Bundler resolution)', async () => {
    const source = `
import { ObservationSchema, type ModelRecord, type Observation } from '@tracker/schema';
import { formatRows, parseFilter, type QueryRow, selectFields, toQueryRow } from '@tracker/query';
const record: ModelRecord = ${JSON.stringify(record)};
const observation: Observation = ObservationSchema.parse(${JSON.stringify(observation)});
const row: QueryRow = toQueryRow(record);
const median: number | null = row.median;
const picked = selectFields([row], ['id', 'median']);
// @ts-expect-error the selection has no 'name' field: the types are real, not any
picked[0]?.name;
export function neverCalled() {
  // @ts-expect-error 'flop' is not a field
  return selectFields([row], ['flop']);
}
parseFilter({ above: true, status: ['candidate'] });
console.log(JSON.stringify({ median, source: observation.source, table: formatRows([row], { fields: ['id', 'median'], width: 40 }) }));
`;
    await writeFile(join(projectDir, 'main.ts'), source);
    const compilerOptions = {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      strict: true,
      types: [],
      skipLibCheck: false,
      outDir: 'out',
      rootDir: '.',
    };
    await writeFile(
      join(projectDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, module: 'NodeNext', moduleResolution: 'NodeNext' },
        files: ['main.ts'],
      }),
    );
    await writeFile(
      join(projectDir, 'tsconfig.bundler.json'),
      JSON.stringify({
        compilerOptions: {
          ...compilerOptions,
          module: 'ESNext',
          moduleResolution: 'Bundler',
          noEmit: true,
          skipLibCheck: true,
        },
        files: ['main.ts'],
      }),
    );
    await exec('node', [tsc, '-p', 'tsconfig.bundler.json'], projectDir, 'tsc (Bundler resolution)');
    await exec('node', [tsc, '-p', 'tsconfig.json'], projectDir, 'tsc (NodeNext resolution)');
    const output = JSON.parse(await exec('node', [join('out', 'main.js')], projectDir, 'node out/main.js'));
    expect(output.median).toBe(3.8e25);
    expect(output.source).toBe('lmarena');
    expect(output.table).toBe(
      'id                   median\n───────────────────  ──────\nmeta/llama-3.1-405b  3.8e25\n',
    );
  });
});
