import { createRequire } from 'node:module';
import type { OutputFormat } from '@tracker/core';
import type { TrackerError } from '@tracker/schema';
import { Command, CommanderError, Option } from 'commander';
import { COMMANDS, DATA_OPTIONS, GLOBAL_OPTIONS } from './commands';
import type { CommandSpec, OptionSpecs } from './define-command';
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
  let exitCode = 0;
  const program = new Command('tracker')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: () => {}, outputError: () => {} })
    .helpOption('-h, --help', 'show help (also: tracker <command> --help)')
    .version(`tracker ${version()}`, '-V, --version', 'print the version')
    .helpCommand('help [command]', 'show the help of a command');
  program.helpInformation = mainHelp;
  // Only the command named is defined (`help NAME` names one too): start-up stays as fast as `tracker --help`.
  const named = argv[0] === 'help' ? argv[1] : argv[0];
  for (const spec of COMMANDS.filter((candidate) => candidate.name === named)) {
    const sub = program
      .command(spec.name)
      .description(spec.summary)
      .helpOption('-h, --help', GLOBAL_OPTIONS.help.description)
      .argument('[arguments...]')
      .allowExcessArguments();
    sub.helpInformation = () => commandHelp(spec);
    for (const [name, option] of Object.entries(optionsOf(spec))) {
      if (name !== 'help') sub.addOption(toCommanderOption(name, option));
    }
    sub.action(async (positionals: string[], values: Record<string, unknown>) => {
      command = spec;
      exitCode = await execute(spec, positionals, values, io);
    });
  }
  try {
    const [first] = argv;
    if (first === undefined || (first === 'help' && !COMMANDS.some((spec) => spec.name === argv[1]))) {
      io.stdout.write(mainHelp());
      return 0;
    }
    if (
      !['-h', '--help', '-V', '--version', 'help'].includes(first) &&
      !COMMANDS.some((spec) => spec.name === first)
    ) {
      throw new UsageError(
        first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`,
      );
    }
    command = COMMANDS.find((spec) => spec.name === first);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return 0;
      return await report(new UsageError(usageMessage(error), command), command, io);
    }
    return await report(error, command, io);
  }
}

/** Every flag of a command: its own, the data flags when it reads or prints data, and the global ones. */
function optionsOf(spec: CommandSpec): OptionSpecs {
  return { ...spec.options, ...(spec.data ? DATA_OPTIONS : {}), ...GLOBAL_OPTIONS };
}

function toCommanderOption(name: string, spec: OptionSpecs[string]): Option {
  const flags = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` <${spec.valueName ?? 'value'}>` : ''}`;
  const option = new Option(flags, spec.description);
  // A repeatable flag collects its values; a string flag takes the next word even when it starts with a dash
  // (`--sort -median`), which commander does for every option with a required value.
  return spec.multiple
    ? option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    : option;
}

/** commander's message, in the words the CLI has always used (its own prefix removed). */
function usageMessage(error: CommanderError): string {
  const message = error.message.replace(/^error: /, '');
  if (error.code === 'commander.unknownOption') return message.replace(/^unknown option/, 'Unknown option');
  if (error.code === 'commander.unknownCommand')
    return `unknown command "${/'([^']+)'/.exec(message)?.[1] ?? ''}"`;
  return message;
}

/** Checks the positionals and the format, opens the tracker with the configuration, and calls core. */
async function execute(
  spec: CommandSpec,
  positionals: readonly string[],
  values: Record<string, unknown>,
  io: CliIo,
): Promise<number> {
  const required = spec.positionals?.required ?? [];
  const keys = [...required, ...(spec.positionals?.optional ?? [])];
  if (positionals.length < required.length) throw new UsageError(`expected ${spec.positionals?.names}`, spec);
  if (positionals.length > keys.length)
    throw new UsageError(`unexpected argument "${positionals[keys.length]}"`, spec);
  let format: OutputFormat = spec.formats?.[0] ?? 'table';
  if (values.json === true) format = 'json';
  if (typeof values.format === 'string') {
    const chosen = spec.formats?.find((candidate) => candidate === values.format);
    if (!chosen) {
      throw new UsageError(
        `--format must be one of ${(spec.formats ?? []).join(', ')}; got "${values.format}"`,
        spec,
      );
    }
    format = chosen;
  }
  // Loaded here, not at start-up: `tracker --help` needs neither zod nor yaml.
  const [{ createTracker }, { sanitizeText }] = await Promise.all([
    import('@tracker/core'),
    import('@tracker/schema'),
  ]);
  const tracker = await createTracker({
    io,
    ...(typeof values.config === 'string' ? { configFile: values.config } : {}),
    ...(typeof values.dataDir === 'string' ? { dataDir: values.dataDir } : {}),
    log: createLog(io, { quiet: values.quiet === true, verbose: values.verbose === true }, sanitizeText),
    format,
    color: useColor(io),
    quiet: values.quiet === true,
    wide: values.wide === true,
  });
  const options: Record<string, unknown> = { ...values };
  keys.forEach((key, index) => {
    if (positionals[index] !== undefined) options[key] = positionals[index];
  });
  // commander parsed the flags from the same specs that type `call`: the one place its untyped result is cast.
  const result = await spec.call(tracker, options as Parameters<CommandSpec['call']>[1]);
  if (typeof result === 'number') return result;
  const exitCode = (result as { exitCode?: unknown } | null)?.exitCode;
  return typeof exitCode === 'number' ? exitCode : 0;
}

async function report(error: unknown, command: CommandSpec | undefined, io: CliIo): Promise<number> {
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n\n${usageLines(error.command ?? command)}`);
    return 2;
  }
  if (isTrackerError(error)) {
    // A tracker error comes from the packages: @tracker/schema is loaded already.
    const { sanitizeText } = await import('@tracker/schema');
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

/** `tracker <command> --help`: usage, summary, details, and every flag with its description. */
export function commandHelp(command: CommandSpec): string {
  const rows = Object.entries(optionsOf(command)).map(([name, spec]) => {
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
  cachedVersion ??= (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  return cachedVersion;
}
