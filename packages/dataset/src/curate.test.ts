import type { LedgerEntry, ModelRecord } from '@tracker/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curate } from './curate';
import { type CreateLedgerEntryInput, createLedgerEntry } from './ledger';
import { makeRecord } from './test-factories';

const T = 1e25;
let clock = Date.parse('2026-03-01T00:00:00.000Z');
function decide(
  input: Partial<CreateLedgerEntryInput> & Pick<CreateLedgerEntryInput, 'action'>,
): LedgerEntry {
  clock += 60_000;
  return createLedgerEntry(
    { modelId: 'openai/gpt-4o', by: 'reviewer', reason: 'checked', ...input } as CreateLedgerEntryInput,
    { now: () => new Date(clock) },
  );
}

function curated(record: ModelRecord, ledger: LedgerEntry[]) {
  const [result] = curate([record], ledger, { threshold: T });
  return result!.curation!;
}

describe('curate', () => {
  it('marks machine-above models without a ruling as candidates, others unreviewed', () => {
    const records = curate(
      [makeRecord('a/above', 3e25), makeRecord('a/below', 1e24), makeRecord('a/none')],
      [],
      { threshold: T },
    );
    expect(records.map((record) => record.curation)).toEqual([
      { status: 'candidate', needsReview: false },
      { status: 'unreviewed', needsReview: false },
      { status: 'unreviewed', needsReview: false },
    ]);
  });

  it('lets the latest ruling win and honours supersedes', () => {
    const above = decide({ action: 'confirm-above', machineMedian: 3e25 });
    const excluded = decide({ action: 'exclude', reason: 'duplicate of another entry' });
    expect(curated(makeRecord('openai/gpt-4o', 3e25), [above, excluded]).status).toBe('excluded');
    const retract = decide({ action: 'note', reason: 'exclusion was a mistake', supersedes: excluded.id });
    const result = curated(makeRecord('openai/gpt-4o', 3e25), [above, excluded, retract]);
    expect(result).toEqual({
      status: 'confirmed-above',
      needsReview: false,
      ruling: {
        entryId: above.id,
        action: 'confirm-above',
        at: above.at,
        by: 'reviewer',
        reason: 'checked',
        machineMedianAtRuling: 3e25,
      },
    });
  });

  it('shows the human compute of set-compute, and keeps it through a later confirmation', () => {
    const set = decide({ action: 'set-compute', value: { flop: 5e24, confidence: 'likely' } });
    expect(curated(makeRecord('openai/gpt-4o', 3e25), [set])).toMatchObject({
      status: 'confirmed-below',
      ruling: { flop: 5e24 },
    });
    const atThreshold = decide({ action: 'set-compute', value: { flop: 1e25, confidence: 'likely' } });
    expect(curated(makeRecord('openai/gpt-4o'), [atThreshold]).status).toBe('confirmed-above');
    const confirm = decide({ action: 'confirm-above' });
    expect(curated(makeRecord('openai/gpt-4o'), [atThreshold, confirm]).ruling).toMatchObject({
      entryId: confirm.id,
      flop: 1e25,
    });
  });

  it('flags a ruling for review when the machine median moves by more than ×3, with both values', () => {
    const ruling = decide({ action: 'confirm-above', machineMedian: 2e25 });
    expect(curated(makeRecord('openai/gpt-4o', 5.9e25), [ruling]).needsReview).toBe(false);
    const moved = curated(makeRecord('openai/gpt-4o', 7e25), [ruling]);
    expect(moved.status).toBe('confirmed-above');
    expect(moved.needsReview).toBe(true);
    expect(moved.needsReviewReason).toBe(
      'machine median moved from 2.00e+25 to 7.00e+25 FLOP (×3.5, more than ×3)',
    );
  });

  it('flags a ruling when the machine crosses the threshold against it, but not a human who overruled the machine', () => {
    const below = decide({ action: 'confirm-below', machineMedian: 8e24 });
    const crossed = curated(makeRecord('openai/gpt-4o', 1.2e25), [below]);
    expect(crossed).toMatchObject({ status: 'confirmed-below', needsReview: true });
    expect(crossed.needsReviewReason).toBe(
      'machine median 1.20e+25 FLOP is now above the threshold 1.00e+25 (it was 8.00e+24 at the ruling), but the ruling is confirmed-below',
    );
    const overruled = decide({ action: 'confirm-below', machineMedian: 1.5e25 });
    expect(curated(makeRecord('openai/gpt-4o', 1.2e25), [overruled]).needsReview).toBe(false);
    const unrecorded = decide({ action: 'confirm-above' });
    expect(curated(makeRecord('openai/gpt-4o', 9e24), [unrecorded]).needsReview).toBe(true);
    expect(curated(makeRecord('openai/gpt-4o'), [unrecorded]).needsReview).toBe(false);
  });

  it('does not change its input', () => {
    const record = makeRecord('openai/gpt-4o', 3e25);
    curate([record], [decide({ action: 'exclude', reason: 'x' })], { threshold: T });
    expect(record.curation).toBeUndefined();
  });
});

describe('curate properties', () => {
  const flop = fc.integer({ min: 220, max: 270 }).map((tenths) => 10 ** (tenths / 10));
  const step = fc.record({
    action: fc.constantFrom('confirm-above', 'confirm-below', 'exclude', 'include', 'set-compute', 'note'),
    flop: fc.option(flop, { nil: undefined }),
    machineMedian: fc.option(flop, { nil: undefined }),
    supersedeIndex: fc.option(fc.nat(), { nil: undefined }),
  });
  type Step = typeof step extends fc.Arbitrary<infer Value> ? Value : never;
  const scenario = fc.record({
    steps: fc.array(step, { maxLength: 8 }),
    machine: fc.array(fc.option(flop, { nil: undefined }), { minLength: 2, maxLength: 4 }),
  });

  function buildLedger(steps: Step[]): LedgerEntry[] {
    const ledger: LedgerEntry[] = [];
    for (const item of steps) {
      const supersedes =
        item.supersedeIndex !== undefined && ledger.length > 0
          ? ledger[item.supersedeIndex % ledger.length]!.id
          : undefined;
      const base = { supersedes, reason: 'r' };
      const machineMedian = item.machineMedian;
      switch (item.action) {
        case 'set-compute':
          ledger.push(
            decide({
              ...base,
              action: 'set-compute',
              value: { flop: item.flop ?? 1e24, confidence: 'likely' },
              machineMedian,
            }),
          );
          break;
        case 'confirm-above':
        case 'confirm-below':
          ledger.push(
            decide({
              ...base,
              action: item.action,
              machineMedian,
              ...(item.flop ? { value: { flop: item.flop, confidence: 'likely' } } : {}),
            }),
          );
          break;
        case 'exclude':
          ledger.push(decide({ ...base, action: 'exclude', machineMedian }));
          break;
        default:
          ledger.push(decide({ ...base, action: item.action }));
      }
    }
    return ledger;
  }

  /** The rule, restated independently: what curate must produce for one model. */
  function oracle(ledger: LedgerEntry[], median: number | undefined) {
    const superseded = new Set(ledger.flatMap((entry) => (entry.supersedes ? [entry.supersedes] : [])));
    const active = ledger.filter((entry) => !superseded.has(entry.id));
    const rulings = active.filter((entry) =>
      ['confirm-above', 'confirm-below', 'exclude', 'include', 'set-compute'].includes(entry.action),
    );
    const latest = rulings.at(-1);
    if (!latest) return { ruling: undefined, status: undefined, needsReview: false };
    const ownFlop =
      'value' in latest && latest.value && 'flop' in latest.value ? latest.value.flop : undefined;
    const earlier = rulings
      .slice(0, -1)
      .filter((entry) => 'value' in entry && entry.value && 'flop' in entry.value)
      .at(-1);
    const carried =
      latest.action.startsWith('confirm') &&
      earlier &&
      'value' in earlier &&
      earlier.value &&
      'flop' in earlier.value
        ? earlier.value.flop
        : undefined;
    const flopShown = ownFlop ?? carried;
    const status = {
      'confirm-above': 'confirmed-above',
      'confirm-below': 'confirmed-below',
      exclude: 'excluded',
      'set-compute': (flopShown ?? 0) >= T ? 'confirmed-above' : 'confirmed-below',
      include: undefined,
    }[latest.action as 'exclude'];
    const recorded = 'machineMedian' in latest ? latest.machineMedian : undefined;
    const disagrees = (value: number) =>
      (status === 'confirmed-below' && value >= T) || (status === 'confirmed-above' && value < T);
    const moved =
      median !== undefined && recorded !== undefined && Math.max(median / recorded, recorded / median) > 3;
    const crossed =
      median !== undefined && disagrees(median) && !(recorded !== undefined && disagrees(recorded));
    return {
      ruling: latest,
      status,
      flop: flopShown,
      needsReview: status !== undefined && (moved || crossed),
    };
  }

  it('never lets the machine change a ruling, and flags needs-review exactly when the rule says', () => {
    fc.assert(
      fc.property(scenario, ({ steps, machine }) => {
        const ledger = buildLedger(steps);
        const seen = new Set<string>();
        for (const median of machine) {
          const record = makeRecord('openai/gpt-4o', median);
          const curation = curated(record, ledger);
          const expected = oracle(ledger, median);
          expect(curation.ruling?.entryId).toBe(expected.ruling?.id);
          expect(curation.ruling?.flop).toBe(expected.flop);
          if (expected.status) expect(curation.status).toBe(expected.status);
          else expect(curation.status).toBe(median !== undefined && median >= T ? 'candidate' : 'unreviewed');
          expect(curation.needsReview).toBe(expected.needsReview);
          expect(curation.needsReviewReason !== undefined).toBe(expected.needsReview);
          if (curation.needsReviewReason)
            expect(curation.needsReviewReason).toContain(median!.toExponential(2));
          seen.add(JSON.stringify(curation.ruling ?? null));
        }
        // Whatever the machine says, the ruling in force is the same object.
        expect(seen.size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
