import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath } from '@tracker/dataset';
import {
  buildLineage,
  buildPopulation,
  buildReferences,
  describeUnknownChip,
  type EstimateComputeResult,
  type EstimatorFacts,
  estimateCompute,
  estimateRecords,
  variantFinder,
} from '@tracker/estimation';
import { formatObjects, type ObjectColumn } from '@tracker/query';
import {
  formatIssue,
  ModelFactsSchema,
  type ModelRecord,
  TrackerError,
  toValidationIssues,
} from '@tracker/schema';
import { parseJsonSafely } from '@tracker/scrapers';
import type { CommandContext } from '../context';
import { buildFromFolder, buildModelsFile, toModelsFile } from '../curation';

/** Output fields of `tracker estimate` (DESIGN §6): part of the CLI contract. */
export const ESTIMATE_COLUMNS: ObjectColumn[] = [
  { field: 'name' },
  { field: 'median', kind: 'magnitude' },
  { field: 'low', kind: 'magnitude' },
  { field: 'high', kind: 'magnitude' },
  { field: 'probabilityAbove', header: 'P(above)', kind: 'probability' },
  { field: 'status', kind: 'code' },
  { field: 'method', kind: 'code' },
  { field: 'confidence', kind: 'code' },
  { field: 'reasoning' },
];

export interface EstimateOptions {
  /** JSON or JSON Lines of model facts (`-`: stdin); without it, the data folder is re-estimated. */
  input?: string;
  /** Leave each model's own reported figure out. */
  blind?: boolean;
  /** Threshold in FLOP (default: the configured one). */
  threshold?: string | number;
}

/**
 * `tracker estimate`: without --input, re-estimates the data folder (saving models.json; with --blind it only
 * prints). With --input FILE (JSON, JSON Lines, or - for stdin), prints one result per input, in input order,
 * using the data folder's records as the benchmark references.
 */
export async function run(context: CommandContext, options: EstimateOptions = {}): Promise<EstimateRow[]> {
  const threshold =
    parseThreshold(options.threshold === undefined ? undefined : String(options.threshold)) ??
    context.loaded.config.threshold;
  const blind = options.blind === true;
  const input = options.input;
  const rows = input
    ? await estimateInputs(context, input, threshold, blind)
    : await estimateDataFolder(context, threshold, blind);
  context.io.stdout.write(
    formatObjects(rows, {
      format: context.format,
      columns:
        context.format === 'table'
          ? ESTIMATE_COLUMNS.map((column) => (column.field === 'reasoning' ? { field: 'reasoning' } : column))
          : ESTIMATE_COLUMNS,
      ...(context.io.stdout.columns ? { width: context.io.stdout.columns } : {}),
      color: context.color,
    }),
  );
  return rows;
}

async function estimateInputs(context: CommandContext, input: string, threshold: number, blind: boolean) {
  const shown = input === '-' ? 'stdin' : displayPath(resolve(context.io.cwd, input), context.io.cwd);
  const text =
    input === '-'
      ? await readStream(context.io.stdin)
      : await readFile(resolve(context.io.cwd, input), 'utf8').catch((error: unknown) => {
          throw new TrackerError(
            'IO_FAILED',
            `${shown}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'}`,
            { cause: error },
          );
        });
  const items = parseFactsText(text, shown);
  // No models.json (a fresh clone): the references are built in memory from the committed observations.
  const models = (await context.folder.loadModels()) ?? (await buildModelsFile(context).catch(() => null));
  const sourceRank = context.loaded.config.sourceRank;
  const references = models ? buildReferences(models.models, { sourceRank }) : [];
  const population = models ? buildPopulation(models.models, { sourceRank }) : [];
  // Known models a given one may be built on: by name and size (lineage), or as a variant by name of one of them.
  const lineage = models ? buildLineage(models.models, { sourceRank }) : [];
  const variantOf = models ? variantFinder(models.models) : null;
  if (!models)
    context.log.info(
      `No models.json and no observations in ${context.folder.display(context.io.cwd)}: the benchmark method has no references.`,
    );
  const byName = new Map<string, ModelRecord>();
  for (const record of models?.models ?? [])
    for (const name of [record.id, record.name, ...record.aliases]) byName.set(name.toLowerCase(), record);
  const cache = new Map<string, unknown>();
  return items.map(({ facts, where }) => {
    const parsed = ModelFactsSchema.safeParse(facts);
    if (!parsed.success) {
      throw new TrackerError(
        'RECORD_INVALID',
        formatIssue(toValidationIssues(parsed.error, { file: where })[0]!),
        { cause: parsed.error },
      );
    }
    const given: EstimatorFacts = { ...parsed.data };
    if (!given.baseModel && variantOf) {
      const base = variantOf({
        id: `input:${where}`,
        name: given.name,
        aliases: [],
        developer: given.developer,
      });
      if (base) given.variantOf = base;
    }
    const result = estimateCompute(given, {
      threshold,
      blind,
      references,
      population,
      lineage,
      cache,
      cutPoints: context.loaded.config.statusCuts,
      lookupBase: (name) => byName.get(name.toLowerCase())?.estimate ?? null,
    });
    return toRow(parsed.data.name, result, parsed.data.hardware?.chip);
  });
}

async function estimateDataFolder(context: CommandContext, threshold: number, blind: boolean) {
  const build = () => buildFromFolder(context, { threshold, blind });
  if (blind) {
    const { models } = await build();
    const results = estimateRecords(models, {
      threshold,
      blind: true,
      cutPoints: context.loaded.config.statusCuts,
      sourceRank: context.loaded.config.sourceRank,
    });
    return models.map((record) => toRow(record.name, results.get(record.id)!));
  }
  const models = await context.folder.withLock(
    async (lock) => {
      const built = await build();
      await context.folder.saveModels(toModelsFile(built.models, threshold), { lock });
      return built.models;
    },
    { command: 'tracker estimate', wait: 30_000 },
  );
  context.log.info(`Re-estimated ${models.length} models; models.json saved.`);
  return models.map((record) =>
    toRow(record.name, { estimate: record.estimate ?? null, assessment: record.assessment! }),
  );
}

/** One line of `tracker estimate`'s output (DESIGN §6). */
export type EstimateRow = ReturnType<typeof toRow>;

function toRow(name: string, result: EstimateComputeResult, chip?: string) {
  const { estimate, assessment } = result;
  const used = estimate?.components.filter((component) => component.used) ?? [];
  return {
    name,
    median: estimate?.median ?? null,
    low: estimate?.interval90[0] ?? null,
    high: estimate?.interval90[1] ?? null,
    probabilityAbove: assessment.probabilityAbove,
    status: assessment.status,
    method: estimate?.method ?? null,
    confidence: estimate?.confidence ?? null,
    reasoning: estimate
      ? [...used.map((component) => `${component.method}: ${component.reasoning}`), estimate.combination]
          .filter(Boolean)
          .join(' | ')
      : `no method applies: ${(chip && describeUnknownChip(chip)) || 'no parameters, tokens, hardware, cost, scores or reported figure'}`,
  };
}

/** JSON (one object or an array) or JSON Lines; errors name the line. */
export function parseFactsText(text: string, file: string): { facts: unknown; where: string }[] {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new TrackerError(
      'PARSE_FAILED',
      `${file}: empty input; expected JSON or JSON Lines of model facts`,
    );
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/\}\s*\n\s*\{/.test(trimmed))) {
    let value: unknown;
    try {
      value = parseJsonSafely(trimmed);
    } catch (error) {
      throw new TrackerError('PARSE_FAILED', `${file}: not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
    const list = Array.isArray(value) ? value : [value];
    return list.map((facts, index) => ({
      facts,
      where: Array.isArray(value) ? `${file}: $[${index}]` : file,
    }));
  }
  return text.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return [{ facts: parseJsonSafely(line), where: `${file}: line ${index + 1}` }];
    } catch (error) {
      throw new TrackerError(
        'PARSE_FAILED',
        `${file}: line ${index + 1}: not valid JSON (${(error as Error).message})`,
        { cause: error },
      );
    }
  });
}

export function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new TrackerError('USAGE', `--threshold: expected a positive number like 1e25, got "${value}"`);
  return number;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
