import { resolve } from 'node:path';
import type { CliIo, CliLog } from './io';
import type { LoadedConfig } from './load-config';

/** What every command receives: parsed flags, the configuration, and where to read and write. */
export interface CommandContext {
  io: CliIo;
  log: CliLog;
  /** Parsed flags, by long name. */
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  loaded: LoadedConfig;
  /** Absolute data folder: `--data-dir`, else `TRACKER_DATA_DIR`, else the config's `dataDir`. */
  dataDir: string;
  /** The output format chosen (`--format`, `--json`, or the command's default). */
  format: string;
  color: boolean;
}

/** Resolves a path of the configuration against the config file's folder. */
export function configPath(context: CommandContext, path: string): string {
  return resolve(context.loaded.baseDir, path);
}

/** A string flag, or undefined. */
export function stringFlag(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable flag; each value may also be comma-separated. */
export function listFlag(context: CommandContext, name: string): string[] | undefined {
  const value = context.values[name];
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  return values
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export function booleanFlag(context: CommandContext, name: string): boolean {
  return context.values[name] === true;
}
