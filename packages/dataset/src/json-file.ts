import { open } from 'node:fs/promises';
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
  /**
   * The same bytes passed every check before (the validation cache says so): the walk for `__proto__` keys and
   * depth is skipped. Syntax is still checked, by the parse itself.
   */
  checkedBefore?: boolean;
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
  const problem = options.checkedBefore ? undefined : findStructureProblem(value);
  if (problem !== undefined) {
    const jsonPath = toJsonPath(problem.path);
    const where = options.line === undefined ? undefined : `line ${options.line}`;
    const what =
      problem.kind === 'proto'
        ? 'the key "__proto__" is not allowed'
        : `nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`;
    throw new TrackerError('DATA_INVALID', [file, where, jsonPath, what].filter(Boolean).join(': '), {
      details: {
        file,
        path: jsonPath,
        where,
        ...(problem.kind === 'depth' ? { depth: MAX_JSON_DEPTH } : {}),
      },
    });
  }
  return value;
}

/** How deep arrays and objects may nest in a data file; the tracker's own files nest about ten levels. */
export const MAX_JSON_DEPTH = 512;

type StructureProblem = { kind: 'proto'; path: PropertyKey[] } | { kind: 'depth'; path: PropertyKey[] };

/**
 * Walks a parsed value and returns the first `__proto__` key, or the first place nested deeper than
 * {@link MAX_JSON_DEPTH}, with its path (in document order). The walk recurses, but never deeper than the limit
 * (a file nested 200,000 deep is stopped at level 512, far within the stack), and allocates nothing but the path.
 */
function findStructureProblem(root: unknown): StructureProblem | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const path: PropertyKey[] = [];
  const visit = (value: object, depth: number): StructureProblem | undefined => {
    if (depth >= MAX_JSON_DEPTH) return { kind: 'depth', path: [...path] };
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        const child: unknown = value[index];
        if (typeof child !== 'object' || child === null) continue;
        path.push(index);
        const problem = visit(child, depth + 1);
        if (problem !== undefined) return problem;
        path.pop();
      }
      return undefined;
    }
    if (Object.hasOwn(value, '__proto__')) return { kind: 'proto', path: [...path, '__proto__'] };
    const keys = Object.keys(value);
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index]!;
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child !== 'object' || child === null) continue;
      path.push(key);
      const problem = visit(child, depth + 1);
      if (problem !== undefined) return problem;
      path.pop();
    }
    return undefined;
  };
  return visit(root, 0);
}

/** The default for {@link ReadTextFileOptions.maxBytes}: 256 MiB, far above any data file the tracker writes. */
export const DEFAULT_MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

let defaultMaxBytes = DEFAULT_MAX_DATA_FILE_BYTES;

/**
 * Sets the size limit for every data file read from now on (observations, models.json, the ledger, releases);
 * `undefined` restores {@link DEFAULT_MAX_DATA_FILE_BYTES}. A file over the limit is refused before it is read.
 */
export function setMaxDataFileBytes(bytes: number | undefined): void {
  if (bytes !== undefined && (!Number.isSafeInteger(bytes) || bytes < 1)) {
    throw new TrackerError(
      'USAGE',
      `[dataset] a data file size limit is a positive whole number of bytes, got ${bytes}`,
    );
  }
  defaultMaxBytes = bytes ?? DEFAULT_MAX_DATA_FILE_BYTES;
}

/** Options of {@link readTextFile}. */
export interface ReadTextFileOptions {
  /** Return `undefined` instead of failing when the file does not exist. */
  missingOk?: boolean;
  /** Refuse a larger file before reading it; default the limit of {@link setMaxDataFileBytes} (256 MiB). */
  maxBytes?: number;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 ? 1 : 0)} KiB`;
  return `${bytes} bytes`;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1 when all do. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // no overlong forms
      if (lead === 0xed) high = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f; // nothing past U+10FFFF
    } else return index;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a data file as UTF-8 text. Returns `undefined` when it does not exist and `missingOk` is set. A file over
 * the size limit is refused before it is read, and bytes that are not UTF-8 are refused with their offset, both
 * as `DATA_INVALID` naming the file; any other failure is `IO_FAILED` naming the file.
 */
export async function readTextFile(
  file: string,
  options: ReadTextFileOptions = {},
): Promise<string | undefined> {
  const bytes = await readDataBytes(file, options);
  return bytes === undefined ? undefined : decodeDataText(bytes, file);
}

/** The bytes of a data file, with the size checks of {@link readTextFile} (not yet decoded). */
export async function readDataBytes(
  file: string,
  options: ReadTextFileOptions = {},
): Promise<Buffer | undefined> {
  const shown = displayPath(file);
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) {
        throw new TrackerError(
          'DATA_INVALID',
          `${shown}: the file is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} for one data file`,
          { details: { file: shown, bytes: size, limit: maxBytes } },
        );
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (TrackerError.is(error)) throw error;
    if (options.missingOk && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new TrackerError('IO_FAILED', `${shown}: could not be read (${(error as Error).message})`, {
      cause: error,
      details: { file: shown },
    });
  }
  // Checked again after reading: the file may have grown in between.
  if (bytes.length > maxBytes) {
    throw new TrackerError(
      'DATA_INVALID',
      `${shown}: the file is over the limit of ${formatBytes(maxBytes)} for one data file`,
      { details: { file: shown, bytes: bytes.length, limit: maxBytes } },
    );
  }
  return bytes;
}

/** The bytes of a data file as text; bytes that are not UTF-8 are `DATA_INVALID` naming the file and the offset. */
export function decodeDataText(bytes: Uint8Array, file: string): string {
  try {
    return UTF8.decode(bytes);
  } catch (error) {
    const shown = displayPath(file);
    const offset = findInvalidUtf8(bytes);
    throw new TrackerError('DATA_INVALID', `${shown}: byte offset ${offset}: invalid UTF-8`, {
      cause: error,
      details: { file: shown, byteOffset: offset },
    });
  }
}
