import { diffModelSets, type ModelRows, type OrphanedRuling } from '@tracker/dataset';
import {
  filterRows,
  formatRows,
  type QueryRow,
  sanitizeForTerminal,
  sortRows,
  toQueryRow,
} from '@tracker/query';
import type { ModelRecord } from '@tracker/schema';
import { TrackerError } from '@tracker/schema';
import { type CommandContext, printOptions, splitList } from '../context';
import { buildFromFolder, toModelsFile } from '../curation';
import { offlineOutcomes, type SourceOutcome } from '../source-outcomes';
import { awaitsReview } from './candidates';

export interface RunOptions {
  /** Fetch nothing: use the observations already in the data folder. */
  offline?: boolean;
  /** Only these sources (each value may be comma-separated). */
  source?: readonly string[];
  /** Fail when a source cannot be reached instead of using its last observations. */
  strict?: boolean;
  /** Exit code (1–125) to return when new candidates appeared; as typed on the command line or a number. */
  changedExitCode?: string | number;
  /** Host looked up before fetching: when it does not resolve, the run goes offline at once (default: the config's `http.probeHost`; false or '': no check). */
  probeHost?: string | false;
}

export interface RunResult {
  exitCode: number;
  summary: RunSummary;
  /** The curated records saved to models.json, by id. */
  models: ModelRecord[];
  /** The models over the threshold, most likely first. */
  over: ModelRecord[];
}

/** `tracker run`: collect → resolve → merge → estimate → curate, then a summary and the models over the threshold. */
export async function run(context: CommandContext, options: RunOptions = {}): Promise<RunResult> {
  const changedExitCode = parseExitCode(
    options.changedExitCode === undefined ? undefined : String(options.changedExitCode),
  );
  const lock = await context.folder.lock({ command: 'tracker run', wait: 30_000 });
  try {
    // Read first: a damaged models.json stops the run before any file is touched. Only what the summary compares is
    // kept, so the previous records are not held in memory through the build.
    // Offline, the observation files are read at the same time, once: the build uses them (parsed only when its
    // cache cannot serve), and they say which sources there are.
    let offline = options.offline === true;
    const [previous, set] = await Promise.all([
      loadPreviousModels(context),
      offline ? context.folder.readObservationSet() : undefined,
    ]);
    const requested = splitList(options.source);
    const strict = options.strict === true;
    // Offline, each source keeps its last observations: said once the build has read their files.
    let outcomes: SourceOutcome[] = [];
    if (!set) {
      // Loaded only for a live run: the scrapers bring got and cheerio.
      const [{ collectSources }, { loadSources, selectSources }] = await Promise.all([
        import('../collect'),
        import('../sources'),
      ]);
      const selected = selectSources(await loadSources(context), requested, context.loaded.config.sources);
      const probe = options.probeHost ?? context.loaded.config.http.probeHost;
      if (probe && selected.some((scraper) => scraper.live) && !(await networkReachable(probe))) {
        if (strict) throw new TrackerError('SOURCE_UNAVAILABLE', 'the network is unreachable (--strict)');
        context.log.info('The network is unreachable: using the observations already in the data folder.');
        offline = true;
      }
      outcomes = await collectSources(context, { sources: selected, offline, lock });
    }
    const unreachable = outcomes.filter((outcome) => outcome.message?.startsWith('unreachable'));
    if (strict && unreachable.length) {
      throw new TrackerError(
        'SOURCE_UNAVAILABLE',
        `${unreachable.map((outcome) => outcome.source).join(', ')} could not be reached (--strict)`,
      );
    }
    const built = await buildFromFolder(context, set ? { observationSet: set } : {});
    if (set) outcomes = offlineOutcomes(built.sources, requested?.length ? requested : undefined);
    // Built by the library from validated observations; every load validates the file.
    await context.folder.saveModels(toModelsFile(built.models, context.loaded.config.threshold), {
      lock,
      validate: false,
    });
    // One flat row per model, for the list printed and the summary's review queue (what queryRecords and
    // listReviewItems would each flatten again).
    const rows = built.models.map(toQueryRow);
    const over = sortRows(
      filterRows(rows, { above: true, aboveCut: context.loaded.config.statusCuts.likelyAbove }),
      '-probabilityAbove,-median,name',
    );
    const summary = summarize(outcomes, built.models, rows, previous, {
      ...built,
      over: over.length,
      reviewFloor: context.loaded.config.reviewFloor,
    });
    context.log.info(formatSummary(summary, offline));
    context.io.stdout.write(formatRows(over, printOptions(context)));
    const exitCode = changedExitCode !== undefined && summary.newCandidates.length > 0 ? changedExitCode : 0;
    const byId = new Map(built.models.map((record) => [record.id, record]));
    return { exitCode, summary, models: built.models, over: over.map((row) => byId.get(row.id)!) };
  } finally {
    await lock.release();
  }
}

export interface RunSummary {
  sources: readonly SourceOutcome[];
  models: number;
  observations: number;
  excluded: number;
  suggestions: number;
  newModels: string[];
  newCandidates: string[];
  candidates: number;
  /** What `tracker candidates` lists: unruled models at P(above) ≥ the review floor, and flagged rulings. */
  reviewQueue: number;
  reviewFloor: number;
  over: number;
  needsReview: number;
  changed: number;
  firstRun: boolean;
  /** Rulings whose model no longer exists. */
  orphans: readonly OrphanedRuling[];
}

/** The previous run's models as the summary compares them: their diff rows, and which were candidates. */
type PreviousRows = ModelRows;

const isCandidate = (record: ModelRecord | undefined) => record?.curation?.status === 'candidate';

function summarize(
  outcomes: readonly SourceOutcome[],
  models: readonly ModelRecord[],
  rows: readonly QueryRow[],
  previous: PreviousRows | null,
  built: {
    excluded: readonly unknown[];
    suggestions: readonly unknown[];
    observationCount: number;
    orphanedRulings: readonly OrphanedRuling[];
    over: number;
    reviewFloor: number;
  },
): RunSummary {
  const before = new Set((previous?.rows ?? []).map((row) => row.id));
  // diffModelSets summarises the records itself (no intermediate rows).
  const diff = previous ? diffModelSets(previous.rows, models) : null;
  return {
    sources: outcomes,
    models: models.length,
    observations: built.observationCount,
    excluded: built.excluded.length,
    suggestions: built.suggestions.length,
    newModels: previous ? models.filter((record) => !before.has(record.id)).map((record) => record.id) : [],
    newCandidates: models
      .filter((record) => isCandidate(record) && !previous?.candidates.has(record.id))
      .map((record) => record.id),
    candidates: models.filter((record) => isCandidate(record)).length,
    reviewQueue: rows.filter((row) => awaitsReview(row, built.reviewFloor)).length,
    reviewFloor: built.reviewFloor,
    over: built.over,
    needsReview: models.filter((record) => record.curation?.needsReview).length,
    changed: diff ? diff.changed.length : 0,
    firstRun: previous === null,
    orphans: built.orphanedRulings,
  };
}

function formatSummary(summary: RunSummary, offline: boolean): string {
  const live = summary.sources.filter((outcome) => outcome.status === 'live' || outcome.status === 'file');
  const kept = summary.sources.filter((outcome) => outcome.status === 'snapshot');
  const failed = summary.sources.filter((outcome) => outcome.status === 'failed');
  const lines = [
    `Sources: ${live.length} live${offline ? ' (offline run)' : ''}, ${kept.length} from earlier snapshots${failed.length ? `, ${failed.length} with no data` : ''}`,
    ...kept.map((outcome) => `  ${outcome.source}: ${outcome.message ?? `from ${outcome.lastRetrievedAt}`}`),
    ...failed.map((outcome) => `  ${outcome.source}: ${outcome.message ?? 'failed'}`),
    `Models: ${summary.models} from ${summary.observations} observations (${summary.excluded} excluded by rule, ${summary.suggestions} possible duplicates to review)`,
    summary.firstRun
      ? 'First run: nothing to compare with.'
      : `Since the last run: ${summary.newModels.length} new models, ${summary.changed} changed, ${summary.newCandidates.length} new candidates`,
    `Over the threshold: ${summary.over}; candidates awaiting review: ${summary.candidates}; rulings needing another look: ${summary.needsReview}`,
    `Review queue (tracker candidates: unruled models at P(above) ≥ ${summary.reviewFloor}, and rulings to look at again): ${summary.reviewQueue}`,
    summary.orphans.length
      ? `Rulings whose model no longer exists: ${summary.orphans.length} (decide again on the model it became, or alias it back)`
      : '',
    ...summary.orphans.map(
      ({ modelId, ruling, movedTo }) =>
        `  ${modelId}: ${ruling.action} by ${sanitizeForTerminal(ruling.by)} on ${ruling.at.slice(0, 10)} (ledger ${ruling.entryId})${movedTo ? `; its names went to ${movedTo}, which is gone too` : ''}`,
    ),
    summary.newCandidates.length
      ? `New candidates: ${summary.newCandidates.slice(0, 10).join(', ')}${summary.newCandidates.length > 10 ? ', …' : ''}`
      : '',
    'Next: tracker candidates, then tracker review (or tracker export-review sheet.csv).',
  ];
  return lines.filter(Boolean).join('\n');
}

function parseExitCode(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const code = Number(value);
  if (!Number.isInteger(code) || code < 1 || code > 125) {
    throw new TrackerError(
      'USAGE',
      `--changed-exit-code: expected a whole number from 1 to 125, got "${value}"`,
    );
  }
  return code;
}

/**
 * The previous run's models, only to say what changed. They are about to be replaced, so they are read without
 * the full schema check; a file that is not JSON (e.g. cut off) or whose compact form cannot be expanded counts as
 * no previous run, while hostile bytes (too large, not UTF-8, nested too deep) stop the run before anything is written.
 */
async function loadPreviousModels(context: CommandContext): Promise<PreviousRows | null> {
  try {
    // Only the parts of each record its diff row is made of are read.
    return await context.folder.loadModelRows();
  } catch (error) {
    if (!TrackerError.is(error) || (error.details.syntax !== true && error.details.compact !== true))
      throw error;
    context.log.warn(`${error.message}; this run is compared with nothing.`);
    return null;
  }
}

/** A quick check before fetching: when name lookup fails, the run goes offline at once instead of timing out per source. */
async function networkReachable(host: string): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000).unref());
  // Loaded here: an offline run never looks a host up.
  const { lookup } = await import('node:dns/promises');
  const attempt = lookup(host).then(
    () => true,
    () => false,
  );
  return Promise.race([attempt, timeout]);
}
