import { resolve } from 'node:path';
import { displayPath, exportReviewSheet, writeFileAtomic } from '@tracker/dataset';
import type { CommandContext } from '../context';
import { loadCurationState } from '../curation';
import { withReviewFloor } from './candidates';

export interface ExportReviewOptions {
  /** The sheet to write (CSV), relative to the working directory. */
  file: string;
}

/**
 * `tracker export-review FILE.csv`: writes the contractor's sheet (candidates and flagged rulings with their
 * evidence, decision columns empty). The file is replaced atomically, so a spreadsheet never opens half a sheet.
 */
export async function run(
  context: CommandContext,
  options: ExportReviewOptions,
): Promise<{ file: string; rows: number }> {
  const target = resolve(context.io.cwd, options.file);
  const { models: loaded } = await loadCurationState(context);
  const models = { ...loaded, models: withReviewFloor(loaded.models, context.loaded.config.reviewFloor) };
  const sheet = exportReviewSheet(models.models, { threshold: models.threshold });
  await writeFileAtomic(target, sheet);
  const candidates = models.models.filter((record) => record.curation?.status === 'candidate').length;
  const flagged = models.models.filter(
    (record) => record.curation?.status !== 'candidate' && record.curation?.needsReview === true,
  ).length;
  const shown = displayPath(target, context.io.cwd);
  // Data (the path) on stdout so scripts can chain it; the counts are for the person.
  context.io.stdout.write(`${shown}\n`);
  context.log.info(
    candidates + flagged === 0
      ? `${shown}: nothing awaits a decision (header only)`
      : `${shown}: ${candidates + flagged} rows (${candidates} candidates, ${flagged} rulings flagged needs-review). ` +
          'Fill decision, reason (and flop/confidence where needed), then: tracker import-review ' +
          shown,
  );
  return { file: target, rows: candidates + flagged };
}
