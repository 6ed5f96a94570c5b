import type { sanitizeText } from '@tracker/schema';

/** Where a command reads and writes. Tests pass a fake; `bin.ts` passes the process's streams. */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Whether to colour output: only on a TTY and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return io[stream].isTTY === true;
}

/** Logs go to stderr so stdout stays data only. */
export interface CliLog {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/**
 * `sanitize` is @tracker/schema's `sanitizeText`, passed in by the caller that has loaded the package (it brings zod):
 * `tracker --help` loads neither.
 */
export function createLog(
  io: CliIo,
  options: { quiet?: boolean; verbose?: boolean },
  sanitize: typeof sanitizeText,
): CliLog {
  const color = useColor(io, 'stderr');
  const yellow = (text: string) => (color ? `\u001b[33m${text}\u001b[39m` : text);
  // Messages quote data (names, sources' errors): no control from it reaches the terminal.
  const safe = (message: string) => sanitize(message, { newlines: true, tabs: true });
  return {
    info: (message) => {
      if (!options.quiet) io.stderr.write(`${safe(message)}\n`);
    },
    warn: (message) => {
      io.stderr.write(`${yellow('warning')}: ${safe(message)}\n`);
    },
    debug: (message) => {
      if (options.verbose) io.stderr.write(`${safe(message)}\n`);
    },
  };
}
