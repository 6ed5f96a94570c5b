import type { ParseArgsConfig } from 'node:util';
import type { CommandContext } from './context';

type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  description: string;
  valueName?: string;
};

/** Metadata of one command. Only `load` imports code, so `tracker --help` stays fast. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** Usage line after `tracker <name>`. */
  usage: string;
  /** Extra lines shown by `tracker <name> --help`. */
  details?: string[];
  options: Record<string, OptionSpec>;
  /** Whether the command reads or prints data: it then gets `--data-dir` and `--format`. */
  data: boolean;
  /** Formats `--format` accepts, first is the default. */
  formats?: readonly string[];
  /** Positional arguments: min and max count. */
  positionals?: { min: number; max: number; names: string };
  load(): Promise<{ run(context: CommandContext): Promise<number | undefined> }>;
}

export const ROW_FORMATS = ['table', 'json', 'jsonl', 'csv', 'markdown'] as const;

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show help for the command' },
  config: {
    type: 'string',
    valueName: 'FILE',
    description: 'configuration file (default ./tracker.config.yaml)',
  },
  quiet: { type: 'boolean', short: 'q', description: 'print no progress or summary on stderr' },
  verbose: { type: 'boolean', short: 'v', description: 'print debugging detail on stderr' },
};

/** Options of commands that read or print data. */
export const DATA_OPTIONS: Record<string, OptionSpec> = {
  'data-dir': {
    type: 'string',
    valueName: 'DIR',
    description: 'data folder (default $TRACKER_DATA_DIR or ./data)',
  },
  format: { type: 'string', short: 'f', valueName: 'FORMAT', description: 'output format' },
  json: { type: 'boolean', description: 'same as --format json' },
};

const QUERY_FILTER_OPTIONS: Record<string, OptionSpec> = {
  above: { type: 'boolean', description: 'only models over the threshold (P ≥ 0.5 or confirmed above)' },
  below: { type: 'boolean', description: 'only models under the threshold' },
  status: {
    type: 'string',
    multiple: true,
    valueName: 'S',
    description: 'curated or threshold status (repeatable, or comma-separated)',
  },
  'min-probability': { type: 'string', valueName: 'P', description: 'P(above) at least P' },
  'max-probability': { type: 'string', valueName: 'P', description: 'P(above) at most P' },
  developer: {
    type: 'string',
    multiple: true,
    valueName: 'NAME',
    description: 'developer (case-insensitive substring; repeatable)',
  },
  'released-after': {
    type: 'string',
    valueName: 'DATE',
    description: 'released on or after DATE (YYYY[-MM[-DD]])',
  },
  'released-before': { type: 'string', valueName: 'DATE', description: 'released on or before DATE' },
  confidence: {
    type: 'string',
    multiple: true,
    valueName: 'C',
    description: 'confident, likely or speculative (repeatable)',
  },
  method: {
    type: 'string',
    multiple: true,
    valueName: 'ID',
    description: 'estimation method that set the estimate (repeatable)',
  },
  source: {
    type: 'string',
    multiple: true,
    valueName: 'ID',
    description: 'seen by this source (repeatable)',
  },
  search: {
    type: 'string',
    short: 's',
    valueName: 'TEXT',
    description: 'text search on name, id and aliases',
  },
  'needs-review': { type: 'boolean', description: 'only ruled models whose estimate has moved' },
  sort: {
    type: 'string',
    valueName: 'FIELD[,…]',
    description: 'sort by fields; prefix - for descending (default -median)',
  },
  fields: { type: 'string', valueName: 'F,…', description: 'fields to print' },
  limit: { type: 'string', valueName: 'N', description: 'print at most N rows' },
  stats: { type: 'boolean', description: 'print statistics instead of rows' },
};

const SOURCE_OPTIONS: Record<string, OptionSpec> = {
  source: {
    type: 'string',
    multiple: true,
    valueName: 'ID',
    description: 'only this source (repeatable; see tracker sources)',
  },
  offline: { type: 'boolean', description: 'fetch nothing: use the observations already in the data folder' },
  strict: {
    type: 'boolean',
    description: 'fail (exit 1) when a source cannot be reached instead of using its last observations',
  },
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'run',
    summary:
      'collect → resolve → merge → estimate → curate; prints a summary and the models over the threshold',
    usage: '[--offline] [--source ID...] [--strict] [--changed-exit-code N]',
    details: [
      'Without network the run uses the observations already in the data folder and says how old they are.',
      'Human decisions in data/ledger.jsonl always win over the machine.',
    ],
    options: {
      ...SOURCE_OPTIONS,
      'changed-exit-code': {
        type: 'string',
        valueName: 'N',
        description: 'exit with N (instead of 0) when new candidates appeared, so a scheduler can alert',
      },
    },
    data: true,
    formats: ROW_FORMATS,
    load: () => import('./commands/run'),
  },
  {
    name: 'collect',
    summary: 'fetch sources, or read saved payloads, into data/observations',
    usage: '[--source ID...] [--from FILE...] [--offline] [--strict]',
    details: [
      'A source that cannot be reached keeps its last observations; the summary says how old they are.',
      'Examples:',
      '  tracker collect',
      '  tracker collect --source lmarena --from leaderboard_2026-03-29.csv',
      '  tracker collect --source epoch --from notable_ai_models.csv --from large_scale_ai_models.csv',
    ],
    options: {
      ...SOURCE_OPTIONS,
      from: {
        type: 'string',
        multiple: true,
        valueName: 'FILE',
        description: 'parse this saved payload instead of fetching (one --source; repeatable)',
      },
      'retrieved-at': {
        type: 'string',
        valueName: 'DATE',
        description:
          'when the --from files were captured (default: a date in the file name, else its modification time)',
      },
    },
    data: true,
    formats: ROW_FORMATS,
    load: () => import('./commands/collect'),
  },
  {
    name: 'sources',
    summary: 'list the sources (built-in, tables, plugins): what each provides and when it last ran',
    usage: '[--format table|json|jsonl|csv|markdown]',
    options: {},
    data: true,
    formats: ROW_FORMATS,
    load: () => import('./commands/sources'),
  },
  {
    name: 'query',
    summary: 'filter, sort and print the models of the data folder',
    usage: '[filters] [--sort F] [--fields F,...] [--format table|json|jsonl|csv|markdown]',
    details: [
      'Examples:',
      '  tracker query --above --sort -probabilityAbove --format markdown',
      '  tracker query --developer openai --released-after 2025-01 --fields id,median,status',
      '  tracker query --stats',
    ],
    options: QUERY_FILTER_OPTIONS,
    data: true,
    formats: ROW_FORMATS,
    load: () => import('./commands/query'),
  },
  {
    name: 'diff',
    summary: 'compare two data folders or releases: added, removed and changed models',
    usage: 'A B [--format table|json|jsonl|csv|markdown]',
    details: [
      'A and B are data folders, release folders (data/releases/<date>), or release dates of the data folder.',
    ],
    options: {},
    data: true,
    formats: ROW_FORMATS,
    positionals: { min: 2, max: 2, names: 'A B' },
    load: () => import('./commands/diff'),
  },
];
