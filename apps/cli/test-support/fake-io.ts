import { PassThrough } from 'node:stream';
import type { CliIo } from '../src/io';

/** An in-memory CliIo for tests: collects stdout and stderr, feeds stdin from `input`. */
export function createFakeIo(options: {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
  columns?: number;
  isTTY?: boolean;
}) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = options.isTTY ?? false;
  if (options.input !== undefined) stdin.end(options.input);
  const io: CliIo = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        return true;
      },
      isTTY: options.isTTY ?? false,
      ...(options.columns === undefined ? {} : { columns: options.columns }),
    },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
      isTTY: options.isTTY ?? false,
    },
    stdin,
    env: { NO_COLOR: '1', ...(options.env ?? {}) },
    cwd: options.cwd,
  };
  return {
    io,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}
