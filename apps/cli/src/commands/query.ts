import { computeStats, formatRows, formatStats, parseFilter, parseSort, queryRecords } from '@tracker/query';
import { booleanFlag, type CommandContext, listFlag, stringFlag } from '../context';
import { loadCurationState } from '../curation';

/** `tracker query`: the data folder's models through @tracker/query's filters, sort and formatters. */
export async function run(context: CommandContext): Promise<number> {
  const filter = parseFilter({
    above: booleanFlag(context, 'above') || undefined,
    below: booleanFlag(context, 'below') || undefined,
    status: listFlag(context, 'status'),
    minProbability: stringFlag(context, 'min-probability'),
    maxProbability: stringFlag(context, 'max-probability'),
    developer: listFlag(context, 'developer'),
    releasedAfter: stringFlag(context, 'released-after'),
    releasedBefore: stringFlag(context, 'released-before'),
    confidence: listFlag(context, 'confidence'),
    method: listFlag(context, 'method'),
    source: listFlag(context, 'source'),
    search: stringFlag(context, 'search'),
    needsReview: booleanFlag(context, 'needs-review') || undefined,
  });
  const sort = parseSort(stringFlag(context, 'sort') ?? '-median,name');
  const limit = stringFlag(context, 'limit');
  const { models } = await loadCurationState(context);
  const rows = queryRecords(models.models, {
    filter,
    sort,
    ...(limit === undefined ? {} : { limit: Number(limit) }),
  });
  if (booleanFlag(context, 'stats')) {
    const format = context.format === 'json' || context.format === 'markdown' ? context.format : 'table';
    context.io.stdout.write(
      formatStats(computeStats(rows), {
        format,
        ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      }),
    );
    return 0;
  }
  if (rows.length === 0) context.log.info('no models match');
  context.io.stdout.write(
    formatRows(rows, {
      format: context.format as 'table',
      ...(stringFlag(context, 'fields') ? { fields: stringFlag(context, 'fields') } : {}),
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      color: context.color,
    }),
  );
  return 0;
}
