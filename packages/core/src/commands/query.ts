import type { QueryRow } from '@tracker/query';
import { computeStats, formatRows, formatStats, parseFilter, parseSort, queryRecords } from '@tracker/query';
import { type CommandContext, splitList } from '../context';
import { loadCurationState } from '../curation';

export interface QueryOptions {
  /** Over the threshold: confirmed above, or P(above) at least the configured `statusCuts.likelyAbove`. */
  above?: boolean;
  below?: boolean;
  status?: readonly string[];
  minProbability?: string;
  maxProbability?: string;
  developer?: readonly string[];
  releasedAfter?: string;
  releasedBefore?: string;
  confidence?: readonly string[];
  method?: readonly string[];
  source?: readonly string[];
  search?: string;
  needsReview?: boolean;
  /** Sort fields, `-` for descending (default `-median,name`). */
  sort?: string;
  /** Fields to print, comma-separated. */
  fields?: string;
  limit?: string | number;
  /** Print statistics instead of rows. */
  stats?: boolean;
}

/** `tracker query`: the data folder's models through @tracker/query's filters, sort and formatters. */
/** Filters, sort and fields of `tracker query` (repeatable lists may also be comma-separated). */
export async function run(context: CommandContext, options: QueryOptions = {}): Promise<QueryRow[]> {
  const filter = parseFilter({
    above: options.above === true || undefined,
    below: options.below === true || undefined,
    status: splitList(options.status),
    minProbability: options.minProbability,
    maxProbability: options.maxProbability,
    developer: splitList(options.developer),
    releasedAfter: options.releasedAfter,
    releasedBefore: options.releasedBefore,
    confidence: splitList(options.confidence),
    method: splitList(options.method),
    source: splitList(options.source),
    search: options.search,
    needsReview: options.needsReview === true || undefined,
    aboveCut: context.loaded.config.statusCuts.likelyAbove,
  });
  const sort = parseSort(options.sort ?? '-median,name');
  const limit = options.limit;
  const { models } = await loadCurationState(context);
  const rows = queryRecords(models.models, {
    filter,
    sort,
    ...(limit === undefined ? {} : { limit: Number(limit) }),
  });
  if (options.stats === true) {
    const format = context.format === 'json' || context.format === 'markdown' ? context.format : 'table';
    context.io.stdout.write(formatStats(computeStats(rows), { format }));
    return rows;
  }
  context.io.stdout.write(
    formatRows(rows, {
      format: context.format,
      ...(options.fields ? { fields: options.fields } : {}),
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      color: context.color,
    }),
  );
  return rows;
}
