import type { EstimateInput } from '@tracker/schema';
import { defineEstimator } from '../define-estimator';
import type { EstimateContext, EstimatorFacts, ReferencePoint } from '../estimator';
import { factInput, looseName, releaseYear } from '../inputs';
import { formatFlop } from '../names';
import { studentTQuantile, Z90 } from '../probability';
import { fitLinear, type LinearFit, predict } from '../regression';

/** Centre of the score and date columns, so the normal equations stay well conditioned. */
const SCORE_CENTRE = 1200;
const YEAR_CENTRE = 2024;

/** One fitted snapshot: the regression plus the references it used. */
interface SnapshotFit {
  fit: LinearFit;
  references: ReferencePoint[];
  withDate: boolean;
}

function snapshotReferences(context: EstimateContext, benchmark: string, asOf: string): ReferencePoint[] {
  const key = `refs|${benchmark}|${asOf}`;
  const cached = context.cache.get(key) as ReferencePoint[] | undefined;
  if (cached) return cached;
  const found = context.references.filter((reference) => reference.scores[benchmark]?.some((score) => score.asOf === asOf));
  context.cache.set(key, found);
  return found;
}

function latestSnapshot(context: EstimateContext, benchmark: string): string | undefined {
  const key = `latest|${benchmark}`;
  if (context.cache.has(key)) return context.cache.get(key) as string | undefined;
  let latest: string | undefined;
  for (const reference of context.references) {
    for (const score of reference.scores[benchmark] ?? []) if (!latest || score.asOf > latest) latest = score.asOf;
  }
  context.cache.set(key, latest);
  return latest;
}

function scoreOf(reference: ReferencePoint, benchmark: string, asOf: string): number {
  return (reference.scores[benchmark]?.find((score) => score.asOf === asOf) as { value: number }).value;
}

/**
 * The fit of one snapshot, computed once and cached. A model that is itself a reference gets its own
 * leave-one-out fit (only those models refit), keyed by the excluded reference ids.
 */
function snapshotFit(context: EstimateContext, benchmark: string, asOf: string, excluded: ReadonlySet<string>, withDate: boolean): SnapshotFit | null {
  const all = snapshotReferences(context, benchmark, asOf).filter((reference) => !withDate || releaseYear(reference.releaseDate) !== null);
  const used = excluded.size === 0 ? all : all.filter((reference) => !excluded.has(reference.id));
  const key = `fit|${benchmark}|${asOf}|${withDate ? 'date' : 'score'}|${used.length === all.length ? '' : [...excluded].sort().join(',')}`;
  if (context.cache.has(key)) return context.cache.get(key) as SnapshotFit | null;
  const minimum = context.settings.benchmarkMinReferences;
  let result: SnapshotFit | null = null;
  if (used.length >= minimum) {
    const rows = used.map((reference) => row(scoreOf(reference, benchmark, asOf), releaseYear(reference.releaseDate), withDate));
    const fit = fitLinear(
      rows,
      used.map((reference) => Math.log10(reference.computeFlop)),
    );
    if (fit && fit.n - fit.p >= 3) result = { fit, references: used, withDate };
  }
  context.cache.set(key, result);
  return result;
}

function row(score: number, year: number | null, withDate: boolean): number[] {
  return withDate ? [1, (score - SCORE_CENTRE) / 100, (year as number) - YEAR_CENTRE] : [1, (score - SCORE_CENTRE) / 100];
}

function snapshotsOf(facts: EstimatorFacts, benchmark: string, context: EstimateContext): { value: number; asOf: string }[] {
  const listed = facts.scoreSnapshots?.[benchmark] ?? [];
  const single = facts.scores?.[benchmark];
  const all = [...listed];
  if (single !== undefined) all.push(typeof single === 'number' ? { value: single } : single);
  const latest = latestSnapshot(context, benchmark);
  const resolved: { value: number; asOf: string }[] = [];
  for (const score of all) {
    const asOf = score.asOf ?? latest;
    if (asOf && !resolved.some((existing) => existing.asOf === asOf)) resolved.push({ value: score.value, asOf });
  }
  return resolved;
}

/**
 * Imputation from leaderboard scores (Arena Elo first): log10(compute) = b0 + b1·score + b2·(release year),
 * least squares over reference models with known compute scored in the SAME snapshot (Elo drifts between
 * snapshots). The 90% prediction interval is t(0.95, n − p) × s × √(1 + leverage); it is expressed as a
 * log-normal σ = that half-width ÷ 1.645. The model's own reference point is always left out. Among the
 * snapshots and benchmarks a model has, the tightest prediction is used.
 */
export const benchmarkEstimator = defineEstimator({
  id: 'benchmark',
  description: 'regression of log10(compute) on leaderboard score and release date over same-snapshot references',
  priority: 50,
  estimate(facts, context) {
    if (context.references.length === 0 || !facts.scores && !facts.scoreSnapshots) return null;
    const ownName = looseName(facts.name);
    let best: { mean: number; sigma: number; benchmark: string; asOf: string; score: number; snapshot: SnapshotFit; halfWidth: number; t: number } | null = null;
    const modelYear = releaseYear(facts.releaseDate);
    for (const benchmark of context.settings.benchmarks) {
      for (const score of snapshotsOf(facts, benchmark, context)) {
        const excluded = new Set(
          snapshotReferences(context, benchmark, score.asOf)
            .filter((reference) => reference.id === facts.id || looseName(reference.name) === ownName)
            .map((reference) => reference.id),
        );
        const snapshot = snapshotFit(context, benchmark, score.asOf, excluded, modelYear !== null) ?? snapshotFit(context, benchmark, score.asOf, excluded, false);
        if (!snapshot) continue;
        const prediction = predict(snapshot.fit, row(score.value, modelYear, snapshot.withDate));
        const t = studentTQuantile(0.95, snapshot.fit.n - snapshot.fit.p);
        const halfWidth = t * prediction.standardError;
        const sigma = halfWidth / Z90;
        if (!best || sigma < best.sigma) best = { mean: prediction.mean, sigma, benchmark, asOf: score.asOf, score: score.value, snapshot, halfWidth, t };
      }
    }
    if (!best) return null;
    const { fit, references, withDate } = best.snapshot;
    const [b0, b1, b2] = fit.coefficients as [number, number, number?];
    const median = 10 ** best.mean;
    const inputs: EstimateInput[] = [
      { ...factInput(facts, `scores.${best.benchmark}`, best.score, best.benchmark) },
      { name: `${best.benchmark}.asOf`, value: best.asOf, source: factInput(facts, `scores.${best.benchmark}`, 0).source ?? 'input' },
      ...references.map((reference) => {
        const input: EstimateInput = { name: `reference:${reference.id}`, value: reference.computeFlop, source: reference.source ?? 'reference' };
        if (reference.url) input.url = reference.url;
        return input;
      }),
    ];
    if (withDate && facts.releaseDate) inputs.push(factInput(facts, 'releaseDate', facts.releaseDate));
    const equation = `log10 C = ${b0.toFixed(3)} + ${b1.toFixed(3)}·(score − ${SCORE_CENTRE})/100${withDate ? ` + ${(b2 as number).toFixed(3)}·(year − ${YEAR_CENTRE})` : ''}`;
    return {
      median,
      log10Sigma: best.sigma,
      inputs,
      reasoning: `${best.benchmark} ${best.score} in the ${best.asOf} snapshot; fit over ${fit.n} references of that snapshot (${references
        .map((reference) => reference.name)
        .join(', ')}): ${equation}, residual s = ${fit.residualSigma.toFixed(3)} dex → log10 C = ${best.mean.toFixed(2)} (${formatFlop(median)} FLOP); 90% prediction interval ±${best.halfWidth.toFixed(2)} dex (t ${best.t.toFixed(2)} with ${fit.n - fit.p} df, leverage included)`,
    };
  },
});
