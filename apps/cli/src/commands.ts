import { type CommandSpec, defineCommand, type OptionSpecs } from './define-command';

export const ROW_FORMATS = ['table', 'json', 'jsonl', 'csv', 'markdown'] as const;

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h', description: 'show help for the command' },
  config: {
    type: 'string',
    valueName: 'FILE',
    description: 'configuration file (default ./tracker.config.yaml)',
  },
  quiet: { type: 'boolean', short: 'q', description: 'print no progress or summary on stderr' },
  verbose: { type: 'boolean', short: 'v', description: 'print debugging detail on stderr' },
} as const satisfies OptionSpecs;

/** Options of commands that read or print data. */
export const DATA_OPTIONS = {
  'data-dir': {
    type: 'string',
    valueName: 'DIR',
    description: 'data folder (default $TRACKER_DATA_DIR or ./data)',
  },
  format: { type: 'string', short: 'f', valueName: 'FORMAT', description: 'output format' },
  json: { type: 'boolean', description: 'same as --format json' },
  wide: { type: 'boolean', description: 'do not fit tables to the terminal width' },
} as const satisfies OptionSpecs;

const QUERY_FILTER_OPTIONS = {
  above: {
    type: 'boolean',
    description:
      'only models over the threshold (P ≥ statusCuts.likelyAbove, default 0.5, or confirmed above)',
  },
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
} as const satisfies OptionSpecs;

const SOURCE_OPTIONS = {
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
} as const satisfies OptionSpecs;

export const COMMANDS: CommandSpec[] = [
  defineCommand({
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
    call: (tracker, options) => tracker.run(options),
  }),
  defineCommand({
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
      'source-url': {
        type: 'string',
        valueName: 'URL',
        description: 'the page the --from files were saved from (default: the source’s main URL)',
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
    call: (tracker, options) => tracker.collect(options),
  }),
  defineCommand({
    name: 'estimate',
    summary: 'estimate training compute: re-estimate the data folder, or the facts in a JSON/JSON Lines file',
    usage: '[--input FILE|-] [--blind] [--threshold N] [--format json|table|jsonl|csv|markdown]',
    details: [
      'Input fields: name, developer, releaseDate, parameters, activeParameters, trainingTokens,',
      '  hardware {chip, count, hours}, costUsd, scores {"lmarena-text": {"value": 1350, "asOf": "2025-08-04"}}',
      '  (a bare number means the latest snapshot), reportedCompute {flop, confidence}, baseModel.',
      'Output fields: name, median, low, high, probabilityAbove, status, method, confidence, reasoning.',
      'Example: echo \'{"name":"X-70B","parameters":70e9,"trainingTokens":15e12}\' | tracker estimate --input - --format json',
    ],
    options: {
      input: { type: 'string', valueName: 'FILE', description: 'facts as JSON or JSON Lines; - reads stdin' },
      blind: {
        type: 'boolean',
        description: "leave out each model's own reported figure and reference point",
      },
      threshold: {
        type: 'string',
        valueName: 'N',
        description: 'threshold in FLOP (default from config, 1e25)',
      },
    },
    data: true,
    formats: ['table', 'json', 'jsonl', 'csv', 'markdown'],
    call: (tracker, options) => tracker.estimate(options),
  }),
  defineCommand({
    name: 'explain',
    summary:
      'show the whole chain for one model: facts and sources, each method, the combination, the probability',
    usage: 'MODEL [--format table|json]',
    options: {},
    data: true,
    formats: ['table', 'json'],
    positionals: { names: 'MODEL', required: ['model'] },
    call: (tracker, options) => tracker.explain(options),
  }),
  defineCommand({
    name: 'validate',
    summary:
      "compare the estimates with Epoch AI's data: accuracy, precision/recall of over-threshold, Brier score",
    usage: '[--epoch-csv FILE...] [--blind] [--threshold N] [--format table|json]',
    details: [
      'Sets: all (every model Epoch quantifies), epoch-inputs (Epoch records parameters and tokens or hardware',
      'and time), arena-scraper-view (Arena models judged only on name, developer, date, Elo and open-weights size).',
      "--blind leaves out each model's own reported figure and reference point, so the method is measured.",
    ],
    options: {
      'epoch-csv': {
        type: 'string',
        multiple: true,
        valueName: 'FILE',
        description: "Epoch's CSVs to compare with (default: the data folder's epoch observations)",
      },
      blind: { type: 'boolean', description: "leave out each model's own figure (leave-one-out)" },
      threshold: {
        type: 'string',
        valueName: 'N',
        description: 'threshold in FLOP (default: the configured one, 1e25)',
      },
    },
    data: true,
    formats: ['table', 'json', 'markdown'],
    call: (tracker, options) => tracker.validate(options),
  }),
  defineCommand({
    name: 'candidates',
    summary: 'list what awaits a decision, most likely over the threshold first, with the evidence',
    usage: '[--limit N] [--format table|json|jsonl|csv|markdown]',
    details: [
      'Models without a ruling whose P(above) is at least the review floor (config reviewFloor, default 0.2), and rulings flagged needs-review.',
    ],
    options: { limit: { type: 'string', valueName: 'N', description: 'print at most N' } },
    data: true,
    formats: ROW_FORMATS,
    call: (tracker, options) => tracker.candidates(options),
  }),
  defineCommand({
    name: 'review',
    summary: 'decide each candidate in an interactive prompt, saving as you go',
    usage: '[--limit N] [--by NAME]',
    details: ['Keys: a confirm above, b confirm below, x exclude, c set compute, s skip, q quit.'],
    options: {
      limit: { type: 'string', valueName: 'N', description: 'review at most N candidates' },
      by: {
        type: 'string',
        valueName: 'NAME',
        description: 'who decides (default: config reviewer, else $USER, else the OS account)',
      },
    },
    data: true,
    formats: ['table'],
    call: (tracker, options) => tracker.review(options),
  }),
  defineCommand({
    name: 'decide',
    summary: 'record a decision on one model without a prompt',
    usage:
      'MODEL --above|--below|--exclude --reason TEXT [--flop N --confidence C] [--evidence URL...] [--by NAME]',
    details: [
      'MODEL is an id, a name or an alias. --flop with --confidence records the compute you established.',
      'Example: tracker decide openai/gpt-4o --above --reason "Epoch: 3.8e25, likely" --flop 3.8e25 --confidence likely',
    ],
    options: {
      above: { type: 'boolean', description: 'confirm it is over the threshold' },
      below: { type: 'boolean', description: 'confirm it is under the threshold' },
      exclude: { type: 'boolean', description: 'exclude it (not a model, duplicate, out of scope)' },
      reason: { type: 'string', valueName: 'TEXT', description: 'why (required)' },
      flop: { type: 'string', valueName: 'N', description: 'training compute in FLOP, e.g. 3.8e25' },
      confidence: {
        type: 'string',
        valueName: 'C',
        description: 'confident, likely or speculative (with --flop)',
      },
      evidence: {
        type: 'string',
        multiple: true,
        valueName: 'URL',
        description: 'URL backing the decision (repeatable)',
      },
      by: {
        type: 'string',
        valueName: 'NAME',
        description: 'who decides (default: config reviewer, else $USER, else the OS account)',
      },
    },
    data: true,
    formats: ROW_FORMATS,
    positionals: { names: 'MODEL', required: ['model'] },
    call: (tracker, options) => tracker.decide(options),
  }),
  defineCommand({
    name: 'add',
    summary: 'enter a model by hand (interactive on a terminal when no flags are given)',
    usage:
      '--name N --developer D [--release-date DATE] [--flop N --confidence C] [--parameters N --tokens N] [--reason TEXT]',
    options: {
      name: { type: 'string', valueName: 'N', description: 'model name' },
      developer: { type: 'string', valueName: 'D', description: 'developer' },
      'release-date': { type: 'string', valueName: 'DATE', description: 'YYYY-MM-DD (or YYYY-MM)' },
      flop: { type: 'string', valueName: 'N', description: 'training compute in FLOP' },
      confidence: {
        type: 'string',
        valueName: 'C',
        description: 'confident, likely or speculative (with --flop)',
      },
      parameters: { type: 'string', valueName: 'N', description: 'parameters (e.g. 405e9 or 405B)' },
      'active-parameters': {
        type: 'string',
        valueName: 'N',
        description: 'active parameters of a mixture of experts',
      },
      tokens: { type: 'string', valueName: 'N', description: 'training tokens (e.g. 15e12 or 15T)' },
      reason: {
        type: 'string',
        valueName: 'TEXT',
        description: 'why it is added / where the facts come from',
      },
      evidence: {
        type: 'string',
        multiple: true,
        valueName: 'URL',
        description: 'URL of the facts (repeatable)',
      },
      by: {
        type: 'string',
        valueName: 'NAME',
        description: 'who adds it (default: config reviewer, else $USER, else the OS account)',
      },
    },
    data: true,
    formats: ROW_FORMATS,
    call: (tracker, options) => tracker.add(options),
  }),
  defineCommand({
    name: 'export-review',
    summary:
      "write the contractor's sheet: candidates and flagged models with evidence and empty decision columns",
    usage: 'FILE.csv',
    options: {},
    data: true,
    formats: ['csv'],
    positionals: { names: 'FILE.csv', required: ['file'] },
    call: (tracker, options) => tracker.exportReview(options),
  }),
  defineCommand({
    name: 'import-review',
    summary:
      'turn the filled rows of a review sheet into ledger entries (all or nothing; re-importing adds nothing)',
    usage: 'FILE.csv [--by NAME] [--dry-run]',
    options: {
      by: {
        type: 'string',
        valueName: 'NAME',
        description: 'reviewer for rows whose reviewer cell is empty',
      },
      'dry-run': {
        type: 'boolean',
        description: 'check the sheet and show what it would record, without writing',
      },
    },
    data: true,
    formats: ROW_FORMATS,
    positionals: { names: 'FILE.csv', required: ['file'] },
    call: (tracker, options) => tracker.importReview(options),
  }),
  defineCommand({
    name: 'duplicates',
    summary: 'list near matches that name resolution could not settle, with the command to merge each',
    usage: '[--format table|json|jsonl|csv|markdown]',
    options: {},
    data: true,
    formats: ROW_FORMATS,
    call: (tracker) => tracker.duplicates(),
  }),
  defineCommand({
    name: 'alias',
    summary: 'make a name resolve to a model (merge), or with --remove keep it apart; recorded in the ledger',
    usage: 'NAME MODEL --reason TEXT [--remove] [--evidence URL...] [--by NAME]',
    details: [
      'Example: tracker alias "gpt-4o-2024-08-06" openai/gpt-4o --reason "a dated snapshot of the same model"',
    ],
    options: {
      reason: { type: 'string', valueName: 'TEXT', description: 'why (required)' },
      remove: { type: 'boolean', description: 'the name must NOT resolve to MODEL (undo a merge)' },
      evidence: {
        type: 'string',
        multiple: true,
        valueName: 'URL',
        description: 'URL backing it (repeatable)',
      },
      by: {
        type: 'string',
        valueName: 'NAME',
        description: 'who decides (default: config reviewer, else $USER, else the OS account)',
      },
    },
    data: true,
    formats: ROW_FORMATS,
    positionals: { names: 'NAME MODEL', required: ['name', 'model'] },
    call: (tracker, options) => tracker.alias(options),
  }),
  defineCommand({
    name: 'developers',
    summary:
      "list the developers seen with counts and their best estimate; record what is known of one's capacity",
    usage: '[DEVELOPER --capacity TEXT --reason TEXT [--evidence URL] [--by NAME]]',
    details: [
      'Example: tracker developers "Acme AI" --capacity fine-tunes-only --reason "no pretraining cluster"',
    ],
    options: {
      capacity: {
        type: 'string',
        valueName: 'TEXT',
        description: 'what is known, e.g. fine-tunes-only, frontier-lab',
      },
      reason: { type: 'string', valueName: 'TEXT', description: 'why (required with --capacity)' },
      evidence: {
        type: 'string',
        multiple: true,
        valueName: 'URL',
        description: 'URL backing it (repeatable)',
      },
      by: { type: 'string', valueName: 'NAME', description: 'who records it' },
    },
    data: true,
    formats: ROW_FORMATS,
    positionals: { names: 'DEVELOPER', optional: ['developer'] },
    call: (tracker, options) => tracker.developers(options),
  }),
  defineCommand({
    name: 'release',
    summary: 'publish data/releases/<date>/: models.csv, models.json, models.parquet and CHANGELOG.md',
    usage: '[--dry-run] [--date YYYY-MM-DD]',
    options: {
      'dry-run': { type: 'boolean', description: 'show what would be released, write nothing' },
      date: { type: 'string', valueName: 'DATE', description: 'release date (default today, UTC)' },
    },
    data: true,
    formats: ROW_FORMATS,
    call: (tracker, options) => tracker.release(options),
  }),
  defineCommand({
    name: 'report',
    summary: 'write one self-contained HTML page: the list, a compute-over-time chart, provenance per number',
    usage: '[--out FILE.html] [--all] [--full]',
    details: [
      'By default the page holds every ruled or flagged model, every candidate, and every model whose median is',
      'within two orders of magnitude of the threshold; --all adds the rest. Details (facts and their sources,',
      'the estimate) are given for the models not clearly below the threshold; --full gives every model every',
      'fact, score and input with its URL (a much larger page).',
    ],
    options: {
      out: { type: 'string', valueName: 'FILE', description: 'output file (default report.html)' },
      all: { type: 'boolean', description: 'include every model, however small' },
      full: { type: 'boolean', description: 'full provenance of every model, each reference with its URL' },
    },
    data: true,
    formats: ['table'],
    call: (tracker, options) => tracker.report(options),
  }),
  defineCommand({
    name: 'sources',
    summary: 'list the sources (built-in, tables, plugins): what each provides and when it last ran',
    usage: '[--check [--source ID]] [--format table|json|jsonl|csv|markdown]',
    details: [
      '--check fetches each source once and compares the payload with what its parser expects: fields it',
      'reads that are missing, new fields, and the number of models against the last run. Exit 1 when a',
      'source changed or failed (a source whose API key is not set is skipped).',
    ],
    options: {
      check: {
        type: 'boolean',
        description: 'fetch each source once and check its format (exit 1 on a change)',
      },
      source: SOURCE_OPTIONS.source,
    },
    data: true,
    formats: ROW_FORMATS,
    call: (tracker, options) => tracker.sources(options),
  }),
  defineCommand({
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
    call: (tracker, options) => tracker.query(options),
  }),
  defineCommand({
    name: 'diff',
    summary: 'compare two data folders or releases: added, removed and changed models',
    usage: 'A B [--format table|json|jsonl|csv|markdown]',
    details: [
      'A and B are data folders, release folders (data/releases/<date>), or release dates of the data folder.',
    ],
    options: {},
    data: true,
    formats: ROW_FORMATS,
    positionals: { names: 'A B', required: ['before', 'after'] },
    call: (tracker, options) => tracker.diff(options),
  }),
];
