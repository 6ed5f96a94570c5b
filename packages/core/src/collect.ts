import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { displayPath, type LockHandle } from '@tracker/dataset';
import { type ScrapeIssue, type SnapshotInfo, TrackerError } from '@tracker/schema';
import {
  type BaseScraper,
  createFileHttpCache,
  createHttpClient,
  describeSavedPayloadDates,
  parseSavedPayloads,
  readSavedPayloads,
  runScrapers,
  type SavedFile,
  type ScrapeResult,
} from '@tracker/scrapers';
import type { CommandContext } from './context';
import { createProgress, formatAge } from './progress';
import { fallback, offlineOutcomes, type SourceOutcome, summarizeFiles } from './source-outcomes';

export type { SourceOutcome } from './source-outcomes';

export interface CollectOptions {
  sources: readonly BaseScraper[];
  offline: boolean;
  /** Files to parse instead of fetching (one source only). */
  from?: readonly string[];
  /** Capture time of the --from files; default per file: a date the payload states, else one in its name. */
  retrievedAt?: string;
  /** URL the --from files were saved from; default per file: the URL its name tells, else the source's main URL. */
  sourceUrl?: string;
  lock?: LockHandle;
  now?: () => Date;
}

/** Fetches (or reads) each source, saves its observations, and falls back to earlier ones when it fails. */
export async function collectSources(
  context: CommandContext,
  options: CollectOptions,
): Promise<SourceOutcome[]> {
  const now = options.now ?? (() => new Date());
  const writeOptions = options.lock ? { lock: options.lock } : { wait: 30_000, command: 'tracker collect' };
  if (options.from?.length) {
    const [scraper] = options.sources;
    if (!scraper || options.sources.length !== 1) {
      throw new TrackerError('USAGE', '--from reads files of one source: give exactly one --source ID');
    }
    return [await collectFromFiles(context, scraper, options.from, options, writeOptions)];
  }
  if (options.offline) {
    const files = await context.folder.loadObservations();
    return offlineOutcomes(
      summarizeFiles(files),
      options.sources.map((scraper) => scraper.id),
      now(),
    );
  }
  const { config } = context.loaded;
  const http = createHttpClient({
    timeouts: { totalMs: config.http.timeoutMs },
    retry: { limit: config.http.retries },
    concurrency: config.http.perHostConcurrency,
    snapshotStore: context.folder.snapshots,
    env: context.io.env,
    log: context.log,
  });
  const progress = createProgress(context.io, options.sources.length, 'collect', {
    quiet: context.quiet === true,
  });
  let finished = 0;
  progress.update(0, 'starting');
  const results = await runScrapers(options.sources, {
    http,
    log: context.log,
    env: context.io.env,
    now,
    cacheFor: (id) => createFileHttpCache(context.folder.httpCache(id)),
    onResult: (result) => progress.update(++finished, `${result.source} ${result.status}`),
  });
  progress.done();
  const outcomes: SourceOutcome[] = [];
  for (const result of results) {
    if (result.status === 'failed') {
      outcomes.push(await fallback(context, result.source, result.error?.message ?? 'failed', now()));
      continue;
    }
    const first = result.snapshots[0];
    const snapshot: SnapshotInfo = {
      retrievedAt: first?.retrievedAt ?? now().toISOString(),
      sourceUrl:
        first?.url ??
        options.sources.find((scraper) => scraper.id === result.source)?.sources[0] ??
        'https://tracker.invalid/',
      ...(result.snapshots.length
        ? { sha256: combinedHash(result.snapshots.map((item) => item.sha256)) }
        : {}),
      ...(first?.file ? { file: first.file } : {}),
      observationCount: result.observations.length,
      origin: 'live',
    };
    outcomes.push(await saveCollected(context, result.source, snapshot, result, writeOptions, now()));
  }
  return outcomes;
}

async function collectFromFiles(
  context: CommandContext,
  scraper: BaseScraper,
  files: readonly string[],
  { retrievedAt, sourceUrl }: Pick<CollectOptions, 'retrievedAt' | 'sourceUrl'>,
  writeOptions: { lock: LockHandle } | { wait: number; command: string },
): Promise<SourceOutcome> {
  const savedFiles: SavedFile[] = [];
  const hashes: string[] = [];
  for (const file of files) {
    const path = resolve(context.io.cwd, file);
    const buffer = await readFile(path).catch((error: unknown) => {
      throw errorForFile(context, path, error);
    });
    const body = decodeUtf8(buffer, displayPath(path, context.io.cwd), scraper.id);
    hashes.push(createHash('sha256').update(buffer).digest('hex'));
    savedFiles.push({ fileName: basename(path), body });
  }
  // Each file keeps its own URL and date (from --retrieved-at, the payload, or its name; never the mtime).
  const readFiles = readSavedPayloads(scraper, savedFiles, { retrievedAt, sourceUrl });
  const payloads = readFiles.map((item) => item.payload);
  const result: ScrapeResult = parseSavedPayloads(scraper, payloads);
  for (const line of describeSavedPayloadDates(readFiles)) context.log.info(`[${scraper.id}] ${line}`);
  const latest =
    payloads
      .map((payload) => payload.retrievedAt)
      .sort()
      .at(-1) ?? new Date().toISOString();
  const snapshot: SnapshotInfo = {
    retrievedAt: latest,
    sourceUrl: result.observations[0]?.sourceUrl ?? payloads[0]!.url,
    sha256: combinedHash(hashes),
    observationCount: result.observations.length,
    origin: 'file',
  };
  return saveCollected(context, scraper.id, snapshot, result, writeOptions, new Date());
}

/** Merges one collection into `observations/<source>.json`, reports its issues, and says what it brought. */
async function saveCollected(
  context: CommandContext,
  source: string,
  snapshot: SnapshotInfo,
  result: Pick<ScrapeResult, 'observations' | 'issues'>,
  writeOptions: { lock: LockHandle } | { wait: number; command: string },
  now: Date,
): Promise<SourceOutcome> {
  const saved = await context.folder.saveObservations(
    source,
    { snapshot, observations: result.observations },
    writeOptions,
  );
  reportIssues(context, source, result.issues, saved.duplicateNames);
  return {
    source,
    status: snapshot.origin,
    observations: result.observations.length,
    added: saved.added,
    replaced: saved.replaced,
    warnings: result.issues.filter((issue) => issue.level === 'warning').length,
    errors: result.issues.filter((issue) => issue.level === 'error').length,
    lastRetrievedAt: snapshot.retrievedAt,
    age: formatAge(snapshot.retrievedAt, now),
    message: null,
  };
}

function reportIssues(
  context: CommandContext,
  source: string,
  issues: readonly ScrapeIssue[],
  duplicates: readonly string[],
): void {
  const errors = issues.filter((issue) => issue.level === 'error');
  if (errors.length)
    context.log.warn(
      `[${source}] ${errors.length} row${errors.length === 1 ? '' : 's'} skipped (run with --verbose to list them)`,
    );
  for (const issue of issues)
    context.log.debug(
      `[${source}] ${issue.level}: ${issue.location ? `${issue.location}: ` : ''}${issue.message}`,
    );
  if (duplicates.length)
    context.log.debug(`[${source}] names seen twice in one snapshot (last kept): ${duplicates.join(', ')}`);
}

function combinedHash(hashes: readonly string[]): string {
  return hashes.length === 1 ? hashes[0]! : createHash('sha256').update(hashes.join('\n')).digest('hex');
}

function decodeUtf8(buffer: Buffer, shown: string, source: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new TrackerError(
      'PARSE_FAILED',
      `[scraper:${source}] ${shown}: expected UTF-8 text, found invalid byte sequences`,
      {
        cause: error,
      },
    );
  }
}

function errorForFile(context: CommandContext, path: string, error: unknown): TrackerError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
  return new TrackerError('IO_FAILED', `${displayPath(path, context.io.cwd)}: ${problem}`, { cause: error });
}
