import type { EstimateInput } from '@tracker/schema';
import { defineEstimator } from '../define-estimator';
import type { EstimateContext, EstimatorFacts, ReferencePoint } from '../estimator';
import { factInput, looseName, priorInput, releaseYear } from '../inputs';
import { formatFlop } from '../names';
import { studentTQuantile, Z90 } from '../probability';
import { downdate, fitLinear, type LinearFit, predict } from '../regression';

/** Centre of the score and date columns, so the normal equations stay well conditioned. */
const SCORE_CENTRE = 1200;
const YEAR_CENTRE = 2024;

/**
 * Yearly change of log10(compute) at a fixed score: −0.45 dex/year, ±0.15 (1σ). From Ho et al. 2024,
 * "Algorithmic progress in language models" (https://arxiv.org/abs/2403.05812): the compute needed for a
 * given performance halves about every 8 months (95% CI 5–14 months). Within one snapshot, score and release
 * date are nearly collinear, so the date slope is set from this prior instead of being fitted.
 */
export const DATE_SLOPE_PRIOR = {
  mean: -0.45,
  sigma: 0.15,
  sourceUrl: 'https://arxiv.org/abs/2403.05812',
} as const;
/**
 * Prior on the residual spread of a fit (conjugate inverse-gamma, worth ν0 = 4 references at s0 = 0.4 dex): a
 * handful of similar references (one lab's family) can sit unusually close to a line, and a model unlike them
 * should not inherit that tightness. 0.4 dex is about the spread of Epoch's compute at a given Arena score.
 */
export const RESIDUAL_PRIOR = { sigma: 0.4, weight: 4 } as const;
/**
 * Spread of per-developer offsets from the line (1σ, dex): labs differ in how much compute buys a score.
 * A developer's offset is the mean residual of its other references, shrunk towards 0 by s²/τ².
 */
export const DEVELOPER_EFFECT_SIGMA = 0.5;

/** Developer names as sources write them, reduced to one key per organisation. */
export function developerKey(developer: string | undefined): string | null {
  if (!developer) return null;
  const first = (developer.split(',')[0] ?? '').toLowerCase();
  const groups: [RegExp, string][] = [
    [/google|deepmind/, 'google'],
    [/openai/, 'openai'],
    [/anthropic/, 'anthropic'],
    [/meta|facebook/, 'meta'],
    [/alibaba|qwen/, 'alibaba'],
    [/zhipu|z\.ai|thudm/, 'zhipu'],
    [/deepseek/, 'deepseek'],
    [/xai|x\.ai/, 'xai'],
    [/mistral/, 'mistral'],
    [/microsoft/, 'microsoft'],
    [/nvidia/, 'nvidia'],
    [/amazon/, 'amazon'],
    [/moonshot|kimi/, 'moonshot'],
    [/01\.ai|01ai|zero one/, '01ai'],
    [/cohere/, 'cohere'],
  ];
  for (const [pattern, key] of groups) if (pattern.test(first)) return key;
  const key = first.replace(/[^a-z0-9]/g, '');
  return key.length > 0 ? key : null;
}

/**
 * References whose residual exceeds this many robust standard deviations (1.4826 × MAD, at least the residual
 * prior's 0.4 dex, so only gross misfits go: > 1.2 dex) are dropped, worst first.
 */
const OUTLIER_LIMIT = 3;
/** How many references an estimate lists in its inputs and reasoning (the nearest in score when more). */
const LISTED_REFERENCES = 40;
/** Snapshots with at most this many references refit from scratch for leave-one-out; larger ones downdate. */
const EXACT_REFIT_LIMIT = 200;
/** At most this many outliers are dropped per snapshot (each drop refits once). */
const MAX_OUTLIERS = 20;

/** One fitted snapshot: the regression plus the references it used. */
interface SnapshotFit {
  fit: LinearFit;
  references: ReferencePoint[];
  /** References dropped as outliers. */
  outliers: ReferencePoint[];
  /** Mean release year of the references (the date prior's uncertainty grows with distance from it). */
  meanYear: number | null;
  /** Residual spread after the prior on it, and its degrees of freedom. */
  sigma: number;
  degreesOfFreedom: number;
  /** Residual of each kept reference, by id (for the developer offsets). */
  residuals: Map<string, number>;
  /** Kept references by developer key. */
  byDeveloper: Map<string, ReferencePoint[]>;
  /** Ids of the kept references. */
  ids: Set<string>;
  /** References of `references` left out of this fit (leave-one-out by downdate). */
  excluded?: ReadonlySet<string>;
}

/** Lookups of one snapshot's references, built once: by id and by loose name (to find a model's own point). */
interface SnapshotIndex {
  byId: Map<string, ReferencePoint>;
  byName: Map<string, ReferencePoint[]>;
}

function snapshotIndex(context: EstimateContext, benchmark: string, asOf: string): SnapshotIndex {
  const key = `index|${benchmark}|${asOf}`;
  const cached = context.cache.get(key) as SnapshotIndex | undefined;
  if (cached) return cached;
  const index: SnapshotIndex = { byId: new Map(), byName: new Map() };
  for (const reference of snapshotReferences(context, benchmark, asOf)) {
    index.byId.set(reference.id, reference);
    const name = looseName(reference.name);
    const list = index.byName.get(name);
    if (list) list.push(reference);
    else index.byName.set(name, [reference]);
  }
  context.cache.set(key, index);
  return index;
}

function snapshotReferences(context: EstimateContext, benchmark: string, asOf: string): ReferencePoint[] {
  const key = `refs|${benchmark}|${asOf}`;
  const cached = context.cache.get(key) as ReferencePoint[] | undefined;
  if (cached) return cached;
  const found = context.references.filter((reference) =>
    reference.scores[benchmark]?.some((score) => score.asOf === asOf),
  );
  context.cache.set(key, found);
  return found;
}

function latestSnapshot(context: EstimateContext, benchmark: string): string | undefined {
  const key = `latest|${benchmark}`;
  if (context.cache.has(key)) return context.cache.get(key) as string | undefined;
  let latest: string | undefined;
  for (const reference of context.references) {
    for (const score of reference.scores[benchmark] ?? [])
      if (!latest || score.asOf > latest) latest = score.asOf;
  }
  context.cache.set(key, latest);
  return latest;
}

function scoreOf(reference: ReferencePoint, benchmark: string, asOf: string): number {
  // Callers only pass references already known to have a score in this snapshot.
  return reference.scores[benchmark]?.find((score) => score.asOf === asOf)?.value ?? Number.NaN;
}

/** log10 compute with the date effect removed (moved to YEAR_CENTRE), so only intercept and score are fitted. */
function adjustedTarget(reference: ReferencePoint): number {
  const year = releaseYear(reference.releaseDate);
  return (
    Math.log10(reference.computeFlop) - (year === null ? 0 : DATE_SLOPE_PRIOR.mean * (year - YEAR_CENTRE))
  );
}

function fitReferences(
  references: readonly ReferencePoint[],
  benchmark: string,
  asOf: string,
): LinearFit | null {
  return fitLinear(
    references.map((reference) => row(scoreOf(reference, benchmark, asOf))),
    references.map(adjustedTarget),
  );
}

/**
 * The fit of one snapshot over its references minus `excluded`, with outlier rejection, cached by the
 * excluded ids (an empty set: the shared fit).
 */
function fullSnapshotFit(
  context: EstimateContext,
  benchmark: string,
  asOf: string,
  excluded: ReadonlySet<string> = new Set(),
): SnapshotFit | null {
  const all = snapshotReferences(context, benchmark, asOf);
  const used = excluded.size === 0 ? all : all.filter((reference) => !excluded.has(reference.id));
  const key = `fit|${benchmark}|${asOf}|${used.length === all.length ? '' : [...excluded].sort().join(',')}`;
  if (context.cache.has(key)) return context.cache.get(key) as SnapshotFit | null;
  const minimum = context.settings.benchmarkMinReferences;
  let result: SnapshotFit | null = null;
  let fit = used.length >= minimum ? fitReferences(used, benchmark, asOf) : null;
  let kept = used;
  let outliers: ReferencePoint[] = [];
  // Outlier rejection, one reference at a time (the worst first, refitting after each): a reference far off
  // the line (a figure that counts only a fine-tune, a distilled model) would otherwise set the residual
  // spread, and the slope, for everyone. At most a third of the references may go.
  while (
    fit &&
    kept.length - 1 >= minimum &&
    outliers.length < Math.min(MAX_OUTLIERS, Math.floor(used.length / 3))
  ) {
    const current = fit;
    const residuals = kept.map(
      (reference) =>
        adjustedTarget(reference) - predict(current, row(scoreOf(reference, benchmark, asOf))).mean,
    );
    const sorted = residuals.map(Math.abs).sort((left, right) => left - right);
    const robustSigma = Math.max(
      1.4826 * (sorted[Math.floor(sorted.length / 2)] as number),
      RESIDUAL_PRIOR.sigma,
    );
    let worst = 0;
    for (let index = 1; index < residuals.length; index++)
      if (Math.abs(residuals[index] as number) > Math.abs(residuals[worst] as number)) worst = index;
    if (Math.abs(residuals[worst] as number) <= OUTLIER_LIMIT * robustSigma) break;
    outliers = [...outliers, kept[worst] as ReferencePoint];
    kept = kept.filter((_, index) => index !== worst);
    fit = fitReferences(kept, benchmark, asOf);
  }
  if (fit && fit.n - fit.p >= 3) {
    const years = kept
      .map((reference) => releaseYear(reference.releaseDate))
      .filter((year): year is number => year !== null);
    const degreesOfFreedom = fit.n - fit.p + RESIDUAL_PRIOR.weight;
    const sigma = Math.sqrt(
      ((fit.n - fit.p) * fit.residualSigma ** 2 + RESIDUAL_PRIOR.weight * RESIDUAL_PRIOR.sigma ** 2) /
        degreesOfFreedom,
    );
    const residuals = new Map<string, number>();
    const byDeveloper = new Map<string, ReferencePoint[]>();
    for (const reference of kept) {
      residuals.set(
        reference.id,
        adjustedTarget(reference) - predict(fit, row(scoreOf(reference, benchmark, asOf))).mean,
      );
      const developer = developerKey(reference.developer);
      if (developer) byDeveloper.set(developer, [...(byDeveloper.get(developer) ?? []), reference]);
    }
    result = {
      fit,
      references: kept,
      outliers,
      meanYear: years.length > 0 ? years.reduce((sum, year) => sum + year, 0) / years.length : null,
      sigma,
      degreesOfFreedom,
      residuals,
      byDeveloper,
      ids: new Set(kept.map((reference) => reference.id)),
    };
  }
  context.cache.set(key, result);
  return result;
}

/**
 * The snapshot's fit without the model's own reference point(s). Models that are not references share the
 * cached fit. For a model that is one, a snapshot of up to {@link EXACT_REFIT_LIMIT} references is refitted
 * from scratch without it (outliers chosen again, so its own figure influences nothing); a larger one gets an
 * exact leave-one-out regression by rank-one downdates of the shared fit (O(p²)), keeping the shared fit's
 * outlier choice.
 */
function snapshotFit(
  context: EstimateContext,
  benchmark: string,
  asOf: string,
  excluded: ReadonlySet<string>,
): SnapshotFit | null {
  if (excluded.size === 0) return fullSnapshotFit(context, benchmark, asOf);
  if (snapshotReferences(context, benchmark, asOf).length <= EXACT_REFIT_LIMIT)
    return fullSnapshotFit(context, benchmark, asOf, excluded);
  const full = fullSnapshotFit(context, benchmark, asOf);
  if (!full) return null;
  const byId = snapshotIndex(context, benchmark, asOf).byId;
  const leaving = [...excluded].filter((id) => full.ids.has(id)).map((id) => byId.get(id) as ReferencePoint);
  if (leaving.length === 0) return full;
  let fit: LinearFit | null = full.fit;
  for (const reference of leaving) {
    fit = fit && downdate(fit, row(scoreOf(reference, benchmark, asOf)), adjustedTarget(reference));
  }
  if (!fit || fit.n < context.settings.benchmarkMinReferences || fit.n - fit.p < 3) return null;
  const degreesOfFreedom = fit.n - fit.p + RESIDUAL_PRIOR.weight;
  const sigma = Math.sqrt(
    ((fit.n - fit.p) * fit.residualSigma ** 2 + RESIDUAL_PRIOR.weight * RESIDUAL_PRIOR.sigma ** 2) /
      degreesOfFreedom,
  );
  // The lists stay shared with the full fit; readers skip `excluded`.
  return { ...full, fit, sigma, degreesOfFreedom, excluded };
}

/** The `count` references of a fit nearest in score to `score` (binary search over a cached sorted list). */
function nearestReferences(
  context: EstimateContext,
  snapshot: SnapshotFit,
  benchmark: string,
  asOf: string,
  score: number,
  count: number,
): ReferencePoint[] {
  const key = `sorted|${benchmark}|${asOf}`;
  let sorted = context.cache.get(key) as { score: number; reference: ReferencePoint }[] | undefined;
  if (!sorted) {
    sorted = snapshotReferences(context, benchmark, asOf)
      .map((reference) => ({ score: scoreOf(reference, benchmark, asOf), reference }))
      .sort((left, right) => left.score - right.score);
    context.cache.set(key, sorted);
  }
  let high = 0;
  let upper = sorted.length;
  while (high < upper) {
    const middle = (high + upper) >> 1;
    if ((sorted[middle] as { score: number }).score < score) high = middle + 1;
    else upper = middle;
  }
  let low = high - 1;
  const found: ReferencePoint[] = [];
  while (found.length < count && (low >= 0 || high < sorted.length)) {
    const takeLow =
      high >= sorted.length ||
      (low >= 0 &&
        score - (sorted[low] as { score: number }).score <=
          (sorted[high] as { score: number }).score - score);
    const entry = sorted[takeLow ? low-- : high++] as { reference: ReferencePoint };
    if (snapshot.ids.has(entry.reference.id) && !snapshot.excluded?.has(entry.reference.id))
      found.push(entry.reference);
  }
  return found;
}

function row(score: number): number[] {
  return [1, (score - SCORE_CENTRE) / 100];
}

function snapshotsOf(
  facts: EstimatorFacts,
  benchmark: string,
  context: EstimateContext,
): { value: number; asOf: string }[] {
  const listed = facts.scoreSnapshots?.[benchmark] ?? [];
  const single = facts.scores?.[benchmark];
  const all = [...listed];
  if (single !== undefined) all.push(typeof single === 'number' ? { value: single } : single);
  const latest = latestSnapshot(context, benchmark);
  const resolved: { value: number; asOf: string }[] = [];
  for (const score of all) {
    const asOf = score.asOf ?? latest;
    if (asOf && !resolved.some((existing) => existing.asOf === asOf))
      resolved.push({ value: score.value, asOf });
  }
  return resolved;
}

/**
 * Imputation from leaderboard scores (Arena Elo first): log10(compute) = b0 + b1·score + c·(release year), c
 * fixed by the algorithmic-progress prior, b0 and b1 by least squares over reference models with known compute scored in the SAME snapshot (Elo drifts between
 * snapshots). The 90% prediction interval is t(0.95, n − p) × s × √(1 + leverage); it is expressed as a
 * log-normal σ = that half-width ÷ 1.645. The model's own reference point is always left out. Among the
 * snapshots and benchmarks a model has, the tightest prediction is used.
 */
export const benchmarkEstimator = defineEstimator({
  id: 'benchmark',
  description:
    'regression of log10(compute) on leaderboard score and release date over same-snapshot references',
  priority: 50,
  estimate(facts, context) {
    if (context.references.length === 0 || (!facts.scores && !facts.scoreSnapshots)) return null;
    const ownName = looseName(facts.name);
    let best: {
      mean: number;
      sigma: number;
      benchmark: string;
      asOf: string;
      score: number;
      snapshot: SnapshotFit;
      halfWidth: number;
      t: number;
      developerOffset: number;
      peers: ReferencePoint[];
    } | null = null;
    const modelYear = releaseYear(facts.releaseDate);
    for (const benchmark of context.settings.benchmarks) {
      for (const score of snapshotsOf(facts, benchmark, context)) {
        const index = snapshotIndex(context, benchmark, score.asOf);
        const excluded = new Set((index.byName.get(ownName) ?? []).map((reference) => reference.id));
        if (facts.id && index.byId.has(facts.id)) excluded.add(facts.id);
        const snapshot = snapshotFit(context, benchmark, score.asOf, excluded);
        if (!snapshot) continue;
        const prediction = predict(snapshot.fit, row(score.value));
        // The prior-adjusted residual spread replaces the fit's own.
        prediction.standardError = snapshot.sigma * Math.sqrt(1 + Math.max(0, prediction.leverage));
        const ownDeveloper = developerKey(facts.developer);
        const peers = ownDeveloper
          ? (snapshot.byDeveloper.get(ownDeveloper) ?? []).filter(
              (reference) => !snapshot.excluded?.has(reference.id),
            )
          : [];
        const developerOffset =
          peers.length === 0
            ? 0
            : peers.reduce((sum, reference) => sum + (snapshot.residuals.get(reference.id) ?? 0), 0) /
              (peers.length + snapshot.sigma ** 2 / DEVELOPER_EFFECT_SIGMA ** 2);
        prediction.mean += developerOffset;
        const yearOffset = modelYear === null ? 0 : DATE_SLOPE_PRIOR.mean * (modelYear - YEAR_CENTRE);
        // Unknown release date: the date effect is unknown too; assume the references' mean year, ±1 year.
        const yearDistance =
          modelYear === null || snapshot.meanYear === null ? 1 : Math.abs(modelYear - snapshot.meanYear);
        const t = studentTQuantile(0.95, snapshot.degreesOfFreedom);
        const halfWidth = Math.hypot(
          t * prediction.standardError,
          Z90 * DATE_SLOPE_PRIOR.sigma * yearDistance,
        );
        prediction.mean += yearOffset;
        const sigma = halfWidth / Z90;
        if (!best || sigma < best.sigma)
          best = {
            mean: prediction.mean,
            sigma,
            benchmark,
            asOf: score.asOf,
            score: score.value,
            snapshot,
            halfWidth,
            t,
            developerOffset,
            peers,
          };
      }
    }
    if (!best) return null;
    const { fit, outliers } = best.snapshot;
    const chosen = best;
    // Large snapshots: list the references nearest in score (all of them enter the fit).
    const references =
      best.snapshot.references.length <= LISTED_REFERENCES
        ? best.snapshot.references.filter((reference) => !chosen.snapshot.excluded?.has(reference.id))
        : nearestReferences(
            context,
            best.snapshot,
            chosen.benchmark,
            chosen.asOf,
            chosen.score,
            LISTED_REFERENCES,
          );
    const listed = references.length < fit.n ? `; the ${references.length} nearest in score` : '';
    const [b0, b1] = fit.coefficients as [number, number];
    const median = 10 ** best.mean;
    const inputs: EstimateInput[] = [
      { ...factInput(facts, `scores.${best.benchmark}`, best.score, best.benchmark) },
      {
        name: `${best.benchmark}.asOf`,
        value: best.asOf,
        source: factInput(facts, `scores.${best.benchmark}`, 0).source ?? 'input',
      },
      ...references.map((reference) => {
        const input: EstimateInput = {
          name: `reference:${reference.id}`,
          value: reference.computeFlop,
          source: reference.source ?? 'reference',
        };
        if (reference.url) input.url = reference.url;
        return input;
      }),
    ];
    if (facts.releaseDate) inputs.push(factInput(facts, 'releaseDate', facts.releaseDate));
    inputs.push(priorInput('dateSlopeDexPerYear', DATE_SLOPE_PRIOR.mean, DATE_SLOPE_PRIOR.sourceUrl));
    const equation = `log10 C = ${b0.toFixed(3)} + ${b1.toFixed(3)}·(score − ${SCORE_CENTRE})/100 ${DATE_SLOPE_PRIOR.mean}·(year − ${YEAR_CENTRE}) (date slope from the algorithmic-progress prior)`;
    const outlierText =
      outliers.length > 0
        ? `; dropped as outliers (> ${OUTLIER_LIMIT} robust σ off the line): ${outliers.map((reference) => reference.name).join(', ')}`
        : '';
    return {
      median,
      log10Sigma: best.sigma,
      inputs,
      reasoning: `${best.benchmark} ${best.score} in the ${best.asOf} snapshot; fit over ${fit.n} references of that snapshot (${references.map((reference) => reference.name).join(', ')}${listed})${outlierText}: ${equation}, residual s = ${fit.residualSigma.toFixed(3)} dex (${best.snapshot.sigma.toFixed(3)} with the prior of ${RESIDUAL_PRIOR.sigma} dex worth ${RESIDUAL_PRIOR.weight} references)${
        best.peers.length > 0
          ? `; developer offset ${best.developerOffset >= 0 ? '+' : ''}${best.developerOffset.toFixed(2)} dex from ${best.peers.map((reference) => reference.name).join(', ')} (shrunk)`
          : ''
      } → log10 C = ${best.mean.toFixed(2)} (${formatFlop(median)} FLOP); 90% prediction interval ±${best.halfWidth.toFixed(2)} dex (t ${best.t.toFixed(2)} with ${best.snapshot.degreesOfFreedom} df, leverage and date-slope uncertainty included)`,
    };
  },
});
