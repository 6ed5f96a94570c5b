import { randomBytes } from 'node:crypto';
import {
  type Fact,
  type LedgerEntry,
  type LedgerEntryInput,
  LedgerEntrySchema,
  type ModelFactsByField,
  ModelFactsByFieldSchema,
  type ModelRecord,
  TrackerError,
  toJsonPath,
} from '@tracker/schema';
import { compareStrings } from './json-file';

/** `Omit` applied to each member of a union, so the ledger's discriminated union survives. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Input of {@link createLedgerEntry}: an entry without `id` and `at` (both may still be given). */
export type CreateLedgerEntryInput = DistributiveOmit<LedgerEntryInput, 'id' | 'at'> & {
  id?: string;
  at?: string;
};

/** Options of {@link createLedgerEntry}. */
export interface CreateLedgerEntryOptions {
  /** Clock (default `new Date()`), for tests and imports. */
  now?: () => Date;
}

/** Actions that decide a model's curated status. */
export const RULING_ACTIONS = [
  'confirm-above',
  'confirm-below',
  'exclude',
  'include',
  'set-compute',
] as const;
/** One of {@link RULING_ACTIONS}. */
export type RulingAction = (typeof RULING_ACTIONS)[number];

/** True when the entry is a ruling (it decides a model's curated status). */
export function isRulingEntry(entry: LedgerEntry): entry is Extract<LedgerEntry, { action: RulingAction }> {
  return (RULING_ACTIONS as readonly string[]).includes(entry.action);
}

/** A time-sortable entry id: `20260325T101500Z-k3j9x0qa` (UTC second, then 8 random base-36 characters). */
export function createLedgerEntryId(at: Date = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  const random = [...randomBytes(8)].map((byte) => (byte % 36).toString(36)).join('');
  return `${stamp}-${random}`;
}

/**
 * Builds a validated ledger entry: fills `id` and `at`, applies defaults, and checks it (`DECISION_INVALID`,
 * message `[ledger] <json path>: <problem>`). A ruling needs a non-empty `reason`.
 */
export function createLedgerEntry(
  input: CreateLedgerEntryInput,
  options: CreateLedgerEntryOptions = {},
): LedgerEntry {
  const now = options.now?.() ?? new Date();
  const candidate = { ...input, at: input.at ?? now.toISOString(), id: input.id ?? createLedgerEntryId(now) };
  const result = LedgerEntrySchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new TrackerError(
      'DECISION_INVALID',
      `[ledger] ${toJsonPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`,
      {
        cause: result.error,
      },
    );
  }
  if (isRulingEntry(result.data) && result.data.reason.trim() === '') {
    throw new TrackerError(
      'DECISION_INVALID',
      `[ledger] $.reason: a ${result.data.action} ruling needs a reason`,
    );
  }
  return result.data;
}

/**
 * The entries in force, oldest first: entries named by another entry's `supersedes` are left out, and the rest
 * are ordered by `at` (then by position in the file), so "the latest" is well defined even for merged ledgers.
 */
export function activeLedgerEntries(ledger: readonly LedgerEntry[]): LedgerEntry[] {
  const superseded = new Set<string>();
  for (const entry of ledger) if (entry.supersedes !== undefined) superseded.add(entry.supersedes);
  return ledger
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .filter(({ entry }) => !superseded.has(entry.id))
    .sort((left, right) => left.time - right.time || left.index - right.index)
    .map(({ entry }) => entry);
}

/**
 * Name → model id overrides from `alias` entries (the latest decision about a name wins; an `unalias` of the same
 * name and model cancels it). Names are exact, as the entry wrote them; the resolver applies them before its rules.
 */
export function aliasOverrides(ledger: readonly LedgerEntry[]): Map<string, string> {
  return collectAliases(ledger).aliases;
}

/** Name → model ids it must NOT resolve to, from `unalias` entries not undone by a later `alias`. */
export function aliasRemovals(ledger: readonly LedgerEntry[]): Map<string, Set<string>> {
  return collectAliases(ledger).removals;
}

function collectAliases(ledger: readonly LedgerEntry[]) {
  const aliases = new Map<string, string>();
  const removals = new Map<string, Set<string>>();
  for (const entry of activeLedgerEntries(ledger)) {
    if (entry.action === 'alias') {
      aliases.set(entry.value.name, entry.modelId);
      removals.get(entry.value.name)?.delete(entry.modelId);
      if (removals.get(entry.value.name)?.size === 0) removals.delete(entry.value.name);
    } else if (entry.action === 'unalias') {
      if (aliases.get(entry.value.name) === entry.modelId) aliases.delete(entry.value.name);
      const set = removals.get(entry.value.name) ?? new Set<string>();
      set.add(entry.modelId);
      removals.set(entry.value.name, set);
    }
  }
  return { aliases, removals };
}

/** What the ledger records about a developer's capacity (the latest `developer-note` wins). */
export interface DeveloperNote {
  capacity: string;
  reason: string;
  by: string;
  at: string;
  entryId: string;
}

/** Developer name → the latest note on its capacity. Shown as evidence; never used as a cap. */
export function developerNotes(ledger: readonly LedgerEntry[]): Map<string, DeveloperNote> {
  const notes = new Map<string, DeveloperNote>();
  for (const entry of activeLedgerEntries(ledger)) {
    if (entry.action !== 'developer-note') continue;
    notes.set(entry.developer, {
      capacity: entry.value.capacity,
      reason: entry.reason,
      by: entry.by,
      at: entry.at,
      entryId: entry.id,
    });
  }
  return notes;
}

/**
 * The URL a ledger fact carries: the entry's first evidence URL, else `https://tracker.invalid/ledger#<id>`
 * (`.invalid` is reserved and never resolves, so the URL only names the entry).
 */
export function ledgerFactUrl(entry: LedgerEntry): string {
  return entry.evidence[0] ?? `https://tracker.invalid/ledger#${entry.id}`;
}

type FactField = keyof ModelFactsByField;
const FACT_FIELDS = Object.keys(ModelFactsByFieldSchema.shape) as FactField[];
/** `set-fact` fields that are not facts: `name` renames the model (the old name becomes an alias). */
const SPECIAL_FIELDS = ['name'];

/** Fields a `set-fact` entry may name. */
export function settableFactFields(): string[] {
  return [...SPECIAL_FIELDS, ...FACT_FIELDS].sort(compareStrings);
}

interface PendingFact {
  entry: LedgerEntry;
  value: unknown;
}

function blankRecord(modelId: string, name: string): ModelRecord {
  return { id: modelId, name, developer: null, aliases: [], facts: {}, scores: {}, observations: [] };
}

/**
 * Applies the ledger's facts to merged records (pure; returns new records sorted by id):
 * - `set-fact` adds a fact with source `ledger` (url: see {@link ledgerFactUrl}, retrievedAt: the entry's `at`),
 *   placed first in its field because a human outranks the sources; the latest entry per model and field wins.
 *   Field `developer` also sets the display developer; field `name` renames the model.
 * - `include` with a `value` creates the record of a model entered by hand when no source has it, and adds its
 *   facts the same way.
 * Facts from an earlier application (source `ledger`) are replaced, so applying twice gives the same result.
 * Entries for models that have no record (and are not `include`s) are ignored. A `set-fact` whose field is unknown
 * or whose value does not fit the field raises `DECISION_INVALID` naming the entry.
 */
export function applyLedgerFacts(
  records: readonly ModelRecord[],
  ledger: readonly LedgerEntry[],
): ModelRecord[] {
  const pending = new Map<string, Map<string, PendingFact>>();
  const included = new Map<string, Extract<LedgerEntry, { action: 'include' }>>();
  const put = (modelId: string, field: string, fact: PendingFact) => {
    const fields = pending.get(modelId) ?? new Map<string, PendingFact>();
    fields.set(field, fact);
    pending.set(modelId, fields);
  };
  for (const entry of activeLedgerEntries(ledger)) {
    if (entry.action === 'set-fact') {
      const field = entry.value.field;
      if (!SPECIAL_FIELDS.includes(field) && !(FACT_FIELDS as string[]).includes(field)) {
        throw new TrackerError(
          'DECISION_INVALID',
          `[ledger] entry ${entry.id}: $.value.field: unknown field "${field}" (expected one of ${settableFactFields().join(', ')})`,
        );
      }
      put(entry.modelId, field, { entry, value: entry.value.value });
    } else if (entry.action === 'include' && entry.value) {
      included.set(entry.modelId, entry);
      const { name: _name, ...facts } = entry.value;
      for (const [field, value] of Object.entries(facts)) {
        if (value !== undefined) put(entry.modelId, field, { entry, value });
      }
    }
  }
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const [modelId, entry] of included) {
    if (!byId.has(modelId) && entry.value) byId.set(modelId, blankRecord(modelId, entry.value.name));
  }
  const result: ModelRecord[] = [];
  for (const record of byId.values()) {
    result.push(applyToRecord(stripLedgerFacts(record), pending.get(record.id)));
  }
  return result.sort((left, right) => compareStrings(left.id, right.id));
}

function stripLedgerFacts(record: ModelRecord): ModelRecord {
  // Most records have no fact from the ledger: they are returned as they are, without copying anything.
  let fromLedger = false;
  for (const list of Object.values(record.facts) as Fact<unknown>[][]) {
    if (list.some((fact) => fact.source === 'ledger')) {
      fromLedger = true;
      break;
    }
  }
  if (!fromLedger) return record;
  const facts: Record<string, Fact<unknown>[]> = {};
  let changed = false;
  for (const [field, list] of Object.entries(record.facts) as [string, Fact<unknown>[]][]) {
    const kept = list.filter((fact) => fact.source !== 'ledger');
    changed ||= kept.length !== list.length;
    if (kept.length > 0) facts[field] = kept;
  }
  return changed ? { ...record, facts: facts as ModelFactsByField } : record;
}

function applyToRecord(record: ModelRecord, fields: Map<string, PendingFact> | undefined): ModelRecord {
  if (!fields) return record;
  const next: ModelRecord = { ...record, facts: { ...record.facts } };
  for (const [field, { entry, value }] of fields) {
    if (field === 'name') {
      if (typeof value !== 'string' || value.trim() === '')
        throw badValue(entry, field, 'expected a non-empty string');
      if (value !== next.name && !next.aliases.includes(next.name))
        next.aliases = [...next.aliases, next.name].sort(compareStrings);
      next.aliases = next.aliases.filter((alias) => alias !== value);
      next.name = value;
      continue;
    }
    const fact = { value, source: 'ledger', url: ledgerFactUrl(entry), retrievedAt: entry.at };
    const check = ModelFactsByFieldSchema.safeParse({ [field]: [fact] });
    if (!check.success) throw badValue(entry, field, check.error.issues[0]?.message ?? 'invalid value');
    const existing = (next.facts as Record<string, Fact<unknown>[] | undefined>)[field] ?? [];
    (next.facts as Record<string, Fact<unknown>[]>)[field] = [fact, ...existing];
    if (field === 'developer') next.developer = value as string;
  }
  return next;
}

function badValue(entry: LedgerEntry, field: string, problem: string): TrackerError {
  return new TrackerError(
    'DECISION_INVALID',
    `[ledger] entry ${entry.id}: $.value: ${problem} for field "${field}"`,
  );
}
