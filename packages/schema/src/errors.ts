/**
 * Every error code the tracker raises, in one table. Codes are part of the public contract: the CLI prints
 * `error <CODE>: <message>` and scripts may match on them. Add codes; never rename or remove one.
 */
export const TRACKER_ERROR_CODES = {
  /** `tracker.config.yaml` or a YAML file under `configs/` does not match its schema. */
  CONFIG_INVALID: 'configuration file does not match its schema',
  /** A plugin package could not be imported. */
  PLUGIN_LOAD_FAILED: 'a plugin package could not be imported',
  /** A plugin package exports something that is not a valid scraper or estimator. */
  PLUGIN_INVALID: 'a plugin does not satisfy its contract',
  /** A scraper or estimator id is not registered. */
  PLUGIN_NOT_FOUND: 'no plugin with that id is registered',
  /** Two plugins claim the same id. */
  PLUGIN_DUPLICATE: 'two plugins share one id',
  /** An HTTP request failed (status, timeout, redirect loop, body too large). */
  HTTP_FAILED: 'an HTTP request failed',
  /** A payload could not be parsed (changed layout, truncated body, invalid UTF-8, bad JSON). */
  PARSE_FAILED: 'a payload could not be parsed',
  /** A record does not match its schema. */
  RECORD_INVALID: 'a record does not match its schema',
  /** A file of the data folder is missing a required part, is not valid JSON, or does not match its schema. */
  DATA_INVALID: 'a data file is damaged or does not match its schema',
  /** Reading or writing a file failed. */
  IO_FAILED: 'a file could not be read or written',
  /** Another process holds the data folder's lock. */
  LOCK_HELD: 'another process is writing the data folder',
  /** An estimator threw or produced an invalid estimate. */
  ESTIMATE_FAILED: 'an estimate could not be computed',
  /** A query (filter, sort, field selection, format) is not valid. */
  QUERY_INVALID: 'the query is not valid',
  /** A model, release or entry that was asked for does not exist. */
  NOT_FOUND: 'the requested item does not exist',
  /** A ledger entry or a review decision is not valid. */
  DECISION_INVALID: 'a curation decision is not valid',
  /** A review sheet (CSV) has a row that cannot be applied. */
  SHEET_INVALID: 'a review sheet has rows that cannot be applied',
  /** A source could not be reached and `--strict` forbids falling back to earlier observations. */
  SOURCE_UNAVAILABLE: 'a source could not be reached',
  /** A command was used in a way it does not support (outside argument parsing). */
  USAGE: 'the command was used incorrectly',
} as const;

/** One of the codes of {@link TRACKER_ERROR_CODES}. */
export type TrackerErrorCode = keyof typeof TRACKER_ERROR_CODES;

const TRACKER_ERROR_MARKER = Symbol.for('tracker.error');

/** Options of {@link TrackerError}. */
export interface TrackerErrorOptions {
  /** The lower-level error this one wraps. */
  cause?: unknown;
  /** Machine-readable details (file, JSON path, row, source id...). Never put credentials here. */
  details?: Record<string, unknown>;
}

/**
 * The one error class of the tracker. Recognise it with {@link TrackerError.is}, which works across duplicate
 * installs of this package (it checks a registered symbol, not `instanceof`).
 *
 * @example
 * throw new TrackerError('DATA_INVALID', 'data/models.json: $.models[3].id: expected a string');
 */
export class TrackerError extends Error {
  /** The code from {@link TRACKER_ERROR_CODES}. */
  readonly code: TrackerErrorCode;
  /** Machine-readable details. */
  readonly details: Readonly<Record<string, unknown>>;
  override readonly name: string = 'TrackerError';
  readonly [TRACKER_ERROR_MARKER] = true;

  constructor(code: TrackerErrorCode, message: string, options: TrackerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }

  /** True when `value` is a TrackerError from any copy of this package. */
  static is(value: unknown): value is TrackerError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[TRACKER_ERROR_MARKER] === true
    );
  }
}

/** Where a failing record or file lives: used to build `<file>: <path>: <problem>` messages. */
export interface IssueLocation {
  /** File path, URL or other name of the input. */
  file?: string;
  /** JSON path (`$.models[3].id`) or `row 12, column "flop"`. */
  path?: string;
}

/** One validation problem, located. */
export interface ValidationIssue extends IssueLocation {
  /** What is wrong, in plain words. */
  problem: string;
}

/** A schema validation failure with every issue listed. Code `RECORD_INVALID` or `DATA_INVALID`. */
export class SchemaValidationError extends TrackerError {
  /** Every problem found, located. */
  readonly issues: readonly ValidationIssue[];
  override readonly name = 'SchemaValidationError';

  constructor(
    code: 'RECORD_INVALID' | 'DATA_INVALID' | 'CONFIG_INVALID',
    issues: readonly ValidationIssue[],
    options: TrackerErrorOptions = {},
  ) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    const message = first ? `${formatIssue(first)}${more}` : 'invalid input';
    super(code, message, options);
    this.issues = Object.freeze([...issues]);
  }
}

/** Formats an issue as `<file>: <path>: <problem>`, leaving out the parts that are unknown. */
export function formatIssue(issue: ValidationIssue): string {
  return [issue.file, issue.path, issue.problem]
    .filter((part) => part !== undefined && part !== '')
    .join(': ');
}
