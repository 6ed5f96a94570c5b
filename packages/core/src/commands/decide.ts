import type { CreateLedgerEntryInput } from '@tracker/dataset';
import { formatObjects, type ObjectColumn } from '@tracker/query';
import { type LedgerEntry, type ModelRecord, TrackerError } from '@tracker/schema';
import { type CommandContext, printOptions } from '../context';
import { findModel, loadCurationState, recordDecisions, reviewerName } from '../curation';

/** Confidence labels a reviewer may give a compute figure. */
export const DECISION_CONFIDENCES = ['confident', 'likely', 'speculative'] as const;
export type DecisionConfidence = (typeof DECISION_CONFIDENCES)[number];

/** What a reviewer decides about one model. */
export type Decision = 'above' | 'below' | 'exclude' | 'set-compute';

export interface DecisionDetails {
  reason: string;
  by: string;
  evidence: string[];
  compute?: { flop: number; confidence: DecisionConfidence };
  /** `cli`, `review`, `add`. */
  origin: string;
}

const SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * Reads a positive quantity as people type it: `3.8e25`, `38e24`, `405B`, `1.76T`, `15T`, `1,000`. `what` names
 * the flag or field in the USAGE error.
 */
export function parseQuantity(text: string, what: string): number {
  const match = /^([0-9][0-9,_]*(?:\.[0-9]*)?|\.[0-9]+)(?:e([+-]?[0-9]+))?\s*([kmbt])?$/i.exec(text.trim());
  const value = match
    ? Number(`${match[1]!.replace(/[,_]/g, '')}${match[2] === undefined ? '' : `e${match[2]}`}`) *
      (match[3] ? (SUFFIXES[match[3].toLowerCase()] ?? 1) : 1)
    : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TrackerError('USAGE', `${what}: expected a positive number like 3.8e25 or 405B, got "${text}"`);
  }
  // 1.76 × 1e12 is 1760000000000.0002 in floating point; keep what the person typed.
  return Number(value.toPrecision(12));
}

/** `confident`, `likely` or `speculative` (any case). */
export function parseConfidence(text: string, what: string): DecisionConfidence {
  const value = text.trim().toLowerCase();
  const found = DECISION_CONFIDENCES.find((label) => label === value);
  if (!found) {
    throw new TrackerError('USAGE', `${what}: expected ${DECISION_CONFIDENCES.join(', ')}, got "${text}"`);
  }
  return found;
}

/** Evidence URLs (each value may hold several separated by spaces); only http(s) URLs are accepted. */
export function parseEvidence(values: readonly string[], what = '--evidence'): string[] {
  const urls = values.flatMap((value) => value.split(/\s+/)).filter(Boolean);
  for (const url of urls) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
      throw new TrackerError('USAGE', `${what}: expected an http(s) URL, got "${url}"`);
    }
  }
  return urls;
}

/** `--flop N --confidence C`: both or neither. */
export function parseComputeFlags(options: {
  flop?: string | number | undefined;
  confidence?: string | undefined;
}): DecisionDetails['compute'] {
  const flop = options.flop === undefined ? undefined : String(options.flop);
  const confidence = options.confidence;
  if (flop === undefined && confidence === undefined) return undefined;
  if (flop === undefined) throw new TrackerError('USAGE', '--confidence goes with --flop N');
  if (confidence === undefined) {
    throw new TrackerError('USAGE', `--flop needs --confidence (${DECISION_CONFIDENCES.join('|')})`);
  }
  return { flop: parseQuantity(flop, '--flop'), confidence: parseConfidence(confidence, '--confidence') };
}

/**
 * The ledger entry of a decision. It records the model's current machine median so that a later move of the
 * estimate flags the ruling for review.
 */
export function decisionEntry(
  record: ModelRecord,
  decision: Decision,
  details: DecisionDetails,
): CreateLedgerEntryInput {
  const base = {
    modelId: record.id,
    by: details.by,
    reason: details.reason,
    evidence: details.evidence,
    origin: details.origin,
    ...(record.estimate ? { machineMedian: record.estimate.median } : {}),
  };
  const value = details.compute
    ? { value: { flop: details.compute.flop, confidence: details.compute.confidence } }
    : {};
  switch (decision) {
    case 'above':
      return { ...base, action: 'confirm-above', ...value };
    case 'below':
      return { ...base, action: 'confirm-below', ...value };
    case 'exclude':
      return { ...base, action: 'exclude' };
    case 'set-compute':
      if (!details.compute)
        throw new TrackerError('USAGE', 'set compute needs a FLOP figure and a confidence');
      return { ...base, action: 'set-compute', value: { ...details.compute } };
  }
}

const ENTRY_COLUMNS: ObjectColumn[] = [
  { field: 'id', kind: 'code' },
  { field: 'modelId', header: 'model', kind: 'code' },
  { field: 'action', kind: 'code' },
  { field: 'flop', kind: 'magnitude' },
  { field: 'confidence', kind: 'code' },
  { field: 'by', kind: 'code' },
  { field: 'reason' },
  { field: 'evidence' },
];

/** Prints stored ledger entries: JSON as stored, other formats one flat row each. */
export function formatEntries(context: CommandContext, entries: readonly LedgerEntry[]): string {
  if (context.format === 'json')
    return `${JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2)}\n`;
  if (context.format === 'jsonl') return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
  const rows = entries.map((entry) => {
    const value = 'value' in entry ? (entry.value as Record<string, unknown> | undefined) : undefined;
    return {
      id: entry.id,
      modelId: 'modelId' in entry ? entry.modelId : `developer: ${entry.developer}`,
      action: entry.action,
      flop: typeof value?.flop === 'number' ? value.flop : null,
      confidence: typeof value?.confidence === 'string' ? value.confidence : null,
      by: entry.by,
      reason: entry.reason,
      evidence: entry.evidence.join(' '),
    };
  });
  return formatObjects(rows, {
    ...printOptions(context),
    columns: ENTRY_COLUMNS,
  });
}

export interface DecideOptions {
  /** Model id, name or alias. */
  model: string;
  above?: boolean;
  below?: boolean;
  exclude?: boolean;
  /** Why (required). */
  reason?: string;
  /** A compute figure (`3.8e25`, `38e24`), with `confidence`. */
  flop?: string | number;
  confidence?: string;
  /** Evidence URLs. */
  evidence?: readonly string[];
  /** Who decides (default: the config's reviewer, else $USER). */
  by?: string;
}

/** `tracker decide MODEL --above|--below|--exclude --reason TEXT [--flop N --confidence C]`. */
export async function run(context: CommandContext, options: DecideOptions): Promise<LedgerEntry[]> {
  const chosen = (['above', 'below', 'exclude'] as const).filter((flag) => options[flag] === true);
  if (chosen.length !== 1) {
    throw new TrackerError(
      'USAGE',
      chosen.length === 0
        ? 'say what you decide: --above, --below or --exclude'
        : `choose one of --above, --below, --exclude (got ${chosen.map((flag) => `--${flag}`).join(' ')})`,
    );
  }
  const decision = chosen[0]!;
  const reason = options.reason?.trim();
  if (!reason) throw new TrackerError('USAGE', '--reason TEXT is required: say why');
  const compute = parseComputeFlags(options);
  if (compute && decision === 'exclude') {
    throw new TrackerError('USAGE', '--flop cannot go with --exclude (an excluded model has no figure)');
  }
  const evidence = parseEvidence(options.evidence ?? []);
  const by = reviewerName(context, options.by);

  const state = await loadCurationState(context);
  const record = findModel(state.models.models, options.model);
  const before = record.curation?.status ?? 'unreviewed';
  const stored = await recordDecisions(
    context,
    [
      decisionEntry(record, decision, {
        reason,
        by,
        evidence,
        origin: 'cli',
        ...(compute ? { compute } : {}),
      }),
    ],
    { command: 'tracker decide' },
  );
  context.io.stdout.write(formatEntries(context, stored));
  const after = (await context.folder.loadModels())?.models.find((model) => model.id === record.id);
  context.log.info(`${record.id}: ${before} → ${after?.curation?.status ?? 'unknown'}`);
  return stored;
}
