import { aliasOverrides, aliasRemovals, createLedgerEntry } from '@tracker/dataset';
import { formatRows, toQueryRow } from '@tracker/query';
import { createResolver } from '@tracker/resolve';
import { DateStringSchema, type LedgerEntry, TrackerError } from '@tracker/schema';

import { type CommandContext, printOptions } from '../context';
import { reviewerName, toModelsFile } from '../curation';
import { buildModels, buildSettings } from '../pipeline';
import { loadResolutionConfig } from '../resolution-config';
import {
  DECISION_CONFIDENCES,
  type DecisionDetails,
  parseComputeFlags,
  parseConfidence,
  parseEvidence,
  parseQuantity,
} from './decide';
import { createPrompter } from './review';

/** A model entered by hand, as `tracker add` collects it. */
interface ManualModelInput {
  name: string;
  developer: string;
  releaseDate?: string;
  parameters?: number;
  activeParameters?: number;
  trainingTokens?: number;
  compute?: DecisionDetails['compute'];
  evidence: string[];
  reason?: string;
}

const MODEL_FIELDS = [
  'name',
  'developer',
  'releaseDate',
  'flop',
  'confidence',
  'parameters',
  'activeParameters',
  'tokens',
  'reason',
  'evidence',
] as const;

function parseDate(text: string, what: string): string {
  const date = text.trim();
  if (!DateStringSchema.safeParse(date).success) {
    throw new TrackerError('USAGE', `${what}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got "${text}"`);
  }
  return date;
}

function fromFlags(options: AddOptions): ManualModelInput {
  const name = options.name?.trim();
  const developer = options.developer?.trim();
  if (!name || !developer) throw new TrackerError('USAGE', 'give both --name N and --developer D');
  const optional = (text: string | number | undefined, flag: string) =>
    text === undefined ? undefined : parseQuantity(String(text), `--${flag}`);
  const releaseDate = options.releaseDate;
  const parameters = optional(options.parameters, 'parameters');
  const activeParameters = optional(options.activeParameters, 'active-parameters');
  const trainingTokens = optional(options.tokens, 'tokens');
  const compute = parseComputeFlags(options);
  const reason = options.reason?.trim();
  return {
    name,
    developer,
    ...(releaseDate === undefined ? {} : { releaseDate: parseDate(releaseDate, '--release-date') }),
    ...(parameters === undefined ? {} : { parameters }),
    ...(activeParameters === undefined ? {} : { activeParameters }),
    ...(trainingTokens === undefined ? {} : { trainingTokens }),
    ...(compute ? { compute } : {}),
    evidence: parseEvidence(options.evidence ?? []),
    ...(reason ? { reason } : {}),
  };
}

/** Asks for each field on the terminal; optional fields take an empty answer. Null when the input ends. */
async function fromPrompts(context: CommandContext): Promise<ManualModelInput | null> {
  const prompter = createPrompter(context.io);
  try {
    const required = (what: string) => (text: string) => {
      if (!text.trim()) throw new TrackerError('USAGE', `${what}: a ${what} is required`);
      return text.trim();
    };
    const optional =
      <T>(parse: (text: string) => T) =>
      (text: string): T | undefined =>
        text.trim() === '' ? undefined : parse(text);
    const name = await prompter.askValid('Name: ', required('name'));
    if (name === null) return null;
    const developer = await prompter.askValid('Developer: ', required('developer'));
    if (developer === null) return null;
    const answers: Partial<ManualModelInput> = {};
    const quantities = [
      ['releaseDate', 'Release date (YYYY-MM-DD, optional): ', (text: string) => parseDate(text, 'date')],
      [
        'parameters',
        'Parameters (e.g. 405B, optional): ',
        (text: string) => parseQuantity(text, 'parameters'),
      ],
      [
        'activeParameters',
        'Active parameters of a mixture of experts (optional): ',
        (text: string) => parseQuantity(text, 'active parameters'),
      ],
      [
        'trainingTokens',
        'Training tokens (e.g. 15T, optional): ',
        (text: string) => parseQuantity(text, 'tokens'),
      ],
    ] as const;
    for (const [field, question, parse] of quantities) {
      const value = await prompter.askValid(
        question,
        optional<string | number>(parse as (text: string) => string | number),
      );
      if (value === null) return null;
      if (value !== undefined) Object.assign(answers, { [field]: value });
    }
    const flop = await prompter.askValid(
      'Training compute in FLOP (e.g. 3.8e25, optional): ',
      optional((text) => parseQuantity(text, 'flop')),
    );
    if (flop === null) return null;
    if (flop !== undefined) {
      const confidence = await prompter.askValid(`Confidence (${DECISION_CONFIDENCES.join('/')}): `, (text) =>
        parseConfidence(text, 'confidence'),
      );
      if (confidence === null) return null;
      answers.compute = { flop, confidence };
    }
    const evidence = await prompter.askValid('Evidence URL (optional): ', (text) =>
      parseEvidence([text], 'evidence'),
    );
    if (evidence === null) return null;
    const reason = await prompter.ask('Reason / where the facts come from (optional): ');
    if (reason === null) return null;
    return { ...answers, name, developer, evidence, ...(reason.trim() ? { reason: reason.trim() } : {}) };
  } finally {
    prompter.close();
  }
}

/** A model entered by hand; without `name` and `developer` (and on a terminal) each field is asked for. */
export interface AddOptions {
  name?: string;
  developer?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY). */
  releaseDate?: string;
  flop?: string | number;
  confidence?: string;
  parameters?: string | number;
  activeParameters?: string | number;
  tokens?: string | number;
  reason?: string;
  evidence?: readonly string[];
  by?: string;
}

/** `tracker add`: enters a model by hand, then rebuilds models.json (offline) so it appears with an estimate. */
export async function run(context: CommandContext, options: AddOptions = {}): Promise<number> {
  const anyFlag = MODEL_FIELDS.some((field) => options[field] !== undefined);
  if (!anyFlag && context.io.stdin.isTTY !== true) {
    throw new TrackerError('USAGE', 'give --name N and --developer D (or run it on a terminal to be asked)');
  }
  const by = reviewerName(context, options.by);
  const input = anyFlag ? fromFlags(options) : await fromPrompts(context);
  if (!input) {
    context.io.stderr.write('Input ended: nothing was recorded.\n');
    return 1;
  }
  const { config } = context.loaded;
  const reason = input.reason ?? 'entered by hand';
  const lock = await context.folder.lock({ command: 'tracker add', wait: 30_000 });
  let modelId: string;
  let models: ReturnType<typeof buildModels>['models'];
  try {
    const [files, ledger, previous, resolution] = await Promise.all([
      context.folder.loadObservations(),
      context.folder.loadLedger(),
      context.folder.loadModels(),
      loadResolutionConfig(context),
    ]);
    // The resolver gives the id a scraped sighting of the same name would get, so the two meet later.
    const resolver = createResolver({
      ...resolution,
      overrides: aliasOverrides(ledger),
      removedAliases: new Set(aliasRemovals(ledger).keys()),
    });
    const resolved = resolver.resolve(input.name, { developer: input.developer });
    if (resolved.status === 'excluded') {
      throw new TrackerError(
        'DECISION_INVALID',
        `"${input.name}" is excluded by the rule ${resolved.rule} (${resolved.reason}); nothing was recorded`,
      );
    }
    modelId = resolved.modelId;
    if (previous?.models.some((record) => record.id === modelId)) {
      throw new TrackerError(
        'DECISION_INVALID',
        `${modelId} already exists; record a decision on it with: tracker decide ${modelId} --above|--below|--exclude --reason TEXT`,
      );
    }
    const common = { modelId, by, reason, evidence: input.evidence, origin: 'add' };
    const include = createLedgerEntry({
      ...common,
      action: 'include',
      value: {
        name: input.name,
        developer: input.developer,
        ...(input.releaseDate ? { releaseDate: input.releaseDate } : {}),
        ...(input.parameters ? { parameters: input.parameters } : {}),
        ...(input.activeParameters ? { activeParameters: input.activeParameters } : {}),
        ...(input.trainingTokens ? { trainingTokens: input.trainingTokens } : {}),
      },
    });
    const build = (entries: readonly LedgerEntry[]) =>
      buildModels({
        observationFiles: files,
        ledger: [...ledger, ...entries],
        ...resolution,
        ...buildSettings(config),
      });
    const entries: LedgerEntry[] = [include];
    if (input.compute) {
      // The machine median with the hand-entered facts, so a later move of the estimate flags the figure.
      const median = build(entries).models.find((record) => record.id === modelId)?.estimate?.median;
      entries.push(
        createLedgerEntry({
          ...common,
          action: 'set-compute',
          value: input.compute,
          ...(median === undefined ? {} : { machineMedian: median }),
        }),
      );
    }
    await context.folder.appendLedger(entries, { lock });
    models = build(entries).models;
    await context.folder.saveModels(toModelsFile(models, config.threshold), { lock });
  } finally {
    await lock.release();
  }
  const record = models.find((model) => model.id === modelId);
  if (!record)
    throw new TrackerError('RECORD_INVALID', `${modelId} was recorded but is missing from models.json`);
  context.io.stdout.write(
    formatRows([toQueryRow(record)], {
      ...printOptions(context),
    }),
  );
  context.log.info(
    `Added ${record.id}: ${record.estimate ? `estimate ${record.estimate.median.toExponential(2)} FLOP (${record.estimate.method})` : 'no estimate yet (no method applies to these facts)'}, status ${record.curation?.status ?? 'unknown'}.`,
  );
  return 0;
}
