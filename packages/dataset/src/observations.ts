import {
  type Observation,
  type ObservationFile,
  ObservationSchema,
  parseWithSchema,
  type SnapshotInfo,
  SnapshotInfoSchema,
  TrackerError,
} from '@tracker/schema';
import { compareStrings } from './json-file';

/**
 * The snapshot an observation belongs to, for deduplication: a leaderboard row is dated by its scores' `asOf`
 * (the leaderboard's publication date), so each leaderboard date is kept side by side. An observation without
 * scores has no such date: the newest one of a name replaces the older, so repeated fetches do not pile up.
 */
export function observationSnapshotKey(observation: Observation): string {
  let latest = '';
  for (const score of Object.values(observation.scores ?? {})) {
    if (score.asOf > latest) latest = score.asOf;
  }
  return `${observation.rawName}\u0000${latest}`;
}

/** Sort order of observation files: `rawName`, then `retrievedAt`, then `source`, then snapshot date. */
export function compareObservations(left: Observation, right: Observation): number {
  return (
    compareStrings(left.rawName, right.rawName) ||
    compareStrings(left.retrievedAt, right.retrievedAt) ||
    compareStrings(left.source, right.source) ||
    compareStrings(observationSnapshotKey(left), observationSnapshotKey(right))
  );
}

/** Returns a sorted copy (see {@link compareObservations}). */
export function sortObservations(observations: readonly Observation[]): Observation[] {
  return [...observations].sort(compareObservations);
}

/** Sort order of snapshots: oldest first, then by URL and hash so equal times stay in a fixed order. */
export function compareSnapshots(left: SnapshotInfo, right: SnapshotInfo): number {
  return (
    compareStrings(left.retrievedAt, right.retrievedAt) ||
    compareStrings(left.sourceUrl, right.sourceUrl) ||
    compareStrings(left.sha256 ?? '', right.sha256 ?? '')
  );
}

/** Options of {@link mergeObservationSnapshot}. */
export interface MergeSnapshotOptions {
  /** Source id of the file, required when `existing` is null and there are no observations to take it from. */
  source?: string;
}

/** What {@link mergeObservationSnapshot} did. */
export interface MergeSnapshotResult {
  /** The merged file (the `existing` object itself when nothing changed). */
  file: ObservationFile;
  /** False when the snapshot was already there (same payload SHA-256): nothing to write. */
  changed: boolean;
  /** Observations of the snapshot that were new. */
  added: number;
  /** Older observations replaced by a newer one of the same name and snapshot date. */
  replaced: number;
  /** Observations of the snapshot ignored because the file already had a newer one of the same name and date. */
  ignored: number;
  /**
   * Names that occur more than once with the same snapshot date inside this snapshot: only the last one is kept,
   * so the caller should warn (the scraper produced two rows it cannot tell apart).
   */
  duplicateNames: string[];
}

/**
 * Merges one fetch of a source into its observations file (pure). Observations of earlier leaderboard dates stay
 * side by side; an observation with the same name and snapshot date as an older one replaces it (see
 * {@link observationSnapshotKey}); a snapshot whose payload hash is already recorded changes nothing. Every
 * observation must belong to the file's source (`RECORD_INVALID` otherwise).
 */
export function mergeObservationSnapshot(
  existing: ObservationFile | null,
  snapshot: SnapshotInfo,
  observations: readonly Observation[],
  options: MergeSnapshotOptions = {},
): MergeSnapshotResult {
  const source = existing?.source ?? options.source ?? observations[0]?.source;
  if (source === undefined) {
    throw new TrackerError(
      'RECORD_INVALID',
      '[dataset] mergeObservationSnapshot needs a source id for a new file',
    );
  }
  const checkedSnapshot = parseWithSchema(SnapshotInfoSchema, snapshot, { file: `snapshot of ${source}` });
  observations.forEach((observation, index) => {
    parseWithSchema(ObservationSchema, observation, {
      file: `observations of ${source}`,
      rootPath: `$[${index}]`,
    });
    if (observation.source !== source) {
      throw new TrackerError(
        'RECORD_INVALID',
        `observations of ${source}: $[${index}].source: expected "${source}", got "${observation.source}"`,
      );
    }
  });
  const base: ObservationFile = existing ?? { schemaVersion: 1, source, snapshots: [], observations: [] };
  // `existing` is non-null here whenever a hash matched: a new file has no snapshots yet.
  if (
    existing &&
    checkedSnapshot.sha256 &&
    base.snapshots.some((known) => known.sha256 === checkedSnapshot.sha256)
  ) {
    return {
      file: existing,
      changed: false,
      added: 0,
      replaced: 0,
      ignored: observations.length,
      duplicateNames: [],
    };
  }
  const byKey = new Map<string, Observation>();
  for (const observation of base.observations) keepNewest(byKey, observation);
  let added = 0;
  let replaced = 0;
  let ignored = 0;
  const keysInSnapshot = new Set<string>();
  const duplicateNames = new Set<string>();
  for (const observation of observations) {
    const key = observationSnapshotKey(observation);
    if (keysInSnapshot.has(key)) duplicateNames.add(observation.rawName);
    keysInSnapshot.add(key);
    const current = byKey.get(key);
    if (current === undefined) added += 1;
    else if (current.retrievedAt <= observation.retrievedAt) replaced += 1;
    else {
      ignored += 1;
      continue;
    }
    byKey.set(key, observation);
  }
  const file: ObservationFile = {
    schemaVersion: 1,
    source,
    snapshots: [...base.snapshots, checkedSnapshot].sort(compareSnapshots),
    observations: sortObservations([...byKey.values()]),
  };
  return {
    file,
    changed: true,
    added,
    replaced,
    ignored,
    duplicateNames: [...duplicateNames].sort(compareStrings),
  };
}

function keepNewest(byKey: Map<string, Observation>, observation: Observation): void {
  const key = observationSnapshotKey(observation);
  const current = byKey.get(key);
  if (current === undefined || current.retrievedAt <= observation.retrievedAt) byKey.set(key, observation);
}
