/**
 * The joint capability → compute imputation, fitted once per context (cached): capability from every score,
 * developer groups from the data, the robust compute fit over the references, leave-one-out refits and the
 * calibration map fitted on leave-one-out predictions.
 */
import { resolveActiveParameters } from '../active-parameters';
import type { EstimateContext, EstimatorFacts, PopulationMember, ReferencePoint } from '../estimator';
import { looseName, releaseYear } from '../inputs';
import { memoByString } from '../memo';
import { DEFAULT_THRESHOLD } from '../probability';
import { type CapabilityFit, fitCapability, type Placement, placeModel } from './capability';
import {
  assignFolds,
  type Calibration,
  type ComputeModel,
  type ComputeRow,
  CROSS_FIT_FOLDS,
  calibrationFromSorted,
  developerEffect,
  EXACT_LOO_MAX_ROWS,
  fitCalibration,
  fitComputeModel,
  predictCompute,
} from './compute-model';

/** Developer groups, derived from the data (never from a list of names). */
export type DeveloperGroup = 'closed-frontier' | 'open-weight' | 'other';

/**
 * A developer is an open-weight lab when at least half of its models with a known accessibility have open
 * weights; otherwise a closed frontier lab when its most capable model is in the top {@link FRONTIER_SHARE}
 * of every placed model; otherwise "other".
 */
export const FRONTIER_SHARE = 0.1;

/** Tier words in a name: a smaller (−1) or larger (+1) model of its line. */
const SMALL_TIER = /(?:^|[^a-z])(mini|flash|nano|lite|haiku|air|small|tiny|micro)(?:[^a-z]|$)/;
const LARGE_TIER = /(?:^|[^a-z])(pro|opus|ultra|max)(?:[^a-z]|$)/;

export function tierOf(name: string): -1 | 0 | 1 {
  const lower = name.toLowerCase();
  if (SMALL_TIER.test(lower)) return -1;
  if (LARGE_TIER.test(lower)) return 1;
  return 0;
}

/** Developer names as sources write them, reduced to one key per organisation (first listed developer). */
const developerKeys = memoByString(computeDeveloperKey, 10_000);

export function developerKey(developer: string | undefined): string | null {
  return developer ? developerKeys(developer) : null;
}

function computeDeveloperKey(developer: string): string | null {
  const first = (developer.split(',')[0] ?? '').toLowerCase();
  const key = first
    .replace(/\b(inc|llc|ltd|corp|corporation|ai|labs?|research|technologies|group|co)\b\.?/g, '')
    .replace(/[^a-z0-9]/g, '');
  if (/deepmind|google/.test(first)) return 'google';
  if (/facebook/.test(first)) return 'meta';
  if (/qwen|alibaba/.test(first)) return 'alibaba';
  if (/zhipu|z\.ai|thudm/.test(first)) return 'zhipu';
  if (/moonshot|kimi/.test(first)) return 'moonshot';
  return key.length > 0 ? key : first.replace(/[^a-z0-9]/g, '') || null;
}

export function isOpenWeights(accessibility: string | undefined): boolean {
  return accessibility?.startsWith('open-weights') ?? false;
}

/** Price per million tokens: the blended figure, or 3:1 input:output. */
export function blendedPrice(pricing: EstimatorFacts['pricing'] | undefined): number | undefined {
  if (!pricing) return undefined;
  if (pricing.blendedUsdPerMillionTokens !== undefined && pricing.blendedUsdPerMillionTokens > 0)
    return pricing.blendedUsdPerMillionTokens;
  const input = pricing.inputUsdPerMillionTokens;
  const output = pricing.outputUsdPerMillionTokens;
  if (input !== undefined && output !== undefined && input + output > 0) return (3 * input + output) / 4;
  return undefined;
}

/** What the features are built from (a reference or the model being estimated). */
export interface Subject {
  name: string;
  developer?: string;
  releaseDate?: string;
  accessibility?: string;
  parameters?: number;
  activeParameters?: number;
  baseModel?: string;
  pricePerMillion?: number;
}

export interface Features {
  x: number[];
  /** Extra variance from facts not known (release date). */
  extraVariance: number;
  group: DeveloperGroup;
  developer: string | null;
  /** N used (open weights only), with how it was obtained. */
  parameters?: { value: number; text: string };
}

export interface ImputationModel {
  capability: CapabilityFit;
  groups: Map<string, DeveloperGroup>;
  frontierCut: number;
  threshold: number;
  full: ComputeModel;
  rows: ComputeRow[];
  /**
   * Leave-one-out prediction of every row, z = (μ − log10 T)/s against the truth: from an exact refit without
   * the row, or above {@link EXACT_LOO_MAX_ROWS} rows from the cross-fit without the row's fold.
   */
  loo: Map<string, { error: number; developer: string | null }>;
  /** Above {@link EXACT_LOO_MAX_ROWS} rows: each row's fold (by id) and each fold's row ids; null on the exact path. */
  folds: { byId: Map<string, number>; ids: string[][] } | null;
  calibration: Calibration;
  /** Cached refits and calibrations by what was left out. */
  refits: Map<string, ComputeModel | null>;
  calibrations: Map<string, Calibration>;
  lodo?: Map<string, { error: number; developer: string | null }>;
  references: readonly ReferencePoint[];
}

export function features(
  subject: Subject,
  capability: number,
  groups: ReadonlyMap<string, DeveloperGroup>,
  betaYear: number,
): Features {
  const developer = developerKey(subject.developer);
  const group = (developer && groups.get(developer)) || 'other';
  const year = releaseYear(subject.releaseDate);
  const open = isOpenWeights(subject.accessibility);
  let parameters: Features['parameters'];
  if (open && (subject.parameters || subject.activeParameters)) {
    const resolved = resolveActiveParameters({
      name: subject.name,
      ...(subject.parameters ? { parameters: subject.parameters } : {}),
      ...(subject.activeParameters ? { activeParameters: subject.activeParameters } : {}),
      ...(subject.releaseDate ? { releaseDate: subject.releaseDate } : {}),
      ...(subject.baseModel ? { baseModel: subject.baseModel } : {}),
    });
    if (resolved) parameters = { value: resolved.value, text: resolved.text };
  }
  const price = subject.pricePerMillion;
  const x = [
    1,
    capability,
    year === null ? 0.5 : year - 2024,
    tierOf(subject.name),
    open ? 1 : 0,
    parameters ? 1 : 0,
    parameters ? Math.log10(parameters.value) - 10 : 0,
    price !== undefined ? 1 : 0,
    price !== undefined ? Math.log10(price) : 0,
    group === 'closed-frontier' ? 1 : 0,
    group === 'open-weight' ? 1 : 0,
    group === 'closed-frontier' && !open ? 1 : 0,
  ];
  const result: Features = {
    x,
    extraVariance: year === null ? betaYear * betaYear : 0,
    group,
    developer,
  };
  if (parameters) result.parameters = parameters;
  return result;
}

/** The subject of a reference or of the model being estimated: the fields the features read, those present. */
function toSubject(source: Subject): Subject {
  const subject: Subject = { name: source.name };
  for (const field of SUBJECT_FIELDS)
    if (source[field]) (subject as unknown as Record<string, unknown>)[field] = source[field];
  return subject;
}

const SUBJECT_FIELDS = [
  'developer',
  'releaseDate',
  'accessibility',
  'parameters',
  'activeParameters',
  'baseModel',
  'pricePerMillion',
] as const;

function referenceSubject(reference: ReferencePoint): Subject {
  return toSubject(reference);
}

function deriveGroups(
  population: readonly PopulationMember[],
  capability: CapabilityFit,
): { groups: Map<string, DeveloperGroup>; frontierCut: number } {
  const stats = new Map<string, { open: number; known: number; best: number }>();
  for (const member of population) {
    const developer = developerKey(member.developer);
    if (!developer) continue;
    const entry = stats.get(developer) ?? { open: 0, known: 0, best: Number.NEGATIVE_INFINITY };
    if (member.accessibility) {
      entry.known++;
      if (isOpenWeights(member.accessibility)) entry.open++;
    }
    const placed = capability.placements.get(member.id);
    if (placed) entry.best = Math.max(entry.best, placed.value);
    stats.set(developer, entry);
  }
  const values = [...capability.placements.values()]
    .map((placement) => placement.value)
    .sort((a, b) => a - b);
  const frontierCut =
    values.length > 0 ? (values[Math.floor((1 - FRONTIER_SHARE) * (values.length - 1))] as number) : Infinity;
  const groups = new Map<string, DeveloperGroup>();
  for (const [developer, entry] of stats) {
    if (entry.known > 0 && entry.open / entry.known >= 0.5) groups.set(developer, 'open-weight');
    else if (entry.best >= frontierCut) groups.set(developer, 'closed-frontier');
    else groups.set(developer, 'other');
  }
  return { groups, frontierCut };
}

/** The model of a context, fitted once and cached. Null when there are too few placed references. */
export function imputationModel(context: EstimateContext): ImputationModel | null {
  const key = 'imputation-model';
  if (context.cache.has(key)) return context.cache.get(key) as ImputationModel | null;
  const model = buildModel(context);
  context.cache.set(key, model);
  return model;
}

function buildModel(context: EstimateContext): ImputationModel | null {
  const references = context.references;
  const population: readonly PopulationMember[] =
    context.population ??
    references.map((reference) => {
      const member: PopulationMember = { id: reference.id, name: reference.name, scores: reference.scores };
      if (reference.developer) member.developer = reference.developer;
      if (reference.accessibility) member.accessibility = reference.accessibility;
      return member;
    });
  const capability = fitCapability([...population, ...references]);
  const { groups, frontierCut } = deriveGroups(population, capability);
  const yearPrior = -0.45;
  const rows: ComputeRow[] = [];
  for (const reference of references) {
    const placed = capability.placements.get(reference.id) ?? placeModel(capability, reference);
    if (!placed || !(reference.computeFlop > 0)) continue;
    const f = features(referenceSubject(reference), placed.value, groups, yearPrior);
    const row: ComputeRow = {
      id: reference.id,
      name: reference.name,
      x: f.x,
      y: Math.log10(reference.computeFlop),
      developer: f.developer,
      capability: placed.value,
      computeFlop: reference.computeFlop,
    };
    if (reference.source) row.source = reference.source;
    rows.push(row);
  }
  if (rows.length < context.settings.benchmarkMinReferences) return null;
  const full = fitComputeModel(rows);
  if (!full) return null;
  const threshold = Math.log10(context.threshold ?? DEFAULT_THRESHOLD);
  const model: ImputationModel = {
    capability,
    groups,
    frontierCut,
    threshold,
    full,
    rows,
    loo: new Map(),
    folds: null,
    calibration: { shift: 0, scale: 1, scaleUp: 1, scaleDown: 1, count: 0 },
    refits: new Map(),
    calibrations: new Map(),
    references,
  };
  // Leave-one-out prediction of every reference, for the calibration map: each from a refit without it, or
  // (many references) from the cross-fit without its fold.
  const predictLeftOut = (row: ComputeRow, refit: ComputeModel | null) => {
    if (!refit) return;
    const effect = developerEffect(refit, row.developer, row.capability);
    const placed = capability.placements.get(row.id);
    const extra = (refit.beta[1] as number) ** 2 * (placed?.se ?? 0) ** 2;
    const prediction = predictCompute(refit, row.x, effect, extra);
    model.loo.set(row.id, { error: (row.y - prediction.mean) / prediction.sd, developer: row.developer });
  };
  if (rows.length <= EXACT_LOO_MAX_ROWS) {
    for (const row of rows) predictLeftOut(row, refitWithout(model, [row.id], `id:${row.id}`));
  } else {
    const foldOf = assignFolds(rows, CROSS_FIT_FOLDS, (row) => looseName(row.name));
    const folds = { byId: new Map<string, number>(), ids: Array.from({ length: CROSS_FIT_FOLDS }, () => []) };
    rows.forEach((row, index) => {
      folds.byId.set(row.id, foldOf[index] as number);
      (folds.ids[foldOf[index] as number] as string[]).push(row.id);
    });
    model.folds = folds;
    rows.forEach((row, index) => {
      predictLeftOut(row, foldFit(model, foldOf[index] as number));
    });
  }
  model.calibration = fitCalibration([...model.loo.values()].map((point) => point.error));
  return model;
}

/** The compute fit without the rows whose id is in `ids` (cached under `key`). */
export function refitWithout(
  model: ImputationModel,
  ids: readonly string[],
  key: string,
): ComputeModel | null {
  if (model.refits.has(key)) return model.refits.get(key) ?? null;
  const leaving = new Set(ids);
  const rows = model.rows.filter((row) => !leaving.has(row.id));
  const refit = rows.length === model.rows.length ? model.full : fitComputeModel(rows);
  model.refits.set(key, refit);
  return refit;
}

/**
 * The cross-fit of fold `fold`: the compute fit over every row outside it, started cold (from the prior, not from
 * the full fit), so nothing of the fold's compute reaches it. Cached under `fold:<k>`.
 */
export function foldFit(model: ImputationModel, fold: number): ComputeModel | null {
  const key = `fold:${fold}`;
  if (model.refits.has(key)) return model.refits.get(key) ?? null;
  const foldOf = model.folds?.byId;
  const refit = foldOf ? fitComputeModel(model.rows.filter((row) => foldOf.get(row.id) !== fold)) : null;
  model.refits.set(key, refit);
  return refit;
}

/**
 * The fit that leaves out a model's own reference points `ids` on the cross-fit path: the fit without their
 * fold, when they all lie in one. Null on the exact path (the caller refits without `ids`) or when they span
 * several folds.
 */
export function ownFoldFit(
  model: ImputationModel,
  ids: readonly string[],
): { fit: ComputeModel | null; fold: number; size: number } | null {
  if (!model.folds || ids.length === 0) return null;
  const folds = new Set(ids.map((id) => model.folds?.byId.get(id)));
  if (folds.size !== 1) return null;
  const fold = [...folds][0];
  if (fold === undefined) return null;
  return { fit: foldFit(model, fold), fold, size: (model.folds.ids[fold] as string[]).length };
}

/** The errors of a set of leave-one-out points in ascending order (built once per set). */
const sortedErrors = new WeakMap<Map<string, { error: number }>, number[]>();

/**
 * The calibration map fitted on the leave-one-out predictions of every reference not in `ids`: the errors are
 * sorted once per set of points, and each call reads the quantiles around the few it removes (the same map as
 * sorting the remaining errors, without a sort per estimate).
 */
export function calibrationWithout(
  model: ImputationModel,
  ids: readonly string[],
  key: string,
  points?: Map<string, { error: number; developer: string | null }>,
): Calibration {
  if (ids.length === 0 && !points) return model.calibration;
  const cached = model.calibrations.get(key);
  if (cached) return cached;
  const set = points ?? model.loo;
  let errors = sortedErrors.get(set);
  if (!errors) {
    errors = [...set.values()].map((point) => point.error).sort((left, right) => left - right);
    sortedErrors.set(set, errors);
  }
  // Positions (in the sorted list) of the errors removed, ascending; each removed error is found by a binary
  // search for its value, and equal values take the next free position.
  const removed: number[] = [];
  for (const id of new Set(ids)) {
    const point = set.get(id);
    if (!point) continue;
    let low = 0;
    let high = errors.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((errors[middle] as number) < point.error) low = middle + 1;
      else high = middle;
    }
    while (removed.includes(low)) low++;
    removed.push(low);
  }
  removed.sort((left, right) => left - right);
  const sorted = errors;
  const calibration = calibrationFromSorted(sorted.length - removed.length, (index) => {
    let position = index;
    for (const gap of removed) if (gap <= position) position++;
    return sorted[position] as number;
  });
  model.calibrations.set(key, calibration);
  return calibration;
}

/**
 * Leave-one-developer-out predictions of every reference (each developer's references refitted without the
 * whole developer), for the calibration map used under leave-one-developer-out.
 */
export function lodoPoints(model: ImputationModel): Map<string, { error: number; developer: string | null }> {
  if (model.lodo) return model.lodo;
  const points = new Map<string, { error: number; developer: string | null }>();
  const byDeveloper = new Map<string, string[]>();
  for (const row of model.rows) {
    if (row.developer === null) continue;
    const list = byDeveloper.get(row.developer);
    if (list) list.push(row.id);
    else byDeveloper.set(row.developer, [row.id]);
  }
  for (const row of model.rows) {
    const ids = row.developer === null ? [row.id] : (byDeveloper.get(row.developer) as string[]);
    const refit = refitWithout(model, ids, `developer:${row.developer ?? row.id}`);
    if (!refit) continue;
    const effect = developerEffect(refit, row.developer, row.capability);
    const prediction = predictCompute(refit, row.x, effect, 0);
    points.set(row.id, { error: (row.y - prediction.mean) / prediction.sd, developer: row.developer });
  }
  model.lodo = points;
  return points;
}

/** The ids of the model's rows, built once per fitted model. */
const rowIdSets = new WeakMap<ImputationModel, Set<string>>();

function rowIds(model: ImputationModel): Set<string> {
  let ids = rowIdSets.get(model);
  if (!ids) {
    ids = new Set(model.rows.map((row) => row.id));
    rowIdSets.set(model, ids);
  }
  return ids;
}

/** Row ids by loose name, built once per fitted model (each estimate asks; a scan per estimate is quadratic). */
const rowsByLooseName = new WeakMap<ImputationModel, Map<string, string[]>>();

/** The ids of the model's own reference point(s): same id or same loose name, in row order. */
export function ownReferenceIds(model: ImputationModel, facts: EstimatorFacts): string[] {
  let index = rowsByLooseName.get(model);
  if (!index) {
    index = new Map();
    for (const row of model.rows) {
      const key = looseName(row.name);
      const list = index.get(key);
      if (list) list.push(row.id);
      else index.set(key, [row.id]);
    }
    rowsByLooseName.set(model, index);
  }
  const byName = index.get(looseName(facts.name)) ?? [];
  if (facts.id === undefined || byName.includes(facts.id) || !rowIds(model).has(facts.id)) return byName;
  const ids = new Set([...byName, facts.id]);
  return model.rows.filter((row) => ids.has(row.id)).map((row) => row.id);
}

/** Places the model being estimated on the capability scale (its own placement when it is in the population). */
export function placeFacts(model: ImputationModel, facts: EstimatorFacts): Placement | null {
  const scores: Record<string, { value: number; asOf?: string }[]> = {};
  for (const [benchmark, list] of Object.entries(facts.scoreSnapshots ?? {})) scores[benchmark] = [...list];
  for (const [benchmark, score] of Object.entries(facts.scores ?? {})) {
    const value =
      typeof score === 'number'
        ? { value: score }
        : { value: score.value, ...(score.asOf ? { asOf: score.asOf } : {}) };
    const list = scores[benchmark] ?? [];
    if (!list.some((existing) => existing.asOf === value.asOf && existing.value === value.value))
      list.push(value);
    scores[benchmark] = list;
  }
  return placeModel(model.capability, { id: facts.id ?? facts.name, scores });
}

/** The subject of the model being estimated, from its facts. */
export function factsSubject(facts: EstimatorFacts): Subject {
  const price = blendedPrice(facts.pricing);
  // The facts' own fields, then the blended price (always positive when known), without copying the facts.
  const subject = toSubject(facts as Subject);
  if (price !== undefined) subject.pricePerMillion = price;
  return subject;
}
