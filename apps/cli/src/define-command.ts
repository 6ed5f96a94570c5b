import type { OutputFormat, Tracker } from '@tracker/core';

/** One flag: a boolean, or a string (repeatable with `multiple`). Parsed by commander; typed for the command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder in the help (`--out FILE`). */
  valueName?: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type OptionValue<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : string;

/** The parsed flags of a command: `--release-date X` is `releaseDate: 'X'`, a repeatable flag a string list. */
export type OptionValues<O extends OptionSpecs> = {
  -readonly [K in keyof O as CamelCase<K & string>]?: OptionValue<O[K]>;
};

/** Positional arguments: `required` come first, then `optional`; each fills the option of its name. */
export interface PositionalSpec<R extends string, P extends string> {
  /** As shown in usage errors: `MODEL`, `A B`. */
  names: string;
  required?: readonly R[];
  optional?: readonly P[];
}

/** A command of the `tracker` CLI: its help, its flags, and the core call it makes with them. */
export interface CommandSpec<
  O extends OptionSpecs = OptionSpecs,
  R extends string = string,
  P extends string = string,
> {
  name: string;
  summary: string;
  /** Usage line after `tracker <name>`. */
  usage: string;
  /** Extra lines shown by `tracker <name> --help`. */
  details?: readonly string[];
  options: O;
  /** Whether the command reads or prints data: it then gets `--data-dir`, `--format` and `--json`. */
  data: boolean;
  /** Formats `--format` accepts, first is the default. */
  formats?: readonly OutputFormat[];
  positionals?: PositionalSpec<R, P>;
  /**
   * Calls core with the parsed flags and positionals. A number, or a result with a numeric `exitCode`, is the
   * exit code; anything else means 0.
   */
  call(
    tracker: Tracker,
    options: OptionValues<O> & { [K in R]: string } & { [K in P]?: string },
  ): Promise<unknown>;
}

/** Declares a command with its flags typed from the option specs (no casts in the call). */
export function defineCommand<
  const O extends OptionSpecs,
  const R extends string = never,
  const P extends string = never,
>(spec: CommandSpec<O, R, P>): CommandSpec {
  return spec as unknown as CommandSpec;
}
