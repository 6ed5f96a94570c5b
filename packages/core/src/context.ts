import { resolve } from 'node:path';
import type { DataFolder } from '@tracker/dataset';
import type { LoadedConfig } from './load-config';

/** Where an operation prints (stdout: data; stderr: progress) and what it reads (stdin, environment, cwd). */
export interface TrackerIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Messages for a person (never data). The CLI writes them to stderr; a library user may pass any logger. */
export interface TrackerLog {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/** Output formats of the operations that print rows. */
export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv' | 'markdown';

/** What every operation receives: the configuration, the data folder, and where to print. */
export interface CommandContext {
  io: TrackerIo;
  log: TrackerLog;
  loaded: LoadedConfig;
  /** Absolute data folder. */
  dataDir: string;
  /** The data folder object: every load and save goes through it. */
  folder: DataFolder;
  /** The output format chosen (`--format`, `--json`, or the operation's default). */
  format: OutputFormat;
  color: boolean;
  /** No progress display. */
  quiet?: boolean;
}

/** Resolves a path of the configuration against the config file's folder. */
export function configPath(context: CommandContext, path: string): string {
  return resolve(context.loaded.baseDir, path);
}

/** The values of a repeatable option, each of which may also be comma-separated. */
export function splitList(values: readonly string[] | string | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return (typeof values === 'string' ? [values] : values)
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** `formatRows`/`formatObjects` options for the context's output: format, terminal width and colour. */
export function printOptions(context: CommandContext): {
  format: OutputFormat;
  width?: number;
  color: boolean;
} {
  return {
    format: context.format,
    ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
    color: context.color,
  };
}
