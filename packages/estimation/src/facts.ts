import type { Fact, ModelRecord } from '@tracker/schema';
import type { EstimatorFacts, FactProvenance, PopulationMember, ReferencePoint } from './estimator';
import { blendedPrice } from './imputation/model';

/**
 * No source ranking of its own: the caller passes one (the CLI's comes from the config key `sourceRank`). Without
 * it, facts of every source are equal and the most recent wins.
 */
const NO_RANK: readonly string[] = Object.freeze([]);

/** Options of {@link factsFromRecord}. */
export interface FactsFromRecordOptions {
  /** Sources in trust order; unlisted sources come after them, newest first (default: none ranked, newest first). */
  sourceRank?: readonly string[];
}

/** The most trusted fact of a field: by source rank, then the most recent `retrievedAt`, then the source id. */
export function pickFact<T>(
  facts: readonly Fact<T>[] | undefined,
  sourceRank: readonly string[] = NO_RANK,
): Fact<T> | undefined {
  if (!facts || facts.length === 0) return undefined;
  const rank = (source: string) => {
    const index = sourceRank.indexOf(source);
    return index === -1 ? sourceRank.length : index;
  };
  // The first of the list sorted (stably) by that order: the first fact that no later one precedes.
  let best = facts[0] as Fact<T>;
  let bestRank = rank(best.source);
  for (let index = 1; index < facts.length; index++) {
    const fact = facts[index] as Fact<T>;
    const factRank = rank(fact.source);
    const order =
      factRank - bestRank ||
      best.retrievedAt.localeCompare(fact.retrievedAt) ||
      fact.source.localeCompare(best.source);
    if (order < 0) {
      best = fact;
      bestRank = factRank;
    }
  }
  return best;
}

function provenanceOf(fact: Fact<unknown>): FactProvenance {
  return { source: fact.source, url: fact.url, retrievedAt: fact.retrievedAt };
}

/**
 * The flat estimator input of a record: for each field the most trusted fact (by `sourceRank`, then newest first), with its provenance under `provenance[field]`. Scores: the latest
 * snapshot per benchmark in `scores`, every snapshot in `scoreSnapshots`.
 */
export function factsFromRecord(record: ModelRecord, options: FactsFromRecordOptions = {}): EstimatorFacts {
  const rank = options.sourceRank ?? NO_RANK;
  const provenance: Record<string, FactProvenance> = {};
  const facts: EstimatorFacts = { id: record.id, name: record.name, provenance };
  const take = <K extends keyof ModelRecord['facts']>(field: K) => {
    const fact = pickFact(record.facts[field] as Fact<unknown>[] | undefined, rank);
    if (fact) provenance[field] = provenanceOf(fact);
    return fact?.value as NonNullable<ModelRecord['facts'][K]>[number]['value'] | undefined;
  };
  const developer = take('developer');
  if (developer !== undefined) facts.developer = developer;
  else if (record.developer) facts.developer = record.developer;
  const releaseDate = take('releaseDate');
  if (releaseDate !== undefined) facts.releaseDate = releaseDate;
  const parameters = take('parameters');
  if (parameters !== undefined) facts.parameters = parameters;
  const activeParameters = take('activeParameters');
  if (activeParameters !== undefined) facts.activeParameters = activeParameters;
  const trainingTokens = take('trainingTokens');
  if (trainingTokens !== undefined) facts.trainingTokens = trainingTokens;
  const hardware = take('hardware');
  if (hardware !== undefined) facts.hardware = { ...hardware };
  const costUsd = take('costUsd');
  if (costUsd !== undefined) facts.costUsd = costUsd;
  const reported = take('reportedCompute');
  if (reported !== undefined) {
    const value: NonNullable<EstimatorFacts['reportedCompute']> & { lower?: number; upper?: number } = {
      flop: reported.flop,
      confidence: reported.confidence,
    };
    if (reported.lower !== undefined) value.lower = reported.lower;
    if (reported.upper !== undefined) value.upper = reported.upper;
    facts.reportedCompute = value;
  }
  // Statements without a number (Epoch's "very likely over 1e25"): every one the most trusted stating source makes.
  const signal = pickFact(record.facts.computeSignals, rank);
  if (signal) {
    provenance.computeSignals = provenanceOf(signal);
    facts.computeSignals = [
      ...new Set(
        (record.facts.computeSignals ?? [])
          .filter((fact) => fact.source === signal.source)
          .map((fact) => fact.value),
      ),
    ];
  }
  const finetuneCompute = take('finetuneCompute');
  if (finetuneCompute !== undefined) facts.finetuneCompute = finetuneCompute;
  const syntheticDataCompute = take('syntheticDataCompute');
  if (syntheticDataCompute !== undefined) facts.syntheticDataCompute = syntheticDataCompute;
  const baseModel = take('baseModel');
  if (baseModel !== undefined) facts.baseModel = baseModel;
  const accessibility = take('accessibility');
  if (accessibility !== undefined) facts.accessibility = accessibility;
  const domain = take('domain');
  if (domain !== undefined) facts.domain = domain;
  const reasoning = take('reasoning');
  if (reasoning !== undefined) facts.reasoning = reasoning;
  const pricing = take('pricing');
  if (pricing !== undefined) facts.pricing = { ...pricing };
  const scores: NonNullable<EstimatorFacts['scores']> = {};
  const snapshots: NonNullable<EstimatorFacts['scoreSnapshots']> = {};
  for (const [benchmark, list] of Object.entries(record.scores)) {
    if (list.length === 0) continue;
    const sorted = [...list].sort(
      (left, right) =>
        left.asOf.localeCompare(right.asOf) || left.retrievedAt.localeCompare(right.retrievedAt),
    );
    const latest = sorted[sorted.length - 1] as (typeof sorted)[number];
    scores[benchmark] = { value: latest.value, asOf: latest.asOf };
    snapshots[benchmark] = sorted.map((score) => ({ value: score.value, asOf: score.asOf }));
    provenance[`scores.${benchmark}`] = {
      source: latest.source,
      url: latest.url,
      retrievedAt: latest.retrievedAt,
    };
  }
  if (Object.keys(scores).length > 0) {
    facts.scores = scores;
    facts.scoreSnapshots = snapshots;
  }
  return facts;
}

/**
 * Reference points for the benchmark method: records whose most trusted reported compute is `confident` or
 * `likely` and that have at least one score. Each keeps every snapshot's score.
 */
export function buildReferences(
  records: readonly ModelRecord[],
  options: FactsFromRecordOptions = {},
): ReferencePoint[] {
  const rank = options.sourceRank ?? NO_RANK;
  const references: ReferencePoint[] = [];
  for (const record of records) {
    const reported = pickFact(record.facts.reportedCompute, rank);
    if (!reported || (reported.value.confidence !== 'confident' && reported.value.confidence !== 'likely'))
      continue;
    const scores: ReferencePoint['scores'] = {};
    for (const [benchmark, list] of Object.entries(record.scores)) {
      if (list.length > 0)
        scores[benchmark] = list.map((score) => ({ value: score.value, asOf: score.asOf }));
    }
    if (Object.keys(scores).length === 0) continue;
    const reference: ReferencePoint = {
      id: record.id,
      name: record.name,
      computeFlop: reported.value.flop,
      scores,
      source: reported.source,
      url: reported.url,
    };
    const releaseDate = pickFact(record.facts.releaseDate, rank)?.value;
    if (releaseDate) reference.releaseDate = releaseDate;
    Object.assign(reference, describingFacts(record, rank));
    const price = blendedPrice(pickFact(record.facts.pricing, rank)?.value);
    if (price !== undefined) reference.pricePerMillion = price;
    references.push(reference);
  }
  return references.sort((left, right) => left.id.localeCompare(right.id));
}

/** Developer, accessibility and parameter counts of a record, by the source rank (absent ones left out). */
function describingFacts(
  record: ModelRecord,
  rank: readonly string[],
): Pick<PopulationMember, 'developer' | 'accessibility' | 'parameters' | 'activeParameters'> {
  const found: Pick<PopulationMember, 'developer' | 'accessibility' | 'parameters' | 'activeParameters'> = {};
  const developer = pickFact(record.facts.developer, rank)?.value ?? record.developer;
  if (developer) found.developer = developer;
  const accessibility = pickFact(record.facts.accessibility, rank)?.value;
  if (accessibility) found.accessibility = accessibility;
  const parameters = pickFact(record.facts.parameters, rank)?.value;
  if (parameters) found.parameters = parameters;
  const activeParameters = pickFact(record.facts.activeParameters, rank)?.value;
  if (activeParameters) found.activeParameters = activeParameters;
  return found;
}

/**
 * Every record with at least one score, as the capability fit reads it (scores, developer, accessibility):
 * the population that links the leaderboards and gives the developer groups. No compute figure.
 */
export function buildPopulation(
  records: readonly ModelRecord[],
  options: FactsFromRecordOptions = {},
): PopulationMember[] {
  const rank = options.sourceRank ?? NO_RANK;
  const population: PopulationMember[] = [];
  for (const record of records) {
    const scores: PopulationMember['scores'] = {};
    for (const [benchmark, list] of Object.entries(record.scores))
      if (list.length > 0)
        scores[benchmark] = list.map((score) => ({ value: score.value, asOf: score.asOf }));
    const member: PopulationMember = {
      id: record.id,
      name: record.name,
      scores,
      ...describingFacts(record, rank),
    };
    if (Object.keys(scores).length > 0 || member.accessibility || member.parameters) population.push(member);
  }
  return population;
}
