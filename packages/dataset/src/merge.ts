import type {
  Fact,
  ModelFactsByField,
  ModelRecord,
  Observation,
  ObservationRef,
  ResolvedObservation,
  Score,
  ScoreFact,
} from '@tracker/schema';
import { compareStrings, stableStringify } from './json-file';

/** Options of {@link mergeObservations}. */
export interface MergeObservationsOptions {
  /**
   * Maps a base model's name as a source writes it to its canonical id, so `facts.baseModel` holds ids where
   * they resolve (the name as written otherwise). Usually the resolver's lookup.
   */
  resolveBaseModel?: (name: string) => string | undefined;
}

type FactField = keyof ModelFactsByField;

/** Reads each fact field out of an observation (a list, since `links` and `computeSignals` give several). */
const FIELD_READERS: ReadonlyArray<readonly [FactField, (observation: Observation) => unknown]> = [
  ['developer', (observation) => observation.developer],
  ['releaseDate', (observation) => observation.releaseDate],
  ['parameters', (observation) => observation.parameters?.total],
  ['activeParameters', (observation) => observation.parameters?.active],
  ['trainingTokens', (observation) => observation.trainingTokens],
  ['hardware', (observation) => observation.hardware],
  ['costUsd', (observation) => observation.costUsd],
  ['reportedCompute', (observation) => observation.reportedCompute],
  ['finetuneCompute', (observation) => observation.finetuneCompute],
  ['syntheticDataCompute', (observation) => observation.syntheticDataCompute],
  ['computeSignals', (observation) => observation.computeSignals],
  ['baseModel', (observation) => observation.baseModel],
  ['accessibility', (observation) => observation.accessibility],
  ['license', (observation) => observation.license],
  ['huggingFaceId', (observation) => observation.huggingFaceId],
  ['domain', (observation) => observation.domain],
  ['reasoning', (observation) => observation.reasoning],
  ['contextLength', (observation) => observation.contextLength],
  ['pricing', (observation) => observation.pricing],
  ['knowledgeCutoff', (observation) => observation.knowledgeCutoff],
  ['expirationDate', (observation) => observation.expirationDate],
  ['links', (observation) => observation.links],
];

/** Fields whose observation value is a list: each element becomes its own fact. */
const LIST_FIELDS = new Set<FactField>(['computeSignals', 'links']);

function compareResolved(left: ResolvedObservation, right: ResolvedObservation): number {
  const a = left.observation;
  const b = right.observation;
  return (
    compareStrings(left.modelId, right.modelId) ||
    compareStrings(a.source, b.source) ||
    compareStrings(a.retrievedAt, b.retrievedAt) ||
    compareStrings(a.rawName, b.rawName)
  );
}

/**
 * Merges resolved observations into one {@link ModelRecord} per model id (pure, O(n log n)), sorted by id.
 * - Every source's facts are kept per field with their provenance (`source`, `url` = the observation's
 *   `sourceUrl`, `retrievedAt`), ordered by source then time; a fact repeating the same value from the same
 *   source is kept once, at its first sighting, so re-fetches do not churn the file.
 * - `scores[benchmark]` holds one score per (source, snapshot date `asOf`), oldest first; when one snapshot has
 *   several (two names of the model, or refetches), the latest retrieval wins, then the most votes.
 * - `name` is the resolution's display name (the most frequent when they differ); `aliases` every other raw name.
 * - `developer` is the value most sources state (ties: the resolution's developer, then alphabetical), else the
 *   resolution's developer, else null.
 */
export function mergeObservations(
  resolved: readonly ResolvedObservation[],
  options: MergeObservationsOptions = {},
): ModelRecord[] {
  const sorted = [...resolved].sort(compareResolved);
  const records: ModelRecord[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && sorted[end]!.modelId === sorted[start]!.modelId) end += 1;
    records.push(mergeGroup(sorted.slice(start, end), options));
    start = end;
  }
  return records;
}

function mostFrequent(values: Iterable<string>, preferred?: string | null): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rank = (value: string) => (value === preferred ? 0 : 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    const better =
      best === undefined ||
      count > bestCount ||
      (count === bestCount && (rank(value) - rank(best) || compareStrings(value, best)) < 0);
    if (better) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function mergeGroup(group: readonly ResolvedObservation[], options: MergeObservationsOptions): ModelRecord {
  const first = group[0]!;
  const name = mostFrequent(group.map((item) => item.name)) ?? first.name;
  const resolutionDeveloper =
    mostFrequent(group.flatMap((item) => (item.developer === null ? [] : [item.developer]))) ?? null;
  const facts: Record<string, Fact<unknown>[]> = {};
  // The values each field has from the current source: the group is sorted by source, so the sets start afresh
  // whenever the source changes (primitives as they are, objects by their canonical JSON).
  let seenSource: string | undefined;
  const seenValues = new Map<FactField, { values: Set<unknown>; objects: Set<string> }>();
  const scoreSlots = new Map<string, { benchmark: string; fact: ScoreFact }>();
  const aliases = new Set<string>();
  const refs = new Map<string, ObservationRef>();

  for (const { observation } of group) {
    if (observation.rawName !== name) aliases.add(observation.rawName);
    const ref: ObservationRef = {
      source: observation.source,
      rawName: observation.rawName,
      retrievedAt: observation.retrievedAt,
    };
    // Kept so that a model can be found again by the source's own id (`tracker explain mistralai/mistral-large-2407`).
    if (observation.sourceModelId !== undefined) ref.sourceModelId = observation.sourceModelId;
    refs.set(`${ref.source}\u0000${ref.rawName}\u0000${ref.retrievedAt}`, ref);
    const provenance = {
      source: observation.source,
      url: observation.sourceUrl,
      retrievedAt: observation.retrievedAt,
    };
    if (observation.source !== seenSource) {
      seenSource = observation.source;
      seenValues.clear();
    }
    for (const [field, read] of FIELD_READERS) {
      const raw = read(observation);
      if (raw === undefined) continue;
      const values = LIST_FIELDS.has(field) ? (raw as unknown[]) : [raw];
      for (const original of values) {
        const value =
          field === 'baseModel' ? (options.resolveBaseModel?.(original as string) ?? original) : original;
        let seen = seenValues.get(field);
        if (seen === undefined) {
          seen = { values: new Set(), objects: new Set() };
          seenValues.set(field, seen);
        }
        if (typeof value === 'object' && value !== null) {
          const key = stableStringify(value, { indent: 0 });
          if (seen.objects.has(key)) continue;
          seen.objects.add(key);
        } else {
          if (seen.values.has(value)) continue;
          seen.values.add(value);
        }
        const list = facts[field] ?? [];
        // Built field by field: a spread takes V8's slow generic copy (see toScoreFact).
        list.push({
          value,
          source: provenance.source,
          url: provenance.url,
          retrievedAt: provenance.retrievedAt,
        });
        facts[field] = list;
      }
    }
    for (const [benchmark, score] of Object.entries(observation.scores ?? {})) {
      const slot = `${benchmark}\u0000${observation.source}\u0000${score.asOf}`;
      const current = scoreSlots.get(slot);
      if (current && !isBetterScore(score, observation.retrievedAt, current.fact)) continue;
      scoreSlots.set(slot, { benchmark, fact: toScoreFact(score, provenance) });
    }
  }

  const scores: Record<string, ScoreFact[]> = {};
  const orderedSlots = [...scoreSlots.values()].sort(
    (left, right) =>
      compareStrings(left.benchmark, right.benchmark) ||
      compareStrings(left.fact.asOf, right.fact.asOf) ||
      compareStrings(left.fact.source, right.fact.source),
  );
  for (const { benchmark, fact } of orderedSlots) {
    const list = scores[benchmark] ?? [];
    list.push(fact);
    scores[benchmark] = list;
  }

  const developerFacts = (facts.developer ?? []) as Fact<string>[];
  const developer =
    mostFrequent(
      developerFacts.map((fact) => fact.value),
      resolutionDeveloper,
    ) ?? resolutionDeveloper;

  return {
    id: first.modelId,
    name,
    developer,
    aliases: [...aliases].sort(compareStrings),
    facts: facts as ModelFactsByField,
    scores,
    observations: [...refs.values()].sort(
      (left, right) =>
        compareStrings(left.source, right.source) ||
        compareStrings(left.rawName, right.rawName) ||
        compareStrings(left.retrievedAt, right.retrievedAt),
    ),
  };
}

/**
 * The score with its provenance, built field by field in one order: spreading (`{...score, ...provenance}`)
 * took V8's slow generic copy and dominated merging at 100,000 observations (see bench/).
 */
function toScoreFact(
  score: Score,
  provenance: { source: string; url: string; retrievedAt: string },
): ScoreFact {
  const fact: ScoreFact = {
    value: score.value,
    asOf: score.asOf,
    source: provenance.source,
    url: provenance.url,
    retrievedAt: provenance.retrievedAt,
  };
  if (score.lower !== undefined) fact.lower = score.lower;
  if (score.upper !== undefined) fact.upper = score.upper;
  if (score.votes !== undefined) fact.votes = score.votes;
  if (score.rank !== undefined) fact.rank = score.rank;
  if (score.preliminary !== undefined) fact.preliminary = score.preliminary;
  return fact;
}

function isBetterScore(candidate: Score, retrievedAt: string, current: ScoreFact): boolean {
  if (retrievedAt !== current.retrievedAt) return retrievedAt > current.retrievedAt;
  if ((candidate.votes ?? 0) !== (current.votes ?? 0)) return (candidate.votes ?? 0) > (current.votes ?? 0);
  return candidate.value > current.value;
}
