import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sanitizeText, type TrackerError } from '@tracker/schema';
import { COMMANDS, type CommandSpec, DATA_OPTIONS, GLOBAL_OPTIONS } from './command-table';
import type { CommandContext } from './context';
import { type CliIo, createLog, processIo, useColor } from './io';

/** A mistake in how the command was called: usage is printed and the exit code is 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: CommandSpec,
  ) {
    super(message);
  }
}

const USAGE_CODES = new Set(['USAGE', 'QUERY_INVALID']);

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. Never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let command: CommandSpec | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? COMMANDS.find((spec) => spec.name === rest[0]) : undefined;
      io.stdout.write(topic ? commandHelp(topic) : mainHelp());
      return 0;
    }
    if (first === '--version' || first === '-V') {
      io.stdout.write(`tracker ${version()}\n`);
      return 0;
    }
    command = COMMANDS.find((spec) => spec.name === first);
    if (!command) {
      throw new UsageError(
        first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`,
      );
    }
    const context = await prepare(command, rest, io);
    if (!context) return 0;
    const module = await command.load();
    return (await module.run(context)) ?? 0;
  } catch (error) {
    return report(error, command, io);
  }
}

async function prepare(
  command: CommandSpec,
  argv: readonly string[],
  io: CliIo,
): Promise<CommandContext | null> {
  const options = { ...GLOBAL_OPTIONS, ...(command.data ? DATA_OPTIONS : {}), ...command.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: attachValues(argv, options),
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      (error as Error).message.replace(/\. To specify a positional argument.*$/s, ''),
      command,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(commandHelp(command));
    return null;
  }
  const range = command.positionals ?? { min: 0, max: 0, names: '' };
  if (positionals.length < range.min) throw new UsageError(`expected ${range.names}`, command);
  if (positionals.length > range.max)
    throw new UsageError(`unexpected argument "${positionals[range.max]}"`, command);

  let format = command.formats?.[0] ?? 'table';
  if (values.json === true) format = 'json';
  if (typeof values.format === 'string') {
    if (!command.formats?.includes(values.format)) {
      throw new UsageError(
        `--format must be one of ${(command.formats ?? []).join(', ')}; got "${values.format}"`,
        command,
      );
    }
    format = values.format;
  }
  // Loaded here, not at start-up: `tracker --help` needs neither zod nor yaml.
  const { loadConfig } = await import('./load-config');
  const loaded = await loadConfig(io.cwd, typeof values.config === 'string' ? values.config : undefined);
  const dataDir =
    typeof values['data-dir'] === 'string'
      ? resolve(io.cwd, values['data-dir'])
      : io.env.TRACKER_DATA_DIR
        ? resolve(io.cwd, io.env.TRACKER_DATA_DIR)
        : resolve(loaded.baseDir, loaded.config.dataDir);
  const log = createLog(io, { quiet: values.quiet === true, verbose: values.verbose === true });
  const dataset = await import('@tracker/dataset');
  dataset.onStaleLockTakenOver((_stale, message) => log.info(message));
  const maxFileMb = io.env.TRACKER_MAX_DATA_FILE_MB;
  dataset.setMaxDataFileBytes(maxFileMb ? Math.round(Number(maxFileMb) * 1024 * 1024) : undefined);
  // Tables fit the terminal (or $COLUMNS); --wide leaves them whole. Commands read the width from stdout.columns.
  const { resolveTableWidth } = await import('@tracker/query');
  const width = resolveTableWidth({
    wide: values.wide === true,
    columns: io.stdout.columns,
    columnsEnv: io.env.COLUMNS,
  });
  const stdout = io.stdout;
  const fitted: CliIo =
    width === stdout.columns
      ? io
      : { ...io, stdout: { write: (chunk) => stdout.write(chunk), isTTY: stdout.isTTY, columns: width } };
  return {
    io: fitted,
    log,
    values: values as CommandContext['values'],
    positionals,
    loaded,
    dataDir,
    format,
    color: useColor(io),
  };
}

/**
 * A string option always takes the next word as its value, even one that starts with a dash, so that
 * `--sort -median` works as it reads (node's parseArgs would call it ambiguous).
 */
function attachValues(argv: readonly string[], options: CommandSpec['options']): string[] {
  const takesValue = (token: string): string | undefined => {
    const long = /^--([^=]+)$/.exec(token)?.[1];
    if (long !== undefined) return options[long]?.type === 'string' ? `--${long}` : undefined;
    const short = /^-([A-Za-z])$/.exec(token)?.[1];
    if (short === undefined) return undefined;
    const entry = Object.entries(options).find(([, spec]) => spec.short === short);
    return entry?.[1].type === 'string' ? `--${entry[0]}` : undefined;
  };
  const out: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') {
      out.push(...argv.slice(index));
      break;
    }
    const name = takesValue(token);
    const next = argv[index + 1];
    if (name !== undefined && next !== undefined) {
      out.push(`${name}=${next}`);
      index++;
    } else out.push(token);
  }
  return out;
}

function report(error: unknown, command: CommandSpec | undefined, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n\n${usageLines(error.command ?? command)}`);
    return 2;
  }
  if (isTrackerError(error)) {
    io.stderr.write(`error ${error.code}: ${sanitizeText(error.message, { newlines: true, tabs: true })}\n`);
    if (USAGE_CODES.has(error.code)) {
      io.stderr.write(`\n${usageLines(command)}`);
      return 2;
    }
    return 1;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `${stack}\n\nThis is a bug in tracker; please report it with the command you ran: https://github.com/tracker-1e25/tracker/issues\n`,
  );
  return 1;
}

/** `TrackerError.is` without loading @tracker/schema (and zod) at start-up: the same registered symbol. */
function isTrackerError(value: unknown): value is TrackerError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[Symbol.for('tracker.error')] === true
  );
}

function usageLines(command: CommandSpec | undefined): string {
  if (!command) return `usage: tracker <command> [options]\nRun "tracker --help" for the list of commands.\n`;
  return `usage: tracker ${command.name} ${command.usage}\nRun "tracker ${command.name} --help" for details.\n`;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((spec) => spec.name.length)) + 2;
  const lines = [
    `tracker ${version()}: find AI models trained with more than 1e25 FLOP, estimate their compute, curate the list.`,
    '',
    'usage: tracker <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((spec) => `  ${spec.name.padEnd(width)}${spec.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: tracker <command> --help)',
    '  -V, --version  print the version',
    '',
    'Data goes to stdout, progress and logs to stderr. Exit codes: 0 success, 1 error, 2 usage.',
    'Docs: https://github.com/tracker-1e25/tracker#readme',
    '',
  ];
  return lines.join('\n');
}

function commandHelp(command: CommandSpec): string {
  const options = { ...command.options, ...(command.data ? DATA_OPTIONS : {}), ...GLOBAL_OPTIONS };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    const description =
      name === 'format' && command.formats
        ? `${spec.description}: ${command.formats.join('|')} (default ${command.formats[0]})`
        : spec.description;
    return [flag, description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `usage: tracker ${command.name} ${command.usage}`,
    '',
    `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.details ? ['', ...command.details] : []),
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`),
    '',
  ].join('\n');
}

let cachedVersion: string | undefined;
function version(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return cachedVersion;
}
