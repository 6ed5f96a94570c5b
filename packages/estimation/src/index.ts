export { chipPrices, chips, describeUnknownChip, getChip } from './chips';
export type { ChipPrice, ChipSpec, HardwareTable } from './data/hardware';
export type { EstimatorDefinition } from './define-estimator';
export { defineEstimator } from './define-estimator';
export type { EstimateComputeOptions, EstimateComputeResult } from './estimate-compute';
export { builtinEstimators, estimateCompute } from './estimate-compute';
export type { EstimateRecordsOptions } from './estimate-records';
export { buildLineage, estimateRecords } from './estimate-records';
export type {
  EstimateContext,
  EstimationSettings,
  Estimator,
  EstimatorFacts,
  EstimatorKind,
  EstimatorResult,
  FactProvenance,
  FitCache,
  LineageModel,
  MonotonicFact,
  PopulationMember,
  Precedence,
  ReferencePoint,
} from './estimator';
export { DEFAULT_SETTINGS, ESTIMATOR_API_VERSION } from './estimator';
export type { FactsFromRecordOptions } from './facts';
export { buildPopulation, buildReferences, factsFromRecord } from './facts';
export type { HardwareTimeInput, OperationCountInput } from './formulas';
export { hardwareTime, operationCount } from './formulas';
export { countsTokens } from './inputs';
export {
  assessThreshold,
  confidenceFromSigma,
  probabilityAbove,
  sigmaFromFactor,
  statusFromProbability,
} from './probability';
export type { EstimatorRegistry } from './registry';
export { createEstimatorRegistry } from './registry';
export type { ScraperViewOptions } from './scraper-view';
export { releasedBy, validateScraperView } from './scraper-view';
export type {
  ReliabilityBin,
  ReviewBurden,
  ValidateOptions,
  ValidationReport,
  ValidationRow,
  ValidationTruth,
} from './validate';
export { truthFromRecord, validateAgainst } from './validate';
export { type NamedModel, variantBases, variantFinder } from './variant-base';
