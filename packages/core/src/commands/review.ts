import { createInterface } from 'node:readline/promises';
import type { Writable } from 'node:stream';
import { formatMagnitude, formatProbability, sanitizeForTerminal } from '@tracker/query';
import { type ModelRecord, TrackerError } from '@tracker/schema';
import type { CommandContext, TrackerIo } from '../context';
import { loadCurationState, recordDecisions, reviewerName } from '../curation';
import { listReviewItems, parseLimit, type ReviewItem } from './candidates';
import {
  DECISION_CONFIDENCES,
  type Decision,
  type DecisionDetails,
  decisionEntry,
  parseConfidence,
  parseEvidence,
  parseQuantity,
} from './decide';

export interface ReviewOptions {
  /** At most this many models. */
  limit?: string | number;
  /** Who decides (default: the config's reviewer, else $USER). */
  by?: string;
}

/** Asks questions on stderr and reads answers from stdin, one line each. */
export interface Prompter {
  /** The answer without its line end, or null when the input has ended. */
  ask(question: string): Promise<string | null>;
  /**
   * Asks until `parse` accepts the answer; a rejected answer is explained (the error's message) and asked again.
   * Null when the input ends.
   */
  askValid<T>(question: string, parse: (answer: string) => T): Promise<T | null>;
  close(): void;
}

/**
 * A prompt on the terminal (readline with line editing when stdin is a TTY and stderr a stream), or line by line
 * from a pipe. Lines are read through the async iterator, which buffers them, so answers typed (or piped) ahead
 * are not lost while a decision is being saved.
 */
export function createPrompter(io: TrackerIo): Prompter {
  // Line editing only when both ends are a terminal; with stderr redirected the escape codes would land in a file.
  const terminal =
    io.stdin.isTTY === true &&
    io.stderr.isTTY === true &&
    typeof (io.stderr as Partial<Writable>).on === 'function';
  const readline = createInterface({
    input: io.stdin,
    ...(terminal ? { output: io.stderr as Writable, terminal: true } : { terminal: false }),
  });
  // Ctrl-C at a prompt ends the input like Ctrl-D: what was decided is already saved.
  readline.on('SIGINT', () => readline.close());
  const lines = readline[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string | null> => {
    if (terminal) {
      readline.setPrompt(question);
      readline.prompt();
    } else io.stderr.write(question);
    const next = await lines.next().catch(() => ({ done: true as const, value: undefined }));
    if (next.done) {
      if (!terminal) io.stderr.write('\n');
      return null;
    }
    return String(next.value);
  };
  return {
    ask,
    async askValid(question, parse) {
      for (;;) {
        const answer = await ask(question);
        if (answer === null) return null;
        try {
          return parse(answer);
        } catch (error) {
          if (!TrackerError.is(error)) throw error;
          io.stderr.write(`  ${error.message.replace(/^[^:]+: /, '')}; try again\n`);
        }
      }
    },
    close: () => readline.close(),
  };
}

/** Parsers for the prompts: each throws a USAGE error whose message says what is expected. */
const required = (what: string) => (answer: string) => {
  const text = answer.trim();
  if (!text) throw new TrackerError('USAGE', `${what}: a ${what} is required`);
  return text;
};
const optionalEvidence = (answer: string) => parseEvidence([answer], 'evidence');

/** `tracker review`: decides each candidate in a prompt, saving each decision at once. */
export async function run(context: CommandContext, options: ReviewOptions = {}): Promise<number> {
  const limit = parseLimit(options.limit);
  const by = reviewerName(context, options.by);
  const { models } = await loadCurationState(context);
  const items = listReviewItems(models.models, limit, context.loaded.config.reviewFloor);
  const { io } = context;
  if (items.length === 0) {
    io.stderr.write('Nothing awaits a decision.\n');
    return 0;
  }
  if (io.stdin.isTTY !== true) {
    io.stderr.write('note: stdin is not a terminal; reading the answers line by line.\n');
  }
  const prompter = createPrompter(io);
  let decided = 0;
  let skipped = 0;
  let quit = false;
  try {
    for (const [index, item] of items.entries()) {
      io.stderr.write(`\n${describeItem(item, index, items.length, models.threshold)}\n`);
      const outcome = await decideOne(context, prompter, item.record, by);
      if (outcome === 'quit') {
        quit = true;
        break;
      }
      if (outcome === 'skip') {
        skipped++;
        continue;
      }
      decided++;
      const after = (await context.folder.loadModels())?.models.find((model) => model.id === item.record.id);
      io.stderr.write(`  saved: ${item.record.id} is now ${after?.curation?.status ?? 'unknown'}\n`);
    }
  } finally {
    prompter.close();
  }
  const left = items.length - decided - skipped;
  io.stderr.write(
    `\nDecided ${decided}, skipped ${skipped}${quit && left > 0 ? `, ${left} left for later` : ''}.\n`,
  );
  return 0;
}

/** One candidate: asks until a decision is saved, skipped or the reviewer quits (or the input ends). */
async function decideOne(
  context: CommandContext,
  prompter: Prompter,
  record: ModelRecord,
  by: string,
): Promise<'decided' | 'skip' | 'quit'> {
  const keys: Record<string, Decision | 'skip' | 'quit'> = {
    a: 'above',
    b: 'below',
    x: 'exclude',
    c: 'set-compute',
    s: 'skip',
    q: 'quit',
  };
  for (;;) {
    const answer = await prompter.ask('[a]bove [b]elow e[x]clude [c]ompute [s]kip [q]uit > ');
    if (answer === null) return 'quit';
    const choice = keys[answer.trim().toLowerCase()];
    if (choice === undefined) {
      context.io.stderr.write('  answer a, b, x, c, s or q\n');
      continue;
    }
    if (choice === 'skip' || choice === 'quit') return choice;
    let compute: DecisionDetails['compute'];
    if (choice === 'set-compute') {
      const flop = await prompter.askValid('Training compute in FLOP (e.g. 3.8e25): ', (text) =>
        parseQuantity(text, 'flop'),
      );
      if (flop === null) return 'quit';
      const confidence = await prompter.askValid(`Confidence (${DECISION_CONFIDENCES.join('/')}): `, (text) =>
        parseConfidence(text, 'confidence'),
      );
      if (confidence === null) return 'quit';
      compute = { flop, confidence };
    }
    const evidence = await prompter.askValid('Evidence URL (optional, Enter for none): ', optionalEvidence);
    if (evidence === null) return 'quit';
    const reason = await prompter.askValid('Reason: ', required('reason'));
    if (reason === null) return 'quit';
    await recordDecisions(
      context,
      [
        decisionEntry(record, choice, {
          reason,
          by,
          evidence,
          origin: 'review',
          ...(compute ? { compute } : {}),
        }),
      ],
      { command: 'tracker review' },
    );
    return 'decided';
  }
}

const clean = (text: string) => sanitizeForTerminal(text);
const number = (value: number) => (Math.abs(value) >= 1e6 ? formatMagnitude(value) : String(value));

function showValue(value: unknown): string {
  if (typeof value === 'number') return number(value);
  if (typeof value === 'string') return clean(value);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => `${key} ${showValue(inner)}`)
      .join(', ');
  }
  return String(value);
}

/** The card of one candidate: facts with sources, each method's arithmetic, the probability and the status. */
export function describeItem(item: ReviewItem, index: number, total: number, threshold: number): string {
  const { record, row } = item;
  const lines = [
    `[${index + 1}/${total}] ${clean(record.name)} (${record.id})`,
    `  developer: ${clean(record.developer ?? 'unknown')}   released: ${row.releaseDate ?? 'unknown'}   status: ${row.status} (machine: ${row.thresholdStatus})`,
  ];
  if (record.curation?.needsReview) {
    lines.push(`  flagged: ${clean(record.curation.needsReviewReason ?? 'needs review')}`);
  }
  const ruling = record.curation?.ruling;
  if (ruling) {
    lines.push(
      `  ruling: ${ruling.action}${ruling.flop ? ` ${number(ruling.flop)} FLOP` : ''} by ${clean(ruling.by)} on ${ruling.at.slice(0, 10)}: ${clean(ruling.reason)}`,
    );
  }
  const facts = Object.entries(record.facts) as [
    string,
    { value: unknown; source: string; url: string; retrievedAt: string }[],
  ][];
  if (facts.length) lines.push('Facts:');
  for (const [field, list] of facts) {
    for (const fact of list ?? []) {
      lines.push(
        `  ${field}: ${showValue(fact.value)}  (${clean(fact.source)}, ${clean(fact.url)}, ${fact.retrievedAt.slice(0, 10)})`,
      );
    }
  }
  const scores = Object.entries(record.scores);
  if (scores.length) lines.push('Scores:');
  for (const [benchmark, list] of scores) {
    for (const score of list) {
      lines.push(
        `  ${clean(benchmark)}: ${score.value} on the ${score.asOf} snapshot  (${clean(score.source)}, ${clean(score.url)})`,
      );
    }
  }
  const estimate = record.estimate;
  if (!estimate) lines.push('Estimate: none (no method applies)');
  else {
    lines.push(
      `Estimate: ${number(estimate.median)} FLOP, 90% ${number(estimate.interval90[0])}–${number(estimate.interval90[1])} (${clean(estimate.method)}, ${estimate.confidence})`,
    );
    for (const component of estimate.components) {
      lines.push(
        `  ${clean(component.method)}: ${number(component.median)}, 90% ${number(component.interval90[0])}–${number(component.interval90[1])}${component.used ? '' : ` (not used${component.excludedBecause ? `: ${clean(component.excludedBecause)}` : ''})`}`,
      );
      for (const line of component.reasoning.split('\n')) lines.push(`      ${clean(line)}`);
    }
    if (estimate.combination) lines.push(`  combined: ${clean(estimate.combination)}`);
    for (const note of estimate.notes ?? []) lines.push(`  note: ${clean(note)}`);
  }
  const probability = row.probabilityAbove;
  lines.push(
    `P(compute > ${formatMagnitude(threshold)}) = ${probability === null ? 'unknown' : formatProbability(probability)} → ${row.thresholdStatus}`,
  );
  return lines.join('\n');
}
