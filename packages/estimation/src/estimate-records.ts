import type { ComputeEstimate, ModelRecord } from '@tracker/schema';
import { type EstimateComputeOptions, type EstimateComputeResult, estimateCompute } from './estimate-compute';
import type { EstimatorFacts, LineageModel } from './estimator';
import { buildPopulation, buildReferences, type FactsFromRecordOptions, factsFromRecord } from './facts';
import { countsTokens, looseName } from './inputs';
import { nameSizeOf } from './names';
import { variantBases } from './variant-base';

/** Options of {@link estimateRecords}. */
export interface EstimateRecordsOptions
  extends Omit<EstimateComputeOptions, 'references' | 'lookupBase' | 'cache' | 'lineage'>,
    FactsFromRecordOptions {
  /** Which records may serve as benchmark references (default: all; a time split passes a date cut). */
  referenceFilter?: (record: ModelRecord) => boolean;
}

/**
 * Estimates every record: builds the benchmark references once, shares one fit cache (one fit per benchmark
 * snapshot, refits only for models that are themselves references), and resolves base models among the
 * records by id, name or alias (a base that resolves to the record itself is dropped). A base is estimated with its own reported figure even in blind mode: blind
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
  const references = buildReferences(
    options.referenceFilter ? records.filter(options.referenceFilter) : records,
    options,
  );
  const population = options.population ?? buildPopulation(records, options);
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
  // A base model that is the record itself is no base: counting it would turn the model's own 6ND into a mere
  // "run" on top of an unknown base. It is the record itself when it resolves to the record, or, resolving to
  // no other record, when it is one of the record's names without a chat/instruct suffix (a record that merged
  // a base model with its instruct variant, whose model card names the base).
  for (const record of records) {
    const facts = factsById.get(record.id) as EstimatorFacts;
    if (!facts.baseModel) continue;
    const baseId = idByName.get(facts.baseModel) ?? idByName.get(looseName(facts.baseModel));
    const own = baseId === undefined && isOwnBaseName(facts.baseModel, [record.name, ...record.aliases]);
    if (baseId === record.id || own) {
      delete facts.baseModel;
      if (facts.provenance) delete facts.provenance.baseModel;
    }
  }
  // A model named as a checkpoint or serving mode of another ("GPT-5.1 Instant") may take that model's compute
  // (the derivative method, an imputation) when nothing about itself applies.
  for (const [id, base] of variantBases(records)) {
    const facts = factsById.get(id) as EstimatorFacts;
    if (!facts.baseModel) facts.variantOf = base;
  }
  // After the self-bases are dropped: a record whose base is itself is a pretrained base.
  const lineage = buildLineage(
    options.referenceFilter ? records.filter(options.referenceFilter) : records,
    options,
    (record) => factsById.get(record.id) as EstimatorFacts,
  );
  const cache = new Map<string, unknown>();
  const baseEstimates = new Map<string, ComputeEstimate | null>();
  const inProgress = new Set<string>();
  // One options object for every call (the calls only read it).
  let baseOptions: EstimateComputeOptions | undefined;
  const lookupBase = (nameOrId: string): ComputeEstimate | null => {
    // A Hugging Face id (`org/name`) also matches by its name part.
    const id =
      idByName.get(nameOrId) ??
      idByName.get(looseName(nameOrId)) ??
      idByName.get(looseName(nameOrId.split('/').pop() ?? ''));
    if (!id) return null;
    if (baseEstimates.has(id)) return baseEstimates.get(id) ?? null;
    if (inProgress.has(id)) return null;
    inProgress.add(id);
    const facts = factsById.get(id) as EstimatorFacts;
    baseOptions ??= {
      ...options,
      blind: false,
      leaveOutDeveloper: false,
      references,
      population,
      lineage,
      lookupBase,
      cache,
    };
    const { estimate } = estimateCompute(facts, baseOptions);
    inProgress.delete(id);
    baseEstimates.set(id, estimate);
    return estimate;
  };
  const results = new Map<string, EstimateComputeResult>();
  const recordOptions: EstimateComputeOptions = {
    ...options,
    references,
    population,
    lineage,
    lookupBase,
    cache,
  };
  for (const record of records)
    results.set(record.id, estimateCompute(factsById.get(record.id) as EstimatorFacts, recordOptions));
  return results;
}

/**
 * The models others may be built on: every language or multimodal record (or one of unstated domain) whose most
 * trusted reported figure is `confident` or `likely`, with its total size (stated, else from its name), tokens,
 * developer, date and accessibility, whether it is itself built on another model (a base model fact that is not
 * the record itself), and how many records name it as their base. Scores are not needed, unlike the benchmark
 * references.
 *
 * @example
 * const lineage = buildLineage(records);
 * estimateCompute(facts, { lineage, blind: true });
 */
export function buildLineage(
  records: readonly ModelRecord[],
  options: FactsFromRecordOptions = {},
  factsOfRecord: (record: ModelRecord) => EstimatorFacts = (record) => factsFromRecord(record, options),
): LineageModel[] {
  const lineage: LineageModel[] = [];
  const factsOf = new Map(records.map((record) => [record, factsOfRecord(record)] as const));
  // How many records name each record as their base (by id, name or alias, an `org/` prefix dropped).
  const idByName = new Map<string, string>();
  for (const record of records)
    for (const name of [record.id, record.name, ...record.aliases]) {
      const key = looseName(name);
      if (key && !idByName.has(key)) idByName.set(key, record.id);
    }
  const derivatives = new Map<string, number>();
  for (const [record, facts] of factsOf) {
    if (!facts.baseModel) continue;
    const baseId =
      idByName.get(looseName(facts.baseModel)) ??
      idByName.get(looseName(facts.baseModel.split('/').pop() ?? ''));
    if (baseId && baseId !== record.id) derivatives.set(baseId, (derivatives.get(baseId) ?? 0) + 1);
  }
  for (const record of records) {
    const facts = factsOf.get(record) as EstimatorFacts;
    const reported = facts.reportedCompute;
    if (!reported || (reported.confidence !== 'confident' && reported.confidence !== 'likely')) continue;
    if (!countsTokens(facts)) continue;
    const size = nameSizeOf(record.name, facts.parameters);
    const model: LineageModel = {
      id: record.id,
      name: record.name,
      computeFlop: reported.flop,
      confidence: reported.confidence,
      derived:
        facts.baseModel !== undefined &&
        looseName(facts.baseModel) !== looseName(record.name) &&
        !isOwnBaseName(facts.baseModel, [record.name, ...record.aliases]),
    };
    if (facts.developer) model.developer = facts.developer;
    if (facts.releaseDate) model.releaseDate = facts.releaseDate;
    if (facts.accessibility) model.accessibility = facts.accessibility;
    const total = facts.parameters ?? size?.total;
    if (total) model.parameters = total;
    const active = facts.activeParameters ?? size?.active;
    if (active && total && active < total) model.activeParameters = active;
    if (facts.trainingTokens) model.trainingTokens = facts.trainingTokens;
    const count = derivatives.get(record.id);
    if (count) model.derivatives = count;
    lineage.push(model);
  }
  return lineage.sort((left, right) => left.id.localeCompare(right.id));
}

/** Chat / instruct suffixes that mark a post-trained variant of a base model (`Llama-3-70B-Instruct`). */
const VARIANT_SUFFIX = /[-_ .]?(instruct|chat|it|sft|dpo|rlhf)(?:[-_ .]?v?\d+(?:\.\d+)?)?$/i;

/** The base names the record itself: a name of the record, without its variant suffix, equals it (org prefix dropped). */
function isOwnBaseName(baseModel: string, names: readonly string[]): boolean {
  const base = looseName(baseModel.split('/').pop() ?? baseModel);
  if (!base) return false;
  return names.some((name) => {
    const stripped = looseName(name.split('/').pop()?.replace(VARIANT_SUFFIX, '') ?? '');
    return stripped === base;
  });
}
