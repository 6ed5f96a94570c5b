import type { z } from 'zod';
import { ComputeEstimateSchema, ModelFactsSchema, ThresholdAssessmentSchema } from './estimate';
import { LedgerEntrySchema } from './ledger';
import { ModelRecordSchema, ModelsFileSchema } from './model-record';
import { ObservationFileSchema, ObservationSchema } from './observation';
import { ReleaseFileSchema } from './release';

/**
 * The record types published as JSON Schema files (`@tracker/schema/json-schema/<name>.json`), so that tools
 * outside TypeScript can validate the tracker's files. Keys are the file names.
 */
export const jsonSchemas: Readonly<Record<string, z.ZodType>> = Object.freeze({
  observation: ObservationSchema,
  'observation-file': ObservationFileSchema,
  'model-record': ModelRecordSchema,
  'models-file': ModelsFileSchema,
  'compute-estimate': ComputeEstimateSchema,
  'threshold-assessment': ThresholdAssessmentSchema,
  'ledger-entry': LedgerEntrySchema,
  'release-file': ReleaseFileSchema,
  'model-facts': ModelFactsSchema,
});
