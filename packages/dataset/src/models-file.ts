/**
 * The on-disk form of `models.json` (docs/data-format.md). This module is the one place that knows it: the writer
 * encodes the in-memory {@link ModelsFile} into the compact form (schema version 2), and the reader expands either
 * form (version 2, or the older version 1, which is the in-memory shape written out as it is) back into exactly the
 * `ModelRecord[]` everything else uses.
 *
 * Version 2, compared with the in-memory shape:
 * - `provenance` is one shared table of `[source, retrievedAt, url]` (a part is `null` when absent); every fact,
 *   score, estimate input and observation ref points into it by index instead of repeating the three strings;
 * - a fact is `[value, p]`, a score `[score without its provenance, p]`, an estimate input `[name, value]` or
 *   `[name, value, p]`, an observation ref `[rawName, p]` or `[rawName, p, sourceModelId]` (a ref's entry gives its
 *   source and retrievedAt; the entry's url is not part of the ref);
 * - the figures of estimates (medians, 90% intervals, log10 sigmas, breakdowns) are written to six significant
 *   digits; facts, inputs and probabilities are written whole;
 * - no indentation: the header, then one provenance entry per line, then one model per line (still one JSON value).
 */
import {
  type ComputeEstimate,
  type EstimateComponent,
  type EstimateInput,
  type ModelRecord,
  type ModelsFile,
  ModelsFileSchema,
  type ObservationRef,
  parseWithSchema,
  SchemaValidationError,
  type ThresholdAssessment,
  TrackerError,
  toJsonPath,
} from '@tracker/schema';
import { compareStrings } from './json-file';

/** The schema version `models.json` is written with. Version 1 (the in-memory shape, indented) is still read. */
export const MODELS_FILE_VERSION = 2;

/** Significant digits of the estimate figures on disk: far beyond what an estimate with a ×3 interval means. */
export const ESTIMATE_DIGITS = 6;

/** One entry of the provenance table: `[source, retrievedAt, url]`, each `null` when the item has none. */
type ProvenanceEntry = [source: string | null, retrievedAt: string | null, url: string | null];

interface ProvenanceLike {
  source?: string | undefined;
  retrievedAt?: string | undefined;
  url?: string | undefined;
}

/** An entry of the table being built: its parts, and its index once the table is sorted. */
interface Slot {
  entry: ProvenanceEntry;
  index: number;
}

/** A map of maps: source → retrievedAt → (url →) slot, so lookups build no key strings. */
type Level<T> = Map<string | undefined, T>;

/** The provenance table of one file: entries sorted by source, time and URL, so indexes do not depend on record order. */
class ProvenanceTable {
  readonly entries: ProvenanceEntry[];
  /** The table as text (it is the file's second part, and tells whether a record's cached text still fits). */
  readonly text: string;
  private readonly slots: Level<Level<Level<Slot>>> = new Map();
  /** source → retrievedAt → the first entry with both (an observation ref's entry). */
  private readonly refs: Level<Level<Slot>> = new Map();

  constructor(records: readonly ModelRecord[]) {
    const found: Slot[] = [];
    const add = (item: ProvenanceLike) => {
      let times = this.slots.get(item.source);
      if (times === undefined) {
        times = new Map();
        this.slots.set(item.source, times);
      }
      let urls = times.get(item.retrievedAt);
      if (urls === undefined) {
        urls = new Map();
        times.set(item.retrievedAt, urls);
      }
      if (!urls.has(item.url)) {
        const slot: Slot = {
          entry: [item.source ?? null, item.retrievedAt ?? null, item.url ?? null],
          index: -1,
        };
        urls.set(item.url, slot);
        found.push(slot);
      }
    };
    for (const record of records) {
      for (const facts of Object.values(record.facts)) for (const fact of facts ?? []) add(fact);
      for (const scores of Object.values(record.scores)) for (const score of scores) add(score);
      for (const estimate of [record.estimate, record.machineEstimate]) {
        for (const component of estimate?.components ?? []) {
          for (const input of component.inputs) if (hasProvenance(input)) add(input);
        }
      }
    }
    for (const record of records) {
      for (const ref of record.observations) {
        // A ref needs an entry with its source and time; any URL will do, and none is added when one exists.
        const times = this.slots.get(ref.source)?.get(ref.retrievedAt);
        if (times === undefined || times.size === 0)
          add({ source: ref.source, retrievedAt: ref.retrievedAt });
      }
    }
    found.sort((left, right) => compareEntries(left.entry, right.entry));
    found.forEach((slot, index) => {
      slot.index = index;
      const [source, retrievedAt] = slot.entry;
      let times = this.refs.get(source ?? undefined);
      if (times === undefined) {
        times = new Map();
        this.refs.set(source ?? undefined, times);
      }
      if (!times.has(retrievedAt ?? undefined)) times.set(retrievedAt ?? undefined, slot);
    });
    this.entries = found.map((slot) => slot.entry);
    this.text = this.entries.map((entry) => JSON.stringify(entry)).join(',\n');
  }

  of(item: ProvenanceLike): number {
    return this.slots.get(item.source)!.get(item.retrievedAt)!.get(item.url)!.index;
  }

  ofRef(ref: ObservationRef): number {
    return this.refs.get(ref.source)!.get(ref.retrievedAt)!.index;
  }
}

function compareEntries(left: ProvenanceEntry, right: ProvenanceEntry): number {
  for (let index = 0; index < 3; index += 1) {
    const a = left[index] ?? '';
    const b = right[index] ?? '';
    if (a !== b) return compareStrings(a, b);
  }
  return 0;
}

const hasProvenance = (input: EstimateInput): boolean =>
  input.source !== undefined || input.url !== undefined || input.retrievedAt !== undefined;

/** `value` with the keys of every plain object sorted (code-point order); a non-finite number is refused. */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') return finite(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(canonical);
  return canonicalObject(value);
}

/**
 * {@link canonical} of an object, without the keys in `skip`. (A plain `sort()` orders strings by UTF-16 code
 * units, as `compareStrings` does, without calling back into JavaScript.)
 */
function canonicalObject(value: object, skip?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (skip?.includes(key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: canonical(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[key] = canonical(item);
    }
  }
  return out;
}

function finite(value: number): number {
  if (!Number.isFinite(value)) {
    throw new TrackerError('RECORD_INVALID', `[dataset] cannot write the non-finite number ${value} as JSON`);
  }
  return value;
}

/** A figure of an estimate as written: {@link ESTIMATE_DIGITS} significant digits. */
export function roundFigure(value: number): number {
  return Number(finite(value).toPrecision(ESTIMATE_DIGITS));
}

/** `canonical(object)` without the listed keys. */
function without(object: object, keys: readonly string[]): Record<string, unknown> {
  return canonicalObject(object, keys);
}

const PROVENANCE_KEYS = ['source', 'retrievedAt', 'url'] as const;

function encodeEstimate(estimate: ComputeEstimate, table: ProvenanceTable): Record<string, unknown> {
  const out = without(estimate, ['components']);
  const figures = estimateFigures(estimate);
  const componentFigures = estimate.components.map(estimateFigures);
  const components = estimate.components.map((component, index) =>
    encodeComponent(component, componentFigures[index]!, table),
  );
  // The figures of the method that set the estimate are not written twice: the reader takes them from it.
  const setter = estimate.components.findIndex(
    (component) => component.used && component.method === estimate.method,
  );
  if (setter >= 0 && sameFigures(figures, componentFigures[setter]!)) {
    delete out.median;
    delete out.interval90;
    delete out.log10Sigma;
  } else {
    Object.assign(out, figures);
  }
  if (estimate.breakdown) {
    const breakdown = out.breakdown as Record<string, number>;
    for (const key of Object.keys(breakdown)) breakdown[key] = roundFigure(breakdown[key]!);
  }
  out.components = components;
  return out;
}

interface Figures {
  median: number;
  interval90: number[];
  log10Sigma: number;
}

function estimateFigures(estimate: Pick<ComputeEstimate, 'median' | 'interval90' | 'log10Sigma'>): Figures {
  return {
    median: roundFigure(estimate.median),
    interval90: estimate.interval90.map(roundFigure),
    log10Sigma: roundFigure(estimate.log10Sigma),
  };
}

const sameFigures = (left: Figures, right: Figures): boolean =>
  left.median === right.median &&
  left.log10Sigma === right.log10Sigma &&
  left.interval90.length === right.interval90.length &&
  left.interval90.every((value, index) => value === right.interval90[index]);

/** The fields of a component, in the order of its array on disk (`excludedBecause` only when present). */
export const COMPONENT_FIELDS = [
  'method',
  'median',
  'interval90',
  'log10Sigma',
  'used',
  'reasoning',
  'inputs',
  'excludedBecause',
] as const;

/** z of the 95th percentile of the standard normal: a log-normal's 90% interval is median ×/÷ 10^(Z90·σ). */
const Z90 = 1.6448536269514722;

/** The 90% interval a log-normal with this (written) median and σ has, at the written precision. */
function derivedInterval(median: number, log10Sigma: number): number[] {
  const factor = 10 ** (Z90 * log10Sigma);
  return [roundFigure(median / factor), roundFigure(median * factor)];
}

function encodeComponent(component: EstimateComponent, figures: Figures, table: ProvenanceTable): unknown[] {
  // Most components' interval is the log-normal one of their median and σ: then it is written as null and the
  // reader derives it (a run-scoped component whose base was added, or a bound, keeps its own).
  const derived = derivedInterval(figures.median, figures.log10Sigma);
  const interval =
    figures.interval90.length === 2 && figures.interval90.every((value, index) => value === derived[index])
      ? null
      : figures.interval90;
  const inputs = component.inputs.map((input) =>
    hasProvenance(input)
      ? [input.name, canonical(input.value), table.of(input)]
      : [input.name, canonical(input.value)],
  );
  const out: unknown[] = [
    component.method,
    figures.median,
    interval,
    figures.log10Sigma,
    component.used,
    component.reasoning,
    inputs,
  ];
  if (component.excludedBecause !== undefined) out.push(component.excludedBecause);
  return out;
}

/** An assessment on disk: `[status, probabilityAbove]`, plus its threshold when it is not the file's. */
function encodeAssessment(assessment: ThresholdAssessment, threshold: number): unknown[] {
  const out: unknown[] = [assessment.status, assessment.probabilityAbove];
  if (assessment.threshold !== threshold) out.push(finite(assessment.threshold));
  return out;
}

function sortedEntries<T>(map: Record<string, T>): [string, T][] {
  return Object.keys(map)
    .sort()
    .map((key) => [key, map[key]!]);
}

/**
 * One record in the version 2 form, its keys in a fixed order (id, name, developer, then sorted). Left out, and
 * restored by the reader: `developer` when it is the first developer fact's value, empty `aliases` and `scores`,
 * `curation.needsReview` when false.
 */
function encodeRecord(
  record: ModelRecord,
  table: ProvenanceTable,
  threshold: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: record.id, name: record.name };
  const firstDeveloper = record.facts.developer?.[0]?.value ?? null;
  if (record.developer !== firstDeveloper) out.developer = record.developer;
  if (record.aliases.length > 0) out.aliases = [...record.aliases].sort(compareStrings);
  if (record.assessment !== undefined) out.assessment = encodeAssessment(record.assessment, threshold);
  if (record.curation !== undefined) {
    const curation = canonical(record.curation) as Record<string, unknown>;
    if (curation.needsReview === false) delete curation.needsReview;
    out.curation = curation;
  }
  if (record.estimate !== undefined) {
    out.estimate = record.estimate === null ? null : encodeEstimate(record.estimate, table);
  }
  const facts: Record<string, unknown> = {};
  for (const [field, list] of sortedEntries(record.facts)) {
    if (list !== undefined) facts[field] = list.map((fact) => [canonical(fact.value), table.of(fact)]);
  }
  out.facts = facts;
  if (record.machineAssessment !== undefined) {
    out.machineAssessment = encodeAssessment(record.machineAssessment, threshold);
  }
  if (record.machineEstimate !== undefined) {
    out.machineEstimate =
      record.machineEstimate === null ? null : encodeEstimate(record.machineEstimate, table);
  }
  out.observations = sortRefs(record.observations).map((ref) =>
    ref.sourceModelId === undefined
      ? [ref.rawName, table.ofRef(ref)]
      : [ref.rawName, table.ofRef(ref), ref.sourceModelId],
  );
  const benchmarks = sortedEntries(record.scores);
  if (benchmarks.length > 0) {
    const scores: Record<string, unknown> = {};
    for (const [benchmark, list] of benchmarks) {
      scores[benchmark] = list.map((score) => [without(score, PROVENANCE_KEYS), table.of(score)]);
    }
    out.scores = scores;
  }
  // Keys the encoder does not know (a newer record shape) are kept as they are, after the known ones.
  for (const key of Object.keys(record).sort(compareStrings)) {
    if (!KNOWN_RECORD_KEYS.has(key)) {
      const value = (record as Record<string, unknown>)[key];
      if (value !== undefined) out[key] = canonical(value);
    }
  }
  return out;
}

/** The parts of a record `summarizeRecord` reads: a summary expands only these. */
const SUMMARY_RECORD_KEYS = [
  'id',
  'name',
  'developer',
  'aliases',
  'assessment',
  'curation',
  'estimate',
  'facts',
];

const KNOWN_RECORD_KEYS = new Set([
  ...SUMMARY_RECORD_KEYS,
  'machineAssessment',
  'machineEstimate',
  'observations',
  'scores',
]);

function sortRefs(refs: readonly ObservationRef[]): ObservationRef[] {
  return [...refs].sort(
    (left, right) =>
      compareStrings(left.source, right.source) ||
      compareStrings(left.rawName, right.rawName) ||
      compareStrings(left.retrievedAt, right.retrievedAt),
  );
}

/** Each record's line, by record object (records are never changed in place), with the table it was written for. */
const recordLines = new WeakMap<ModelRecord, { table: string; line: string }>();

/**
 * The text of `models.json` (version 2) for a file: models sorted by id, one per line. A record's line is kept
 * (by record object) while the provenance table stays the same, so saving again after a change to one model (see
 * `curateModels`, which returns the other records unchanged) serialises only that model.
 */
export function formatModelsFile(file: ModelsFile): string {
  return modelsFileParts(file).join('');
}

/**
 * The bytes of `models.json` (UTF-8 of {@link formatModelsFile}), written part by part into one buffer: joining
 * thousands of lines into one string first, then encoding it, costs several times as much.
 */
export function encodeModelsFile(file: ModelsFile): Buffer {
  const parts = modelsFileParts(file);
  let length = 0;
  for (const part of parts) length += Buffer.byteLength(part);
  const bytes = Buffer.allocUnsafe(length);
  let offset = 0;
  for (const part of parts) offset += bytes.write(part, offset);
  return bytes;
}

/** The text of the file in pieces that, joined, are the file. */
function modelsFileParts(file: ModelsFile): string[] {
  const models = [...file.models].sort((left, right) => compareStrings(left.id, right.id));
  const table = new ProvenanceTable(models);
  const tableKey = `${file.threshold}\n${table.text}`;
  const header = JSON.stringify({
    schemaVersion: MODELS_FILE_VERSION,
    generatedAt: file.generatedAt,
    threshold: finite(file.threshold),
  }).slice(0, -1);
  const provenance = table.entries.length === 0 ? '[]' : `[\n${table.text}\n]`;
  const parts = [`${header},"provenance":${provenance},"models":`];
  if (models.length === 0) parts.push('[]');
  models.forEach((record, index) => {
    parts.push(index === 0 ? '[\n' : ',\n');
    const cached = recordLines.get(record);
    if (cached !== undefined && cached.table === tableKey) {
      parts.push(cached.line);
    } else {
      const line = JSON.stringify(encodeRecord(record, table, file.threshold));
      recordLines.set(record, { table: tableKey, line });
      parts.push(line);
    }
  });
  if (models.length > 0) parts.push('\n]');
  parts.push('}\n');
  return parts;
}

/** What the reader knows while expanding a file: its name for messages and its provenance table. */
interface DecodeContext {
  file: string;
  /** `$.provenance`, each entry as the keys it gives (the absent parts left out). */
  entries: readonly Provenance[];
  /** Expand only what `summarizeRecord` reads (see {@link ExpandModelsFileOptions.summary}). */
  summary?: boolean;
}

interface Provenance {
  source?: string;
  retrievedAt?: string;
  url?: string;
}

/** A JSON path, built only when a problem is reported (most files have none, and they have many items). */
type Where = () => string;

function invalid(context: DecodeContext, where: string, problem: string, modelId?: unknown): TrackerError {
  const model = typeof modelId === 'string' ? ` (model "${modelId}")` : '';
  return new TrackerError('DATA_INVALID', `${context.file}: ${where}: ${problem}${model}`, {
    // `compact`: the problem is in the version 2 form itself (the file cannot be expanded into records).
    details: {
      file: context.file,
      path: where,
      compact: true,
      ...(typeof modelId === 'string' ? { modelId } : {}),
    },
  });
}

/** The provenance entry an index points at. */
function provenanceAt(context: DecodeContext, index: unknown, where: Where, modelId: unknown): Provenance {
  const entry = typeof index === 'number' ? context.entries[index] : undefined;
  if (entry === undefined) throw badIndex(context, index, where(), modelId);
  return entry;
}

function badIndex(context: DecodeContext, index: unknown, where: string, modelId: unknown): TrackerError {
  const last = context.entries.length - 1;
  return invalid(
    context,
    where,
    `expected an index into $.provenance (0 to ${last}), got ${JSON.stringify(index)}`,
    modelId,
  );
}

function tuple(
  context: DecodeContext,
  value: unknown,
  where: Where,
  shape: string,
  lengths: readonly number[],
  modelId: unknown,
): unknown[] {
  if (!Array.isArray(value) || !lengths.includes(value.length)) {
    throw invalid(context, where(), `expected ${shape}`, modelId);
  }
  return value;
}

function listAt(context: DecodeContext, value: unknown, where: Where, modelId: unknown): unknown[] {
  if (!Array.isArray(value)) throw invalid(context, where(), 'expected an array', modelId);
  return value;
}

function mapAt(
  context: DecodeContext,
  value: unknown,
  where: Where,
  modelId: unknown,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(context, where(), 'expected an object', modelId);
  }
  return value as Record<string, unknown>;
}

function decodeEstimate(context: DecodeContext, value: unknown, where: Where, modelId: unknown): unknown {
  if (value === null) return value;
  const estimate = { ...mapAt(context, value, where, modelId) };
  const written = listAt(context, estimate.components, () => `${where()}.components`, modelId);
  // A summary needs only the figures, so at most the component that set them.
  const wanted = context.summary
    ? estimate.median !== undefined
      ? []
      : written.filter((item) => Array.isArray(item) && item[0] === estimate.method && item[4] === true)
    : written;
  const components = wanted.map((item) =>
    decodeComponent(context, item, () => `${where()}.components[${written.indexOf(item)}]`, modelId),
  );
  estimate.components = components;
  if (estimate.median === undefined) {
    const setter = components.find(
      (component) => component.used === true && component.method === estimate.method,
    );
    if (setter === undefined) {
      throw invalid(
        context,
        `${where()}.median`,
        "missing, and no used component of the estimate's method to take it from",
        modelId,
      );
    }
    estimate.median = setter.median;
    estimate.interval90 = setter.interval90;
    estimate.log10Sigma = setter.log10Sigma;
  }
  return estimate;
}

function decodeComponent(
  context: DecodeContext,
  value: unknown,
  where: Where,
  modelId: unknown,
): Record<string, unknown> {
  const fields = tuple(context, value, where, `[${COMPONENT_FIELDS.join(', ')}]`, [7, 8], modelId);
  const component: Record<string, unknown> = {};
  COMPONENT_FIELDS.forEach((field, index) => {
    if (fields[index] !== undefined) component[field] = fields[index];
  });
  if (
    component.interval90 === null &&
    typeof component.median === 'number' &&
    typeof component.log10Sigma === 'number'
  )
    component.interval90 = derivedInterval(component.median, component.log10Sigma);
  // A summary has no use for the inputs: they are left as written.
  if (context.summary) return component;
  component.inputs = listAt(context, component.inputs, () => `${where()}[6]`, modelId).map(
    (input, inputIndex) => {
      const inputAt = () => `${where()}[6][${inputIndex}]`;
      const [name, inputValue, p] = tuple(
        context,
        input,
        inputAt,
        '[name, value] or [name, value, provenance index]',
        [2, 3],
        modelId,
      );
      if (p === undefined) return { name, value: inputValue };
      return { name, value: inputValue, ...provenanceAt(context, p, () => `${inputAt()}[2]`, modelId) };
    },
  );
  return component;
}

function decodeAssessment(
  context: DecodeContext,
  value: unknown,
  where: Where,
  modelId: unknown,
  threshold: unknown,
): unknown {
  const [status, probabilityAbove, own] = tuple(
    context,
    value,
    where,
    '[status, probabilityAbove] or [status, probabilityAbove, threshold]',
    [2, 3],
    modelId,
  );
  return { threshold: own ?? threshold, probabilityAbove, status };
}

/**
 * `record[name]` (facts by field, scores by benchmark): each list of `[item, p]` pairs back to objects, made by
 * `build` from the item, its provenance entry and the item's JSON path.
 */
function decodePairLists(
  context: DecodeContext,
  record: Record<string, unknown>,
  name: 'facts' | 'scores',
  where: (rest: string) => Where,
  modelId: unknown,
  build: (item: unknown, entry: Provenance, at: Where) => unknown,
  only?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const lists = mapAt(context, record[name], where(`.${name}`), modelId);
  for (const key of only ?? Object.keys(lists)) {
    const list = lists[key];
    if (list === undefined) continue;
    // Paths are only built for a problem: a file has tens of thousands of these items.
    const at = () => where(toJsonPath([name, key], ''))();
    const items = listAt(context, list, at, modelId);
    const decoded: unknown[] = new Array(items.length);
    for (let position = 0; position < items.length; position += 1) {
      const item = items[position];
      if (!Array.isArray(item) || item.length !== 2) {
        const shape = name === 'facts' ? '[value, provenance index]' : '[score, provenance index]';
        throw invalid(context, `${at()}[${position}]`, `expected ${shape}`, modelId);
      }
      const p: unknown = item[1];
      const entry = typeof p === 'number' ? context.entries[p] : undefined;
      if (entry === undefined) throw badIndex(context, p, `${at()}[${position}][1]`, modelId);
      decoded[position] = build(item[0], entry, () => `${at()}[${position}][0]`);
    }
    out[key] = decoded;
  }
  return out;
}

/** One version 2 record in the in-memory shape (not yet validated: the schema check follows). */
function decodeRecord(context: DecodeContext, value: unknown, index: number, threshold: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = context.summary
    ? pickKeys(value as Record<string, unknown>, SUMMARY_RECORD_KEYS)
    : { ...(value as Record<string, unknown>) };
  const modelId = record.id;
  const where = (rest: string) => () => `$.models[${index}]${rest}`;
  if (record.facts !== undefined) {
    record.facts = decodePairLists(
      context,
      record,
      'facts',
      where,
      modelId,
      (value, entry) => ({
        value,
        source: entry.source,
        url: entry.url,
        retrievedAt: entry.retrievedAt,
      }),
      context.summary ? SUMMARY_FACT_FIELDS : undefined,
    );
  }
  if (record.scores !== undefined) {
    record.scores = decodePairLists(context, record, 'scores', where, modelId, (score, entry, at) => ({
      ...mapAt(context, score, at, modelId),
      ...entry,
    }));
  }
  if (record.observations !== undefined) {
    record.observations = listAt(context, record.observations, where('.observations'), modelId).map(
      (item, position) => {
        const at = `.observations[${position}]`;
        if (!Array.isArray(item) || (item.length !== 2 && item.length !== 3)) {
          const shape = '[rawName, provenance index] or [rawName, provenance index, sourceModelId]';
          throw invalid(context, where(at)(), `expected ${shape}`, modelId);
        }
        const [rawName, p, sourceModelId] = item as unknown[];
        const entry = typeof p === 'number' ? context.entries[p] : undefined;
        if (entry === undefined) throw badIndex(context, p, `${where(at)()}[1]`, modelId);
        return sourceModelId === undefined
          ? { source: entry.source, rawName, retrievedAt: entry.retrievedAt }
          : { source: entry.source, rawName, retrievedAt: entry.retrievedAt, sourceModelId };
      },
    );
  }
  if (record.developer === undefined) {
    const developers = (record.facts as ModelRecord['facts'] | undefined)?.developer;
    record.developer = developers?.[0]?.value ?? null;
  }
  record.aliases ??= [];
  record.scores ??= {};
  if (typeof record.curation === 'object' && record.curation !== null && !Array.isArray(record.curation)) {
    record.curation = { needsReview: false, ...record.curation };
  }
  for (const key of ['assessment', 'machineAssessment'] as const) {
    if (record[key] !== undefined) {
      record[key] = decodeAssessment(context, record[key], where(`.${key}`), modelId, threshold);
    }
  }
  for (const key of ['estimate', 'machineEstimate'] as const) {
    if (record[key] !== undefined)
      record[key] = decodeEstimate(context, record[key], where(`.${key}`), modelId);
  }
  return record;
}

const SUMMARY_FACT_FIELDS = ['developer', 'releaseDate'];

function pickKeys(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(object, key)) out[key] = object[key];
  return out;
}

/** `$.provenance`: each entry `[source, retrievedAt, url]`, a part a string or null. */
function readEntries(context: DecodeContext, value: unknown): Provenance[] {
  return listAt(context, value, () => '$.provenance', undefined).map((entry, index) => {
    const ok =
      Array.isArray(entry) &&
      entry.length === 3 &&
      entry.every((part) => part === null || typeof part === 'string');
    if (!ok) {
      throw invalid(
        context,
        `$.provenance[${index}]`,
        'expected [source, retrievedAt, url], each a string or null',
      );
    }
    const [source, retrievedAt, url] = entry as ProvenanceEntry;
    const out: Provenance = {};
    if (source !== null) out.source = source;
    if (retrievedAt !== null) out.retrievedAt = retrievedAt;
    if (url !== null) out.url = url;
    return out;
  });
}

/** Options of {@link expandModelsFile}. */
export interface ExpandModelsFileOptions {
  /**
   * Expand only what `summarizeRecord` reads (id, name, developer, aliases, assessment, curation, the estimate
   * without its components' inputs, the developer and release date facts), for comparing with a previous run;
   * the records are then incomplete. A version 1 file is returned whole either way.
   */
  summary?: boolean;
}

/**
 * A parsed `models.json` of either version in the in-memory shape (`schemaVersion` 1, every fact with its own
 * provenance), not validated against the record schema: a version 2 file is expanded, anything else is returned as
 * it is. What the expansion cannot read is `DATA_INVALID` naming the file, the JSON path and the model.
 */
export function expandModelsFile(
  value: unknown,
  file: string,
  options: ExpandModelsFileOptions = {},
): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const data = value as Record<string, unknown>;
  const context: DecodeContext = { file, entries: [], summary: options.summary === true };
  if (typeof data.schemaVersion === 'number' && data.schemaVersion > MODELS_FILE_VERSION) {
    throw invalid(
      context,
      '$.schemaVersion',
      `version ${data.schemaVersion} was written by a newer tracker; this one reads versions 1 and ${MODELS_FILE_VERSION}`,
    );
  }
  // Version 1 is the in-memory shape itself; anything else is left to the schema check.
  if (data.schemaVersion !== MODELS_FILE_VERSION) return data;
  context.entries = readEntries(context, data.provenance);
  const { provenance: _table, ...rest } = data;
  return {
    ...rest,
    schemaVersion: 1,
    models: listAt(context, data.models, () => '$.models', undefined).map((record, index) =>
      decodeRecord(context, record, index, data.threshold),
    ),
  };
}

/**
 * Reads a parsed `models.json` of either version into the validated in-memory {@link ModelsFile}. Problems are
 * `DATA_INVALID` and read `<file>: <JSON path>: <problem>`, with the model's id when the path is inside a model.
 */
export function readModelsFile(value: unknown, file: string): ModelsFile {
  const expanded = expandModelsFile(value, file);
  try {
    return parseWithSchema(ModelsFileSchema, expanded, { file, code: 'DATA_INVALID' });
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    const models = (expanded as { models?: unknown }).models;
    const issues = error.issues.map((issue) => {
      const match = /^\$\.models\[(\d+)\]/.exec(issue.path ?? '');
      const id =
        match && Array.isArray(models) ? (models[Number(match[1])] as { id?: unknown })?.id : undefined;
      return typeof id === 'string' ? { ...issue, problem: `${issue.problem} (model "${id}")` } : issue;
    });
    throw new SchemaValidationError('DATA_INVALID', issues, { cause: error });
  }
}
