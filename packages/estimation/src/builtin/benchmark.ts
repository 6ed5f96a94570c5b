import type { EstimateInput } from '@tracker/schema';
import { defineEstimator } from '../define-estimator';
import type { EstimateContext, EstimatorFacts, ReferencePoint } from '../estimator';
import { factInput, looseName, priorInput, releaseYear } from '../inputs';
import { formatFlop } from '../names';
import { studentTQuantile, Z90 } from '../probability';
import { downdate, fitLinear, type LinearFit, predict, predictMean } from '../regression';

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
/**
 * How many references an estimate names in its reasoning: the nearest in score (all of them enter the fit, and
 * the reasoning says which set that is, so the rest can be found in the data).
 */
const NAMED_REFERENCES = 10;
/** Snapshots with at most this many references refit from scratch for leave-one-out; larger ones downdate. */
const EXACT_REFIT_LIMIT = 200;
/** At most this many outliers are dropped per snapshot (each drop refits once). */
const MAX_OUTLIERS = 20;

/** A developer's offset from the line and the references it came from. */
interface DeveloperOffset {
  peers: ReferencePoint[];
  offset: number;
}

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
  /** Residual sum of each developer's kept references, by developer key, once computed (shared by all). */
  offsets: Map<string, number>;
  /** How many kept references each source gave (ignoring `excluded`), and the outlier text: once per fit. */
  sourceCounts?: Map<string, number>;
  outlierText?: string;
  /** The fitted line and residual spread in words, once per fit. */
  lineText?: string;
}

/**
 * One snapshot's references and what the fits need of each, computed once: the regression row, the
 * date-adjusted target, the release year and the developer key (aligned with `references`), plus lookups by
 * id (to a position) and by loose name (to find a model's own point).
 */
interface SnapshotData {
  benchmark: string;
  asOf: string;
  references: ReferencePoint[];
  rows: number[][];
  targets: number[];
  years: (number | null)[];
  developers: (string | null)[];
  byId: Map<string, number>;
  byName: Map<string, ReferencePoint[]>;
  /** The shared fit (no reference left out) once computed; null when the snapshot cannot be fitted. */
  shared?: SnapshotFit | null;
  /** The references with their scores, sorted by score (for the nearest in score), once needed. */
  sorted?: { score: number; reference: ReferencePoint }[];
}

function snapshotData(context: EstimateContext, benchmark: string, asOf: string): SnapshotData {
  const key = `data|${benchmark}|${asOf}`;
  const cached = context.cache.get(key) as SnapshotData | undefined;
  if (cached) return cached;
  const references = snapshotReferences(context, benchmark, asOf);
  const data: SnapshotData = {
    benchmark,
    asOf,
    references,
    rows: references.map((reference) => row(scoreOf(reference, benchmark, asOf))),
    targets: references.map(adjustedTarget),
    years: references.map((reference) => releaseYear(reference.releaseDate)),
    developers: references.map((reference) => developerKey(reference.developer)),
    byId: new Map(),
    byName: new Map(),
  };
  references.forEach((reference, position) => {
    data.byId.set(reference.id, position);
    const name = looseName(reference.name);
    const list = data.byName.get(name);
    if (list) list.push(reference);
    else data.byName.set(name, [reference]);
  });
  context.cache.set(key, data);
  return data;
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

/** The fit over the references at `positions` of the snapshot. */
function fitPositions(data: SnapshotData, positions: readonly number[]): LinearFit | null {
  return fitLinear(
    positions.map((position) => data.rows[position] as number[]),
    positions.map((position) => data.targets[position] as number),
  );
}

/** Residual of the reference at `position` from a fit. */
function residualAt(data: SnapshotData, fit: LinearFit, position: number): number {
  return (data.targets[position] as number) - predictMean(fit, data.rows[position] as number[]);
}

/**
 * The fit of one snapshot over its references minus `excluded`, with outlier rejection, cached by the
 * excluded ids (an empty set: the shared fit).
 */
function fullSnapshotFit(
  context: EstimateContext,
  data: SnapshotData,
  excluded?: ReadonlySet<string>,
): SnapshotFit | null {
  const all = data.references;
  const leaving = excluded !== undefined && [...excluded].some((id) => data.byId.has(id));
  // The shared fit is asked for once per model and snapshot: it sits on the snapshot's data, no key to build.
  if (!leaving && data.shared !== undefined) return data.shared;
  const key = `fit|${data.benchmark}|${data.asOf}|${leaving ? [...excluded].sort().join(',') : ''}`;
  if (context.cache.has(key)) return context.cache.get(key) as SnapshotFit | null;
  const used: number[] = [];
  for (let position = 0; position < all.length; position++)
    if (!leaving || !excluded.has((all[position] as ReferencePoint).id)) used.push(position);
  const minimum = context.settings.benchmarkMinReferences;
  let result: SnapshotFit | null = null;
  let fit = used.length >= minimum ? fitPositions(data, used) : null;
  let kept = used;
  const outliers: ReferencePoint[] = [];
  // Outlier rejection, one reference at a time (the worst first, refitting after each): a reference far off
  // the line (a figure that counts only a fine-tune, a distilled model) would otherwise set the residual
  // spread, and the slope, for everyone. At most a third of the references may go.
  while (
    fit &&
    kept.length - 1 >= minimum &&
    outliers.length < Math.min(MAX_OUTLIERS, Math.floor(used.length / 3))
  ) {
    const current = fit;
    const residuals = kept.map((position) => residualAt(data, current, position));
    const sorted = residuals.map(Math.abs).sort((left, right) => left - right);
    const robustSigma = Math.max(
      1.4826 * (sorted[Math.floor(sorted.length / 2)] as number),
      RESIDUAL_PRIOR.sigma,
    );
    let worst = 0;
    for (let index = 1; index < residuals.length; index++)
      if (Math.abs(residuals[index] as number) > Math.abs(residuals[worst] as number)) worst = index;
    if (Math.abs(residuals[worst] as number) <= OUTLIER_LIMIT * robustSigma) break;
    outliers.push(all[kept[worst] as number] as ReferencePoint);
    kept = kept.filter((_, index) => index !== worst);
    fit = fitPositions(data, kept);
  }
  if (fit && fit.n - fit.p >= 3) {
    const years = kept
      .map((position) => data.years[position] as number | null)
      .filter((year): year is number => year !== null);
    const degreesOfFreedom = fit.n - fit.p + RESIDUAL_PRIOR.weight;
    const sigma = Math.sqrt(
      ((fit.n - fit.p) * fit.residualSigma ** 2 + RESIDUAL_PRIOR.weight * RESIDUAL_PRIOR.sigma ** 2) /
        degreesOfFreedom,
    );
    const residuals = new Map<string, number>();
    const byDeveloper = new Map<string, ReferencePoint[]>();
    const references: ReferencePoint[] = [];
    for (const position of kept) {
      const reference = all[position] as ReferencePoint;
      references.push(reference);
      residuals.set(reference.id, residualAt(data, fit, position));
      const developer = data.developers[position];
      if (!developer) continue;
      const list = byDeveloper.get(developer);
      if (list) list.push(reference);
      else byDeveloper.set(developer, [reference]);
    }
    result = {
      fit,
      references,
      outliers,
      meanYear: years.length > 0 ? years.reduce((sum, year) => sum + year, 0) / years.length : null,
      sigma,
      degreesOfFreedom,
      residuals,
      byDeveloper,
      ids: new Set(references.map((reference) => reference.id)),
      offsets: new Map(),
    };
  }
  context.cache.set(key, result);
  if (!leaving) data.shared = result;
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
  data: SnapshotData,
  excluded: ReadonlySet<string> | null,
): SnapshotFit | null {
  if (!excluded || excluded.size === 0) return fullSnapshotFit(context, data);
  if (data.references.length <= EXACT_REFIT_LIMIT) return fullSnapshotFit(context, data, excluded);
  const full = fullSnapshotFit(context, data);
  if (!full) return null;
  const leaving = [...excluded].filter((id) => full.ids.has(id)).map((id) => data.byId.get(id) as number);
  if (leaving.length === 0) return full;
  let fit: LinearFit | null = full.fit;
  for (const position of leaving) {
    fit = fit && downdate(fit, data.rows[position] as number[], data.targets[position] as number);
  }
  if (!fit || fit.n < context.settings.benchmarkMinReferences || fit.n - fit.p < 3) return null;
  const degreesOfFreedom = fit.n - fit.p + RESIDUAL_PRIOR.weight;
  const sigma = Math.sqrt(
    ((fit.n - fit.p) * fit.residualSigma ** 2 + RESIDUAL_PRIOR.weight * RESIDUAL_PRIOR.sigma ** 2) /
      degreesOfFreedom,
  );
  // The lists, residuals and outliers stay shared with the full fit; readers skip `excluded`. The line differs.
  return { ...full, fit, sigma, degreesOfFreedom, excluded, lineText: undefined };
}

/**
 * The ids of the model's own reference point(s) in a snapshot (by id or loose name), or null when it has none
 * there: most models are not references, and share the snapshot's fit without allocating anything.
 */
function ownReferenceIds(data: SnapshotData, ownName: string, id: string | undefined): Set<string> | null {
  const named = data.byName.get(ownName);
  const byId = id !== undefined && data.byId.has(id);
  if (!named && !byId) return null;
  const excluded = new Set((named ?? []).map((reference) => reference.id));
  if (byId) excluded.add(id as string);
  return excluded;
}

/**
 * The developer's offset from the line: the mean residual of its kept references, shrunk towards 0 by
 * s²/τ². The peers and their residual sum are kept per developer on the shared fit; a leave-one-out downdate
 * (same residuals, its own s) reuses them unless it leaves out one of those peers.
 */
function developerOffset(
  snapshot: SnapshotFit,
  data: SnapshotData,
  developer: string | null,
): DeveloperOffset {
  if (!developer) return { peers: [], offset: 0 };
  let peers = snapshot.byDeveloper.get(developer) ?? [];
  let sum = snapshot.offsets.get(developer);
  let touched = false;
  for (const id of snapshot.excluded ?? [])
    if (snapshot.ids.has(id) && data.developers[data.byId.get(id) as number] === developer) touched = true;
  if (touched) {
    peers = peers.filter((reference) => !snapshot.excluded?.has(reference.id));
    sum = undefined;
  }
  if (sum === undefined) {
    sum = peers.reduce((total, reference) => total + (snapshot.residuals.get(reference.id) ?? 0), 0);
    if (!touched) snapshot.offsets.set(developer, sum);
  }
  return {
    peers,
    offset: peers.length === 0 ? 0 : sum / (peers.length + snapshot.sigma ** 2 / DEVELOPER_EFFECT_SIGMA ** 2),
  };
}

/**
 * Where the figures of a fit's references come from (`epoch`), distinct and sorted. Counted once per shared
 * fit; a leave-one-out downdate takes its own points off those counts.
 */
function referenceSources(snapshot: SnapshotFit, data: SnapshotData): string {
  if (!snapshot.sourceCounts) {
    snapshot.sourceCounts = new Map();
    for (const reference of snapshot.references) {
      const source = reference.source ?? 'reference';
      snapshot.sourceCounts.set(source, (snapshot.sourceCounts.get(source) ?? 0) + 1);
    }
  }
  const counts = new Map(snapshot.sourceCounts);
  for (const id of snapshot.excluded ?? []) {
    if (!snapshot.ids.has(id)) continue;
    const source = data.references[data.byId.get(id) as number]?.source ?? 'reference';
    counts.set(source, (counts.get(source) ?? 0) - 1);
  }
  const sources = [...counts].filter(([, count]) => count > 0).map(([source]) => source);
  return sources.sort().join(', ') || 'reference';
}

/** The references of a fit nearest in score to `score`, at most `count` (binary search over a cached sorted list). */
function nearestReferences(
  data: SnapshotData,
  snapshot: SnapshotFit,
  score: number,
  count: number,
): ReferencePoint[] {
  if (!data.sorted)
    data.sorted = data.references
      .map((reference) => ({ score: scoreOf(reference, data.benchmark, data.asOf), reference }))
      .sort((left, right) => left.score - right.score);
  const sorted = data.sorted;
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

/** The reasoning's note on the references dropped as outliers (named: there are at most 20); cached on a shared fit. */
function outlierText(snapshot: SnapshotFit): string {
  if (snapshot.outlierText !== undefined) return snapshot.outlierText;
  const text =
    snapshot.outliers.length > 0
      ? `; dropped as outliers (> ${OUTLIER_LIMIT} robust σ off the line): ${snapshot.outliers.map((reference) => reference.name).join(', ')}`
      : '';
  if (!snapshot.excluded) snapshot.outlierText = text;
  return text;
}

/** The fitted line and its residual spread, for the reasoning; cached on the fit (a downdate has its own). */
function lineText(snapshot: SnapshotFit): string {
  if (snapshot.lineText !== undefined) return snapshot.lineText;
  const { fit } = snapshot;
  const [b0, b1] = fit.coefficients as [number, number];
  snapshot.lineText = `log10 C = ${b0.toFixed(3)} + ${b1.toFixed(3)}·(score − ${SCORE_CENTRE})/100 ${DATE_SLOPE_PRIOR.mean}·(year − ${YEAR_CENTRE}) (date slope from the algorithmic-progress prior), residual s = ${fit.residualSigma.toFixed(3)} dex (${snapshot.sigma.toFixed(3)} with the prior of ${RESIDUAL_PRIOR.sigma} dex worth ${RESIDUAL_PRIOR.weight} references)`;
  return snapshot.lineText;
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
    const ownDeveloper = developerKey(facts.developer);
    let best: {
      mean: number;
      sigma: number;
      benchmark: string;
      asOf: string;
      score: number;
      snapshot: SnapshotFit;
      data: SnapshotData;
      halfWidth: number;
      t: number;
      developer: DeveloperOffset;
      ownLeftOut: boolean;
    } | null = null;
    const modelYear = releaseYear(facts.releaseDate);
    for (const benchmark of context.settings.benchmarks) {
      for (const score of snapshotsOf(facts, benchmark, context)) {
        const data = snapshotData(context, benchmark, score.asOf);
        const excluded = ownReferenceIds(data, ownName, facts.id);
        const snapshot = snapshotFit(context, data, excluded);
        if (!snapshot) continue;
        const prediction = predict(snapshot.fit, row(score.value));
        // The prior-adjusted residual spread replaces the fit's own.
        prediction.standardError = snapshot.sigma * Math.sqrt(1 + Math.max(0, prediction.leverage));
        const developer = developerOffset(snapshot, data, ownDeveloper);
        prediction.mean += developer.offset;
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
            data,
            halfWidth,
            t,
            developer,
            ownLeftOut: excluded !== null,
          };
      }
    }
    if (!best) return null;
    const { fit, outliers } = best.snapshot;
    // Every kept reference enters the fit; the reasoning names the nearest in score and says which set the
    // rest are (the data holds them), so the stored text stays short however large the snapshot.
    const named = nearestReferences(best.data, best.snapshot, best.score, NAMED_REFERENCES);
    const median = 10 ** best.mean;
    const leftOut = [
      best.ownLeftOut ? 'own point left out' : '',
      outliers.length > 0 ? `${outliers.length} outlier${outliers.length === 1 ? '' : 's'} dropped` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const inputs: EstimateInput[] = [
      factInput(facts, `scores.${best.benchmark}`, best.score, best.benchmark),
      {
        name: `${best.benchmark}.asOf`,
        value: best.asOf,
        source: factInput(facts, `scores.${best.benchmark}`, 0).source ?? 'input',
      },
      {
        name: 'references',
        value: `${fit.n} references of ${best.benchmark} ${best.asOf}${leftOut ? ` (${leftOut})` : ''}`,
        source: referenceSources(best.snapshot, best.data),
      },
    ];
    if (facts.releaseDate) inputs.push(factInput(facts, 'releaseDate', facts.releaseDate));
    inputs.push(priorInput('dateSlopeDexPerYear', DATE_SLOPE_PRIOR.mean, DATE_SLOPE_PRIOR.sourceUrl));
    const less = [best.ownLeftOut ? 'this one' : '', outliers.length > 0 ? 'the outliers' : '']
      .filter(Boolean)
      .join(' and ');
    const names = named.map((reference) => reference.name).join(', ');
    const referenceText =
      named.length >= fit.n
        ? `nearest in score first: ${names}`
        : `every model with known compute scored in it${less ? `, less ${less}` : ''}; the ${named.length} nearest in score to ${best.score}: ${names}, and ${fit.n - named.length} more`;
    return {
      median,
      log10Sigma: best.sigma,
      inputs,
      reasoning: `${best.benchmark} ${best.score} in the ${best.asOf} snapshot; fit over ${fit.n} references of that snapshot (${referenceText})${outlierText(best.snapshot)}: ${lineText(best.snapshot)}${
        best.developer.peers.length > 0
          ? `; developer offset ${best.developer.offset >= 0 ? '+' : ''}${best.developer.offset.toFixed(2)} dex from ${best.developer.peers.map((reference) => reference.name).join(', ')} (shrunk)`
          : ''
      } → log10 C = ${best.mean.toFixed(2)} (${formatFlop(median)} FLOP); 90% prediction interval ±${best.halfWidth.toFixed(2)} dex (t ${best.t.toFixed(2)} with ${best.snapshot.degreesOfFreedom} df, leverage and date-slope uncertainty included)`,
    };
  },
});
