import type { CuratedStatus, Curation, LedgerEntry, ModelRecord, Ruling } from '@tracker/schema';
import { activeLedgerEntries, isRulingEntry } from './ledger';

/** Options of {@link curate}. */
export interface CurateOptions {
  /** The compute threshold in FLOP (e.g. 1e25). */
  threshold: number;
  /** How far (a factor) the machine median may move from the one recorded at a ruling before review (default 3). */
  reviewFactor?: number;
}

/** The ruling in force for a model and the status it implies (`null` for `include`, which leaves the status to the machine). */
export interface ModelRuling {
  ruling: Ruling;
  status: CuratedStatus | null;
}

/**
 * The ruling in force per model: the latest active ruling entry (by `at`, then file order; superseded entries
 * do not count). A `confirm-above`/`confirm-below` without a figure keeps the compute of the latest earlier
 * `set-compute` or confirmation with a value, so "set the compute, then confirm" shows the human's figure.
 * `set-compute` implies confirmed-above when its FLOP is at or over the threshold, confirmed-below otherwise.
 */
export function rulingsByModel(ledger: readonly LedgerEntry[], threshold: number): Map<string, ModelRuling> {
  const rulings = new Map<string, ModelRuling>();
  const humanFlop = new Map<string, number>();
  for (const entry of activeLedgerEntries(ledger)) {
    if (!isRulingEntry(entry)) continue;
    const ownFlop = entry.action !== 'exclude' && entry.action !== 'include' ? entry.value?.flop : undefined;
    const carried =
      entry.action === 'confirm-above' || entry.action === 'confirm-below'
        ? humanFlop.get(entry.modelId)
        : undefined;
    if (ownFlop !== undefined) humanFlop.set(entry.modelId, ownFlop);
    const flop = ownFlop ?? carried;
    const machineMedian = 'machineMedian' in entry ? entry.machineMedian : undefined;
    const ruling: Ruling = {
      entryId: entry.id,
      action: entry.action,
      at: entry.at,
      by: entry.by,
      reason: entry.reason,
      ...(flop === undefined ? {} : { flop }),
      ...(machineMedian === undefined ? {} : { machineMedianAtRuling: machineMedian }),
    };
    rulings.set(entry.modelId, { ruling, status: statusOfRuling(entry.action, flop, threshold) });
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

/**
 * The curated view: each record with `curation` set from the ledger (pure; the input is not changed).
 * Status is the ruling's (`confirmed-above`, `confirmed-below`, `excluded`); without one (or with only an
 * `include`) it is `candidate` when the machine says above or likely-above, else `unreviewed`. The machine never
 * changes a ruling: it can only raise `needsReview` (see {@link reviewReason}).
 */
export function curate(
  records: readonly ModelRecord[],
  ledger: readonly LedgerEntry[],
  options: CurateOptions,
): ModelRecord[] {
  const rulings = rulingsByModel(ledger, options.threshold);
  return records.map((record) => {
    const ruling = rulings.get(record.id);
    let curation: Curation;
    if (!ruling) {
      curation = { status: machineStatus(record), needsReview: false };
    } else {
      const reason = reviewReason(ruling, record.estimate?.median, options);
      curation = {
        status: ruling.status ?? machineStatus(record),
        needsReview: reason !== undefined,
        ...(reason === undefined ? {} : { needsReviewReason: reason }),
        ruling: ruling.ruling,
      };
    }
    return { ...record, curation };
  });
}
