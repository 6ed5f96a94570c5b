import type { ModelRecord } from '@tracker/schema';

const AT = '2026-01-01T00:00:00.000Z';

/** A fact with provenance from `source`. */
export function fact<T>(value: T, source = 'epoch', retrievedAt = AT) {
  return { value, source, url: `https://example.org/${source}`, retrievedAt };
}

/** A minimal valid record. */
export function record(id: string, name: string, facts: ModelRecord['facts'] = {}, scores: ModelRecord['scores'] = {}): ModelRecord {
  return { id, name, developer: null, aliases: [], facts, scores, observations: [] };
}

/** An Arena score fact. */
export function arena(value: number, asOf: string) {
  return { value, asOf, source: 'lmarena', url: 'https://lmarena.ai/leaderboard/text', retrievedAt: AT };
}
