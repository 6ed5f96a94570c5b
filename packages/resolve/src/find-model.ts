import type { ModelRecord } from '@tracker/schema';
import { compactKey } from './developers';
import { createResolver, type Resolver } from './resolver';

/** Which of a record's names a query matched, from the most to the least direct. */
export type ModelMatchKind =
  | 'id'
  | 'name'
  | 'alias'
  | 'source-model-id'
  | 'hugging-face-id'
  | 'raw-name'
  | 'normalized-name';

/** Result of {@link findModelRecord}. */
export type ModelRecordMatch =
  | { status: 'found'; record: ModelRecord; matchedBy: ModelMatchKind }
  /** Several records share the name at the first level that matched: the caller should ask for the id. */
  | { status: 'ambiguous'; records: ModelRecord[]; matchedBy: ModelMatchKind }
  /** Nothing matched; `near` holds records whose names contain the query or are contained in it. */
  | { status: 'not-found'; near: ModelRecord[] };

/** Options of {@link findModelRecord}. */
export interface FindModelRecordOptions {
  /**
   * The resolver whose rules give the normalised name (the last level tried). Default: a resolver with the bundled
   * configs. Pass the one the records were built with when the aliases or the ledger differ.
   */
  resolver?: Resolver;
  /**
   * False to stop before the normalised name: only names some source or the record itself used count (what
   * `tracker alias` needs, where a new spelling must not stand for the record its rules would give).
   */
  normalized?: boolean;
  /** At most this many near records on `not-found` (default 5). */
  nearLimit?: number;
}

/** One name of a record with the kind it is. */
interface NamedBy {
  text: string;
  kind: ModelMatchKind;
}

/**
 * Every name a record is known by, most direct first: its id, display name, aliases, the sources' own model ids
 * (`ObservationRef.sourceModelId`), its Hugging Face ids (`facts.huggingFaceId`) and the raw names of its
 * observations.
 */
export function modelRecordNames(record: ModelRecord): { text: string; kind: ModelMatchKind }[] {
  const names: NamedBy[] = [
    { text: record.id, kind: 'id' },
    { text: record.name, kind: 'name' },
  ];
  for (const alias of record.aliases) names.push({ text: alias, kind: 'alias' });
  for (const ref of record.observations)
    if (ref.sourceModelId !== undefined) names.push({ text: ref.sourceModelId, kind: 'source-model-id' });
  for (const fact of record.facts.huggingFaceId ?? [])
    names.push({ text: fact.value, kind: 'hugging-face-id' });
  for (const ref of record.observations) names.push({ text: ref.rawName, kind: 'raw-name' });
  return names;
}

/** Trimmed and lower-cased. */
function exactKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Finds the model record a query names, by any name or id a source used for it. Levels, the first that matches
 * wins: the id as written; then the id, name, aliases, sources' model ids, Hugging Face ids and raw names ignoring
 * case; then the same ignoring punctuation and spaces; then the name as the resolver normalises it (dates, serving
 * variants, `owner/` prefixes, config aliases), matched on the record's id, or on the model part of the id when
 * the developer is unknown from the query alone. Several records at one level give `ambiguous`.
 *
 * @example
 * findModelRecord(models, 'mistralai/mistral-large-2407'); // { status: 'found', matchedBy: 'source-model-id', … }
 * findModelRecord(models, 'claude-3-5-sonnet-20240620'); // { status: 'found', matchedBy: 'normalized-name', … }
 */
export function findModelRecord(
  models: readonly ModelRecord[],
  query: string,
  options: FindModelRecordOptions = {},
): ModelRecordMatch {
  const asWritten = models.find((record) => record.id === query);
  if (asWritten) return { status: 'found', record: asWritten, matchedBy: 'id' };
  const exact = exactKey(query);
  const loose = compactKey(query);
  const named = models.map((record) => ({ record, names: modelRecordNames(record) }));
  for (const key of [exactKey, compactKey] as const) {
    const wanted = key === exactKey ? exact : loose;
    if (wanted === '') continue;
    const match = pick(named, (text) => key(text) === wanted);
    if (match) return match;
  }
  if (options.normalized !== false) {
    const normalized = byNormalizedName(models, query, options.resolver ?? createResolver());
    if (normalized) return normalized;
  }
  return { status: 'not-found', near: nearRecords(named, loose, options.nearLimit ?? 5) };
}

/** Kinds from the most to the least direct: a record's own id or name outranks another's raw name. */
const KIND_RANK: Readonly<Record<ModelMatchKind, number>> = {
  id: 0,
  name: 1,
  alias: 2,
  'source-model-id': 3,
  'hugging-face-id': 4,
  'raw-name': 5,
  'normalized-name': 6,
};

/**
 * The records with a name that passes `test`, by the most direct kind any of them matched: one record matched by
 * that kind is found (a name that is one record's own beats the same text as another's Hugging Face id); several
 * are ambiguous.
 */
function pick(
  named: readonly { record: ModelRecord; names: readonly NamedBy[] }[],
  test: (text: string) => boolean,
): ModelRecordMatch | undefined {
  let best: ModelRecord[] = [];
  let bestKind: ModelMatchKind | undefined;
  for (const { record, names } of named) {
    // Names are listed most direct first, so the first hit is the record's most direct one.
    const hit = names.find((name) => test(name.text));
    if (!hit) continue;
    if (bestKind === undefined || KIND_RANK[hit.kind] < KIND_RANK[bestKind]) {
      best = [record];
      bestKind = hit.kind;
    } else if (hit.kind === bestKind) best.push(record);
  }
  if (bestKind === undefined) return undefined;
  if (best.length === 1) return { status: 'found', record: best[0]!, matchedBy: bestKind };
  return { status: 'ambiguous', records: best, matchedBy: bestKind };
}

/** The record whose id the resolver gives the query, or the records sharing its model part. */
function byNormalizedName(
  models: readonly ModelRecord[],
  query: string,
  resolver: Resolver,
): ModelRecordMatch | undefined {
  if (query.trim() === '') return undefined;
  const resolution = resolver.resolve(query);
  if (resolution.status !== 'resolved') return undefined;
  const record = models.find((candidate) => candidate.id === resolution.modelId);
  if (record) return { status: 'found', record, matchedBy: 'normalized-name' };
  // Without the source's developer column the query may resolve to `unknown/…` or another developer's slug.
  const slug = resolution.modelId.slice(resolution.modelId.indexOf('/') + 1);
  const sameModel = models.filter((candidate) => candidate.id.slice(candidate.id.indexOf('/') + 1) === slug);
  if (sameModel.length === 0) return undefined;
  if (sameModel.length === 1) return { status: 'found', record: sameModel[0]!, matchedBy: 'normalized-name' };
  return { status: 'ambiguous', records: sameModel, matchedBy: 'normalized-name' };
}

/**
 * Records with a name that contains the query, or that the query contains when that name is at least half the
 * query's length (so that a short name such as `o1` is not offered for every query holding those letters).
 */
function nearRecords(
  named: readonly { record: ModelRecord; names: readonly NamedBy[] }[],
  loose: string,
  limit: number,
): ModelRecord[] {
  if (loose === '') return [];
  const near: ModelRecord[] = [];
  for (const { record, names } of named) {
    if (near.length >= limit) break;
    const close = names.some(({ text }) => {
      const key = compactKey(text);
      return key !== '' && (key.includes(loose) || (key.length * 2 >= loose.length && loose.includes(key)));
    });
    if (close) near.push(record);
  }
  return near;
}
