import { join } from 'node:path';
import { displayPath as displayDataPath, parseJsonText, readTextFile } from '@tracker/dataset';
import {
  type ObservationFile,
  ObservationFileSchema,
  parseWithSchema,
  type SnapshotInfo,
} from '@tracker/schema';
import { z } from 'zod';
import type { CommandContext } from './context';
import { formatAge } from './progress';

// What a run reports per source, and the fallback to earlier observations. Kept apart from collect.ts so that
// an offline run loads no scraper (they bring got and cheerio).

/** An observation file with its observations left unchecked (see `readObservations`). */
const ObservationFileEnvelopeSchema = ObservationFileSchema.pick({
  schemaVersion: true,
  source: true,
  snapshots: true,
}).extend({ observations: z.array(z.unknown()) });

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
  files: readonly Pick<ObservationFile, 'source' | 'snapshots' | 'observations'>[],
  sourceIds: readonly string[] = files.map((file) => file.source),
  now = new Date(),
): SourceOutcome[] {
  const bySource = new Map(files.map((file) => [file.source, file]));
  return sourceIds.map((id) => describeFallback(id, bySource.get(id) ?? null, null, now));
}

/** A source that was not fetched keeps its last observations; say how old they are. */
export async function fallback(
  context: CommandContext,
  source: string,
  reason: string,
  now: Date,
): Promise<SourceOutcome> {
  const outcome = describeFallback(source, await readObservations(context, source), reason, now);
  context.log.warn(`[${source}] ${outcome.message}`);
  return outcome;
}

function describeFallback(
  source: string,
  file: { snapshots: readonly SnapshotInfo[]; observations: readonly unknown[] } | null,
  reason: string | null,
  now: Date,
): SourceOutcome {
  const last = file?.snapshots.at(-1)?.retrievedAt ?? null;
  const kept = last
    ? `kept ${file?.observations.length ?? 0} observations from ${last.slice(0, 10)} (${formatAge(last, now)} old)`
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

/**
 * The snapshot list and observation count of a source's file, for the fallback report. Only the envelope is
 * validated: the observations are validated by whatever loads them to use them (`run` does right after), and
 * validating them here too made `run --offline` read every file twice (see bench/).
 */
async function readObservations(
  context: CommandContext,
  source: string,
): Promise<{ snapshots: SnapshotInfo[]; observations: unknown[] } | null> {
  const path = join(context.dataDir, 'observations', `${source}.json`);
  const text = await readTextFile(path, { missingOk: true });
  if (text === undefined) return null;
  return parseWithSchema(ObservationFileEnvelopeSchema, parseJsonText(text, { file: path }), {
    file: displayDataPath(path),
    code: 'DATA_INVALID',
  });
}
