import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The package graph of docs/architecture.md: schema ← {resolve, scrapers, estimation, dataset, query} ← core ← cli.
 * A package may depend on (and import) only packages of a lower layer; plugins sit on scrapers. No file imports
 * another package's `src/` or `dist/` files: only its entry and the subpaths its package.json exports.
 */
const LAYERS: Readonly<Record<string, number>> = {
  '@tracker/schema': 0,
  '@tracker/resolve': 1,
  '@tracker/scrapers': 1,
  '@tracker/estimation': 1,
  '@tracker/dataset': 1,
  '@tracker/query': 1,
  'tracker-scraper-browser': 2,
  'tracker-scraper-example': 2,
  '@tracker/core': 3,
  '@tracker/cli': 4,
};

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workspaces = ['packages', 'apps', 'examples'].flatMap((folder) =>
  readdirSync(join(root, folder)).map((name) => join(root, folder, name)),
);

interface Workspace {
  dir: string;
  name: string;
  dependencies: string[];
  exportedSubpaths: string[];
}

const packages: Workspace[] = workspaces
  .filter((dir) => statSync(join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile())
  .map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      exports?: Record<string, unknown>;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const dependencies = [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies]
      .flatMap((section) => Object.keys(section ?? {}))
      .filter((name) => name in LAYERS);
    const exportedSubpaths = Object.keys(manifest.exports ?? {}).filter((key) => key !== '.');
    return { dir, name: manifest.name, dependencies, exportedSubpaths };
  });
const byName = new Map(packages.map((workspace) => [workspace.name, workspace]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or with `import()`. */
function specifiers(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] as string);
}

describe('package arrows', () => {
  it('knows every workspace package', () => {
    expect(packages.map((workspace) => workspace.name).sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it.each(packages.map((workspace) => [workspace.name, workspace] as const))(
    '%s depends only on packages of a lower layer',
    (name, workspace) => {
      const upward = workspace.dependencies.filter(
        (dependency) => (LAYERS[dependency] ?? 0) >= (LAYERS[name] ?? 0),
      );
      expect(upward, `${name} depends on ${upward.join(', ')}`).toEqual([]);
    },
  );

  it.each(packages.map((workspace) => [workspace.name, workspace] as const))(
    '%s imports other packages only through their entries, and only those it depends on',
    (name, workspace) => {
      const problems: string[] = [];
      for (const file of sourceFiles(workspace.dir)) {
        const shown = relative(root, file);
        for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
          if (specifier.startsWith('.')) {
            // A relative path into another workspace reaches into its files (shared configs/ are fine).
            const resolved = join(file, '..', specifier);
            const other = packages.find(
              (candidate) => candidate !== workspace && !relative(candidate.dir, resolved).startsWith('..'),
            );
            if (other) problems.push(`${shown}: ${specifier} reaches into ${other.name}`);
            continue;
          }
          const match = /^((?:@tracker\/)?[a-z0-9-]+)(\/.*)?$/.exec(specifier);
          const target = match?.[1];
          if (!target || !(target in LAYERS) || target === name) continue;
          const subpath = match?.[2];
          const exported = byName.get(target)?.exportedSubpaths ?? [];
          if (
            subpath &&
            !exported.some(
              (key) =>
                key === `.${subpath}` ||
                (key.includes('*') && `.${subpath}`.startsWith(key.split('*')[0] as string)),
            )
          )
            problems.push(`${shown}: ${specifier} is not an exported entry of ${target}`);
          if (!workspace.dependencies.includes(target))
            problems.push(`${shown}: imports ${target}, which is not a dependency of ${name}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
