import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TrackerError } from '@tracker/schema';
import { z } from 'zod';
import { assertScraper } from './assert-scraper';
import type { BaseScraper } from './scraper';

/** Third-party scrapers are packages named `tracker-scraper-<id>` or `@scope/tracker-scraper-<id>`. */
export const PLUGIN_NAME_PATTERN = /^(@[a-z0-9][a-z0-9._~-]*\/)?tracker-scraper-[a-z0-9]+(-[a-z0-9]+)*$/;

/** One entry of `plugins:` in `tracker.config.yaml`: a package name, or a name with options for its factory. */
export const PluginEntrySchema = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }).strict(),
]);
export type PluginEntry = z.infer<typeof PluginEntrySchema>;

/** Options of {@link loadPlugin}. */
export interface LoadPluginOptions {
  /** Directory to resolve the package from, e.g. the folder of `tracker.config.yaml` (default: the working directory). */
  from?: string;
  /** Passed to the plugin when it default-exports a factory. */
  options?: Record<string, unknown>;
}

/**
 * Imports a third-party scraper package by name, the way Node would from `from`: its `default` export is the
 * scraper, or a factory `(options) => scraper` that is called with `options`. The result is validated.
 * Errors: `PLUGIN_INVALID` (bad name, no default export, not a scraper, unknown apiVersion),
 * `PLUGIN_LOAD_FAILED` (not installed, or its import or factory threw; the cause is attached).
 *
 * @example
 * const scraper = await loadPlugin('tracker-scraper-example', { from: dirname(configFile), options: { url } });
 */
export async function loadPlugin(packageName: string, options: LoadPluginOptions = {}): Promise<BaseScraper> {
  const label = `plugin:${packageName}`;
  if (!PLUGIN_NAME_PATTERN.test(packageName)) {
    throw new TrackerError(
      'PLUGIN_INVALID',
      `[${label}] plugin packages must be named tracker-scraper-<id> or @scope/tracker-scraper-<id> (lower-case letters, digits and dashes)`,
    );
  }
  const from = resolvePath(options.from ?? process.cwd());
  const entry = resolvePackageEntry(packageName, from, label);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (error) {
    throw new TrackerError(
      'PLUGIN_LOAD_FAILED',
      `[${label}] importing ${entry} failed: ${messageOf(error)}`,
      { cause: error },
    );
  }
  const exported = module.default;
  if (exported === undefined) {
    throw new TrackerError(
      'PLUGIN_INVALID',
      `[${label}] has no default export; expected \`export default defineScraper({...})\` or a factory returning one`,
    );
  }
  let scraper: unknown = exported;
  if (typeof exported === 'function') {
    try {
      scraper = await (exported as (factoryOptions: Record<string, unknown>) => unknown)(
        options.options ?? {},
      );
    } catch (error) {
      if (TrackerError.is(error) && error.code === 'PLUGIN_INVALID') {
        throw new TrackerError('PLUGIN_INVALID', `[${label}] ${error.message}`, { cause: error });
      }
      throw new TrackerError('PLUGIN_LOAD_FAILED', `[${label}] its factory threw: ${messageOf(error)}`, {
        cause: error,
      });
    }
  } else if (options.options !== undefined && Object.keys(options.options).length > 0) {
    throw new TrackerError(
      'PLUGIN_INVALID',
      `[${label}] exports a scraper, not a factory, so it takes no options; remove them from the configuration`,
    );
  }
  assertScraper(scraper, label);
  return scraper;
}

/** Loads every plugin listed under `plugins:` in `tracker.config.yaml`, in order. */
export async function loadPlugins(
  entries: readonly unknown[] | undefined,
  options: { from?: string } = {},
): Promise<BaseScraper[]> {
  const scrapers: BaseScraper[] = [];
  for (const [index, entry] of (entries ?? []).entries()) {
    const parsed = PluginEntrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new TrackerError(
        'CONFIG_INVALID',
        `[plugins] plugins[${index}]: expected a package name or { name, options }, got ${JSON.stringify(entry)}`,
      );
    }
    const { name, options: pluginOptions } =
      typeof parsed.data === 'string' ? { name: parsed.data, options: undefined } : parsed.data;
    scrapers.push(
      await loadPlugin(name, {
        ...options,
        ...(pluginOptions === undefined ? {} : { options: pluginOptions }),
      }),
    );
  }
  return scrapers;
}

/**
 * Finds the file `import(packageName)` would load from `from`. `require.resolve` covers packages whose exports
 * have a `default` (or `require`) condition; an ESM-only package exporting only `import` is resolved by walking
 * `node_modules` folders up from `from` and reading its `exports`, as Node's ESM resolver does.
 */
function resolvePackageEntry(packageName: string, from: string, label: string): string {
  const require = createRequire(join(from, 'noop.js'));
  try {
    return require.resolve(packageName);
  } catch (requireError) {
    for (let dir = from; ; dir = dirname(dir)) {
      const packageDir = join(dir, 'node_modules', packageName);
      if (existsSync(join(packageDir, 'package.json'))) {
        const entry = readEsmEntry(packageDir);
        if (entry !== undefined && existsSync(entry)) return entry;
        throw new TrackerError(
          'PLUGIN_LOAD_FAILED',
          `[${label}] ${packageDir} has no importable entry point (check "exports" in its package.json)`,
          {
            cause: requireError,
          },
        );
      }
      if (dirname(dir) === dir) break;
    }
    throw new TrackerError(
      'PLUGIN_LOAD_FAILED',
      `[${label}] cannot find the package from ${from}; install it in that project (npm install ${packageName})`,
      { cause: requireError },
    );
  }
}

function readEsmEntry(packageDir: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    exports?: unknown;
    module?: string;
    main?: string;
  };
  const root =
    typeof manifest.exports === 'object' && manifest.exports !== null && '.' in manifest.exports
      ? (manifest.exports as Record<string, unknown>)['.']
      : manifest.exports;
  const target = pickCondition(root) ?? manifest.module ?? manifest.main ?? 'index.js';
  return join(packageDir, target);
}

function pickCondition(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(pickCondition).find((entry) => entry !== undefined);
  if (typeof value !== 'object' || value === null) return undefined;
  for (const condition of ['import', 'node', 'default']) {
    const picked = pickCondition((value as Record<string, unknown>)[condition]);
    if (picked !== undefined) return picked;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
