import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { displayPath } from '@tracker/dataset';
import {
  countsTokens,
  type EstimateComputeResult,
  releasedBy,
  truthFromRecord,
  type ValidationReport,
  validateAgainst,
  validateScraperView,
} from '@tracker/estimation';
import { formatObjects, type ObjectColumn } from '@tracker/query';
import { escapeJsonControls, type ModelRecord, type ObservationFile, TrackerError } from '@tracker/schema';
import { epochScraper, type Payload, payloadDate } from '@tracker/scrapers';
import type { CommandContext } from '../context';
import { buildFromFolder } from '../curation';
import { parseThreshold } from './estimate';

const ARENA_SOURCES = new Set(['lmarena', 'openlm-arena']);
/** Last release date of the time split's training references. */
const TIME_SPLIT_END = '2024-12-31';

export interface ValidateOptions {
  /** Epoch AI CSV files to compare with instead of the data folder's epoch observations. */
  epochCsv?: readonly string[];
  /** Leave each model's own reported figure and reference point out. */
  blind?: boolean;
  /** Threshold in FLOP (default: the configured one). */
  threshold?: string | number;
}

export interface ValidateResult {
  blind: boolean;
  threshold: number;
  reports: Record<
    | 'all'
    | 'epoch-inputs'
    | 'arena-scraper-view'
    | 'arena-scraper-view-lodo'
    | 'arena-scraper-view-time-split',
    ValidationReport
  >;
}

/**
 * `tracker validate`: our estimates against Epoch AI's data. Three views: every model Epoch quantifies; the
 * models whose inputs Epoch records (parameters and tokens, or hardware and time); and the Arena models, judged
 * only on what a scraper sees. With --blind each model's own figure and reference point are left out.
 */
export async function run(context: CommandContext, options: ValidateOptions = {}): Promise<ValidateResult> {
  const threshold =
    parseThreshold(options.threshold === undefined ? undefined : String(options.threshold)) ??
    context.loaded.config.threshold;
  const blind = options.blind === true;
  const { config } = context.loaded;
  const [files, ledger] = await Promise.all([context.folder.loadObservations(), context.folder.loadLedger()]);
  const epochFiles = options.epochCsv;
  const observationFiles = epochFiles?.length
    ? [...files.filter((file) => file.source !== 'epoch'), await readEpochCsvs(context, epochFiles)]
    : files;
  if (!observationFiles.some((file) => file.source === 'epoch' && file.observations.length > 0)) {
    throw new TrackerError(
      'NOT_FOUND',
      `no Epoch observations in ${context.folder.display(context.io.cwd)}; give --epoch-csv FILE or run "tracker collect --source epoch"`,
    );
  }
  // Decisions are not part of validation: the machine alone is measured.
  const { models } = await buildFromFolder(context, {
    observationFiles,
    ledger: ledger.filter((entry) => entry.action === 'alias' || entry.action === 'unalias'),
    threshold,
    blind,
  });
  const ours = new Map<string, EstimateComputeResult>(
    models.map((record) => [
      record.id,
      { estimate: record.estimate ?? null, assessment: record.assessment! },
    ]),
  );
  const withTruth = models.filter((record) => {
    const truth = truthFromRecord(record);
    return truth.computeFlop !== undefined || (truth.signals?.length ?? 0) > 0;
  });
  const withInputs = withTruth.filter(hasEpochInputs);
  const arena = withTruth.filter((record) =>
    record.observations.some((ref) => ARENA_SOURCES.has(ref.source)),
  );
  const reviewFloor = config.reviewFloor;
  const viewOptions = { threshold, cutPoints: config.statusCuts, reviewFloor, sourceRank: config.sourceRank };
  // Time split: references released up to 2024-12, tested on the Arena models released from 2025.
  const byEndOf2024 = releasedBy(TIME_SPLIT_END, { sourceRank: config.sourceRank });
  const reports = {
    all: validateAgainst(withTruth, ours, { threshold, cutPoints: config.statusCuts, reviewFloor }),
    'epoch-inputs': validateAgainst(withInputs, ours, {
      threshold,
      cutPoints: config.statusCuts,
      reviewFloor,
    }),
    'arena-scraper-view': validateScraperView(models, arena, viewOptions).report,
    'arena-scraper-view-lodo': validateScraperView(models, arena, { ...viewOptions, leaveOutDeveloper: true })
      .report,
    'arena-scraper-view-time-split': validateScraperView(
      models,
      arena.filter((record) => !byEndOf2024(record) && record.facts.releaseDate !== undefined),
      { ...viewOptions, referenceFilter: byEndOf2024 },
    ).report,
  };
  if (context.format === 'json') {
    context.io.stdout.write(
      `${escapeJsonControls(JSON.stringify({ blind, threshold, reports }, null, 2))}\n`,
    );
    return { blind, threshold, reports };
  }
  const summary = Object.entries(reports).map(([set, report]) => summaryRow(set, report));
  context.io.stdout.write(
    formatObjects(summary, {
      format: context.format,
      columns: [
        { field: 'set' },
        { field: 'computeCount', header: 'n(compute)', kind: 'number' },
        { field: 'medianAbsLog10', header: 'median|log10|', kind: 'number' },
        { field: 'p90AbsLog10', header: 'p90|log10|', kind: 'number' },
        { field: 'withinFactor2', header: '≤×2', kind: 'number' },
        { field: 'withinFactor3', header: '≤×3', kind: 'number' },
        { field: 'thresholdCount', header: 'n(1e25)', kind: 'number' },
        { field: 'precision', kind: 'number' },
        { field: 'recall', kind: 'number' },
        { field: 'f1', kind: 'number' },
        { field: 'accuracy', kind: 'number' },
        { field: 'brier', kind: 'number' },
      ],
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      color: context.color,
    }),
  );
  if (context.format === 'table') {
    const reliability = Object.entries(reports).flatMap(([set, report]) =>
      report.reliability
        .filter((bin) => bin.count > 0)
        .map((bin) => ({
          set,
          bin: bin.bin,
          count: bin.count,
          meanP: round(bin.meanProbability),
          observed: round(bin.observedRate),
        })),
    );
    const burden = Object.entries(reports).map(([set, report]) => ({
      set,
      ...report.reviewBurden,
      ratio: round(report.reviewBurden.ratio),
    }));
    writeTable(context, '\nReliability of P(above) (bins of P, blind):\n', reliability, [
      { field: 'set' },
      { field: 'bin' },
      { field: 'count', kind: 'number' },
      { field: 'meanP', header: 'mean P', kind: 'number' },
      { field: 'observed', header: 'observed rate', kind: 'number' },
    ]);
    writeTable(context, `\nReview burden (queue = P(above) ≥ ${reviewFloor}):\n`, burden, [
      { field: 'set' },
      { field: 'floor', kind: 'number' },
      { field: 'queue', kind: 'number' },
      { field: 'trulyOver', header: 'truly over', kind: 'number' },
      { field: 'caught', kind: 'number' },
      { field: 'ratio', header: 'queue/over', kind: 'number' },
    ]);
  }
  const disagreements = reports.all.disagreements.map((row) => ({
    id: row.id,
    epoch: row.truthFlop ?? (row.truthAbove ? 'over (signal)' : null),
    ours: row.median ?? null,
    probabilityAbove: row.probabilityAbove,
    status: row.status,
  }));
  if (disagreements.length && context.format === 'table') {
    context.io.stdout.write(
      `\nDisagreements on "over ${threshold.toExponential(0)}" (all models Epoch quantifies${blind ? ', blind' : ''}):\n`,
    );
    context.io.stdout.write(
      formatObjects(disagreements, {
        format: 'table',
        columns: [
          { field: 'id' },
          { field: 'epoch', kind: 'magnitude' },
          { field: 'ours', kind: 'magnitude' },
          { field: 'probabilityAbove', header: 'P(above)', kind: 'probability' },
          { field: 'status', kind: 'code' },
        ],
        ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      }),
    );
  }
  return { blind, threshold, reports };
}

/** A titled table on stdout (table format only). */
function writeTable(
  context: CommandContext,
  title: string,
  rows: Record<string, unknown>[],
  columns: ObjectColumn[],
): void {
  context.io.stdout.write(title);
  context.io.stdout.write(
    formatObjects(rows, {
      format: 'table',
      columns,
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
    }),
  );
}

function round(value: number | null): number | null {
  return value === null ? null : Number(value.toFixed(3));
}

function summaryRow(set: string, report: ValidationReport) {
  return {
    set,
    computeCount: report.compute.count,
    medianAbsLog10: round(report.compute.medianAbsLog10),
    p90AbsLog10: round(report.compute.p90AbsLog10),
    withinFactor2: round(report.compute.withinFactor2),
    withinFactor3: round(report.compute.withinFactor3),
    thresholdCount: report.threshold.count,
    precision: round(report.threshold.precision),
    recall: round(report.threshold.recall),
    f1: round(report.threshold.f1),
    accuracy: round(report.threshold.accuracy),
    brier: round(report.threshold.brier),
  };
}

/** Epoch records the inputs of its figure: parameters and tokens, or hardware count and time. */
function hasEpochInputs(record: ModelRecord): boolean {
  const fromEpoch = <T>(list: { source: string; value: T }[] | undefined) =>
    list?.find((fact) => fact.source === 'epoch')?.value;
  const hardware = fromEpoch(record.facts.hardware);
  // A dataset size is a token count only for language and multimodal models (elsewhere it counts datapoints).
  const domain = fromEpoch(record.facts.domain);
  return (
    (fromEpoch(record.facts.parameters) !== undefined &&
      fromEpoch(record.facts.trainingTokens) !== undefined &&
      countsTokens(domain === undefined ? {} : { domain })) ||
    (hardware?.count !== undefined && hardware?.hours !== undefined)
  );
}

async function readEpochCsvs(context: CommandContext, files: readonly string[]): Promise<ObservationFile> {
  const payloads: Payload[] = [];
  for (const file of files) {
    const path = resolve(context.io.cwd, file);
    const body = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new TrackerError('IO_FAILED', `${displayPath(path, context.io.cwd)}: cannot be read`, {
        cause: error,
      });
    });
    payloads.push({
      body,
      url: epochScraper.sources[0]!,
      retrievedAt: payloadDate({ fileName: basename(path), body }, { now: () => new Date() }).retrievedAt,
      fileName: basename(path),
    });
  }
  const result = epochScraper.parseMany
    ? epochScraper.parseMany(payloads)
    : { observations: payloads.flatMap((payload) => epochScraper.parse(payload).observations) };
  return { schemaVersion: 1, source: 'epoch', snapshots: [], observations: result.observations };
}
