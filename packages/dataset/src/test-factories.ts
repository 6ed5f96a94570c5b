import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  ComputeEstimate,
  ModelRecord,
  ModelsFile,
  Observation,
  ResolvedObservation,
} from '@tracker/schema';

/** A fresh temp folder for one test. Test-only helper; not exported from the package. */
export function createTempDir(prefix = 'tracker-dataset-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** An observation with the required fields filled in. */
export function makeObservation(overrides: Partial<Observation> & { rawName: string }): Observation {
  return {
    source: 'lmarena',
    sourceUrl: 'https://example.org/leaderboard',
    retrievedAt: '2026-01-10T00:00:00.000Z',
    ...overrides,
  };
}

/** Wraps an observation as resolved to `modelId`. */
export function resolve(
  observation: Observation,
  modelId: string,
  name: string,
  developer: string | null = null,
): ResolvedObservation {
  return { observation, modelId, name, developer, rule: 'exact' };
}

/** A machine estimate with a ×3 interval around `median`. */
export function makeEstimate(median: number, method = 'operation-count'): ComputeEstimate {
  return {
    median,
    interval90: [median / 3, median * 3],
    log10Sigma: 0.29,
    method,
    confidence: 'confident',
    components: [],
    combination: 'single method',
  };
}

/** A minimal record, optionally with an estimate and the assessment it implies for 1e25. */
export function makeRecord(id: string, median?: number, overrides: Partial<ModelRecord> = {}): ModelRecord {
  const base: ModelRecord = {
    id,
    name: id.split('/')[1]!,
    developer: null,
    aliases: [],
    facts: {},
    scores: {},
    observations: [],
  };
  if (median !== undefined) {
    base.estimate = makeEstimate(median);
    const above = median >= 1e25;
    base.assessment = {
      threshold: 1e25,
      probabilityAbove: above ? 0.9 : 0.1,
      status: above ? 'likely-above' : 'likely-below',
    };
  }
  return { ...base, ...overrides };
}

/** A models file holding `models`. */
export function makeModelsFile(models: ModelRecord[], generatedAt = '2026-01-10T00:00:00.000Z'): ModelsFile {
  return { schemaVersion: 1, generatedAt, threshold: 1e25, models };
}
