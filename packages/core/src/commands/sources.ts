import { formatObjects } from '@tracker/query';
import type { CommandContext } from '../context';
import { formatAge } from '../progress';
import { loadSources } from '../sources';

/** `tracker sources`: built-in, table and plugin sources, what each provides and when it last ran. */
export async function run(context: CommandContext): Promise<number> {
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
  context.io.stdout.write(
    formatObjects(rows, {
      format: context.format,
      columns:
        context.format === 'table' || context.format === 'markdown'
          ? [
              { field: 'id' },
              { field: 'origin', kind: 'code' },
              { field: 'observations', header: 'obs', kind: 'number' },
              { field: 'lastRun', header: 'last run', kind: 'code' },
              { field: 'lastRunAge', header: 'age', kind: 'code' },
              { field: 'ready', kind: 'code' },
              { field: 'provides' },
            ]
          : Object.keys(rows[0] ?? {}),
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      color: context.color,
    }),
  );
  for (const row of rows) {
    if (!row.ready)
      context.log.info(`${row.id} needs ${row.requiresEnv.join(', ')} in the environment to fetch live`);
  }
  return 0;
}
