import type { ComputeEstimate, ModelRecord } from '@tracker/schema';
import { type EstimateComputeOptions, type EstimateComputeResult, estimateCompute } from './estimate-compute';
import type { EstimatorFacts } from './estimator';
import { buildReferences, type FactsFromRecordOptions, factsFromRecord } from './facts';
import { looseName } from './inputs';

/** Options of {@link estimateRecords}. */
export interface EstimateRecordsOptions
  extends Omit<EstimateComputeOptions, 'references' | 'lookupBase' | 'cache'>,
    FactsFromRecordOptions {}

/**
 * Estimates every record: builds the benchmark references once, shares one fit cache (one fit per benchmark
 * snapshot, refits only for models that are themselves references), and resolves base models among the
 * records by id, name or alias. A base is estimated with its own reported figure even in blind mode: blind
 * mode hides a model's own figure, not those of the models it was built on.
 *
 * @example
 * const results = estimateRecords(records, { threshold: 1e25, blind: true });
 * results.get('meta/llama-3.1-405b')?.assessment.status;
 */
export function estimateRecords(
  records: readonly ModelRecord[],
  options: EstimateRecordsOptions = {},
): Map<string, EstimateComputeResult> {
  const references = buildReferences(records, options);
  const factsById = new Map<string, EstimatorFacts>();
  const idByName = new Map<string, string>();
  for (const record of records) {
    factsById.set(record.id, factsFromRecord(record, options));
    idByName.set(record.id, record.id);
    for (const name of [record.name, ...record.aliases]) {
      const key = looseName(name);
      if (key && !idByName.has(key)) idByName.set(key, record.id);
    }
  }
  const cache = new Map<string, unknown>();
  const baseEstimates = new Map<string, ComputeEstimate | null>();
  const inProgress = new Set<string>();
  const lookupBase = (nameOrId: string): ComputeEstimate | null => {
    const id = idByName.get(nameOrId) ?? idByName.get(looseName(nameOrId));
    if (!id) return null;
    if (baseEstimates.has(id)) return baseEstimates.get(id) ?? null;
    if (inProgress.has(id)) return null;
    inProgress.add(id);
    const facts = factsById.get(id) as EstimatorFacts;
    const { estimate } = estimateCompute(facts, { ...options, blind: false, references, lookupBase, cache });
    inProgress.delete(id);
    baseEstimates.set(id, estimate);
    return estimate;
  };
  const results = new Map<string, EstimateComputeResult>();
  for (const record of records) {
    const facts = factsById.get(record.id) as EstimatorFacts;
    results.set(record.id, estimateCompute(facts, { ...options, references, lookupBase, cache }));
  }
  return results;
}
