import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { formatCsv, type LedgerEntry, type ModelRecord, restoreCsvCell } from '@tracker/schema';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { curate } from './curate';
import { createLedgerEntry } from './ledger';
import { buildRelease } from './release';
import { exportReviewSheet, importReviewSheet, REVIEW_SHEET_COLUMNS } from './review-sheet';
import { appendLedger, formatLedgerLine, loadLedger } from './store';
import { createTempDir, makeRecord, testEstimation } from './test-factories';

const THRESHOLD = 1e25;
const NOW = () => new Date('2026-04-01T09:00:00.000Z');

function withProbability(record: ModelRecord, probabilityAbove: number): ModelRecord {
  const status =
    probabilityAbove >= 0.9 ? 'above' : probabilityAbove >= 0.5 ? 'likely-above' : 'likely-below';
  return { ...record, assessment: { threshold: THRESHOLD, probabilityAbove, status } };
}

/** Machine records: three candidates, one below, one confirmed whose median later moves (flagged). */
function machineRecords(movedMedian = 3.8e25): ModelRecord[] {
  return [
    withProbability(makeRecord('openai/gpt-4o', movedMedian), 0.99),
    withProbability({ ...makeRecord('acme/big', 5e25), name: '=cmd|" /C calc"!A0' }, 0.97),
    withProbability(makeRecord('acme/mid', 1.5e25), 0.7),
    withProbability(makeRecord('acme/tuned', 2e25), 0.8),
    withProbability(makeRecord('acme/small', 1e23), 0.01),
  ];
}

const confirmedGpt = createLedgerEntry({
  id: '20260301T000000Z-gpt4oaaa',
  modelId: 'openai/gpt-4o',
  action: 'confirm-above',
  by: 'ana',
  reason: 'developer report',
  machineMedian: 3.8e25,
  at: '2026-03-01T00:00:00.000Z',
});

function readSheet(text: string): Record<string, string>[] {
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ''])));
}

/** Fills decision cells of the exported sheet by model id and writes it back as a spreadsheet would save it. */
function fillSheet(text: string, decisions: Record<string, Partial<Record<string, string>>>): string {
  const rows = readSheet(text).map((row) => ({ ...row, ...(decisions[restoreCsvCell(row.id!)] ?? {}) }));
  return formatCsv(
    REVIEW_SHEET_COLUMNS,
    rows.map((row) => REVIEW_SHEET_COLUMNS.map((column) => row[column] ?? '')),
  );
}

/** One more sheet row (CSV text with CRLF) with the given cells. */
function extraRow(cells: Record<string, string>): string {
  return (
    formatCsv(REVIEW_SHEET_COLUMNS, [REVIEW_SHEET_COLUMNS.map((column) => cells[column] ?? '')]).split(
      '\r\n',
    )[1]! + '\r\n'
  );
}

describe('exportReviewSheet', () => {
  it('lists candidates by P(above) descending and flagged rulings, with empty decision columns', () => {
    const records = curate(machineRecords(2e26), [confirmedGpt], {
      estimation: testEstimation,
      threshold: THRESHOLD,
    });
    const sheet = exportReviewSheet(records, { threshold: THRESHOLD, includeFlagged: true });
    expect(sheet.startsWith(`${REVIEW_SHEET_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = readSheet(sheet);
    expect(rows.map((row) => row.id)).toEqual(['openai/gpt-4o', 'acme/big', 'acme/tuned', 'acme/mid']);
    expect(rows[0]).toMatchObject({
      status: 'confirmed-above',
      machineMedian: '2e+26',
      currentRuling: 'confirm-above by ana on 2026-03-01: developer report',
      flaggedBecause: expect.stringContaining('moved from 3.80e+25 to 2.00e+26'),
    });
    expect(rows[1]).toMatchObject({
      probabilityAbove: '0.97',
      machineMethod: 'operation-count',
      status: 'candidate',
    });
    for (const row of rows) {
      expect([row.decision, row.flop, row.confidence, row.reason, row.evidence_url, row.reviewer]).toEqual([
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    expect(() => exportReviewSheet(records, { threshold: 1e26 })).toThrow(
      /openai\/gpt-4o is assessed for the threshold 1e\+25 FLOP, not 1e\+26/,
    );
    const unflagged = readSheet(exportReviewSheet(records, { threshold: THRESHOLD, includeFlagged: false }));
    expect(unflagged.map((row) => row.id)).toEqual(['acme/big', 'acme/tuned', 'acme/mid']);
  });

  it("shows the machine's view of a flagged model whose ruling set the figure, and records that median", () => {
    const figure = createLedgerEntry({
      modelId: 'openai/gpt-4o',
      action: 'set-compute',
      by: 'ana',
      reason: 'paper',
      value: { flop: 3e25, confidence: 'likely' },
      machineMedian: 3.8e25,
    });
    const records = curate(machineRecords(2e26), [figure], {
      estimation: testEstimation,
      threshold: THRESHOLD,
    });
    const gpt = readSheet(exportReviewSheet(records, { threshold: THRESHOLD })).find(
      (row) => row.id === 'openai/gpt-4o',
    );
    expect(gpt).toMatchObject({
      id: 'openai/gpt-4o',
      machineMedian: '2e+26',
      machineMethod: 'operation-count',
    });
    const filled = fillSheet(exportReviewSheet(records, { threshold: THRESHOLD }), {
      'openai/gpt-4o': { decision: 'above', reason: 'still above', reviewer: 'bo' },
    });
    const noMedianColumn = filled.replace(/machineMedian/, 'shownMedian');
    const { entries } = importReviewSheet(noMedianColumn, {
      file: 'sheet.csv',
      records,
      ledger: [figure],
      now: NOW,
    });
    expect(entries[0]).toMatchObject({ modelId: 'openai/gpt-4o', machineMedian: 2e26 });
  });

  it('neutralises a formula in a scraped name and reads it back unchanged', () => {
    const records = curate(machineRecords(), [], { estimation: testEstimation, threshold: THRESHOLD });
    const sheet = exportReviewSheet(records, { threshold: THRESHOLD });
    expect(sheet).toContain(`,"'=cmd|"" /C calc""!A0",`);
    const big = readSheet(sheet).find((row) => row.id === 'acme/big')!;
    expect(big.name).toBe(`'=cmd|" /C calc"!A0`);
    expect(restoreCsvCell(big.name!)).toBe('=cmd|" /C calc"!A0');
    expect(restoreCsvCell("'90s model")).toBe("'90s model");
  });
});

describe('importReviewSheet', () => {
  const base = () => {
    const records = curate(machineRecords(), [], { estimation: testEstimation, threshold: THRESHOLD });
    return { records, sheet: exportReviewSheet(records, { threshold: THRESHOLD }) };
  };

  it('round trip: export, fill, import, append, curate gives the decided statuses', async () => {
    const { records, sheet } = base();
    const filled = fillSheet(sheet, {
      'acme/big': {
        decision: 'above',
        reason: 'developer report',
        evidence_url: 'https://example.org/a; https://example.org/b',
      },
      'acme/mid': {
        decision: 'set-compute',
        flop: '8e24',
        confidence: 'likely',
        reason: 'GPU hours disclosed',
      },
      'acme/tuned': { decision: 'exclude', reason: 'fine-tune of acme/big', reviewer: 'bo' },
      'openai/gpt-4o': { decision: 'skip' },
    });
    const result = importReviewSheet(filled, {
      file: 'sheets/review.csv',
      records,
      ledger: [],
      now: NOW,
      defaultReviewer: 'ana',
    });
    expect(result.skipped).toBe(1);
    expect(result.alreadyApplied).toBe(0);
    expect(result.entries.map((entry) => [entry.modelId, entry.action, entry.by])).toEqual([
      ['acme/big', 'confirm-above', 'ana'],
      ['acme/tuned', 'exclude', 'bo'],
      ['acme/mid', 'set-compute', 'ana'],
    ]);
    expect(result.entries[0]).toMatchObject({
      evidence: ['https://example.org/a', 'https://example.org/b'],
      machineMedian: 5e25,
      origin: expect.stringMatching(/^sheet:review\.csv#row3:[0-9a-f]{12}$/),
    });
    expect(result.entries[2]).toMatchObject({
      value: { flop: 8e24, confidence: 'likely' },
      machineMedian: 1.5e25,
    });

    const dataDir = await createTempDir();
    await appendLedger(dataDir, result.entries);
    const ledger = await loadLedger(dataDir);
    const curated = new Map(
      curate(records, ledger, { estimation: testEstimation, threshold: THRESHOLD }).map((record) => [
        record.id,
        record,
      ]),
    );
    expect(curated.get('acme/big')?.curation).toMatchObject({
      status: 'confirmed-above',
      needsReview: false,
    });
    expect(curated.get('acme/tuned')?.curation?.status).toBe('excluded');
    expect(curated.get('acme/mid')?.curation).toMatchObject({
      status: 'confirmed-below',
      ruling: { flop: 8e24 },
    });
    expect(curated.get('openai/gpt-4o')?.curation?.status).toBe('candidate');

    // The machine median recorded at decision time lets curate flag a later move.
    const moved = machineRecords().map((record) =>
      record.id === 'acme/big' ? withProbability(makeRecord('acme/big', 4e26), 0.99) : record,
    );
    const later = curate(moved, ledger, { estimation: testEstimation, threshold: THRESHOLD }).find(
      (record) => record.id === 'acme/big',
    );
    expect(later?.curation).toMatchObject({ status: 'confirmed-above', needsReview: true });
  });

  it('applies nothing when one row is bad and names every bad row and column', () => {
    const { records, sheet } = base();
    const filled = fillSheet(sheet, {
      'openai/gpt-4o': { decision: 'above', reason: 'developer report' },
      'acme/big': { decision: 'set-compute', flop: 'lots', confidence: 'likely', reason: 'guess' },
      'acme/tuned': { decision: 'above', evidence_url: 'javascript:alert(1)' },
      'acme/mid': { decision: 'set-compute', reason: 'no figure', confidence: 'sure' },
    });
    const withUnknown = `${filled}${extraRow({ id: 'nobody/ghost', name: 'Ghost', decision: 'below', reason: 'not in the data' })}`;
    let error: unknown;
    try {
      importReviewSheet(withUnknown, {
        file: 'review.csv',
        records,
        ledger: [],
        now: NOW,
        defaultReviewer: 'ana',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'SHEET_INVALID' });
    const message = (error as Error).message;
    expect(message).toContain('review.csv: row 3, column "flop": expected a number like 3.8e25, got "lots"');
    expect(message).toContain('review.csv: row 4, column "reason": the decision "above" needs a reason');
    expect(message).toContain(
      'review.csv: row 4, column "evidence_url": expected http(s) URLs separated by spaces, got "javascript:alert(1)"',
    );
    expect(message).toContain(
      'review.csv: row 5, column "confidence": expected one of confident, likely, speculative, got "sure"',
    );
    expect(message).toContain('review.csv: row 5, column "flop": set-compute needs the compute in FLOP');
    expect(message).toContain('review.csv: row 6, column "id": unknown model id "nobody/ghost"');
    expect(message).toContain('4 rows cannot be applied; nothing was imported');
    expect(message).not.toContain('row 2,');
    expect((error as { details: { problems: unknown[] } }).details.problems).toHaveLength(6);
  });

  it('refuses a decision without a reviewer, an unknown decision, and one model decided twice', () => {
    const { records, sheet } = base();
    const filled = fillSheet(sheet, {
      'acme/big': { decision: 'maybe', reason: 'x' },
      'acme/mid': { decision: 'below', reason: 'x' },
    });
    const twice = `${filled}${extraRow({ id: 'acme/mid', decision: 'above', reason: 'changed my mind' })}`;
    expect(() => importReviewSheet(twice, { file: 'review.csv', records, ledger: [], now: NOW })).toThrow(
      /row 3, column "decision": expected one of above, below, exclude, set-compute, skip, got "maybe"[\s\S]*row 5, column "reviewer": no reviewer named[\s\S]*row 6, column "id": acme\/mid is already decided on row 5/,
    );
    expect(() => importReviewSheet('name,flop\r\nx,1\r\n', { file: 'old.csv', records, ledger: [] })).toThrow(
      'old.csv: row 1: missing columns "id", "decision", "confidence", "reason", "evidence_url", "reviewer"',
    );
  });

  it('adds nothing when the same sheet is imported again, even re-sorted under another name', async () => {
    const { records, sheet } = base();
    const filled = fillSheet(sheet, {
      'acme/big': { decision: 'above', reason: 'developer report' },
      'acme/mid': { decision: 'below', reason: 'small cluster', flop: '5e24', confidence: 'speculative' },
    });
    const options = { file: 'review.csv', records, now: NOW, defaultReviewer: 'ana' };
    const first = importReviewSheet(filled, { ...options, ledger: [] });
    expect(first.entries).toHaveLength(2);
    const dataDir = await createTempDir();
    await appendLedger(dataDir, first.entries);
    const ledger = await loadLedger(dataDir);
    const again = importReviewSheet(filled, { ...options, ledger });
    expect(again).toEqual({ entries: [], skipped: 2, alreadyApplied: 2 });
    const [header, ...rows] = filled.trimEnd().split('\r\n');
    const resorted = `${[header, ...rows.reverse()].join('\r\n')}\r\n`;
    expect(
      importReviewSheet(resorted, { ...options, file: 'copy of review.csv', ledger }).alreadyApplied,
    ).toBe(2);
    // A changed decision on the same row is new.
    const changed = fillSheet(sheet, {
      'acme/big': { decision: 'above', reason: 'developer report, confirmed twice' },
    });
    expect(importReviewSheet(changed, { ...options, ledger }).entries).toHaveLength(1);
  });

  it('imports a sheet saved by Excel: BOM, CRLF, every field quoted, neutralised cells', async () => {
    const { records } = base();
    const text = await readFile(
      path.join(import.meta.dirname, '__fixtures__', 'review-sheet-excel.csv'),
      'utf8',
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const result = importReviewSheet(text, { file: 'review-sheet-excel.csv', records, ledger: [], now: NOW });
    expect(result.skipped).toBe(1);
    expect(result.entries).toHaveLength(2);
    expect(result.entries[0]).toMatchObject({
      modelId: 'acme/big',
      action: 'confirm-above',
      by: 'Ana Lima',
      reason: '=the developer said so, "officially"',
      value: { flop: 5.2e25, confidence: 'confident' },
    });
    expect(result.entries[1]).toMatchObject({ modelId: 'acme/tuned', action: 'exclude', by: 'Ana Lima' });
  });
});

/** Small models and their machine medians for the property test. */
const MODEL_IDS = ['acme/a', 'acme/b', 'acme/c', 'acme/d'] as const;
const DECISIONS = ['above', 'below', 'exclude', 'set-compute'] as const;

type Step =
  | { kind: 'machine'; medians: number[] }
  | { kind: 'decide'; model: number; decision: (typeof DECISIONS)[number]; flop: number }
  | {
      kind: 'sheet';
      picks: { model: number; decision: (typeof DECISIONS)[number]; flop: number }[];
      again: boolean;
    };

const median = fc.double({ min: 20, max: 28, noNaN: true }).map((exponent) => 10 ** exponent);
const pick = fc.record({
  model: fc.nat({ max: MODEL_IDS.length - 1 }),
  decision: fc.constantFrom(...DECISIONS),
  flop: median,
});
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('machine' as const),
    medians: fc.array(median, { minLength: 4, maxLength: 4 }),
  }),
  pick.map((choice) => ({ kind: 'decide' as const, ...choice })),
  fc.record({
    kind: fc.constant('sheet' as const),
    picks: fc.array(pick, { maxLength: 4 }),
    again: fc.boolean(),
  }),
);

function recordsFor(medians: readonly number[]): ModelRecord[] {
  return MODEL_IDS.map((id, index) => {
    const value = medians[index]!;
    const probabilityAbove = value >= THRESHOLD ? 0.96 : 0.2;
    return withProbability(makeRecord(id, value), probabilityAbove);
  });
}

function expectedStatus(decision: (typeof DECISIONS)[number], flop: number): string {
  if (decision === 'above') return 'confirmed-above';
  if (decision === 'below') return 'confirmed-below';
  if (decision === 'exclude') return 'excluded';
  return flop >= THRESHOLD ? 'confirmed-above' : 'confirmed-below';
}

describe('curation never loses or alters a ruling (property)', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('holds over random machine runs, decisions and sheet imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const dataDir = await createTempDir('tracker-property-');
        folders.push(dataDir);
        let clock = Date.parse('2026-01-01T00:00:00.000Z');
        const tick = () => {
          clock += 60_000;
          return new Date(clock);
        };
        let records = curate(recordsFor([1e24, 1e25, 1e26, 3e25]), [], {
          estimation: testEstimation,
          threshold: THRESHOLD,
        });
        const written: string[] = [];
        const latest = new Map<string, { status: string; entryId: string }>();
        /** Records what was written and what each decided model's status must now be, from what was asked for. */
        const remember = (
          entries: readonly LedgerEntry[],
          intended: ReadonlyMap<string, { decision: (typeof DECISIONS)[number]; flop: number }>,
        ) => {
          for (const entry of entries) {
            written.push(formatLedgerLine(entry));
            if (!('modelId' in entry)) throw new Error('a decision without a model');
            const asked = intended.get(entry.modelId);
            expect(asked).toBeDefined();
            latest.set(entry.modelId, {
              status: expectedStatus(asked!.decision, asked!.flop),
              entryId: entry.id,
            });
          }
        };
        for (const current of steps) {
          const ledger = await loadLedger(dataDir);
          if (current.kind === 'machine') {
            records = curate(recordsFor(current.medians), ledger, {
              estimation: testEstimation,
              threshold: THRESHOLD,
            });
          } else if (current.kind === 'decide') {
            const id = MODEL_IDS[current.model]!;
            const at = tick().toISOString();
            const common = {
              modelId: id,
              by: 'ana',
              reason: 'checked',
              at,
              machineMedian: records[current.model]!.estimate!.median,
            };
            const entry =
              current.decision === 'set-compute'
                ? createLedgerEntry({
                    ...common,
                    action: 'set-compute',
                    value: { flop: current.flop, confidence: 'likely' },
                  })
                : current.decision === 'exclude'
                  ? createLedgerEntry({ ...common, action: 'exclude' })
                  : createLedgerEntry({
                      ...common,
                      action: current.decision === 'above' ? 'confirm-above' : 'confirm-below',
                    });
            remember(await appendLedger(dataDir, [entry]), new Map([[id, current]]));
          } else {
            const sheet = exportReviewSheet(records, { threshold: THRESHOLD });
            const listed = new Set(readSheet(sheet).map((row) => row.id));
            const decisions: Record<string, Record<string, string>> = {};
            const intended = new Map<string, { decision: (typeof DECISIONS)[number]; flop: number }>();
            for (const choice of current.picks) {
              const id = MODEL_IDS[choice.model]!;
              if (!listed.has(id) || decisions[id]) continue;
              intended.set(id, choice);
              decisions[id] = {
                decision: choice.decision,
                reason: `sheet says ${choice.decision}`,
                ...(choice.decision === 'set-compute'
                  ? { flop: String(choice.flop), confidence: 'likely' }
                  : {}),
              };
            }
            const filled = fillSheet(sheet, decisions);
            const options = { file: 'review.csv', records, now: tick, defaultReviewer: 'contractor' };
            const result = importReviewSheet(filled, { ...options, ledger });
            // Every decision asked for is either new or was already in the ledger.
            expect(result.entries.length + result.alreadyApplied).toBe(intended.size);
            remember(await appendLedger(dataDir, result.entries), intended);
            if (current.again) {
              const repeat = importReviewSheet(filled, { ...options, ledger: await loadLedger(dataDir) });
              expect(repeat.entries).toEqual([]);
            }
          }
          // Every entry ever written is still in the file, byte for byte and in order.
          const text = await readFile(path.join(dataDir, 'ledger.jsonl'), 'utf8').catch(() => '');
          expect(text).toBe(written.map((line) => `${line}\n`).join(''));
          // The curated status of every ruled model is its latest ruling, whatever the machine says now.
          const now = await loadLedger(dataDir);
          const curated = curate(records, now, { estimation: testEstimation, threshold: THRESHOLD });
          records = curated;
          for (const record of curated) {
            const expected = latest.get(record.id);
            if (!expected) {
              expect(record.curation?.ruling).toBeUndefined();
              continue;
            }
            expect(record.curation?.status).toBe(expected.status);
            expect(record.curation?.ruling?.entryId).toBe(expected.entryId);
          }
          const release = buildRelease(curated, now, {
            date: '2026-06-01',
            threshold: THRESHOLD,
            generatedAt: '2026-06-01T00:00:00.000Z',
          });
          for (const row of release.models) {
            expect(['confirmed-above', 'candidate']).toContain(row.status);
          }
          for (const [id, expected] of latest) {
            expect(release.models.some((row) => row.id === id)).toBe(expected.status === 'confirmed-above');
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
