import { readFile } from 'node:fs/promises';
import { TrackerError, toJsonPath } from '@tracker/schema';
import { locateJsonSyntaxError } from './json-syntax';
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
      return isPlainObject(current) ? orderKeys(current, compareKeys) : current;
    },
    indent === 0 ? undefined : indent,
  );
  return indent === 0 ? text : `${text}\n`;
}

/**
 * `object` itself when its keys are already in order (data read from a file written here always is), else a copy
 * with the keys in order. The copy is an ordinary object, which JSON.stringify walks much faster than a
 * null-prototype one; a "__proto__" key is defined as an own property, so it never changes the prototype.
 */
function orderKeys(
  object: Record<string, unknown>,
  compareKeys: (left: string, right: string) => number,
): Record<string, unknown> {
  const keys = Object.keys(object);
  let ordered = true;
  for (let index = 1; index < keys.length && ordered; index += 1) {
    ordered = compareKeys(keys[index - 1]!, keys[index]!) <= 0;
  }
  if (ordered) return object;
  const sorted: Record<string, unknown> = {};
  for (const key of keys.sort(compareKeys)) {
    if (key === '__proto__') {
      Object.defineProperty(sorted, key, {
        value: object[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      sorted[key] = object[key];
    }
  }
  return sorted;
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
  /** For one line of a JSON Lines file: its line number, used in every message (`line 3, column 7`, `line 3`). */
  line?: number;
}

/**
 * Parses untrusted JSON text. Errors are `DATA_INVALID` and read `<file>: <where>: <problem>`, where is the line
 * and column of a syntax error; an object key `__proto__` anywhere is rejected with its JSON path (it could
 * change an object's prototype once the data is copied around).
 */
export function parseJsonText(text: string, options: ParseJsonTextOptions): unknown {
  const file = displayPath(options.file);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const located = locateJsonSyntaxError(body);
    let where = options.line === undefined ? undefined : `line ${options.line}`;
    let problem = error instanceof Error ? error.message : String(error);
    if (located) {
      const before = body.slice(0, located.position);
      const line = before.split('\n').length + (options.line ?? 1) - 1;
      const column = located.position - before.lastIndexOf('\n');
      where = `line ${line}, column ${column}`;
      problem = located.problem;
    }
    throw new TrackerError(
      'DATA_INVALID',
      [file, where, `invalid JSON: ${problem}`].filter(Boolean).join(': '),
      {
        cause: error,
        details: { file, where, syntax: true },
      },
    );
  }
  const badPath = findProtoKey(value, []);
  if (badPath !== undefined) {
    const jsonPath = toJsonPath(badPath);
    const where = options.line === undefined ? undefined : `line ${options.line}`;
    throw new TrackerError(
      'DATA_INVALID',
      [file, where, jsonPath, 'the key "__proto__" is not allowed'].filter(Boolean).join(': '),
      { details: { file, path: jsonPath, where } },
    );
  }
  return value;
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
