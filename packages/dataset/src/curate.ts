import type {
  ComputeEstimate,
  Confidence,
  CuratedStatus,
  Curation,
  LedgerEntry,
  ModelRecord,
  ReportedConfidence,
  Ruling,
  StatusCutPoints,
  ThresholdAssessment,
} from '@tracker/schema';
import { activeLedgerEntries, isRulingEntry, ledgerFactUrl } from './ledger';

/** Options of {@link curate}. */
export interface CurateOptions {
  /** The compute threshold in FLOP (e.g. 1e25). */
  threshold: number;
  /**
   * How far (a factor) the machine median may move from the one recorded at a ruling before review (default 3);
   * also how far apart two rulings' figures may be before they count as a conflict.
   */
  reviewFactor?: number;
  /** Cut points of the threshold status of a ruling's figure (default: those of `estimation.assessThreshold`). */
  cutPoints?: StatusCutPoints;
  /** How a ruling's figure becomes an estimate and an assessment (see {@link RulingEstimation}). */
  estimation: RulingEstimation;
}

/**
 * The pieces of estimation that curation needs to turn a ruling's figure into an estimate. The dataset library
 * does not depend on `@tracker/estimation`: the caller passes them (`@tracker/core` passes estimation's own).
 */
export interface RulingEstimation {
  /** P(above) and the threshold status of an estimate. */
  assessThreshold(
    estimate: Pick<ComputeEstimate, 'median' | 'log10Sigma'>,
    threshold: number,
    cutPoints?: StatusCutPoints,
  ): ThresholdAssessment;
  /** The log10 σ of a 90% half-width given as a factor (×/÷ factor). */
  sigmaFromFactor(factor: number): number;
  /** The confidence label of a spread. */
  confidenceFromSigma(log10Sigma: number): Confidence;
  /** 90% half-width (a factor) of a figure by its confidence, when the ruling gives no interval. */
  reportedHalfWidth: Readonly<Record<ReportedConfidence, number>>;
}

/** The ruling in force for a model and the status it implies (`null` for `include`, which leaves the status to the machine). */
export interface ModelRuling {
  ruling: Ruling;
  status: CuratedStatus | null;
  /** The ruling entry's first evidence URL, else a URL naming the entry (see `ledgerFactUrl`). */
  url: string;
}

/** A compute figure a reviewer set, with its confidence and, when given, its interval. */
interface HumanFigure {
  flop: number;
  confidence: ReportedConfidence;
  interval90?: [number, number];
}

/**
 * The ruling in force per model: the latest active ruling entry (by `at`, then file order; superseded entries
 * do not count). A `confirm-above`/`confirm-below` without a figure keeps the compute of the latest earlier
 * `set-compute` or confirmation with a value, so "set the compute, then confirm" shows the human's figure.
 * `set-compute` implies confirmed-above when its FLOP is at or over the threshold, confirmed-below otherwise.
 * Keys are the ids the entries name, whether or not such a model exists (see {@link placeRulings}).
 */
export function rulingsByModel(ledger: readonly LedgerEntry[], threshold: number): Map<string, ModelRuling> {
  const rulings = new Map<string, ModelRuling>();
  const humanFigure = new Map<string, HumanFigure>();
  for (const entry of activeLedgerEntries(ledger)) {
    if (!isRulingEntry(entry)) continue;
    const value = entry.action !== 'exclude' && entry.action !== 'include' ? entry.value : undefined;
    const own: HumanFigure | undefined = value && {
      flop: value.flop,
      confidence: value.confidence,
      ...(value.interval90 ? { interval90: value.interval90 } : {}),
    };
    const carried =
      entry.action === 'confirm-above' || entry.action === 'confirm-below'
        ? humanFigure.get(entry.modelId)
        : undefined;
    if (own !== undefined) humanFigure.set(entry.modelId, own);
    const figure = own ?? carried;
    const machineMedian = 'machineMedian' in entry ? entry.machineMedian : undefined;
    const ruling: Ruling = {
      entryId: entry.id,
      action: entry.action,
      at: entry.at,
      by: entry.by,
      reason: entry.reason,
      ...(figure ?? {}),
      ...(machineMedian === undefined ? {} : { machineMedianAtRuling: machineMedian }),
    };
    rulings.set(entry.modelId, {
      ruling,
      status: statusOfRuling(entry.action, figure?.flop, threshold),
      url: ledgerFactUrl(entry),
    });
  }
  return rulings;
}

function statusOfRuling(
  action: Ruling['action'],
  flop: number | undefined,
  threshold: number,
): CuratedStatus | null {
  switch (action) {
    case 'confirm-above':
      return 'confirmed-above';
    case 'confirm-below':
      return 'confirmed-below';
    case 'exclude':
      return 'excluded';
    case 'set-compute':
      return flop !== undefined && flop >= threshold ? 'confirmed-above' : 'confirmed-below';
    case 'include':
      return null;
  }
}

function machineStatus(record: ModelRecord): CuratedStatus {
  const status = record.assessment?.status;
  return status === 'above' || status === 'likely-above' ? 'candidate' : 'unreviewed';
}

function formatFlop(value: number): string {
  return value.toExponential(2);
}

/**
 * Whether a ruled model needs another look, and why (with both values). Two triggers:
 * - moved: the machine median now differs from the one recorded on the ruling by more than ×`reviewFactor`;
 * - crossed: the machine now disagrees with a confirmed-above/below ruling (median on the other side of the
 *   threshold, i.e. P(above) on the other side of 0.5) although it agreed, or was not recorded, when the ruling
 *   was made. A human who overruled the machine is not asked again unless the median then moves.
 * No machine estimate means nothing to compare, so no flag.
 */
export function reviewReason(
  ruling: ModelRuling,
  currentMedian: number | undefined,
  options: CurateOptions,
): string | undefined {
  if (currentMedian === undefined || ruling.status === null) return undefined;
  const factor = options.reviewFactor ?? 3;
  const threshold = options.threshold;
  const recorded = ruling.ruling.machineMedianAtRuling;
  const reasons: string[] = [];
  if (recorded !== undefined) {
    const ratio = Math.max(currentMedian / recorded, recorded / currentMedian);
    if (ratio > factor) {
      reasons.push(
        `machine median moved from ${formatFlop(recorded)} to ${formatFlop(currentMedian)} FLOP ` +
          `(×${ratio.toFixed(1)}, more than ×${factor})`,
      );
    }
  }
  const disagrees = (median: number) =>
    (ruling.status === 'confirmed-below' && median >= threshold) ||
    (ruling.status === 'confirmed-above' && median < threshold);
  if (disagrees(currentMedian) && (recorded === undefined || !disagrees(recorded))) {
    const side = currentMedian >= threshold ? 'above' : 'below';
    const then = recorded === undefined ? '' : ` (it was ${formatFlop(recorded)} at the ruling)`;
    reasons.push(
      `machine median ${formatFlop(currentMedian)} FLOP is now ${side} the threshold ${formatFlop(threshold)}${then}, ` +
        `but the ruling is ${ruling.status}`,
    );
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/** Where the rulings of a set of models land once merges are followed. */
export interface PlacedRulings {
  /** Surviving model id → the rulings in force for it, latest first (its own and those carried to it). */
  bySurvivor: Map<string, ModelRuling[]>;
  /** Rulings whose model no longer exists and that no `alias` carried to a model that does. */
  orphans: OrphanedRuling[];
}

/** A ruling in force whose model is gone (a merge or a rename left its id behind). */
export interface OrphanedRuling {
  /** The id the ruling was made on. */
  modelId: string;
  ruling: Ruling;
  /** Where an `alias` sent the model's names, when it did (an id that is gone too). */
  movedTo?: string;
}

/**
 * Model id → the id its names were merged into, from active `alias` entries that name the model they came
 * `from` (the latest such entry per model wins).
 */
function mergeTargets(ledger: readonly LedgerEntry[]): Map<string, string> {
  const targets = new Map<string, string>();
  for (const entry of activeLedgerEntries(ledger)) {
    if (entry.action === 'alias' && entry.value.from !== undefined && entry.value.from !== entry.modelId)
      targets.set(entry.value.from, entry.modelId);
  }
  return targets;
}

/**
 * Places each model's ruling on a model that exists: its own, or, when an `alias` merged it (the entry's
 * `value.from`) and it has no record any more, the model it was merged into (following chains of merges). A ruling
 * whose model is gone with nowhere to go is an orphan. `existing` is the set of model ids that have records.
 */
export function placeRulings(
  existing: ReadonlySet<string>,
  ledger: readonly LedgerEntry[],
  threshold: number,
): PlacedRulings {
  const rulings = rulingsByModel(ledger, threshold);
  const targets = mergeTargets(ledger);
  const bySurvivor = new Map<string, ModelRuling[]>();
  const orphans: OrphanedRuling[] = [];
  for (const [modelId, ruling] of rulings) {
    let survivor = modelId;
    const seen = new Set<string>([modelId]);
    while (!existing.has(survivor)) {
      const next = targets.get(survivor);
      if (next === undefined || seen.has(next)) break;
      seen.add(next);
      survivor = next;
    }
    if (!existing.has(survivor)) {
      orphans.push({
        modelId,
        ruling: ruling.ruling,
        ...(survivor === modelId ? {} : { movedTo: survivor }),
      });
      continue;
    }
    const placed =
      survivor === modelId ? ruling : { ...ruling, ruling: { ...ruling.ruling, carriedFrom: modelId } };
    const list = bySurvivor.get(survivor) ?? [];
    list.push(placed);
    bySurvivor.set(survivor, list);
  }
  for (const list of bySurvivor.values()) {
    // Latest first; on a tie the model's own ruling before a carried one.
    list.sort(
      (left, right) =>
        Date.parse(right.ruling.at) - Date.parse(left.ruling.at) ||
        Number(left.ruling.carriedFrom !== undefined) - Number(right.ruling.carriedFrom !== undefined),
    );
  }
  orphans.sort((left, right) => (left.modelId < right.modelId ? -1 : left.modelId > right.modelId ? 1 : 0));
  return { bySurvivor, orphans };
}

/** Rulings in force whose model no longer exists in `records` and was not carried to one that does. */
export function orphanedRulings(
  records: readonly Pick<ModelRecord, 'id'>[],
  ledger: readonly LedgerEntry[],
  threshold: number,
): OrphanedRuling[] {
  return placeRulings(new Set(records.map((record) => record.id)), ledger, threshold).orphans;
}

function describeRuling(ruling: Ruling): string {
  const figure = ruling.flop === undefined ? '' : ` ${formatFlop(ruling.flop)} FLOP`;
  const where = ruling.carriedFrom === undefined ? '' : ` (made on ${ruling.carriedFrom})`;
  return `${ruling.action}${figure} by ${ruling.by}${where}`;
}

/** How a needs-review reason names a conflict between rulings (see {@link rulingConflict}). */
export const RULING_CONFLICT = 'rulings disagree after a merge';

/**
 * Why the rulings a model carries disagree, or undefined when they agree: two rulings conflict when they imply
 * different statuses, or when both set a figure and the figures differ by more than ×`reviewFactor`.
 */
export function rulingConflict(rulings: readonly ModelRuling[], options: CurateOptions): string | undefined {
  const factor = options.reviewFactor ?? 3;
  const pairs: string[] = [];
  for (const [index, left] of rulings.entries()) {
    for (const right of rulings.slice(index + 1)) {
      const statuses = left.status !== null && right.status !== null && left.status !== right.status;
      const a = left.ruling.flop;
      const b = right.ruling.flop;
      const figures = a !== undefined && b !== undefined && Math.max(a / b, b / a) > factor;
      if (statuses || figures)
        pairs.push(`${describeRuling(left.ruling)} vs ${describeRuling(right.ruling)}`);
    }
  }
  return pairs.length > 0 ? `${RULING_CONFLICT}: ${pairs.join('; ')}; the latest is in force` : undefined;
}

/**
 * The machine's own estimate and assessment of a record, whether or not a ruling's figure replaced them in
 * `estimate`/`assessment` (see {@link curate}).
 */
export function machineOf(record: ModelRecord): {
  estimate: ComputeEstimate | null;
  assessment?: ThresholdAssessment;
} {
  if (record.machineEstimate !== undefined) {
    return {
      estimate: record.machineEstimate,
      ...(record.machineAssessment ? { assessment: record.machineAssessment } : {}),
    };
  }
  return {
    estimate: record.estimate ?? null,
    ...(record.assessment ? { assessment: record.assessment } : {}),
  };
}

/**
 * The bounds a source gives for this very figure (Epoch's lower/upper on a reported compute equal to it), when
 * they are wider than `factor` either side, else undefined.
 */
function sourceBounds(
  record: Pick<ModelRecord, 'facts'> | undefined,
  flop: number,
  factor: number,
): { low: number; high: number; source: string } | undefined {
  for (const fact of record?.facts.reportedCompute ?? []) {
    const { flop: reported, lower, upper } = fact.value;
    if (reported !== flop || lower === undefined || upper === undefined || !(lower <= flop && flop <= upper))
      continue;
    if (Math.sqrt(upper / lower) > factor) return { low: lower, high: upper, source: fact.source };
  }
  return undefined;
}

/**
 * The estimate a ruling's figure stands for: median the figure; 90% interval the ruling's own when it gave one,
 * else ×/÷ the half-width of its confidence (as for a reported figure), widened to the bounds a source states for
 * the same figure when those are wider (as the `reported` method does). Method `ledger`.
 */
export function rulingEstimate(
  ruling: ModelRuling,
  machine: ComputeEstimate | null,
  options: CurateOptions,
  record?: Pick<ModelRecord, 'facts'>,
): ComputeEstimate | null {
  const { flop, confidence = 'unknown', interval90 } = ruling.ruling;
  if (flop === undefined) return null;
  const { sigmaFromFactor, confidenceFromSigma, reportedHalfWidth } = options.estimation;
  let log10Sigma: number;
  let interval: [number, number];
  let spread: string;
  if (interval90) {
    interval = [interval90[0], interval90[1]];
    log10Sigma = sigmaFromFactor(Math.sqrt(interval90[1] / interval90[0]));
    spread = `90% interval ${formatFlop(interval90[0])}–${formatFlop(interval90[1])} as the ruling gives it`;
  } else {
    const factor = reportedHalfWidth[confidence];
    const bounds = sourceBounds(record, flop, factor);
    if (bounds) {
      interval = [bounds.low, bounds.high];
      log10Sigma = sigmaFromFactor(Math.sqrt(bounds.high / bounds.low));
      spread =
        `confidence "${confidence}" → ×/÷ ${factor}, but ${bounds.source} states bounds ` +
        `${formatFlop(bounds.low)}–${formatFlop(bounds.high)} for this figure, which are wider, so they are the 90% interval`;
    } else {
      log10Sigma = sigmaFromFactor(factor);
      // 2e25 / 10 is 2.0000000000000002e24 in floating point; the bounds of a typed figure stay as typed.
      interval = [Number((flop / factor).toPrecision(12)), Number((flop * factor).toPrecision(12))];
      spread = `confidence "${confidence}" → 90% interval ×/÷ ${factor}`;
    }
  }
  const { ruling: rule, url } = ruling;
  const reasoning =
    `${rule.action} by ${rule.by} on ${rule.at.slice(0, 10)}` +
    `${rule.carriedFrom === undefined ? '' : ` (made on ${rule.carriedFrom}, merged into this model)`}: ` +
    `${formatFlop(flop)} FLOP, ${spread}`;
  const machineText = machine
    ? `the machine estimate (${formatFlop(machine.median)} FLOP by ${machine.method}) is kept as machineEstimate`
    : 'no machine method applies';
  return {
    median: flop,
    interval90: interval,
    log10Sigma,
    method: 'ledger',
    confidence: confidence === 'unknown' ? confidenceFromSigma(log10Sigma) : confidence,
    components: [
      {
        method: 'ledger',
        median: flop,
        interval90: interval,
        log10Sigma,
        inputs: [
          { name: 'ruling', value: flop, source: 'ledger', url, retrievedAt: rule.at },
          { name: 'rulingConfidence', value: confidence, source: 'ledger', url, retrievedAt: rule.at },
        ],
        reasoning,
        used: true,
      },
    ],
    combination: `a human ruling sets the figure (ledger entry ${rule.entryId}); ${machineText}`,
  };
}

/** Prepared rulings for {@link curateRecord}: computed once per ledger and set of models. */
interface CurationContext {
  placed: PlacedRulings;
  options: CurateOptions;
}

function prepare(
  ids: ReadonlySet<string>,
  ledger: readonly LedgerEntry[],
  options: CurateOptions,
): CurationContext {
  return { placed: placeRulings(ids, ledger, options.threshold), options };
}

function curateRecord(source: ModelRecord, context: CurationContext): ModelRecord {
  const { options } = context;
  const machine = machineOf(source);
  const {
    machineEstimate: _machineEstimate,
    machineAssessment: _machineAssessment,
    estimate: _estimate,
    assessment: _assessment,
    ...rest
  } = source;
  const record: ModelRecord = {
    ...rest,
    ...('estimate' in source || machine.estimate !== null ? { estimate: machine.estimate } : {}),
    ...(machine.assessment ? { assessment: machine.assessment } : {}),
  };
  const rulings = context.placed.bySurvivor.get(source.id) ?? [];
  const primary = rulings[0];
  if (!primary) return { ...record, curation: { status: machineStatus(record), needsReview: false } };

  const reasons = [
    reviewReason(primary, machine.estimate?.median, options),
    rulings.length > 1 ? rulingConflict(rulings, options) : undefined,
  ].filter((reason): reason is string => reason !== undefined);
  const curation: Curation = {
    status: primary.status ?? machineStatus(record),
    needsReview: reasons.length > 0,
    ...(reasons.length === 0 ? {} : { needsReviewReason: reasons.join('; ') }),
    ruling: primary.ruling,
    ...(rulings.length > 1 ? { otherRulings: rulings.slice(1).map((other) => other.ruling) } : {}),
  };
  // The figure comes from the latest ruling that set one.
  const figure = rulings.find((ruling) => ruling.ruling.flop !== undefined && ruling.status !== 'excluded');
  const human = figure ? rulingEstimate(figure, machine.estimate, options, record) : null;
  if (!human) return { ...record, curation };
  const threshold = machine.assessment?.threshold ?? options.threshold;
  return {
    ...record,
    estimate: human,
    assessment: options.estimation.assessThreshold(human, threshold, options.cutPoints),
    machineEstimate: machine.estimate,
    ...(machine.assessment ? { machineAssessment: machine.assessment } : {}),
    curation,
  };
}

/**
 * The curated view: each record with `curation` set from the ledger (pure; the input is not changed, and curating
 * curated records gives the same result).
 * - Status is the ruling's (`confirmed-above`, `confirmed-below`, `excluded`); without one (or with only an
 *   `include`) it is `candidate` when the machine says above or likely-above, else `unreviewed`.
 * - A ruling that set a figure makes it the model's `estimate` (method `ledger`, see {@link rulingEstimate}) and
 *   `assessment`; the machine's stay beside it as `machineEstimate`/`machineAssessment`.
 * - The rulings of a model an `alias` merged into another follow it (see {@link placeRulings}); when they
 *   disagree the model needs review (see {@link rulingConflict}).
 * - The machine never changes a ruling: it can only raise `needsReview` (see {@link reviewReason}).
 */
export function curate(
  records: readonly ModelRecord[],
  ledger: readonly LedgerEntry[],
  options: CurateOptions,
): ModelRecord[] {
  const context = prepare(new Set(records.map((record) => record.id)), ledger, options);
  return records.map((record) => curateRecord(record, context));
}

/**
 * Re-curates only the models a decision about `modelIds` can change (those models, or the models their rulings
 * were carried to), leaving every other record as it is (the same object). Gives the same records as
 * {@link curate} when the rest of the ledger has not changed since they were curated. Returns the new list and the
 * ids it changed.
 */
export function curateModels(
  records: readonly ModelRecord[],
  ledger: readonly LedgerEntry[],
  modelIds: Iterable<string>,
  options: CurateOptions,
): { records: ModelRecord[]; updated: string[] } {
  const ids = new Set(records.map((record) => record.id));
  const context = prepare(ids, ledger, options);
  const wanted = new Set(modelIds);
  for (const [survivor, rulings] of context.placed.bySurvivor) {
    if (rulings.some((ruling) => wanted.has(ruling.ruling.carriedFrom ?? survivor))) wanted.add(survivor);
  }
  const updated: string[] = [];
  const next = records.map((record) => {
    if (!wanted.has(record.id)) return record;
    updated.push(record.id);
    return curateRecord(record, context);
  });
  return { records: next, updated };
}
