import { formatObjects, type ObjectColumn } from '@tracker/query';
import { checkSources, createHttpClient } from '@tracker/scrapers';
import { type CommandContext, printOptions, splitList } from '../context';
import { formatAge } from '../progress';
import { loadSources, selectSources } from '../sources';

export interface SourcesOptions {
  /** Fetch each source once and compare its payload with what its parser expects (exit code 1 on a change). */
  check?: boolean;
  /** With `check`: only these sources (each value may be comma-separated). */
  source?: readonly string[];
}

/** `tracker sources`: built-in, table and plugin sources, what each provides and when it last ran. */
export async function run(context: CommandContext, options: SourcesOptions = {}): Promise<number> {
  if (options.check === true) return check(context, options);
  const [sources, files] = await Promise.all([loadSources(context), context.folder.loadObservations()]);
  const bySource = new Map(files.map((file) => [file.source, file]));
  const now = new Date();
  const rows = sources.registry.list().map((scraper) => {
    const file = bySource.get(scraper.id);
    const last = file?.snapshots.at(-1);
    const missingEnv = scraper.requiresEnv.filter((name) => !context.io.env[name]);
    return {
      id: scraper.id,
      origin: sources.origin.get(scraper.id) ?? 'plugin',
      description: scraper.description,
      provides: [...scraper.provides],
      requiresEnv: [...scraper.requiresEnv],
      ready: missingEnv.length === 0,
      observations: file?.observations.length ?? 0,
      snapshots: file?.snapshots.length ?? 0,
      lastRun: last?.retrievedAt ?? null,
      lastRunAge: last ? formatAge(last.retrievedAt, now) : null,
      lastRunOrigin: last?.origin ?? null,
      urls: [...scraper.sources],
    };
  });
  printRows(context, rows, [
    { field: 'id' },
    { field: 'origin', kind: 'code' },
    { field: 'observations', header: 'obs', kind: 'number' },
    { field: 'lastRun', header: 'last run', kind: 'code' },
    { field: 'lastRunAge', header: 'age', kind: 'code' },
    { field: 'ready', kind: 'code' },
    { field: 'provides' },
  ]);
  for (const row of rows) {
    if (!row.ready)
      context.log.info(`${row.id} needs ${row.requiresEnv.join(', ')} in the environment to fetch live`);
  }
  return 0;
}

/**
 * `tracker sources --check`: fetch each source once and compare its payload with what its parser expects
 * (logic in `checkSources` of @tracker/scrapers). Exit 1 when a source changed or failed.
 */
async function check(context: CommandContext, options: SourcesOptions): Promise<number> {
  const [sources, files] = await Promise.all([loadSources(context), context.folder.loadObservations()]);
  const { config } = context.loaded;
  const selected = selectSources(sources, splitList(options.source), config.sources);
  const previousCounts = Object.fromEntries(
    files.map((file) => [file.source, file.snapshots.at(-1)?.observationCount ?? file.observations.length]),
  );
  const http = createHttpClient({
    timeouts: { totalMs: config.http.timeoutMs },
    retry: { limit: config.http.retries },
    concurrency: config.http.perHostConcurrency,
    cache: false,
    env: context.io.env,
    log: context.log,
  });
  const checks = await checkSources(selected, {
    http,
    env: context.io.env,
    log: context.log,
    previousCounts,
  });
  const rows = checks.map((item) => ({ ...item, findings: item.findings.join('; ') }));
  printRows(context, rows, [
    { field: 'source' },
    { field: 'status', kind: 'code' },
    { field: 'observations', header: 'obs', kind: 'number' },
    { field: 'previousObservations', header: 'last run', kind: 'number' },
    { field: 'findings' },
  ]);

  const bad = checks.filter((item) => item.status === 'changed' || item.status === 'failed');
  if (bad.length > 0)
    context.log.warn(
      `${bad.length} source${bad.length === 1 ? '' : 's'} changed or failed: ${bad.map((item) => item.source).join(', ')}`,
    );
  return bad.length > 0 ? 1 : 0;
}

/** Prints rows in the chosen format; table and Markdown show `columns`, the other formats every field. */
function printRows(context: CommandContext, rows: Record<string, unknown>[], columns: ObjectColumn[]): void {
  context.io.stdout.write(
    formatObjects(rows, {
      ...printOptions(context),
      columns:
        context.format === 'table' || context.format === 'markdown' ? columns : Object.keys(rows[0] ?? {}),
    }),
  );
}
