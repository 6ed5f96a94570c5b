import type { ModelRecord } from '@tracker/schema';
import { type EstimateComputeResult, estimateCompute } from './estimate-compute';
import { buildLineage } from './estimate-records';
import {
  buildPopulation,
  buildReferences,
  type FactsFromRecordOptions,
  factsFromRecord,
  pickFact,
} from './facts';
import type { StatusCutPoints } from './probability';
import { type ValidationReport, validateAgainst } from './validate';

/** Facts a leaderboard scraper sees of a model: no reported compute, tokens, hardware or cost. */
export const SCRAPER_VIEW_FIELDS = [
  'developer',
  'releaseDate',
  'accessibility',
  'license',
  'huggingFaceId',
  'domain',
  'reasoning',
  'pricing',
] as const;
/** Facts a scraper also sees when the weights are open (the model card). */
export const OPEN_WEIGHT_FIELDS = ['parameters', 'activeParameters', 'baseModel'] as const;

/** The record as a leaderboard scraper would see it: name, developer, date, scores, price, and parameters if open weights. */
export function toScraperView(record: ModelRecord): ModelRecord {
  const facts: ModelRecord['facts'] = {};
  for (const field of SCRAPER_VIEW_FIELDS)
    if (record.facts[field]) (facts as Record<string, unknown>)[field] = record.facts[field];
  const open = (record.facts.accessibility ?? []).some((fact) => /open/i.test(fact.value));
  if (open)
    for (const field of OPEN_WEIGHT_FIELDS)
      if (record.facts[field]) (facts as Record<string, unknown>)[field] = record.facts[field];
  return { ...record, facts };
}

/** Options of {@link validateScraperView}. */
export interface ScraperViewOptions extends FactsFromRecordOptions {
  threshold?: number;
  cutPoints?: StatusCutPoints;
  reviewFloor?: number;
  /** Leave out every reference of the model's developer (leave-one-developer-out). */
  leaveOutDeveloper?: boolean;
  /** Which records may be references (a time split passes a date cut); default all. */
  referenceFilter?: (record: ModelRecord) => boolean;
}

/**
 * Validates the `set` (records with a known truth) on what a scraper sees: each is estimated blind from
 * {@link toScraperView}, against references built from `models` (with their figures; the model's own point
 * is left out by the benchmark method). Which records form the set is the caller's choice (e.g. those a
 * leaderboard lists): no source id is known here.
 */
export function validateScraperView(
  models: readonly ModelRecord[],
  set: readonly ModelRecord[],
  options: ScraperViewOptions = {},
): { report: ValidationReport; results: Map<string, EstimateComputeResult> } {
  const references = buildReferences(
    options.referenceFilter ? models.filter(options.referenceFilter) : models,
    options,
  );
  const population = buildPopulation(models, options);
  const lineage = buildLineage(
    options.referenceFilter ? models.filter(options.referenceFilter) : models,
    options,
  );
  const cache = new Map<string, unknown>();
  const results = new Map<string, EstimateComputeResult>();
  for (const record of set) {
    results.set(
      record.id,
      estimateCompute(factsFromRecord(toScraperView(record), options), {
        blind: true,
        references,
        population,
        lineage,
        cache,
        ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
        ...(options.cutPoints ? { cutPoints: options.cutPoints } : {}),
        ...(options.leaveOutDeveloper ? { leaveOutDeveloper: true } : {}),
      }),
    );
  }
  const validateOptions = {
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    ...(options.cutPoints ? { cutPoints: options.cutPoints } : {}),
    ...(options.reviewFloor !== undefined ? { reviewFloor: options.reviewFloor } : {}),
  };
  return { report: validateAgainst(set, results, validateOptions), results };
}

/** Released on or before `date` (ISO); records without a date are not. */
export function releasedBy(date: string, options: FactsFromRecordOptions = {}) {
  return (record: ModelRecord): boolean => {
    const released = pickFact(record.facts.releaseDate, options.sourceRank)?.value;
    return released !== undefined && released.slice(0, 10) <= date;
  };
}
