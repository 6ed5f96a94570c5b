import { developerNotes } from '@tracker/dataset';
import { describeUnknownChip } from '@tracker/estimation';
import {
  type ComputeEstimate,
  escapeJsonControls,
  type Fact,
  type ModelRecord,
  sanitizeText,
} from '@tracker/schema';
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
      `${escapeJsonControls(JSON.stringify({ ...record, threshold: models.threshold, developerNote: note ?? null }, null, 2))}\n`,
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
  const chip = (record.facts.hardware?.[0]?.value as { chip?: string } | undefined)?.chip;
  if (!estimate)
    lines.push(
      `No method applies: ${(chip && describeUnknownChip(chip)) || 'the sources give no parameters, tokens, hardware, cost, scores or reported figure'}.`,
    );
  else lines.push(...estimateLines(estimate, 'Combined estimate'));

  // A ruling's figure is the estimate; the machine's own stays beside it (and feeds the needs-review check).
  if (record.machineEstimate !== undefined) {
    section("Machine estimate (kept beside the ruling's figure; it feeds the needs-review check)");
    const machine = record.machineEstimate;
    if (!machine) lines.push('No machine method applies.');
    else {
      const probability = record.machineAssessment?.probabilityAbove;
      lines.push(...estimateLines(machine, null));
      if (probability !== undefined && probability !== null)
        lines.push(`machine P(above) = ${probability.toFixed(3)} → ${record.machineAssessment!.status}`);
    }
  }

  section(`Threshold ${flop(threshold)}`);
  if (record.machineEstimate !== undefined) lines.push("of the ruling's figure (the machine's is above):");
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
  const rulings = curation?.ruling ? [curation.ruling, ...(curation.otherRulings ?? [])] : [];
  for (const [index, ruling] of rulings.entries()) {
    lines.push(
      `${index === 0 ? 'ruling' : 'also ruled'}: ${ruling.action} by ${ruling.by} on ${ruling.at.slice(0, 10)}${ruling.flop ? `, compute ${flop(ruling.flop)}` : ''}${ruling.carriedFrom ? ` (made on ${ruling.carriedFrom}, merged into this model)` : ''}: ${ruling.reason} (ledger ${ruling.entryId})`,
    );
  }
  lines.push('');
  // Each line is one line: any control or line break inside came from data (names, rulings) and is defanged.
  return `${lines.map((line) => sanitizeText(line)).join('\n')}\n`;
}

/** The methods of an estimate with their arithmetic, then how they combined (under `combinedTitle`, if given). */
function estimateLines(estimate: ComputeEstimate, combinedTitle: string | null): string[] {
  const lines: string[] = [];
  for (const component of estimate.components) {
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
  const tail: string[] = [];
  tail.push(estimate.combination);
  tail.push(
    `median ${flop(estimate.median)}, 90% interval ${flop(estimate.interval90[0])} – ${flop(estimate.interval90[1])}, σ(log10) ${estimate.log10Sigma.toFixed(3)}, ${estimate.confidence}, set by ${estimate.method}`,
  );
  if (estimate.breakdown)
    tail.push(
      `breakdown: ${Object.entries(estimate.breakdown)
        .map(([part, value]) => `${part} ${flop(value)}`)
        .join(', ')}`,
    );
  for (const text of estimate.notes ?? []) tail.push(`note: ${text}`);
  const heading = combinedTitle === null ? [] : ['', combinedTitle, '─'.repeat(combinedTitle.length)];
  return [...lines, ...heading, ...tail];
}

function show(value: unknown): string {
  if (typeof value === 'number') return Math.abs(value) >= 1e6 ? flop(value) : String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
