import { resolve } from 'node:path';
import { displayPath, writeFileAtomic } from '@tracker/dataset';
import { formatReportHtml } from '@tracker/query';
import type { ModelRecord } from '@tracker/schema';
import type { CommandContext } from '../context';
import { loadCurationState } from '../curation';

export interface ReportOptions {
  /** The page to write (default report.html), relative to the working directory. */
  out?: string;
  /** Every model, not only the ruled, the candidates and those near the threshold. */
  all?: boolean;
  /** Every fact, score and input of every model with its URL (a much larger page); default: compact provenance. */
  full?: boolean;
}

/** Models whose median is within this factor below the threshold are in the report by default. */
const NEAR_THRESHOLD_FACTOR = 100;

/**
 * `tracker report [--out FILE.html] [--all]`: one self-contained HTML page (list, chart, provenance). By default
 * it holds every ruled or flagged model, every candidate, and every model whose median is within two orders of
 * magnitude of the threshold; `--all` adds the rest. Written atomically; the path goes to stdout.
 */
export async function run(context: CommandContext, options: ReportOptions = {}): Promise<string> {
  const target = resolve(context.io.cwd, options.out ?? 'report.html');
  const { models } = await loadCurationState(context);
  const all = options.all === true;
  const shownModels = all
    ? models.models
    : models.models.filter((record) => isRelevant(record, models.threshold));
  const scope = all
    ? `all ${models.models.length} models`
    : `${shownModels.length} of ${models.models.length} models: ruled, candidates, and those within ×${NEAR_THRESHOLD_FACTOR} of the threshold`;
  const page = formatReportHtml(shownModels, {
    generatedAt: models.generatedAt,
    threshold: models.threshold,
    dataDescription: `data folder ${context.folder.display(context.io.cwd)}; ${scope}`,
    provenance: options.full ? 'full' : 'compact',
  });
  await writeFileAtomic(target, page);
  const shown = displayPath(target, context.io.cwd);
  context.io.stdout.write(`${shown}\n`);
  context.log.info(
    `${shown}: ${shownModels.length} models, ${Buffer.byteLength(page)} bytes; open it in a browser.`,
  );
  return target;
}

function isRelevant(record: ModelRecord, threshold: number): boolean {
  const status = record.curation?.status;
  if (status && status !== 'unreviewed') return true;
  if (record.curation?.needsReview) return true;
  const median = record.estimate?.median;
  return median !== undefined && median >= threshold / NEAR_THRESHOLD_FACTOR;
}
