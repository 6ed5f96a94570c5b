import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type ComputeEstimate,
  DEFAULT_STATUS_CUTS,
  type ModelRecord,
  type ModelsFile,
  type Observation,
  type ResolvedObservation,
  TrackerError,
} from '@tracker/schema';
import type { RulingEstimation } from './curate';

/** The TrackerError a promise rejects with (anything else fails the test). */
export async function failure(promise: Promise<unknown>): Promise<TrackerError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!TrackerError.is(error)) throw new Error(`expected a TrackerError, got ${String(error)}`);
  return error;
}

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

const Z90 = 1.6448536269514722;

/** Φ(x) by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): enough for the tests' figures. */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * A small log-normal estimation for curate's tests (the package does not depend on @tracker/estimation, whose
 * functions @tracker/core passes): P(above) = 1 − Φ((log10 T − log10 median)/σ), the default cut points, and a
 * reported figure's 90% half-width ×/÷ 3, 10, 30 by confidence.
 */
export const testEstimation: RulingEstimation = {
  assessThreshold(estimate, threshold, cutPoints = DEFAULT_STATUS_CUTS) {
    const mu = Math.log10(estimate.median);
    const t = Math.log10(threshold);
    const p = estimate.log10Sigma > 0 ? 1 - normalCdf((t - mu) / estimate.log10Sigma) : mu > t ? 1 : 0;
    const status =
      p >= cutPoints.above
        ? 'above'
        : p >= cutPoints.likelyAbove
          ? 'likely-above'
          : p > cutPoints.below
            ? 'likely-below'
            : 'below';
    return { threshold, probabilityAbove: p, status };
  },
  sigmaFromFactor: (factor) => Math.log10(factor) / Z90,
  confidenceFromSigma(log10Sigma) {
    const halfWidth = Z90 * log10Sigma;
    if (halfWidth <= Math.log10(3) + 1e-9) return 'confident';
    return halfWidth <= 1 + 1e-9 ? 'likely' : 'speculative';
  },
  reportedHalfWidth: { confident: 3, likely: 10, speculative: 30, unknown: 30 },
};
