import type { LedgerEntry, ModelRecord, ReleaseFile, ReleaseRow } from '@tracker/schema';
import { rulingsByModel } from './curate';
import { type DiffRow, diffModelSets, type FieldChange } from './diff';

/** What {@link formatChangelog} compares and where it finds the reasons. */
export interface ChangelogInput {
  /** The release being written. */
  current: ReleaseFile;
  /** The latest release before it, or `null` for the first release. */
  previous: ReleaseFile | null;
  /** The ledger, to name the decision behind each change. */
  ledger?: readonly LedgerEntry[];
  /** The curated records, to say why a model left the list when no ruling explains it. */
  records?: readonly ModelRecord[];
}

/** One entry of a changelog, as data (what `formatChangelog` writes, for callers that render it differently). */
export interface ChangelogItem {
  kind: 'added' | 'removed' | 'changed';
  id: string;
  name: string;
  /** For `changed`: each field's old and new value. */
  changes: FieldChange[];
  /** Why: the ledger entry that caused it, or what the machine did. */
  reason: string;
}

/** The changes from `previous` to `current`, each with its reason, sorted by kind then id. */
export function listChangelogItems(input: ChangelogInput): ChangelogItem[] {
  const { current, previous } = input;
  const ledger = input.ledger ?? [];
  const rulings = rulingsByModel(ledger, current.threshold);
  const records = new Map((input.records ?? []).map((record) => [record.id, record]));
  const since = previous ? Date.parse(previous.generatedAt) : Number.NEGATIVE_INFINITY;
  const rows = new Map(current.models.map((row) => [row.id, row]));

  /** The ruling in force, described, when it was made after the previous release (so it caused the change). */
  const newRuling = (id: string): string | undefined => {
    const ruling = rulings.get(id)?.ruling;
    if (!ruling || Date.parse(ruling.at) <= since) return undefined;
    return describeRuling(ruling);
  };
  const diff = diffModelSets(previous?.models ?? [], current.models);
  const items: ChangelogItem[] = [];
  for (const row of diff.added) {
    const full = rows.get(row.id);
    items.push({
      kind: 'added',
      id: row.id,
      name: row.name,
      changes: [],
      reason: newRuling(row.id) ?? full?.reason ?? 'machine estimate',
    });
  }
  for (const row of diff.removed) {
    items.push({ kind: 'removed', id: row.id, name: row.name, changes: [], reason: removalReason(row) });
  }
  for (const { id, changes } of diff.changed) {
    items.push({
      kind: 'changed',
      id,
      name: rows.get(id)?.name ?? id,
      changes,
      reason: newRuling(id) ?? machineChangeReason(changes),
    });
  }
  return items;

  function removalReason(row: DiffRow): string {
    const ruling = rulings.get(row.id);
    if (ruling && ruling.status !== null && ruling.status !== 'confirmed-above') {
      return describeRuling(ruling.ruling);
    }
    const record = records.get(row.id);
    if (!record) return 'no longer in the data';
    const probability = record.assessment?.probabilityAbove;
    const status = record.curation?.status ?? 'unreviewed';
    return probability === undefined || probability === null
      ? `machine estimate moved: no probability now (status ${status})`
      : `machine estimate moved: P(above)=${probability.toFixed(2)} now (status ${status})`;
  }
}

function describeRuling(ruling: { action: string; by: string; at: string; reason: string; entryId: string }) {
  return `${ruling.action} by ${ruling.by} on ${ruling.at.slice(0, 10)} (ledger ${ruling.entryId}): ${ruling.reason}`;
}

const MACHINE_FIELDS = new Set(['flop', 'low', 'high', 'probabilityAbove', 'confidence', 'method']);

function machineChangeReason(changes: readonly FieldChange[]): string {
  if (changes.some((change) => MACHINE_FIELDS.has(change.field))) return 'machine estimate moved';
  if (changes.some((change) => change.field === 'status')) return 'ruling withdrawn or superseded';
  return 'source facts changed';
}

/** Markdown-safe single-line text: scraped names must not inject links, headings or HTML into the changelog. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[\\`*_{}[\]<>|~]/g, (character) => `\\${character}`)
    .trim();
}

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number') {
    if (field === 'probabilityAbove') return value.toFixed(2);
    return value.toExponential(2);
  }
  return escapeMarkdown(String(value));
}

function formatChange(change: FieldChange): string {
  return `${change.field} ${formatValue(change.field, change.from)} → ${formatValue(change.field, change.to)}`;
}

function summarizeRow(row: ReleaseRow | undefined): string {
  if (!row) return '';
  const flop = row.flop === null ? 'no figure' : `${row.flop.toExponential(2)} FLOP`;
  return `${row.status}${row.unreviewed ? ' (unreviewed)' : ''}, ${flop}`;
}

/**
 * The release's `CHANGELOG.md`: counts, then the models added, removed and changed since the previous release,
 * each change as `old → new` with its reason (the ledger entry that caused it when one was made since the
 * previous release, else what the machine did: "machine estimate moved", "source facts changed"). The first
 * release says so. Scraped text is escaped so it cannot inject Markdown.
 */
export function formatChangelog(input: ChangelogInput): string {
  const { current, previous } = input;
  const items = listChangelogItems(input);
  const reviewed = current.models.filter((row) => !row.unreviewed).length;
  const previousRows = new Map((previous?.models ?? []).map((row) => [row.id, row]));
  const currentRows = new Map(current.models.map((row) => [row.id, row]));
  const lines = [
    `# Release ${current.date}`,
    '',
    `${current.models.length} models over ${current.threshold.toExponential()} FLOP ` +
      `(${reviewed} reviewed, ${current.models.length - reviewed} unreviewed); generated ${current.generatedAt}.`,
    '',
  ];
  if (!previous) {
    lines.push('First release: every model is new.', '');
  } else {
    const count = (kind: ChangelogItem['kind']) => items.filter((item) => item.kind === kind).length;
    lines.push(
      `Since the release of ${previous.date}: ${count('added')} added, ${count('removed')} removed, ` +
        `${count('changed')} changed.`,
      '',
    );
  }
  const sections: [ChangelogItem['kind'], string][] = [
    ['added', 'Added'],
    ['removed', 'Removed'],
    ['changed', 'Changed'],
  ];
  for (const [kind, title] of sections) {
    const selected = items.filter((item) => item.kind === kind);
    if (selected.length === 0) continue;
    lines.push(`## ${title}`, '');
    for (const item of selected) {
      const label = `\`${item.id}\` ${escapeMarkdown(item.name)}`;
      const what =
        kind === 'changed'
          ? item.changes.map(formatChange).join('; ')
          : kind === 'added'
            ? summarizeRow(currentRows.get(item.id))
            : `was ${summarizeRow(previousRows.get(item.id))}`;
      lines.push(`- ${label}: ${what}. Reason: ${escapeMarkdown(item.reason)}`);
    }
    lines.push('');
  }
  if (previous && items.length === 0) lines.push('No changes.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
