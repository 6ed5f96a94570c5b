import { developerNotes } from '@tracker/dataset';
import type { Fact, ModelRecord } from '@tracker/schema';
import type { CommandContext } from '../context';
import { findModel, loadCurationState } from '../curation';

export interface ExplainOptions {
  /** Model id, name or alias. */
  model: string;
}

/**
 * `tracker explain MODEL`: the whole chain for one model: facts and where each came from, every method that
 * applied with its arithmetic, how they were combined, the probability, and any ruling.
 */
export async function run(context: CommandContext, options: ExplainOptions): Promise<ModelRecord> {
  const { models, ledger } = await loadCurationState(context);
  const record = findModel(models.models, options.model);
  const note = record.developer ? developerNotes(ledger).get(record.developer) : undefined;
  if (context.format === 'json') {
    context.io.stdout.write(
      `${JSON.stringify({ ...record, threshold: models.threshold, developerNote: note ?? null }, null, 2)}\n`,
    );
    return record;
  }
  context.io.stdout.write(explainText(record, models.threshold, note));
  return record;
}

const flop = (value: number) => value.toExponential(2).replace('e+', 'e');

function explainText(
  record: ModelRecord,
  threshold: number,
  note: { capacity: string; reason: string; by: string; at: string } | undefined,
): string {
  const lines: string[] = [];
  const section = (title: string) => lines.push('', title, '─'.repeat(title.length));
  lines.push(`${record.name} (${record.id})`, `developer: ${record.developer ?? 'unknown'}`);
  if (record.aliases.length) lines.push(`also seen as: ${record.aliases.join(', ')}`);

  section('Facts, and where each came from');
  const facts = Object.entries(record.facts) as [string, Fact<unknown>[]][];
  if (facts.length === 0) lines.push('(no facts beyond the name)');
  for (const [field, list] of facts) {
    for (const fact of list)
      lines.push(
        `${field}: ${show(fact.value)}  [${fact.source}, ${fact.retrievedAt.slice(0, 10)}] ${fact.url}`,
      );
  }
  for (const [benchmark, scores] of Object.entries(record.scores)) {
    for (const score of scores) {
      const bounds =
        score.lower !== undefined && score.upper !== undefined ? ` (${score.lower}–${score.upper})` : '';
      lines.push(
        `score ${benchmark}: ${score.value}${bounds} as of ${score.asOf}${score.preliminary ? ', preliminary' : ''}  [${score.source}] ${score.url}`,
      );
    }
  }
  if (note)
    lines.push(
      `developer note: ${note.capacity}: ${note.reason} (by ${note.by}, ${note.at.slice(0, 10)}; shown as evidence, not applied)`,
    );

  section('Methods');
  const estimate = record.estimate;
  if (!estimate)
    lines.push(
      'No method applies: the sources give no parameters, tokens, hardware, cost, scores or reported figure.',
    );
  for (const component of estimate?.components ?? []) {
    const [low, high] = component.interval90;
    lines.push(
      `${component.method}: ${flop(component.median)} (90%: ${flop(low)} – ${flop(high)})${component.used ? '' : `  [not used: ${component.excludedBecause ?? 'outranked'}]`}`,
    );
    lines.push(`  ${component.reasoning}`);
    for (const input of component.inputs) {
      lines.push(
        `  · ${input.name} = ${show(input.value)}${input.source ? ` [${input.source}${input.url ? ` ${input.url}` : ''}]` : ''}`,
      );
    }
  }

  if (estimate) {
    section('Combined estimate');
    lines.push(estimate.combination);
    lines.push(
      `median ${flop(estimate.median)}, 90% interval ${flop(estimate.interval90[0])} – ${flop(estimate.interval90[1])}, σ(log10) ${estimate.log10Sigma.toFixed(3)}, ${estimate.confidence}, set by ${estimate.method}`,
    );
    if (estimate.breakdown)
      lines.push(
        `breakdown: ${Object.entries(estimate.breakdown)
          .map(([part, value]) => `${part} ${flop(value)}`)
          .join(', ')}`,
      );
    for (const text of estimate.notes ?? []) lines.push(`note: ${text}`);
  }

  section(`Threshold ${flop(threshold)}`);
  const assessment = record.assessment;
  lines.push(
    assessment?.probabilityAbove === null || !assessment
      ? 'P(above) unknown: no estimate'
      : `P(above) = 1 − Φ((log10 T − μ) / σ) = ${assessment.probabilityAbove.toFixed(3)} → ${assessment.status}`,
  );

  section('Curation');
  const curation = record.curation;
  lines.push(
    `status: ${curation?.status ?? 'not curated yet'}${curation?.needsReview ? ` — NEEDS REVIEW: ${curation.needsReviewReason}` : ''}`,
  );
  if (curation?.ruling) {
    const ruling = curation.ruling;
    lines.push(
      `ruling: ${ruling.action} by ${ruling.by} on ${ruling.at.slice(0, 10)}${ruling.flop ? `, compute ${flop(ruling.flop)}` : ''}: ${ruling.reason} (ledger ${ruling.entryId})`,
    );
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

function show(value: unknown): string {
  if (typeof value === 'number') return Math.abs(value) >= 1e6 ? flop(value) : String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
