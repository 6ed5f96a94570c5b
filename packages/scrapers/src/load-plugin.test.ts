import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrackerError } from '@tracker/schema';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadPlugin, loadPlugins, PLUGIN_NAME_PATTERN } from './load-plugin';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = join(packageDir, '..', '..');
const exampleDir = join(repoDir, 'examples', 'tracker-scraper-example');

/**
 * A user's project in a temporary folder: `tracker.config.yaml` plus `node_modules` holding the example plugin
 * as npm would install it (its package.json and a fresh build of its source), @tracker/* linked to this
 * workspace, and a few broken plugins. The loader must find every plugin by package name from there.
 */
let project: string;

async function writePackage(
  name: string,
  manifest: Record<string, unknown>,
  files: Record<string, string>,
): Promise<void> {
  const dir = join(project, 'node_modules', name);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', type: 'module', ...manifest }),
  );
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), text);
  }
}

async function expectError(promise: Promise<unknown>, code: string, text: string): Promise<TrackerError> {
  try {
    await promise;
  } catch (error) {
    expect(TrackerError.is(error)).toBe(true);
    expect((error as TrackerError).code).toBe(code);
    expect((error as TrackerError).message).toContain(text);
    return error as TrackerError;
  }
  throw new Error(`expected ${code}`);
}

beforeAll(async () => {
  if (!existsSync(join(packageDir, 'dist', 'index.js'))) {
    // The plugins import @tracker/scrapers as a user's project would: from its build.
    throw new Error(
      'build @tracker/scrapers first (npx tsup in packages/scrapers); turbo does this before `test`',
    );
  }
  project = await mkdtemp(join(tmpdir(), 'tracker-user-project-'));
  const installed = join(project, 'node_modules', 'tracker-scraper-example');
  await mkdir(join(project, 'node_modules', '@tracker'), { recursive: true });
  await symlink(packageDir, join(project, 'node_modules', '@tracker', 'scrapers'), 'dir');
  await symlink(
    join(repoDir, 'packages', 'schema'),
    join(project, 'node_modules', '@tracker', 'schema'),
    'dir',
  );
  await mkdir(installed, { recursive: true });
  await cp(join(exampleDir, 'package.json'), join(installed, 'package.json'));
  await build({
    entry: [join(exampleDir, 'src', 'index.ts')],
    outDir: join(installed, 'dist'),
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: false,
    silent: true,
    config: false,
    external: ['@tracker/scrapers', '@tracker/schema'],
  });

  const defineScraperImport = "import { defineScraper } from '@tracker/scrapers';";
  await writePackage(
    'tracker-scraper-empty',
    { exports: './index.js' },
    { 'index.js': 'export const nothing = 1;\n' },
  );
  await writePackage(
    'tracker-scraper-wrong-shape',
    { exports: './index.js' },
    { 'index.js': "export default { id: 'wrong', scrape() {} };\n" },
  );
  await writePackage(
    'tracker-scraper-future',
    { exports: './index.js' },
    {
      'index.js': `${defineScraperImport}\nconst current = defineScraper({ id: 'future', description: 'd', provides: ['names'], async scrape() { return { observations: [], issues: [] }; }, parse() { return { observations: [], issues: [] }; } });\nexport default { ...current, apiVersion: 2 };\n`,
    },
  );
  await writePackage(
    'tracker-scraper-throws',
    { exports: './index.js' },
    { 'index.js': "throw new Error('boom at import');\n" },
  );
  await writePackage(
    'tracker-scraper-bad-factory',
    { exports: './index.js' },
    { 'index.js': "export default () => { throw new Error('needs a url'); };\n" },
  );
  await writePackage(
    'tracker-scraper-invalid-definition',
    { exports: './index.js' },
    {
      'index.js': `${defineScraperImport}\nexport default () => defineScraper({ id: 'Not Kebab', description: 'd', provides: ['names'], async scrape() {}, parse() {} });\n`,
    },
  );
  // Only an `import` condition: require.resolve cannot see it, so the loader's own ESM lookup must.
  await writePackage(
    '@acme/tracker-scraper-esm-only',
    { exports: { '.': { import: './lib/main.js' } } },
    {
      'lib/main.js': `${defineScraperImport}\nexport default defineScraper({ id: 'esm-only', description: 'd', provides: ['names'], async scrape() { return { observations: [], issues: [] }; }, parse() { return { observations: [], issues: [] }; } });\n`,
    },
  );
  await writeFile(
    join(project, 'tracker.config.yaml'),
    [
      'plugins:',
      '  - name: tracker-scraper-example',
      '    options:',
      '      url: https://models.example.org/list.json',
      '  - "@acme/tracker-scraper-esm-only"',
      '',
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('loadPlugins', () => {
  it('loads the plugins listed in tracker.config.yaml by package name, resolving from the config folder', async () => {
    const config = parseYaml(await readFile(join(project, 'tracker.config.yaml'), 'utf8')) as {
      plugins: unknown[];
    };
    const scrapers = await loadPlugins(config.plugins, { from: project });
    expect(scrapers.map((scraper) => scraper.id)).toEqual(['example', 'esm-only']);
    const example = scrapers[0]!;
    expect(example.apiVersion).toBe(1);
    expect(example.sources).toEqual(['https://models.example.org/list.json']);
    const result = example.parse({
      body: '{"models":[{"name":"Example-LM 70B","developer":"Example Labs","released":"2025-03-14","params":7e10}]}',
      url: 'https://models.example.org/list.json',
      retrievedAt: '2026-02-01T10:00:00.000Z',
    });
    expect(result.observations).toEqual([
      {
        source: 'example',
        sourceUrl: 'https://models.example.org/list.json',
        retrievedAt: '2026-02-01T10:00:00.000Z',
        rawName: 'Example-LM 70B',
        developer: 'Example Labs',
        releaseDate: '2025-03-14',
        parameters: { total: 7e10 },
      },
    ]);
  });

  it('calls a factory without options with an empty object', async () => {
    const scraper = await loadPlugin('tracker-scraper-example', { from: project });
    expect(scraper.sources).toEqual(['https://example.com/tracker/models.json']);
  });

  it('rejects entries that are neither a name nor { name, options }', async () => {
    await expectError(
      loadPlugins([{ package: 'tracker-scraper-example' }], { from: project }),
      'CONFIG_INVALID',
      'plugins[0]',
    );
    await expectError(loadPlugins([42], { from: project }), 'CONFIG_INVALID', 'expected a package name');
  });

  it('loads nothing when no plugins are listed', async () => {
    expect(await loadPlugins(undefined, { from: project })).toEqual([]);
  });
});

describe('loadPlugin failures', () => {
  it('accepts only tracker-scraper-<id> names', async () => {
    await expectError(
      loadPlugin('my-scraper', { from: project }),
      'PLUGIN_INVALID',
      'must be named tracker-scraper-<id>',
    );
    await expectError(
      loadPlugin('../tracker-scraper-x', { from: project }),
      'PLUGIN_INVALID',
      'tracker-scraper-<id>',
    );
    expect(PLUGIN_NAME_PATTERN.test('@acme/tracker-scraper-foo-bar')).toBe(true);
    expect(PLUGIN_NAME_PATTERN.test('tracker-scraper-')).toBe(false);
    expect(PLUGIN_NAME_PATTERN.test('tracker-scraper-Foo')).toBe(false);
  });

  it('says how to install a package it cannot find', async () => {
    const error = await expectError(
      loadPlugin('tracker-scraper-missing', { from: project }),
      'PLUGIN_LOAD_FAILED',
      'cannot find the package',
    );
    expect(error.message).toContain('npm install tracker-scraper-missing');
  });

  it('rejects a package without a default export', async () => {
    await expectError(
      loadPlugin('tracker-scraper-empty', { from: project }),
      'PLUGIN_INVALID',
      'has no default export',
    );
  });

  it('rejects a default export that is not a scraper', async () => {
    await expectError(
      loadPlugin('tracker-scraper-wrong-shape', { from: project }),
      'PLUGIN_INVALID',
      'apiVersion is missing',
    );
  });

  it('rejects a scraper of an unknown apiVersion', async () => {
    await expectError(
      loadPlugin('tracker-scraper-future', { from: project }),
      'PLUGIN_INVALID',
      'apiVersion 2 is not supported',
    );
  });

  it('wraps an import that throws as PLUGIN_LOAD_FAILED with the cause', async () => {
    const error = await expectError(
      loadPlugin('tracker-scraper-throws', { from: project }),
      'PLUGIN_LOAD_FAILED',
      'boom at import',
    );
    expect((error.cause as Error).message).toBe('boom at import');
  });

  it('wraps a factory that throws, and reports an invalid definition as PLUGIN_INVALID', async () => {
    await expectError(
      loadPlugin('tracker-scraper-bad-factory', { from: project }),
      'PLUGIN_LOAD_FAILED',
      'its factory threw: needs a url',
    );
    await expectError(
      loadPlugin('tracker-scraper-invalid-definition', { from: project }),
      'PLUGIN_INVALID',
      'kebab-case',
    );
  });

  it('refuses options for a plugin that exports a scraper rather than a factory', async () => {
    await expectError(
      loadPlugin('@acme/tracker-scraper-esm-only', { from: project, options: { url: 'x' } }),
      'PLUGIN_INVALID',
      'takes no options',
    );
  });
});
