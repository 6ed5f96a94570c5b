import { RULING_CONFLICT } from '@tracker/dataset';
import { findModelRecord } from '@tracker/resolve';
import { type LedgerEntry, ModelIdSchema, type ModelRecord, TrackerError } from '@tracker/schema';
import type { CommandContext } from '../context';
import { buildModelsFile, recordDecisions, reviewerName } from '../curation';
import { formatEntries, parseEvidence } from './decide';

export interface AliasOptions {
  /** The name as a source writes it. */
  name: string;
  /** The model id it resolves to (or, with `remove`, must not). */
  model: string;
  reason?: string;
  remove?: boolean;
  evidence?: readonly string[];
  by?: string;
}

/**
 * `tracker alias NAME MODEL`: from now on the name (as a source writes it) resolves to MODEL: merging what the
 * rules kept apart. `--remove` records the opposite (the name must not resolve to MODEL). Both are ledger entries
 * with a reason; the models are rebuilt at once.
 */
export async function run(context: CommandContext, options: AliasOptions): Promise<LedgerEntry[]> {
  const { name, model: modelId } = options;
  const reason = options.reason;
  if (!reason?.trim()) throw new TrackerError('USAGE', 'say why with --reason TEXT');
  if (!ModelIdSchema.safeParse(modelId).success) {
    throw new TrackerError('USAGE', `MODEL must be a model id such as openai/gpt-4o; got "${modelId}"`);
  }
  const remove = options.remove === true;
  const by = reviewerName(context, options.by);
  const evidence = parseEvidence(options.evidence ?? []);
  const lock = await context.folder.lock({ command: 'tracker alias', wait: 30_000 });
  try {
    const current =
      (await context.folder.loadModels()) ?? (await buildModelsFile(context, undefined, { announce: false }));
    const names = rawNamesFor(current.models, name, remove ? modelId : undefined);
    const entries = await recordDecisions(
      context,
      [...names].map(([rawName, from]) => ({
        action: remove ? ('unalias' as const) : ('alias' as const),
        modelId,
        // `from` names the model the name leaves, so its rulings follow it (see curate).
        value: { name: rawName, ...(!remove && from !== undefined && from !== modelId ? { from } : {}) },
        by,
        reason,
        evidence,
        origin: 'cli',
      })),
      { lock },
    );
    // Resolution changed, so the records are rebuilt from the observations, not only re-curated.
    const models = await buildModelsFile(context, undefined, { announce: false });
    await context.folder.saveModels(models, { lock });
    const record = models.models.find((model) => model.id === modelId);
    context.io.stdout.write(formatEntries(context, entries));
    const curation = record?.curation;
    const carried = [curation?.ruling, ...(curation?.otherRulings ?? [])].flatMap((ruling) =>
      ruling?.carriedFrom ? [ruling.carriedFrom] : [],
    );
    if (carried.length > 0)
      context.log.info(`${modelId} now carries the rulings made on ${[...new Set(carried)].join(', ')}.`);
    if (record?.curation?.needsReview && record.curation.needsReviewReason?.includes(RULING_CONFLICT))
      context.log.warn(
        `${modelId} needs review: ${record.curation.needsReviewReason} (tracker explain ${modelId})`,
      );
    context.log.info(
      remove
        ? `"${name}" no longer resolves to ${modelId}.`
        : `"${name}" now resolves to ${modelId}${record ? ` (${record.aliases.length} aliases, ${record.observations.length} observations)` : ''}.`,
    );
    return entries;
  } finally {
    await lock.release();
  }
}

/**
 * The names as sources write them that NAME stands for, each with the model it resolves to now: every raw name
 * observed for the model NAME names (by id, name, alias, a source's own id or a raw name), or, for --remove, the
 * raw names of MODEL that loosely equal NAME; else NAME itself (resolving to no model yet).
 */
function rawNamesFor(
  models: readonly ModelRecord[],
  name: string,
  within?: string,
): Map<string, string | undefined> {
  const loose = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = loose(name);
  const names = new Map<string, string | undefined>();
  const match = within === undefined ? findModelRecord(models, name, { normalized: false }) : undefined;
  const namedIds = new Set(
    match?.status === 'found'
      ? [match.record.id]
      : match?.status === 'ambiguous'
        ? match.records.map((record) => record.id)
        : [],
  );
  for (const record of models) {
    if (within !== undefined && record.id !== within) continue;
    const named = namedIds.has(record.id);
    for (const ref of record.observations) {
      const last = ref.rawName.split('/').at(-1) ?? ref.rawName;
      if ((named && within === undefined) || loose(ref.rawName) === key || loose(last) === key)
        names.set(ref.rawName, record.id);
    }
  }
  return names.size
    ? new Map([...names].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
    : new Map([[name, undefined]]);
}
