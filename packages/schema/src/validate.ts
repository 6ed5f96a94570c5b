import type { z } from 'zod';
import { SchemaValidationError, type ValidationIssue } from './errors';

/** Renders a zod issue path as a JSON path: `$.models[3].facts.parameters[0].value`. */
export function toJsonPath(path: readonly PropertyKey[], root = '$'): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Turns zod issues into located, plain-language validation issues. */
export function toValidationIssues(
  error: z.ZodError,
  location: { file?: string; rootPath?: string } = {},
): ValidationIssue[] {
  return error.issues.map((issue) => ({
    file: location.file,
    path: toJsonPath(issue.path, location.rootPath ?? '$'),
    problem: issue.message,
  }));
}

/** Options of {@link parseWithSchema}. */
export interface ParseWithSchemaOptions {
  /** File (or URL) the value came from, for messages. */
  file?: string;
  /** JSON path of the value inside that file (default `$`). */
  rootPath?: string;
  /** Error code to raise (default `RECORD_INVALID`). */
  code?: 'RECORD_INVALID' | 'DATA_INVALID' | 'CONFIG_INVALID';
}

/**
 * Validates `value` against `schema` and returns the parsed value, or throws a {@link SchemaValidationError}
 * whose message reads `<file>: <json path>: <problem>`.
 */
export function parseWithSchema<T extends z.ZodType>(
  schema: T,
  value: unknown,
  options: ParseWithSchemaOptions = {},
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new SchemaValidationError(
    options.code ?? 'RECORD_INVALID',
    toValidationIssues(result.error, options),
  );
}
