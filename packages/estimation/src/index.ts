export type { ResolvedParameters } from './active-parameters';
export { LIKELY_MOE_FROM_YEAR, LIKELY_MOE_MIN_TOTAL, resolveActiveParameters } from './active-parameters';
export { benchmarkEstimator } from './builtin/benchmark';
export { costEstimator } from './builtin/cost';
export { derivativeEstimator, FINE_TUNE_PRIOR } from './builtin/derivative';
export { fineTuneEstimator } from './builtin/fine-tune';
export { hardwareTimeEstimator, utilizationPrior } from './builtin/hardware-time';
export { nameHeuristicEstimator, TOKENS_BY_YEAR, typicalTokens } from './builtin/name-heuristic';
export { operationCountEstimator } from './builtin/operation-count';
export { reportedEstimator } from './builtin/reported';
export { reportedSignalEstimator } from './builtin/reported-signal';
export {
  chipPrices,
  chips,
  closestChips,
  describeUnknownChip,
  getChip,
  getChipPrice,
  peakFlops,
} from './chips';
export type { Combination, RankedComponent } from './combine';
export {
  CONFLICT_FACTOR,
  combineComponents,
  DEPENDENCE_FLOOR,
  LOOSENESS_LIMIT,
  toComponent,
} from './combine';
export type { ChipPrice, ChipSpec, HardwareTable } from './data/hardware';
export { HARDWARE_TABLE } from './data/hardware';
export type { EstimatorDefinition } from './define-estimator';
export { defineEstimator } from './define-estimator';
export type { EstimateComputeOptions, EstimateComputeResult } from './estimate-compute';
export { builtinEstimators, createEstimateContext, estimateCompute } from './estimate-compute';
export type { EstimateRecordsOptions } from './estimate-records';
export { estimateRecords } from './estimate-records';
export type {
  EstimateContext,
  EstimationSettings,
  Estimator,
  EstimatorFacts,
  EstimatorKind,
  EstimatorResult,
  FactProvenance,
  FitCache,
  MonotonicFact,
  PopulationMember,
  Precedence,
  ReferencePoint,
} from './estimator';
export { DEFAULT_SETTINGS, ESTIMATOR_API_VERSION } from './estimator';
export type { FactsFromRecordOptions } from './facts';
export { buildPopulation, buildReferences, factsFromRecord, pickFact } from './facts';
export type { HardwareTimeInput, OperationCountInput } from './formulas';
export { hardwareTime, operationCount } from './formulas';
export { countsTokens } from './inputs';
export type { MoeFamily, NameSize } from './names';
export { findMoeFamily, MOE_ACTIVE_SHARE_PRIOR, MOE_FAMILIES, moeActiveShare, parseNameSize } from './names';
export type { StatusCutPoints } from './probability';
export {
  assessThreshold,
  confidenceFromSigma,
  intervalFromSigma,
  normalCdf,
  probabilityAbove,
  sigmaFromFactor,
  statusFromProbability,
} from './probability';
export type { EstimatorRegistry } from './registry';
export { createEstimatorRegistry } from './registry';
export type { ScraperViewOptions } from './scraper-view';
export {
  OPEN_WEIGHT_FIELDS,
  releasedBy,
  SCRAPER_VIEW_FIELDS,
  toScraperView,
  validateScraperView,
} from './scraper-view';
export type {
  ReliabilityBin,
  ReviewBurden,
  ValidateOptions,
  ValidationReport,
  ValidationRow,
  ValidationTruth,
} from './validate';
export {
  reliabilityTable,
  reviewBurden,
  truthFromRecord,
  validateAgainst,
} from './validate';
