import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  formatCsv,
  type LedgerEntry,
  type LedgerEntryInput,
  type ModelRecord,
  ReportedConfidenceSchema,
  restoreCsvCell,
  TrackerError,
} from '@tracker/schema';
import { machineOf } from './curate';
import { summarizeRecord } from './diff';
import { compareStrings } from './json-file';
import { createLedgerEntry, createLedgerEntryId } from './ledger';
import { displayPath } from './paths';

/** `csv-parse/sync`, loaded on the first import of a sheet (synchronously, so the API stays synchronous). */
let csvParse: typeof import('csv-parse/sync').parse | undefined;
function parse(text: string, options: import('csv-parse/sync').Options): unknown {
  csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse;
  return csvParse(text, options);
}

/** The evidence columns of the review sheet, filled by `exportReviewSheet` and read back only for `id`. */
export const REVIEW_EVIDENCE_COLUMNS = [
  'id',
  'name',
  'developer',
  'releaseDate',
  'machineMedian',
  'machineLow',
  'machineHigh',
  'probabilityAbove',
  'machineMethod',
  'machineConfidence',
  'reasoning',
  'sources',
  'links',
  'status',
  'flaggedBecause',
  'currentRuling',
] as const;

/** The columns the reviewer fills; exported empty. */
export const REVIEW_DECISION_COLUMNS = [
  'decision',
  'flop',
  'confidence',
  'reason',
  'evidence_url',
  'reviewer',
] as const;

/** Every column of the review sheet, in order. */
export const REVIEW_SHEET_COLUMNS = [...REVIEW_EVIDENCE_COLUMNS, ...REVIEW_DECISION_COLUMNS] as const;

/** What a reviewer may write in `decision`. */
export const REVIEW_DECISIONS = ['above', 'below', 'exclude', 'set-compute', 'skip'] as const;

/** Options of {@link exportReviewSheet}. */
export interface ExportReviewSheetOptions {
  /** The compute threshold in FLOP; the records' assessments must be for it, or `probabilityAbove` would mislead. */
  threshold: number;
  /** Also list ruled models whose `needsReview` flag is up (default true). */
  includeFlagged?: boolean;
}

const REASONING_LIMIT = 240;

function oneLine(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`;
}

/** A short summary of how the machine got its figure: the deciding method's reasoning, else the combination. */
function reasoningSummary(record: ModelRecord): string {
  const { estimate } = machineOf(record);
  if (!estimate) return 'no method applies';
  const deciding = estimate.components.find(
    (component) => component.method === estimate.method && component.used,
  );
  return oneLine(deciding?.reasoning ?? estimate.combination, REASONING_LIMIT);
}

const LINK_LIMIT = 5;

function sourcesOf(record: ModelRecord): { sources: string; links: string } {
  const sources = new Set<string>(record.observations.map((observation) => observation.source));
  const links = new Set<string>();
  for (const list of Object.values(record.facts) as { source: string; url: string }[][]) {
    for (const fact of list ?? []) {
      sources.add(fact.source);
      if (links.size < LINK_LIMIT && /^https?:\/\//.test(fact.url)) links.add(fact.url);
    }
  }
  return { sources: [...sources].sort(compareStrings).join('; '), links: [...links].join(' ') };
}

function describeCurrentRuling(record: ModelRecord): string {
  const ruling = record.curation?.ruling;
  if (!ruling) return '';
  const flop = ruling.flop === undefined ? '' : ` (${ruling.flop.toExponential(2)} FLOP)`;
  return `${ruling.action}${flop} by ${ruling.by} on ${ruling.at.slice(0, 10)}: ${ruling.reason}`;
}

/**
 * The contractor's sheet (CSV, RFC 4180, CRLF, formula cells neutralised): one row per candidate (curation status
 * `candidate`) and, with `includeFlagged`, per ruled model flagged `needsReview`, sorted by the machine's P(above) descending
 * (then id). Evidence columns ({@link REVIEW_EVIDENCE_COLUMNS}) describe the machine's view and any ruling; the
 * decision columns ({@link REVIEW_DECISION_COLUMNS}) are left empty for the reviewer. Records assessed for another
 * threshold than `options.threshold` are refused (`USAGE`).
 */
export function exportReviewSheet(
  records: readonly ModelRecord[],
  options: ExportReviewSheetOptions,
): string {
  const includeFlagged = options.includeFlagged ?? true;
  const mismatched = records.find(
    (record) => record.assessment !== undefined && record.assessment.threshold !== options.threshold,
  );
  if (mismatched?.assessment) {
    throw new TrackerError(
      'USAGE',
      `[review-sheet] ${mismatched.id} is assessed for the threshold ${mismatched.assessment.threshold.toExponential()} FLOP, ` +
        `not ${options.threshold.toExponential()}: estimate again for this threshold before exporting`,
    );
  }
  const selected = records.filter(
    (record) =>
      record.curation?.status === 'candidate' || (includeFlagged && record.curation?.needsReview === true),
  );
  const probability = (record: ModelRecord) => machineOf(record).assessment?.probabilityAbove ?? -1;
  selected.sort((left, right) => probability(right) - probability(left) || compareStrings(left.id, right.id));
  const rows = selected.map((record) => {
    const { sources, links } = sourcesOf(record);
    // The sheet shows the machine's view beside the ruling, even where the ruling's figure is the estimate.
    const { estimate, assessment } = machineOf(record);
    return [
      record.id,
      record.name,
      record.developer,
      summarizeRecord(record).releaseDate,
      estimate?.median ?? null,
      estimate?.interval90[0] ?? null,
      estimate?.interval90[1] ?? null,
      assessment?.probabilityAbove ?? null,
      estimate?.method ?? null,
      estimate?.confidence ?? null,
      reasoningSummary(record),
      sources,
      links,
      record.curation?.status ?? null,
      record.curation?.needsReviewReason ?? null,
      describeCurrentRuling(record),
      ...REVIEW_DECISION_COLUMNS.map(() => null),
    ];
  });
  return formatCsv(REVIEW_SHEET_COLUMNS, rows);
}

/** Options of {@link importReviewSheet}. */
export interface ImportReviewSheetOptions {
  /** The sheet's file name, for messages and each entry's `origin`. */
  file: string;
  /** The records the sheet was made from (current curated records): ids are checked against them. */
  records: readonly ModelRecord[];
  /** The ledger as it is now: rows already applied are skipped. */
  ledger: readonly LedgerEntry[];
  /** Clock for the entries' `at` and ids (default `new Date()`). */
  now?: () => Date;
  /** Reviewer for rows whose `reviewer` cell is empty. */
  defaultReviewer?: string;
}

/** The ledger entries a review sheet produces: rulings on one model each. */
export type SheetLedgerEntry = Extract<
  LedgerEntry,
  { action: 'confirm-above' | 'confirm-below' | 'exclude' | 'set-compute' }
>;

/** What {@link importReviewSheet} found. */
export interface ImportReviewSheetResult {
  /** New ledger entries, in sheet order, for `appendLedger`. */
  entries: SheetLedgerEntry[];
  /** Rows with no decision or `skip`. */
  skipped: number;
  /** Rows whose decision is already in the ledger (an earlier import of the same sheet). */
  alreadyApplied: number;
}

/** One problem of one row. */
export interface SheetProblem {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  column: string;
  problem: string;
}

const NUMBER = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?$|^\.[0-9]+([eE][+-]?[0-9]+)?$/;
const URL = /^https?:\/\/[^\s/?#]+\S*$/;
const ACTIONS = {
  above: 'confirm-above',
  below: 'confirm-below',
  exclude: 'exclude',
  'set-compute': 'set-compute',
} as const;
const REVIEW_CONFIDENCES = ['confident', 'likely', 'speculative'] as const;

function quoted(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

/** The part of an entry's origin that identifies the decision's content (see {@link importReviewSheet}). */
export function reviewDecisionHash(cells: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(cells)).digest('hex').slice(0, 12);
}

/**
 * Reads a filled review sheet and returns the ledger entries it asks for; the caller appends them with
 * `appendLedger`. The text may carry a BOM, CRLF or LF line ends and quoted fields (as Excel and LibreOffice save
 * it), and cells neutralised on export (`'=...`) are read back without the quote.
 *
 * Every row is checked before anything is returned: if any row is bad, `SHEET_INVALID` lists every problem as
 * `<file>: row N, column "<column>": <problem>` and nothing is applied. Rows with an empty `decision` or `skip`
 * are skipped. `above`/`below`/`exclude` need a `reason`; `above`/`below` may carry a `flop` with its `confidence`;
 * `set-compute` needs `flop`, `confidence` and `reason`. `evidence_url` holds http(s) URLs separated by spaces.
 * The reviewer is the row's `reviewer`, else `defaultReviewer`.
 *
 * Idempotency: each entry's `origin` is `sheet:<file name>#row<N>:<hash>`, where the hash (12 hex of SHA-256)
 * covers the model id, the machine median shown on the row and the decision cells. A row whose model already has a
 * ledger entry with the same hash (from any sheet file and row number, so a re-sorted or renamed copy counts too)
 * is counted in `alreadyApplied` and not returned. A later export shows a new median, so the same decision made on
 * it again is a new entry. Each entry's `machineMedian` is the median the row showed to the reviewer (else the
 * record's current one), which is what `curate` compares later medians with.
 */
export function importReviewSheet(
  csvText: string,
  options: ImportReviewSheetOptions,
): ImportReviewSheetResult {
  const shownFile = displayPath(options.file);
  const baseName = path.basename(options.file);
  let table: string[][];
  try {
    table = parse(csvText, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new TrackerError(
      'SHEET_INVALID',
      `${shownFile}: not a readable CSV file (${(error as Error).message})`,
      {
        cause: error,
        details: { file: shownFile },
      },
    );
  }
  const [header, ...body] = table;
  const columns = new Map<string, number>();
  (header ?? []).forEach((name, index) => {
    columns.set(restoreCsvCell(name).trim().toLowerCase(), index);
  });
  const missing = ['id', ...REVIEW_DECISION_COLUMNS].filter((name) => !columns.has(name.toLowerCase()));
  if (missing.length > 0) {
    throw new TrackerError(
      'SHEET_INVALID',
      `${shownFile}: row 1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} ` +
        '(export a fresh sheet with `tracker export-review`)',
      { details: { file: shownFile, missing } },
    );
  }
  const records = new Map(options.records.map((record) => [record.id, record]));
  const appliedHashes = new Set<string>();
  for (const entry of options.ledger) {
    const match = entry.origin === undefined ? null : /^sheet:.*:([0-9a-f]{12})$/.exec(entry.origin);
    if (match && 'modelId' in entry) appliedHashes.add(`${entry.modelId} ${match[1]}`);
  }
  const problems: SheetProblem[] = [];
  const entries: SheetLedgerEntry[] = [];
  const decidedOnRow = new Map<string, number>();
  let skipped = 0;
  let alreadyApplied = 0;
  let clockTick = 0;
  const baseTime = (options.now?.() ?? new Date()).getTime();

  body.forEach((cells, index) => {
    const rowNumber = index + 2;
    const cell = (name: string) => restoreCsvCell(cells[columns.get(name.toLowerCase()) ?? -1] ?? '').trim();
    const rowProblems: SheetProblem[] = [];
    const fail = (column: string, problem: string) => rowProblems.push({ row: rowNumber, column, problem });

    const decision = cell('decision').toLowerCase();
    if (decision === '' || decision === 'skip') {
      skipped += 1;
      return;
    }
    const id = cell('id');
    const record = records.get(id);
    if (id === '') fail('id', 'missing model id');
    else if (!record) fail('id', `unknown model id ${quoted(id)}`);
    else if (decidedOnRow.has(id))
      fail('id', `${id} is already decided on row ${decidedOnRow.get(id)} of this sheet`);
    else decidedOnRow.set(id, rowNumber);
    const action = ACTIONS[decision as keyof typeof ACTIONS];
    if (!action)
      fail('decision', `expected one of ${REVIEW_DECISIONS.join(', ')}, got ${quoted(cell('decision'))}`);

    const flopText = cell('flop');
    let flop: number | undefined;
    if (flopText !== '') {
      const value = Number(flopText);
      if (!NUMBER.test(flopText) || !Number.isFinite(value) || value <= 0) {
        fail('flop', `expected a number like 3.8e25, got ${quoted(flopText)}`);
      } else {
        flop = value;
      }
    }
    const confidenceText = cell('confidence').toLowerCase();
    const confidence = (REVIEW_CONFIDENCES as readonly string[]).includes(confidenceText)
      ? confidenceText
      : undefined;
    if (confidenceText !== '' && !confidence) {
      fail(
        'confidence',
        `expected one of ${REVIEW_CONFIDENCES.join(', ')}, got ${quoted(cell('confidence'))}`,
      );
    }
    const reason = cell('reason');
    if (action && reason === '') fail('reason', `the decision "${decision}" needs a reason`);
    if (action === 'set-compute') {
      if (flopText === '') fail('flop', 'set-compute needs the compute in FLOP, like 3.8e25');
      if (confidenceText === '')
        fail('confidence', `set-compute needs a confidence (${REVIEW_CONFIDENCES.join(', ')})`);
    } else if (action === 'exclude') {
      if (flopText !== '') fail('flop', 'exclude takes no compute figure; leave it empty');
    } else if (action) {
      if (flopText !== '' && confidenceText === '') fail('confidence', 'a compute figure needs a confidence');
      if (flopText === '' && confidenceText !== '') fail('flop', 'a confidence needs a compute figure');
    }
    // Spaces separate URLs; a separator typed after a URL ("a; b", "a, b") is not part of it.
    const evidence = cell('evidence_url')
      .split(/\s+/)
      .map((url) => url.replace(/[;,]+$/, ''))
      .filter((url) => url !== '');
    for (const url of evidence) {
      if (!URL.test(url))
        fail('evidence_url', `expected http(s) URLs separated by spaces, got ${quoted(url)}`);
    }
    const by = cell('reviewer') || (options.defaultReviewer ?? '').trim();
    if (by === '') fail('reviewer', 'no reviewer named (fill the column or pass a default reviewer)');
    else if (by.length > 200) fail('reviewer', 'a reviewer name is at most 200 characters');

    if (rowProblems.length > 0 || !record || !action) {
      problems.push(...rowProblems);
      return;
    }
    const shownMedianText = columns.has('machinemedian') ? cell('machineMedian') : '';
    const shownMedian = NUMBER.test(shownMedianText) ? Number(shownMedianText) : undefined;
    const machineMedian =
      shownMedian !== undefined && Number.isFinite(shownMedian) && shownMedian > 0
        ? shownMedian
        : machineOf(record).estimate?.median;
    const hash = reviewDecisionHash([
      id,
      machineMedian === undefined ? '' : String(machineMedian),
      decision,
      flop === undefined ? '' : String(flop),
      confidence ?? '',
      reason,
      evidence.join(' '),
      by,
    ]);
    if (appliedHashes.has(`${id} ${hash}`)) {
      alreadyApplied += 1;
      return;
    }
    // Entries of one import get distinct, increasing times so their order in the ledger is their sheet order.
    const at = new Date(baseTime + clockTick);
    clockTick += 1;
    const value =
      flop !== undefined && confidence
        ? { flop, confidence: ReportedConfidenceSchema.parse(confidence) }
        : undefined;
    const input = {
      modelId: id,
      by,
      reason,
      evidence,
      origin: `sheet:${baseName}#row${rowNumber}:${hash}`,
      ...(machineMedian === undefined ? {} : { machineMedian }),
      at: at.toISOString(),
      id: createLedgerEntryId(at),
    };
    try {
      const entry =
        action === 'exclude'
          ? createLedgerEntry({ ...input, action })
          : action === 'set-compute'
            ? createLedgerEntry({ ...input, action, value: value! })
            : createLedgerEntry({ ...input, action, ...(value ? { value } : {}) } as LedgerEntryInput);
      entries.push(entry as SheetLedgerEntry);
    } catch (error) {
      problems.push({ row: rowNumber, column: 'decision', problem: (error as Error).message });
    }
  });

  if (problems.length > 0) {
    const lines = problems.map(
      (problem) => `${shownFile}: row ${problem.row}, column "${problem.column}": ${problem.problem}`,
    );
    const rows = new Set(problems.map((problem) => problem.row)).size;
    throw new TrackerError(
      'SHEET_INVALID',
      `${lines.join('\n')}\n${shownFile}: ${rows} row${rows === 1 ? '' : 's'} cannot be applied; nothing was imported`,
      { details: { file: shownFile, problems } },
    );
  }
  return { entries, skipped, alreadyApplied };
}
