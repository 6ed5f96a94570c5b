import {
  type ComputeEstimate,
  type CuratedStatus,
  DEFAULT_THRESHOLD,
  type EstimateInput,
  type ModelRecord,
  type ScoreFact,
} from '@tracker/schema';
import { describeValue, queryError } from '../errors';
import { formatMagnitude, formatProbability } from '../format/text';
import { type QueryRow, toQueryRow } from '../row';
import { sortRows } from '../sort';
import { renderComputeChart, renderMarkerDefinitions, renderStatusMarker, STATUS_LABELS } from './chart';
import { formatExactMagnitude, formatFieldName, formatValue } from './format-values';
import { createUrlFormatter, html, mapHtml, SafeHtml } from './html';
import { REPORT_STYLES } from './report-styles';

/** Options of {@link formatReportHtml}. */
export interface FormatReportHtmlOptions {
  /** Page title and main heading. Default: `Models trained with more than <threshold> FLOP`. */
  title?: string;
  /** When the data was generated (an ISO timestamp such as `models.json`'s `generatedAt`), shown in the header. */
  generatedAt: string;
  /** Compute threshold in FLOP, drawn as the chart's threshold line. Default `DEFAULT_THRESHOLD` of `@tracker/schema`. */
  threshold?: number;
  /** One line saying what the data is, e.g. `data/models.json of release 2026-01-15`. Shown as text. */
  dataDescription?: string;
  /**
   * How much provenance the page holds. `compact` (the default) keeps the page small (a few MB for thousands of
   * models): a details section for each model near or over the threshold, ruled, a candidate or flagged (see
   * {@link needsDetails}), with each fact's value and sources, the scores, the estimate and its methods, but no
   * per-reference URLs or input tables. `full` gives every model every fact, score and input with its URL.
   */
  provenance?: 'compact' | 'full';
}

/**
 * Whether a `compact` report gives the model a details section: ruled, a candidate, flagged, or not clearly below.
 * An unreviewed model whose machine status is `below` (P(above) at or under the configured `below` cut) or
 * `unknown` (no estimate) gets none; `tracker explain` shows its chain.
 */
export function needsDetails(record: ModelRecord): boolean {
  const status = record.curation?.status;
  if (status !== undefined && status !== 'unreviewed') return true;
  if (record.curation?.needsReview) return true;
  const machine = record.assessment?.status;
  return machine !== undefined && machine !== 'below' && machine !== 'unknown';
}

/**
 * The Content-Security-Policy of the page: nothing may load, no script may run; only the inline stylesheet and
 * `data:` images are allowed. The page needs nothing else, so anything a hostile string slipped in stays inert.
 */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

interface ReportRow extends QueryRow {
  record: ModelRecord;
  anchor: string;
  /** False when the page has no details section for the model (compact provenance). */
  detailed: boolean;
}

/** A fragment id from a model id: characters other than letters, digits, `.` and `-` become `_<hex>_`. */
function toAnchor(id: string): string {
  return `model-${id.replace(/[^A-Za-z0-9.-]/g, (character) => `_${(character.codePointAt(0) ?? 0).toString(16)}_`)}`;
}

function validateOptions(records: unknown, options: unknown): asserts options is FormatReportHtmlOptions {
  if (!Array.isArray(records))
    throw queryError('records', `expected an array of model records, got ${describeValue(records)}`);
  if (typeof options !== 'object' || options === null)
    throw queryError(
      'report',
      `expected options with generatedAt and threshold, got ${describeValue(options)}`,
    );
  const { threshold, generatedAt, title, dataDescription, provenance } = options as Record<string, unknown>;
  if (provenance !== undefined && provenance !== 'compact' && provenance !== 'full')
    throw queryError('provenance', `expected "compact" or "full", got ${describeValue(provenance)}`);
  if (
    threshold !== undefined &&
    (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0)
  )
    throw queryError('threshold', `expected a positive number of FLOP, got ${describeValue(threshold)}`);
  if (typeof generatedAt !== 'string' || generatedAt.trim() === '')
    throw queryError('generatedAt', `expected a timestamp, got ${describeValue(generatedAt)}`);
  if (title !== undefined && typeof title !== 'string')
    throw queryError('title', `expected text, got ${describeValue(title)}`);
  if (dataDescription !== undefined && typeof dataDescription !== 'string')
    throw queryError('dataDescription', `expected text, got ${describeValue(dataDescription)}`);
}

const DASH = '—';

type UrlFormatter = (url: string) => SafeHtml;

function magnitudeOrDash(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : formatMagnitude(value);
}

function textOrDash(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? DASH : value;
}

function renderStatusCell(row: ReportRow): SafeHtml {
  const unreviewed =
    row.status === 'unreviewed' ? html`<span class="badge badge-unreviewed">no human review</span>` : null;
  const needsReview = row.needsReview
    ? html`<span class="badge badge-needs-review" title="${row.record.curation?.needsReviewReason ?? 'the machine estimate moved since the ruling'}">⚠ needs review</span>`
    : null;
  return html`<td class="status">${renderStatusMarker(row.status)}${STATUS_LABELS[row.status]}${unreviewed}${needsReview}</td>`;
}

function renderProbability(row: ReportRow, threshold: number): SafeHtml | string {
  if (row.probabilityAbove === null) return DASH;
  const assessed = row.record.assessment?.threshold;
  // The assessment may have been computed for another threshold than the page's; say so rather than mislead.
  const note =
    assessed !== undefined && assessed !== threshold
      ? html` <span class="muted">(for ${formatExactMagnitude(assessed)})</span>`
      : null;
  return html`${formatProbability(row.probabilityAbove)}${note}`;
}

function renderModelRow(row: ReportRow, threshold: number): SafeHtml {
  const interval =
    row.low === null || row.high === null
      ? DASH
      : `${formatMagnitude(row.low)} – ${formatMagnitude(row.high)}`;
  return html`<tr class="status-${row.status}${row.needsReview ? ' needs-review' : ''}" data-model-id="${row.id}"><th scope="row">${row.detailed ? html`<a href="#${row.anchor}"><bdi>${row.name}</bdi></a>` : html`<bdi>${row.name}</bdi>`}<span class="model-id">${row.id}</span></th><td><bdi>${textOrDash(row.developer)}</bdi></td><td class="date">${textOrDash(row.releaseDate)}</td>${renderStatusCell(row)}<td class="number">${magnitudeOrDash(row.median)}</td><td class="number">${interval}</td><td class="number">${renderProbability(row, threshold)}</td><td>${textOrDash(row.confidence)}</td><td>${textOrDash(row.method)}</td></tr>`;
}

function renderModelsTable(rows: readonly ReportRow[], threshold: number): SafeHtml {
  const caption = `${rows.length} ${rows.length === 1 ? 'model' : 'models'}, largest median training compute first. Status is the curated status, or derived from the machine assessment when no human has ruled. P(above) is the probability that training compute exceeds ${formatExactMagnitude(threshold)} FLOP.`;
  const headers = [
    'Model',
    'Developer',
    'Released',
    'Status',
    'Median (FLOP)',
    '90% interval (FLOP)',
    'P(above)',
    'Confidence',
    'Method',
  ];
  const headerCells = headers.map(
    (header, index) =>
      html`<th scope="col"${index >= 4 && index <= 6 ? html` class="number"` : null}>${header}</th>`,
  );
  return html`<table class="models"><caption>${caption}</caption><thead><tr>${headerCells}</tr></thead><tbody>${mapHtml(rows, (row) => renderModelRow(row, threshold))}</tbody></table>`;
}

function renderRetrieved(retrievedAt: string | undefined): string {
  return retrievedAt ?? DASH;
}

function renderFacts(record: ModelRecord, formatUrl: UrlFormatter): SafeHtml {
  const rows: SafeHtml[] = [];
  for (const [field, facts] of Object.entries(record.facts)) {
    if (!Array.isArray(facts)) continue;
    for (const fact of facts) {
      rows.push(
        html`<tr><th scope="row">${formatFieldName(field)}</th><td>${formatValue(fact.value)}</td><td>${fact.source}</td><td>${formatUrl(fact.url)}</td><td>${renderRetrieved(fact.retrievedAt)}</td></tr>`,
      );
    }
  }
  if (rows.length === 0) return html`<h3>Facts</h3><p class="muted">No source gives any fact.</p>`;
  return html`<h3>Facts <span class="muted">(every source's value, most trusted first)</span></h3><table class="facts"><thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Source</th><th scope="col">URL</th><th scope="col">Retrieved</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderScoreValue(score: ScoreFact): string {
  const range =
    score.lower !== undefined && score.upper !== undefined ? ` (${score.lower}–${score.upper})` : '';
  return `${score.value}${range}${score.preliminary ? ', preliminary' : ''}`;
}

function renderScores(record: ModelRecord, formatUrl: UrlFormatter): SafeHtml {
  const rows: SafeHtml[] = [];
  for (const [benchmark, scores] of Object.entries(record.scores)) {
    if (!Array.isArray(scores)) continue;
    for (const score of scores) {
      rows.push(
        html`<tr><th scope="row">${benchmark}</th><td class="number">${renderScoreValue(score)}</td><td>${score.asOf}</td><td class="number">${score.votes ?? DASH}</td><td class="number">${score.rank ?? DASH}</td><td>${score.source}</td><td>${formatUrl(score.url)}</td><td>${renderRetrieved(score.retrievedAt)}</td></tr>`,
      );
    }
  }
  if (rows.length === 0) return html`<h3>Scores</h3><p class="muted">No leaderboard score.</p>`;
  return html`<h3>Scores</h3><table class="scores"><thead><tr><th scope="col">Benchmark</th><th scope="col" class="number">Score</th><th scope="col">Snapshot</th><th scope="col" class="number">Votes</th><th scope="col" class="number">Rank</th><th scope="col">Source</th><th scope="col">URL</th><th scope="col">Retrieved</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderInputs(inputs: readonly EstimateInput[], formatUrl: UrlFormatter): SafeHtml {
  if (inputs.length === 0) return html`<p class="muted">No inputs.</p>`;
  const rows = inputs.map(
    (input) =>
      html`<tr><th scope="row">${input.name}</th><td>${formatValue(input.value)}</td><td>${textOrDash(input.source)}</td><td>${input.url === undefined ? DASH : formatUrl(input.url)}</td><td>${renderRetrieved(input.retrievedAt)}</td></tr>`,
  );
  return html`<table class="inputs"><thead><tr><th scope="col">Input</th><th scope="col">Value</th><th scope="col">Source</th><th scope="col">URL</th><th scope="col">Retrieved</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The record's estimate (a ruling's figure when one set it), then the machine's own when it is kept beside it. */
function renderEstimate(record: ModelRecord, formatUrl: UrlFormatter): SafeHtml {
  const shown = renderOneEstimate(record.estimate ?? null, 'Estimate', formatUrl);
  if (record.machineEstimate === undefined) return shown;
  return html`${shown}${renderOneEstimate(record.machineEstimate, "Machine estimate (kept beside the ruling's figure)", formatUrl)}`;
}

function renderOneEstimate(
  estimate: ComputeEstimate | null,
  title: string,
  formatUrl: UrlFormatter,
): SafeHtml {
  if (!estimate)
    return html`<h3>${title}</h3><p class="muted">No estimate: no method applies to the facts known.</p>`;
  const breakdown = estimate.breakdown
    ? html`<dt>Breakdown</dt><dd>${formatValue(estimate.breakdown)}</dd>`
    : null;
  const notes =
    estimate.notes && estimate.notes.length > 0
      ? html`<dt>Notes</dt><dd><ul>${estimate.notes.map((note) => html`<li class="prose">${note}</li>`)}</ul></dd>`
      : null;
  const components = estimate.components.map((component) => {
    const usage = component.used
      ? 'used'
      : `left out${component.excludedBecause ? `: ${component.excludedBecause}` : ''}`;
    return html`<section class="component${component.used ? '' : ' unused'}"><h4>${component.method} <span class="muted">(${usage})</span></h4><p>Median ${formatExactMagnitude(component.median)} FLOP, 90% interval ${formatExactMagnitude(component.interval90[0])} – ${formatExactMagnitude(component.interval90[1])} FLOP, log₁₀ σ ${component.log10Sigma}</p><p class="reasoning">${component.reasoning}</p><h5>Inputs</h5>${renderInputs(component.inputs, formatUrl)}</section>`;
  });
  return html`<h3>${title}</h3><dl class="fields"><dt>Median</dt><dd>${formatExactMagnitude(estimate.median)} FLOP</dd><dt>90% interval</dt><dd>${formatExactMagnitude(estimate.interval90[0])} – ${formatExactMagnitude(estimate.interval90[1])} FLOP</dd><dt>log₁₀ σ</dt><dd>${estimate.log10Sigma}</dd><dt>Method</dt><dd>${estimate.method}</dd><dt>Confidence</dt><dd>${estimate.confidence}</dd><dt>Combination</dt><dd class="prose">${textOrDash(estimate.combination)}</dd>${breakdown}${notes}</dl>${components.length > 0 ? html`<h4>Components</h4>${components}` : null}`;
}

function renderCuration(record: ModelRecord, row: ReportRow): SafeHtml {
  const curation = record.curation;
  const assessment = record.assessment;
  const assessed = assessment
    ? `${assessment.status}, P(compute > ${formatExactMagnitude(assessment.threshold)} FLOP) = ${assessment.probabilityAbove === null ? 'unknown' : formatProbability(assessment.probabilityAbove)}`
    : 'no assessment';
  const ruling = curation?.ruling;
  const rulingText = ruling
    ? html`<dt>Ruling</dt><dd class="prose">${ruling.action} by ${ruling.by} at <time datetime="${ruling.at}">${ruling.at}</time> (entry ${ruling.entryId}): ${textOrDash(ruling.reason)}${ruling.flop === undefined ? '' : `; compute set to ${formatExactMagnitude(ruling.flop)} FLOP`}${ruling.machineMedianAtRuling === undefined ? '' : `; machine median then ${formatExactMagnitude(ruling.machineMedianAtRuling)} FLOP`}</dd>`
    : null;
  const needsReview = row.needsReview
    ? html`<dt>Needs review</dt><dd class="prose">${curation?.needsReviewReason ?? 'yes'}</dd>`
    : null;
  const observations = record.observations.map(
    (observation) =>
      html`<li>${observation.source}: <bdi>${observation.rawName}</bdi> (${observation.retrievedAt})</li>`,
  );
  return html`<dl class="fields"><dt>Id</dt><dd>${record.id}</dd><dt>Developer</dt><dd><bdi>${textOrDash(record.developer)}</bdi></dd><dt>Aliases</dt><dd>${record.aliases.length === 0 ? DASH : record.aliases.join(', ')}</dd><dt>Status</dt><dd>${STATUS_LABELS[row.status]}${curation ? '' : ' (derived: no human ruling)'}</dd>${needsReview}${rulingText}<dt>Assessment</dt><dd>${assessed}</dd><dt>Observations</dt><dd>${observations.length === 0 ? DASH : html`<ul>${observations}</ul>`}</dd></dl>`;
}

function sourcesOf(items: readonly { source: string }[]): string {
  return [...new Set(items.map((item) => item.source))].join(', ');
}

/** Facts as one line per field: the most trusted value, every source that gives the field, and how many disagree. */
function renderCompactFacts(record: ModelRecord): SafeHtml {
  const items: SafeHtml[] = [];
  for (const [field, facts] of Object.entries(record.facts)) {
    if (!Array.isArray(facts) || facts.length === 0) continue;
    const shown = formatValue(facts[0]!.value);
    const others = new Set(facts.map((fact) => formatValue(fact.value))).size - 1;
    items.push(
      html`<li>${formatFieldName(field)}: ${shown} <span class="muted">(${sourcesOf(facts)}${others > 0 ? `; ${others} other ${others === 1 ? 'value' : 'values'}` : ''})</span></li>`,
    );
  }
  for (const [benchmark, scores] of Object.entries(record.scores)) {
    if (!Array.isArray(scores) || scores.length === 0) continue;
    const latest = scores.reduce((best, score) => (score.asOf > best.asOf ? score : best));
    items.push(
      html`<li>score ${benchmark}: ${renderScoreValue(latest)} <span class="muted">(${latest.source}, ${latest.asOf})</span></li>`,
    );
  }
  return items.length === 0
    ? html`<p class="muted">No source gives any fact or score.</p>`
    : html`<ul class="compact">${items}</ul>`;
}

/** The estimate in a few lines: the combined figure, then each method with its reasoning when it was used. */
function renderCompactEstimate(record: ModelRecord): SafeHtml {
  const estimate = record.estimate;
  if (!estimate) return html`<p class="muted">No estimate: no method applies to the facts known.</p>`;
  const components = estimate.components.map(
    (component) =>
      html`<li>${component.method}: ${formatMagnitude(component.median)} (90%: ${formatMagnitude(component.interval90[0])} – ${formatMagnitude(component.interval90[1])})${component.used ? html` · <span class="prose">${component.reasoning}</span>` : html` <span class="muted">left out${component.excludedBecause ? `: ${component.excludedBecause}` : ''}</span>`}</li>`,
  );
  return html`<p>Median ${formatMagnitude(estimate.median)} FLOP, 90% interval ${formatMagnitude(estimate.interval90[0])} – ${formatMagnitude(estimate.interval90[1])} FLOP; ${estimate.method}, ${estimate.confidence}.</p>${components.length > 0 ? html`<ul class="compact">${components}</ul>` : null}`;
}

function renderCompactProvenance(row: ReportRow): SafeHtml {
  const { record } = row;
  const curation = record.curation;
  const ruling = curation?.ruling;
  const rulingText = ruling
    ? html`<dt>Ruling</dt><dd class="prose">${ruling.action} by ${ruling.by}, ${ruling.at.slice(0, 10)}: ${textOrDash(ruling.reason)}${ruling.flop === undefined ? '' : `; compute ${formatMagnitude(ruling.flop)} FLOP`}</dd>`
    : null;
  const needsReview = row.needsReview
    ? html`<dt>Needs review</dt><dd class="prose">${curation?.needsReviewReason ?? 'yes'}</dd>`
    : null;
  return html`<details class="model status-${row.status}" id="${row.anchor}"><summary>${renderStatusMarker(row.status)}<bdi>${row.name}</bdi><span class="model-id">${row.id}</span></summary><dl class="fields"><dt>Status</dt><dd>${STATUS_LABELS[row.status]}${curation ? '' : ' (derived: no human ruling)'}</dd>${needsReview}${rulingText}<dt>Sources</dt><dd>${sourcesOf(record.observations)} (${record.observations.length} ${record.observations.length === 1 ? 'observation' : 'observations'})</dd></dl>${renderCompactFacts(record)}<h3>Estimate</h3>${renderCompactEstimate(record)}</details>`;
}

function renderProvenance(row: ReportRow, formatUrl: UrlFormatter): SafeHtml {
  const { record } = row;
  return html`<details class="model status-${row.status}" id="${row.anchor}"><summary>${renderStatusMarker(row.status)}<bdi>${row.name}</bdi><span class="model-id">${row.id}</span></summary>${renderCuration(record, row)}${renderFacts(record, formatUrl)}${renderScores(record, formatUrl)}${renderEstimate(record, formatUrl)}</details>`;
}

function renderSummary(rows: readonly ReportRow[], charted: number): SafeHtml {
  const counts = new Map<CuratedStatus, number>();
  let needsReview = 0;
  for (const row of rows) {
    counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    if (row.needsReview) needsReview += 1;
  }
  const items = (Object.keys(STATUS_LABELS) as CuratedStatus[]).map(
    (status) =>
      html`<li>${renderStatusMarker(status)}${STATUS_LABELS[status]}: <strong>${counts.get(status) ?? 0}</strong></li>`,
  );
  return html`<ul class="summary" aria-label="Counts"><li>Models: <strong>${rows.length}</strong></li><li>Charted: <strong>${charted}</strong></li>${items}<li>⚠ needs review: <strong>${needsReview}</strong></li></ul>`;
}

/**
 * Renders the tracker's report as ONE self-contained HTML page: the models table (largest median first), a chart of
 * compute over time with the threshold and 90% intervals, and every model's provenance (facts, scores, estimate
 * components with their inputs). The page loads nothing and runs no script (see
 * {@link REPORT_CONTENT_SECURITY_POLICY}); every scraped string is escaped and only http(s) URLs become links.
 * Throws `QUERY_INVALID` for invalid options.
 */
export function formatReportHtml(records: readonly ModelRecord[], options: FormatReportHtmlOptions): string {
  validateOptions(records, options);
  const { generatedAt } = options;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const title = options.title ?? `Models trained with more than ${formatExactMagnitude(threshold)} FLOP`;
  const full = options.provenance === 'full';
  const seenAnchors = new Set<string>();
  const rows = records.map((record): ReportRow => {
    // Duplicate ids (invalid data, but possible) must not produce duplicate fragment ids.
    let anchor = toAnchor(record.id);
    for (let suffix = 2; seenAnchors.has(anchor); suffix += 1) anchor = `${toAnchor(record.id)}-${suffix}`;
    seenAnchors.add(anchor);
    return { ...toQueryRow(record), record, anchor, detailed: full || needsDetails(record) };
  });
  const sorted = sortRows(rows, '-median,name,id');
  const chart = renderComputeChart(sorted, { threshold });
  const formatUrl = createUrlFormatter();

  const legend = (Object.keys(STATUS_LABELS) as CuratedStatus[]).map(
    (status) => html`<li>${renderStatusMarker(status)}${STATUS_LABELS[status]}</li>`,
  );
  const anchorById = new Map(sorted.filter((row) => row.detailed).map((row) => [row.id, row.anchor]));
  const detailed = sorted.filter((row) => row.detailed);
  const notCharted =
    chart.notCharted.length === 0
      ? html`<p class="not-charted">Every model is charted.</p>`
      : html`<div class="not-charted"><p><strong>Not charted: ${chart.notCharted.length} ${chart.notCharted.length === 1 ? 'model' : 'models'}</strong> without a release date or an estimate.</p><ul>${chart.notCharted.map(({ row, reason }) => html`<li>${anchorById.has(row.id) ? html`<a href="#${anchorById.get(row.id) ?? ''}"><bdi>${row.name}</bdi></a>` : html`<bdi>${row.name}</bdi>`}: ${reason}</li>`)}</ul></div>`;
  const description =
    options.dataDescription === undefined ? null : html` · <span>${options.dataDescription}</span>`;

  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(REPORT_STYLES)}</style>
</head>
<body>
${renderMarkerDefinitions()}
<header>
<h1>${title}</h1>
<p class="meta">Generated <time datetime="${generatedAt}">${generatedAt}</time> · threshold ${formatExactMagnitude(threshold)} FLOP${description}</p>
${renderSummary(sorted, chart.charted)}
</header>
<main>
<section aria-labelledby="chart-heading">
<h2 id="chart-heading">Training compute over time</h2>
<figure>
${chart.markup}
<figcaption><ul class="legend" aria-label="Legend">${legend}<li><svg class="marker" viewBox="-11 -11 22 22" aria-hidden="true"><circle class="needs-review-ring" r="10"/></svg>needs review (dashed ring)</li><li>vertical bar: 90% interval</li><li>dashed red line: threshold</li></ul></figcaption>
</figure>
${notCharted}
</section>
<section aria-labelledby="models-heading">
<h2 id="models-heading">Models</h2>
<div class="table-scroll">${renderModelsTable(sorted, threshold)}</div>
</section>
<section aria-labelledby="provenance-heading">
<h2 id="provenance-heading">Provenance</h2>
${
  full
    ? html`<p class="muted">Every number with where it came from. Open a model to see its facts, scores and estimate.</p>`
    : html`<p class="muted">The ${detailed.length} ${detailed.length === 1 ? 'model' : 'models'} ruled, flagged, awaiting review or not clearly below the threshold, each with its facts and their sources, scores and estimate. Every model's whole chain, with each reference: tracker explain ID, or this report made with --full.</p>`
}
${full ? mapHtml(detailed, (row) => renderProvenance(row, formatUrl)) : mapHtml(detailed, (row) => renderCompactProvenance(row))}
</section>
</main>
<footer>A self-contained page: it loads nothing and runs no script. Numbers in FLOP; dates as the sources give them.</footer>
</body>
</html>
`;
  return page.value;
}
