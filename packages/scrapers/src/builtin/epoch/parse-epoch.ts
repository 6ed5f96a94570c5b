import type { ComputeSignal, Domain, Observation, ScrapeIssue } from '@tracker/schema';
import type { Payload, ScrapeResult } from '../../scraper';
import type { CsvRow } from '../kit';
import {
  createObservationCollector,
  createParseError,
  findMissingColumns,
  parseIsoDate,
  parseNumber,
  readCsv,
} from '../kit';
import { type EpochColumnMap, type EpochField, mapEpochColumns } from './epoch-columns';

/** Scraper id. */
export const EPOCH_ID = 'epoch';

/** The four files of Epoch AI's "Data on AI Models" (https://epoch.ai/data/ai-models). */
export type EpochFileKind = 'notable' | 'large-scale' | 'frontier' | 'all';

/** Download URL of each file. */
export const EPOCH_FILE_URLS: Readonly<Record<EpochFileKind, string>> = Object.freeze({
  notable: 'https://epoch.ai/data/notable_ai_models.csv',
  'large-scale': 'https://epoch.ai/data/large_scale_ai_models.csv',
  frontier: 'https://epoch.ai/data/frontier_ai_models.csv',
  all: 'https://epoch.ai/data/all_ai_models.csv',
});

/**
 * Tie-break between files captured at the same time: the curated subsets first (notable, large-scale,
 * frontier), then the full database. Only used when `retrievedAt` is equal.
 */
const KIND_ORDER: readonly EpochFileKind[] = ['notable', 'large-scale', 'frontier', 'all'];

const FILE_PATTERNS: readonly [EpochFileKind, RegExp][] = [
  ['large-scale', /large[_-]scale[_-]ai[_-]models/i],
  ['notable', /notable[_-]ai[_-]models/i],
  ['frontier', /frontier[_-]ai[_-]models/i],
  ['all', /all[_-]ai[_-]models/i],
];

/** The file kind from the payload's file name or URL, or null. */
export function detectEpochFileKind(payload: Pick<Payload, 'url' | 'fileName'>): EpochFileKind | null {
  for (const text of [payload.fileName, payload.url]) {
    if (!text) continue;
    for (const [kind, pattern] of FILE_PATTERNS) if (pattern.test(text)) return kind;
  }
  return null;
}

/** The facts one row states, each field `undefined` when the file has no such column. */
interface RowFacts {
  developer?: string | null;
  releaseDate?: string | null;
  parameters?: number | null;
  trainingTokens?: number | null;
  /** Epoch's `Training compute cost (2023 USD)`. */
  costUsd?: number | null;
  /** Passes over the dataset (Epoch's `Epochs`); tokens seen = dataset size × epochs. */
  epochs?: number | null;
  reportedCompute?: Observation['reportedCompute'] | null;
  hardware?: Observation['hardware'] | null;
  finetuneCompute?: number | null;
  baseModel?: string | null;
  accessibility?: string | null;
  domain?: Domain | null;
  computeSignals?: ComputeSignal[] | null;
  links?: string[] | null;
}

/** One parsed row before the union. */
export interface EpochRow {
  /** Normalised model name: the union key. */
  key: string;
  rawName: string;
  kind: EpochFileKind;
  /** 1-based data row of its file. */
  row: number;
  sourceUrl: string;
  retrievedAt: string;
  facts: RowFacts;
}

/** A parsed file: its rows plus the issues met. */
export interface EpochFile {
  kind: EpochFileKind;
  sourceUrl: string;
  retrievedAt: string;
  rows: EpochRow[];
  issues: ScrapeIssue[];
  /** Data rows in the file (each is a row or an issue). */
  rowCount: number;
}

/** The union key of a model name: Unicode-normalised, lower case, whitespace collapsed. */
export function normalizeEpochName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const CONFIDENCE: Readonly<Record<string, 'confident' | 'likely' | 'speculative' | 'unknown'>> = {
  confident: 'confident',
  likely: 'likely',
  speculative: 'speculative',
  unknown: 'unknown',
  unverified: 'unknown',
};

const METHOD_KEYWORDS: Readonly<Record<string, string>> = {
  'operation counting': 'operation-count',
  hardware: 'hardware',
  reported: 'reported',
  benchmarks: 'benchmark',
  'third-party estimation': 'third-party',
  'comparison with other models': 'comparison',
  cost: 'cost',
  other: 'other',
};

/** "Operation counting,Hardware" → "operation-count+hardware" (unknown parts become kebab-case). */
function normalizeMethod(text: string): string | undefined {
  const parts = text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part.length > 0)
    .map((part) => METHOD_KEYWORDS[part] ?? part.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
  const unique = [...new Set(parts)].filter((part) => part.length > 0);
  return unique.length > 0 ? unique.join('+') : undefined;
}

const ACCESSIBILITY: Readonly<Record<string, string>> = {
  'api access': 'api',
  'open weights (unrestricted)': 'open-weights',
  'open weights (restricted use)': 'open-weights-restricted',
  'open weights (non-commercial)': 'open-weights-non-commercial',
  'hosted access (no api)': 'hosted',
  unreleased: 'unreleased',
};

function normalizeAccessibility(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (!lower) return undefined;
  return ACCESSIBILITY[lower] ?? (lower.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || undefined);
}

const DOMAINS: Readonly<Record<string, Domain>> = {
  language: 'language',
  multimodal: 'multimodal',
  vision: 'vision',
  'image generation': 'image-generation',
  video: 'video',
  audio: 'audio',
  speech: 'speech',
  robotics: 'robotics',
  biology: 'biology',
};

/**
 * Epoch lists several domains ("Multimodal,Language,Vision"). One is kept: `multimodal` when listed, or when
 * language comes with a perceptual domain; else `language` when listed; else the first known one.
 */
function normalizeDomain(text: string): Domain | undefined {
  const parts = text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  if (parts.includes('multimodal')) return 'multimodal';
  const perceptual = parts.some((part) =>
    ['vision', 'image generation', 'video', 'audio', 'speech'].includes(part),
  );
  if (parts.includes('language')) return perceptual ? 'multimodal' : 'language';
  for (const part of parts) if (DOMAINS[part]) return DOMAINS[part];
  return 'other';
}

/** Epoch's notes phrases for "very likely over 1e25" (scanned, never stored). */
const OVER_1E25_NOTE =
  /(very likely|almost certainly)[^.]{0,80}?(>|over|above|more than|exceed\w*)\s*(1e25|10\^25|1e\+25)/i;

/** A row's cells looked up by field through the file's {@link EpochColumnMap}. */
interface FieldReader {
  /** The first non-blank cell among the field's columns; `undefined` when the file has none of them. */
  text(field: EpochField): string | undefined;
  /** `undefined` when the file has no column for the field, `null` when blank, else the mapped value (null when unreadable). */
  value<T>(field: EpochField, map: (text: string) => T | undefined): T | null | undefined;
  has(field: EpochField): boolean;
}

function fieldReader(row: CsvRow, columns: EpochColumnMap['columns']): FieldReader {
  const cellsOf = (field: EpochField) =>
    (columns.get(field) ?? []).map((column) => (row.get(column) ?? '').trim());
  return {
    has: (field) => columns.has(field),
    text(field) {
      if (!columns.has(field)) return undefined;
      return cellsOf(field).find((text) => text !== '') ?? '';
    },
    value(field, map) {
      if (!columns.has(field)) return undefined;
      for (const text of cellsOf(field)) {
        if (text === '') continue;
        const value = map(text);
        if (value !== undefined) return value;
      }
      return null;
    },
  };
}

const positive = (text: string) => {
  const value = parseNumber(text);
  return value !== undefined && value > 0 ? value : undefined;
};

function readRowFacts(read: FieldReader): RowFacts {
  const facts: RowFacts = {};
  facts.developer = read.value('developer', (text) => text.slice(0, 200));
  facts.releaseDate = read.value('releaseDate', (text) => parseIsoDate(text));
  facts.parameters = read.value('parameters', positive);
  facts.domain = read.value('domain', normalizeDomain);
  // Epoch's dataset size, under whichever header the file's layout uses (see EPOCH_HEADERS).
  facts.trainingTokens = read.value('trainingTokens', positive);
  facts.epochs = read.value('epochs', positive);
  facts.costUsd = read.value('costUsd', positive);
  if (read.has('compute')) {
    const flop = positive(read.text('compute') ?? '');
    if (flop === undefined) facts.reportedCompute = null;
    else {
      const confidenceText = (read.text('confidence') ?? '').toLowerCase();
      const reported: NonNullable<Observation['reportedCompute']> = {
        flop,
        confidence: CONFIDENCE[confidenceText] ?? 'unknown',
      };
      const lower = positive(read.text('computeLower') ?? '');
      const upper = positive(read.text('computeUpper') ?? '');
      // Epoch's bounds column holds a few stray values (e.g. `5.423`): keep only bounds that bracket the figure.
      if (lower !== undefined && lower <= flop && lower > flop / 1e3) reported.lower = lower;
      if (upper !== undefined && upper >= flop && upper < flop * 1e3) reported.upper = upper;
      const method = normalizeMethod(read.text('computeMethod') ?? '');
      if (method) reported.method = method;
      facts.reportedCompute = reported;
    }
  }
  if ((['chip', 'chipCount', 'trainingHours', 'utilization'] as const).some(read.has)) {
    const chip = (read.text('chip') ?? '').split(',')[0]?.trim();
    const count = positive(read.text('chipCount') ?? '');
    const hours = positive(read.text('trainingHours') ?? '');
    const utilization = positive(read.text('utilization') ?? '');
    const hardware: NonNullable<Observation['hardware']> = {};
    if (chip) hardware.chip = chip.slice(0, 200);
    if (count !== undefined) hardware.count = count;
    if (hours !== undefined) hardware.hours = hours;
    if (utilization !== undefined && utilization <= 1) hardware.utilization = utilization;
    facts.hardware = Object.keys(hardware).length > 0 ? hardware : null;
  }
  facts.finetuneCompute = read.value('finetuneCompute', positive);
  facts.baseModel = read.value('baseModel', (text) => text.split(',')[0]?.trim().slice(0, 300) || undefined);
  facts.accessibility = read.value('accessibility', normalizeAccessibility);
  facts.links = read.value('link', (text) => {
    const url = text.trim();
    return /^https?:\/\/\S+$/.test(url) ? [url] : undefined;
  });
  const signals: ComputeSignal[] = [];
  let signalColumns = false;
  for (const [field, signal] of [
    ['over1e25', 'over-1e25'],
    ['maybeOver1e25', 'maybe-over-1e25'],
  ] as const) {
    if (!read.has(field)) continue;
    signalColumns = true;
    if ((read.text(field) ?? '').toLowerCase() === 'true') signals.push(signal);
  }
  if (read.has('computeNotes')) {
    signalColumns = true;
    if (OVER_1E25_NOTE.test(read.text('computeNotes') ?? '') && !signals.includes('over-1e25'))
      signals.push('over-1e25');
  }
  if (signalColumns) facts.computeSignals = signals.length > 0 ? signals : null;
  return facts;
}

/**
 * Reads one Epoch CSV into rows (not yet observations). Throws `PARSE_FAILED` when the payload is not one of
 * the four files or lacks the `Model` / `Training compute (FLOP)` columns; a row without a name becomes an issue.
 */
export function readEpochFile(payload: Payload): EpochFile {
  const kind = detectEpochFileKind(payload);
  if (!kind) {
    throw createParseError(
      EPOCH_ID,
      payload,
      "one of Epoch AI's files (all_, notable_, large_scale_ or frontier_ai_models.csv) by name",
      'another file name',
    );
  }
  const table = readCsv(EPOCH_ID, payload);
  const columnMap = mapEpochColumns(table.columns);
  const missing = findMissingColumns(table.columns, ['Model', 'Training compute (FLOP)', 'Publication date']);
  if (missing.length > 0)
    throw createParseError(
      EPOCH_ID,
      payload,
      `Epoch's header with ${missing.join(', ')}`,
      `columns ${table.columns.slice(0, 6).join(', ')}…`,
    );
  const sourceUrl = EPOCH_FILE_URLS[kind];
  const rows: EpochRow[] = [];
  const issues: ScrapeIssue[] = [];
  for (const { column, field } of columnMap.lookalikes) {
    issues.push({
      level: 'warning',
      message: `column "${column}" looks like Epoch's ${field} column but is not a known header, so it is not read (add it to EPOCH_HEADERS)`,
      location: `${kind} header`,
    });
  }
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const rawName = (row.get('Model') ?? '').trim();
    const location = `${kind} row ${row.row}`;
    if (!rawName) {
      issues.push({ level: 'warning', message: 'row skipped: no model name', location });
      continue;
    }
    const key = normalizeEpochName(rawName);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        level: 'warning',
        message: `row skipped: duplicate of row ${earlier} ("${rawName.slice(0, 100)}")`,
        location,
      });
      continue;
    }
    seen.set(key, row.row);
    rows.push({
      key,
      rawName: rawName.slice(0, 300),
      kind,
      row: row.row,
      sourceUrl,
      retrievedAt: payload.retrievedAt,
      facts: readRowFacts(fieldReader(row, columnMap.columns)),
    });
  }
  return { kind, sourceUrl, retrievedAt: payload.retrievedAt, rows, issues, rowCount: table.rows.length };
}

function newerFirst(left: EpochFile, right: EpochFile): number {
  return (
    right.retrievedAt.localeCompare(left.retrievedAt) ||
    KIND_ORDER.indexOf(left.kind) - KIND_ORDER.indexOf(right.kind)
  );
}

/**
 * The union of several files: one observation per normalised model name. The row of the newest file (by
 * `retrievedAt`; ties: notable, large-scale, frontier, all) sets every field its file has a column for, even
 * when blank (so a figure Epoch removed stays removed); fields its file lacks (the frontier-only over-1e25
 * flags, the all-only bounds and estimation method) come from the next newest file that has them.
 * Compute signals are the union over files.
 */
export function mergeEpochFiles(files: readonly EpochFile[]): ScrapeResult {
  const ordered = [...files].sort(newerFirst);
  const byKey = new Map<string, EpochRow[]>();
  for (const file of ordered) {
    for (const row of file.rows) {
      const list = byKey.get(row.key);
      if (list) list.push(row);
      else byKey.set(row.key, [row]);
    }
  }
  const collector = createObservationCollector();
  for (const file of ordered)
    for (const issue of file.issues) collector.issue(issue.level, issue.message, issue.location);
  const keys = [...byKey.keys()].sort();
  for (const key of keys) {
    const rows = byKey.get(key) as EpochRow[];
    const lead = rows[0] as EpochRow;
    const merged: RowFacts = {};
    for (const name of Object.keys(lead.facts).concat(
      ...rows.slice(1).map((row) => Object.keys(row.facts)),
    ) as (keyof RowFacts)[]) {
      if (name in merged) continue;
      const owner = rows.find((row) => row.facts[name] !== undefined);
      if (owner) (merged as Record<string, unknown>)[name] = owner.facts[name];
    }
    const signals = new Set<ComputeSignal>();
    for (const row of rows) for (const signal of row.facts.computeSignals ?? []) signals.add(signal);
    const reported = merged.reportedCompute ?? undefined;
    // The bounds and method come from the `all` file; they describe the figure only when the figures match.
    const candidate: Record<string, unknown> = {
      source: EPOCH_ID,
      sourceUrl: lead.sourceUrl,
      retrievedAt: lead.retrievedAt,
      rawName: lead.rawName,
      developer: merged.developer ?? undefined,
      releaseDate: merged.releaseDate ?? undefined,
      parameters: merged.parameters ? { total: merged.parameters } : undefined,
      // Tokens seen in training: the dataset's tokens times the passes over it (Epoch multiplies the same way).
      trainingTokens: merged.trainingTokens ? merged.trainingTokens * (merged.epochs ?? 1) : undefined,
      hardware: merged.hardware ?? undefined,
      costUsd: merged.costUsd ?? undefined,
      reportedCompute: reported ? withOlderDetails(reported, rows) : undefined,
      finetuneCompute: merged.finetuneCompute ?? undefined,
      baseModel: merged.baseModel ?? undefined,
      accessibility: merged.accessibility ?? undefined,
      domain: merged.domain ?? undefined,
      computeSignals: signals.size > 0 ? [...signals].sort() : undefined,
      links: merged.links ?? undefined,
    };
    collector.add(candidate, `${lead.kind} row ${lead.row}`);
  }
  return collector.result();
}

/** Fills the bounds and estimation method from an older file's row when its figure equals the lead figure. */
function withOlderDetails(
  reported: NonNullable<Observation['reportedCompute']>,
  rows: readonly EpochRow[],
): NonNullable<Observation['reportedCompute']> {
  const result = { ...reported };
  for (const row of rows) {
    const other = row.facts.reportedCompute;
    if (!other || Math.abs(other.flop - reported.flop) > reported.flop * 1e-9) continue;
    if (result.lower === undefined && other.lower !== undefined) result.lower = other.lower;
    if (result.upper === undefined && other.upper !== undefined) result.upper = other.upper;
    if (result.method === undefined && other.method !== undefined) result.method = other.method;
  }
  return result;
}

/** Parses one saved Epoch CSV (the file kind comes from `payload.fileName` or the URL). */
export function parseEpoch(payload: Payload): ScrapeResult {
  return mergeEpochFiles([readEpochFile(payload)]);
}

/** Parses several Epoch CSVs as one union (see {@link mergeEpochFiles}). */
export function parseEpochFiles(payloads: readonly Payload[]): ScrapeResult {
  return mergeEpochFiles(payloads.map(readEpochFile));
}
