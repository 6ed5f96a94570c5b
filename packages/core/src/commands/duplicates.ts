import { formatObjects } from '@tracker/query';
import type { CommandContext } from '../context';
import { buildFromFolder } from '../curation';

/**
 * `tracker duplicates`: the near matches name resolution could not settle (never merged silently), most alike
 * first, each with the command that would merge it.
 */
export async function run(context: CommandContext): Promise<number> {
  const { suggestions } = await buildFromFolder(context);
  const rows = [...suggestions]
    .sort(
      (left, right) =>
        right.similarity - left.similarity || left.modelIds[0].localeCompare(right.modelIds[0]),
    )
    .map((suggestion) => ({
      similarity: Number(suggestion.similarity.toFixed(2)),
      keep: suggestion.modelIds[0],
      merge: suggestion.modelIds[1],
      names: `${suggestion.names[0]} / ${suggestion.names[1]}`,
      reason: suggestion.reason,
      command: `tracker alias ${quote(suggestion.names[1])} ${suggestion.modelIds[0]} --reason "same model"`,
    }));
  context.io.stdout.write(
    formatObjects(rows, {
      format: context.format,
      columns: [
        { field: 'similarity', kind: 'number' },
        { field: 'keep' },
        { field: 'merge' },
        { field: 'names' },
        { field: 'reason' },
        { field: 'command' },
      ],
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      color: context.color,
    }),
  );
  context.log.info(
    `${rows.length} possible duplicates. Merge one with "tracker alias NAME MODEL --reason TEXT"; each stays apart until someone decides.`,
  );
  return 0;
}

function quote(text: string): string {
  return /^[\w.:/+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
