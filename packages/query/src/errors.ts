import { TrackerError } from '@tracker/schema';

/** Builds the `QUERY_INVALID` error every validator throws, with the offending option named in the message. */
export function queryError(
  option: string,
  problem: string,
  details: Record<string, unknown> = {},
): TrackerError {
  return new TrackerError('QUERY_INVALID', `[query] ${option}: ${problem}`, {
    details: { option, ...details },
  });
}

/** Describes a received value for an error message without dumping large objects. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
