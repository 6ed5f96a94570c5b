import {
  buildRelease,
  curate,
  diffModelSets,
  displayPath,
  type LockHandle,
  toDiffRow,
} from '@tracker/dataset';
import { formatObjects, type ObjectColumn } from '@tracker/query';
import type { ReleaseFile } from '@tracker/schema';
import { type CommandContext, printOptions } from '../context';
import { loadCurationState } from '../curation';
import { curateOptions } from '../pipeline';

export interface ReleaseOptions {
  /** Release date YYYY-MM-DD (default today, UTC). */
  date?: string;
  /** Compute the release and print it, writing nothing. */
  dryRun?: boolean;
}

const COLUMNS: ObjectColumn[] = [
  { field: 'id', kind: 'code' },
  { field: 'name' },
  { field: 'developer' },
  { field: 'releaseDate', header: 'released', kind: 'code' },
  { field: 'flop', kind: 'magnitude' },
  { field: 'probabilityAbove', header: 'P(above)', kind: 'probability' },
  { field: 'status', kind: 'code' },
  { field: 'unreviewed', kind: 'code' },
  { field: 'reason' },
];

/**
 * `tracker release [--dry-run] [--date DATE]`: publishes `releases/<date>/` from the curated models (confirmed
 * above, plus unreviewed models the machine is sure of, per `release.includeUnreviewedAbove`). Rows go to stdout,
 * the folder and what changed since the previous release to stderr.
 */
export async function run(context: CommandContext, options: ReleaseOptions = {}): Promise<number> {
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const dryRun = options.dryRun === true;
  const lock: LockHandle | undefined = dryRun
    ? undefined
    : await context.folder.lock({ command: 'tracker release', wait: 30_000 });
  try {
    const { models, ledger } = await loadCurationState(context);
    const { config } = context.loaded;
    // Re-applied here so a ledger edited since the last run (by hand or by a merge) is what gets published.
    const records = curate(models.models, ledger, curateOptions(config, models.threshold));
    // An unreviewed model never enters a release on a name-heuristic estimate alone (a name is not evidence).
    const releasable = records.filter(
      (record) => !(record.curation?.status === 'candidate' && record.estimate?.method === 'name-heuristic'),
    );
    const release = buildRelease(releasable, ledger, {
      date,
      threshold: models.threshold,
      includeUnreviewedAbove: config.release.includeUnreviewedAbove,
      generatedAt: new Date().toISOString(),
    });
    const previous = await context.folder.findPreviousRelease(release.date);
    const result = await context.folder.writeRelease(release, {
      dryRun,
      previous,
      ledger,
      records,
      ...(lock ? { lock } : {}),
    });
    context.io.stdout.write(
      formatObjects(release.models, {
        ...printOptions(context),
        columns: COLUMNS,
      }),
    );
    context.log.info(summaryLines(context, release, previous, result).join('\n'));
    return 0;
  } finally {
    await lock?.release();
  }
}

function summaryLines(
  context: CommandContext,
  release: ReleaseFile,
  previous: ReleaseFile | null,
  result: {
    dir: string;
    files: readonly { path: string; bytes: number }[];
    replaced: boolean;
    dryRun: boolean;
  },
): string[] {
  const folder = displayPath(result.dir, context.io.cwd);
  const unreviewed = release.models.filter((row) => row.unreviewed).length;
  const lines = [
    `${result.dryRun ? 'Dry run: would write' : result.replaced ? 'Replaced' : 'Wrote'} ${folder}/ (${result.files
      .map((file) => `${file.path.split('/').at(-1)} ${file.bytes} bytes`)
      .join(', ')})`,
    `Release ${release.date}: ${release.models.length} models (${release.models.length - unreviewed} confirmed above, ${unreviewed} unreviewed with P(above) ≥ ${context.loaded.config.release.includeUnreviewedAbove})`,
  ];
  if (previous) {
    const diff = diffModelSets(previous.models.map(toDiffRow), release.models.map(toDiffRow));
    lines.push(
      `Since ${previous.date}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed (see CHANGELOG.md; tracker diff ${previous.date} ${release.date})`,
    );
  } else {
    lines.push('First release: nothing to compare with.');
  }
  if (result.dryRun) lines.push('Nothing was written.');
  return lines;
}
