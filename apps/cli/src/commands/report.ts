import { resolve } from 'node:path';
import { writeFileAtomic } from '@tracker/dataset';
import { formatReportHtml } from '@tracker/query';
import type { CommandContext } from '../context';
import { stringFlag } from '../context';
import { loadCurationState } from '../curation';
import { displayPath } from '../load-config';

/**
 * `tracker report [--out FILE.html]`: one self-contained HTML page of the data folder's models (list, chart,
 * provenance). Written atomically so a browser or a web server never serves half a page; the path goes to stdout.
 */
export async function run(context: CommandContext): Promise<number> {
  const target = resolve(context.io.cwd, stringFlag(context, 'out') ?? 'report.html');
  const { models } = await loadCurationState(context);
  const page = formatReportHtml(models.models, {
    generatedAt: models.generatedAt,
    threshold: models.threshold,
    dataDescription: `${displayPath(context.io.cwd, resolve(context.dataDir, 'models.json'))}, ${models.models.length} models`,
  });
  await writeFileAtomic(target, page);
  const shown = displayPath(context.io.cwd, target);
  context.io.stdout.write(`${shown}\n`);
  context.log.info(
    `${shown}: ${models.models.length} models, ${Buffer.byteLength(page)} bytes; open it in a browser.`,
  );
  return 0;
}
