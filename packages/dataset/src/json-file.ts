import { readFile } from 'node:fs/promises';
import { TrackerError, toJsonPath } from '@tracker/schema';
import { displayPath } from './paths';

/** Options of {@link stableStringify}. */
export interface StableStringifyOptions {
  /** Spaces of indentation; `0` writes one compact line (JSON Lines). Default 2. */
  indent?: number;
  /** Keys written first, in this order, in every object that has them; the others follow sorted. */
  keyOrder?: readonly string[];
}

/**
 * JSON with a fixed key order (sorted by code point, after any `keyOrder` keys) so that the same data always
 * serialises to the same bytes and git diffs stay small. Arrays keep the order the caller gave them. Indented
 * output ends with a newline; compact output (`indent: 0`) does not, so it can be used as a JSON Lines line.
 */
export function stableStringify(value: unknown, options: StableStringifyOptions = {}): string {
  const indent = options.indent ?? 2;
  const priority = new Map((options.keyOrder ?? []).map((key, index) => [key, index]));
  const compareKeys = (left: string, right: string): number => {
    const leftRank = priority.get(left);
    const rightRank = priority.get(right);
    if (leftRank !== undefined || rightRank !== undefined) {
      return (leftRank ?? Number.MAX_SAFE_INTEGER) - (rightRank ?? Number.MAX_SAFE_INTEGER);
    }
    return compareStrings(left, right);
  };
  const text = JSON.stringify(
    value,
    (_key, current: unknown) => {
      if (typeof current === 'number' && !Number.isFinite(current)) {
        throw new TrackerError(
          'RECORD_INVALID',
          `[dataset] cannot write the non-finite number ${current} as JSON`,
        );
      }
      if (!isPlainObject(current)) return current;
      // A null-prototype copy: a "__proto__" key stays an ordinary key instead of changing the prototype.
      const sorted: Record<string, unknown> = Object.create(null);
      for (const key of Object.keys(current).sort(compareKeys)) sorted[key] = current[key];
      return sorted;
    },
    indent === 0 ? undefined : indent,
  );
  return indent === 0 ? text : `${text}\n`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Code-point string order: deterministic and independent of the locale (unlike `localeCompare`). */
export function compareStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Options of {@link parseJsonText}. */
export interface ParseJsonTextOptions {
  /** File name for messages (shown relative to the working directory when inside it). */
  file: string;
  /** Prefix of the location, e.g. `line 3` for a JSON Lines line. */
  location?: string;
}

/**
 * Parses untrusted JSON text. Errors are `DATA_INVALID` and read `<file>: <where>: <problem>`; an object key
 * `__proto__` anywhere is rejected (it could change an object's prototype once the data is copied around).
 */
export function parseJsonText(text: string, options: ParseJsonTextOptions): unknown {
  const file = displayPath(options.file);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const where = describeJsonErrorPosition(body, error);
    const parts = [file, options.location, where, `invalid JSON (${cleanJsonErrorMessage(error)})`];
    throw new TrackerError('DATA_INVALID', parts.filter(Boolean).join(': '), {
      cause: error,
      details: { file, location: options.location },
    });
  }
  const badPath = findProtoKey(value, []);
  if (badPath !== undefined) {
    const jsonPath = toJsonPath(badPath);
    const parts = [file, options.location, jsonPath, 'the key "__proto__" is not allowed'];
    throw new TrackerError('DATA_INVALID', parts.filter(Boolean).join(': '), {
      details: { file, path: jsonPath },
    });
  }
  return value;
}

function describeJsonErrorPosition(text: string, error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  if (/Unexpected end of JSON input/.test(message)) return 'end of file';
  const match = /at position (\d+)/.exec(message);
  if (!match) return undefined;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function cleanJsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 quotes the whole input in some messages; keep only the token so damaged files don't flood the terminal.
  const quoted = /^Unexpected token '([^']*)', .* is not valid JSON$/s.exec(message);
  if (quoted) return `unexpected token ${JSON.stringify(quoted[1])}`;
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .replace(/^./, (first) => first.toLowerCase());
}

function findProtoKey(value: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findProtoKey(value[index], [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return [...path, key];
    const found = findProtoKey((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads a file as UTF-8 text. Returns `undefined` when it does not exist and `missingOk` is set; any other
 * failure is `IO_FAILED` naming the file.
 */
export async function readTextFile(
  file: string,
  options: { missingOk?: boolean } = {},
): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (options.missingOk && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new TrackerError(
      'IO_FAILED',
      `${displayPath(file)}: could not be read (${(error as Error).message})`,
      {
        cause: error,
        details: { file: displayPath(file) },
      },
    );
  }
}
