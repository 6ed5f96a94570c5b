import { formatObjects, type ObjectColumn } from '@tracker/query';
import { TrackerError } from '@tracker/schema';
import { collectSources, type SourceOutcome } from '../collect';
import { type CommandContext, printOptions, splitList } from '../context';
import { loadSources, selectSources } from '../sources';

export const OUTCOME_COLUMNS: ObjectColumn[] = [
  { field: 'source' },
  { field: 'status', kind: 'code' },
  { field: 'observations', kind: 'number' },
  { field: 'added', kind: 'number' },
  { field: 'warnings', kind: 'number' },
  { field: 'errors', kind: 'number' },
  { field: 'lastRetrievedAt', header: 'retrieved', kind: 'code' },
  { field: 'age', kind: 'code' },
  { field: 'message' },
];

export interface CollectCommandOptions {
  /** Only these sources (each value may be comma-separated). */
  source?: readonly string[];
  /** Saved payloads of one source to parse instead of fetching. */
  from?: readonly string[];
  /** Capture time of the `from` files (date or timestamp). */
  retrievedAt?: string;
  /** URL the `from` files were saved from. */
  sourceUrl?: string;
  offline?: boolean;
  strict?: boolean;
}

/** `tracker collect`: fetch sources (or read saved payloads) into data/observations/<id>.json. */
export async function run(
  context: CommandContext,
  options: CollectCommandOptions = {},
): Promise<SourceOutcome[]> {
  const sources = await loadSources(context);
  const requested = splitList(options.source);
  const { from } = options;
  if (from?.length && requested?.length !== 1) {
    throw new TrackerError('USAGE', '--from reads files of one source: give exactly one --source ID');
  }
  const retrievedAt = options.retrievedAt;
  const sourceUrl = options.sourceUrl;
  if (sourceUrl !== undefined && !/^https?:\/\/\S+$/.test(sourceUrl)) {
    throw new TrackerError('USAGE', `--source-url: expected an http(s) URL, got "${sourceUrl}"`);
  }
  const outcomes = await collectSources(context, {
    sources: selectSources(sources, requested, context.loaded.config.sources),
    offline: options.offline === true,
    ...(from?.length ? { from } : {}),
    ...(retrievedAt ? { retrievedAt: parseTimestamp(retrievedAt) } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
  });
  printOutcomes(context, outcomes);
  const failed = outcomes.filter(
    (outcome) => outcome.status === 'failed' || (outcome.message?.startsWith('unreachable') ?? false),
  );
  if (failed.length && options.strict === true) {
    throw new TrackerError(
      'SOURCE_UNAVAILABLE',
      `${failed.map((outcome) => outcome.source).join(', ')} could not be reached (--strict)`,
    );
  }
  return outcomes;
}

export function printOutcomes(context: CommandContext, outcomes: readonly SourceOutcome[]): void {
  context.io.stdout.write(
    formatObjects(outcomes as unknown as Record<string, unknown>[], {
      ...printOptions(context),
      columns: OUTCOME_COLUMNS,
    }),
  );
}

function parseTimestamp(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new TrackerError('USAGE', `--retrieved-at: expected a date or timestamp, got "${value}"`);
  return date.toISOString();
}
