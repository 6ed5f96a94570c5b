import type { ObservationFileSummary } from '@tracker/dataset';
import type { ObservationFile, SnapshotInfo } from '@tracker/schema';
import type { CommandContext } from './context';
import { formatAge } from './progress';

// What a run reports per source, and the fallback to earlier observations. Kept apart from collect.ts so that
// an offline run loads no scraper (they bring got and cheerio).

/** What happened to one source in `collect` or `run`; the field names are part of the CLI contract. */
export interface SourceOutcome {
  source: string;
  /** `live` fetched now, `file` read with --from, `snapshot` kept from an earlier run (offline or unreachable). */
  status: 'live' | 'file' | 'snapshot' | 'failed';
  /** Observations this run produced (0 when it fell back). */
  observations: number;
  added: number;
  replaced: number;
  warnings: number;
  errors: number;
  /** When the observations now on file were last retrieved. */
  lastRetrievedAt: string | null;
  age: string | null;
  message: string | null;
}

/**
 * Offline: each source keeps its last observations. Takes the observation files the caller has loaded anyway
 * (needs no scraper, reads nothing again); without `sourceIds`, every source that has a file.
 */
export function offlineOutcomes(
  files: readonly ObservationFileSummary[],
  sourceIds: readonly string[] = files.map((file) => file.source),
  now = new Date(),
): SourceOutcome[] {
  const bySource = new Map(files.map((file) => [file.source, file]));
  return sourceIds.map((id) => describeFallback(id, bySource.get(id) ?? null, null, now));
}

/** The envelope of each observation file: its source, snapshots and observation count. */
export function summarizeFiles(
  files: readonly Pick<ObservationFile, 'source' | 'snapshots' | 'observations'>[],
): ObservationFileSummary[] {
  return files.map((file) => ({
    source: file.source,
    snapshots: file.snapshots,
    observationCount: file.observations.length,
  }));
}

/** A source that was not fetched keeps its last observations; say how old they are. */
export async function fallback(
  context: CommandContext,
  source: string,
  reason: string,
  now: Date,
): Promise<SourceOutcome> {
  // Only the file's envelope is read: its observations are validated by whatever loads them to use them.
  const summary = await context.folder.summarizeObservations(source);
  const outcome = describeFallback(source, summary, reason, now);
  context.log.warn(`[${source}] ${outcome.message}`);
  return outcome;
}

function describeFallback(
  source: string,
  file: { snapshots: readonly SnapshotInfo[]; observationCount: number } | null,
  reason: string | null,
  now: Date,
): SourceOutcome {
  const last = file?.snapshots.at(-1)?.retrievedAt ?? null;
  const kept = last
    ? `kept ${file?.observationCount ?? 0} observations from ${last.slice(0, 10)} (${formatAge(last, now)} old)`
    : 'no earlier observations';
  return {
    source,
    status: last ? 'snapshot' : 'failed',
    observations: 0,
    added: 0,
    replaced: 0,
    warnings: 0,
    errors: reason ? 1 : 0,
    lastRetrievedAt: last,
    age: last ? formatAge(last, now) : null,
    message: reason ? `unreachable: ${reason}; ${kept}` : kept,
  };
}
