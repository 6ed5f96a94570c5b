import type { LedgerEntry, ModelRecord } from '@tracker/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curate, curateModels, orphanedRulings, placeRulings } from './curate';
import { type CreateLedgerEntryInput, createLedgerEntry } from './ledger';
import { makeEstimate, makeRecord, testEstimation } from './test-factories';

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
  const [result] = curate([record], ledger, { estimation: testEstimation, threshold: T });
  return result!.curation!;
}

describe('curate', () => {
  it('marks machine-above models without a ruling as candidates, others unreviewed', () => {
    const records = curate(
      [makeRecord('a/above', 3e25), makeRecord('a/below', 1e24), makeRecord('a/none')],
      [],
      { estimation: testEstimation, threshold: T },
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
    curate([record], [decide({ action: 'exclude', reason: 'x' })], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(record.curation).toBeUndefined();
  });
});

function machineMedianOf(record: ModelRecord): number | undefined {
  const machine = record.machineEstimate !== undefined ? record.machineEstimate : record.estimate;
  return machine?.median;
}

describe("a ruling's figure as the estimate", () => {
  it("makes the figure and its interval the estimate and assessment, keeping the machine's beside them", () => {
    const machine = makeRecord('openai/gpt-4o', 4.2e24);
    const set = decide({
      action: 'confirm-above',
      value: { flop: 3.8e25, confidence: 'likely' },
      machineMedian: 4.2e24,
      evidence: ['https://example.org/gpt-4o-card'],
    });
    const [result] = curate([machine], [set], { estimation: testEstimation, threshold: T });
    expect(result!.estimate).toMatchObject({
      median: 3.8e25,
      interval90: [3.8e24, 3.8e26],
      method: 'ledger',
      confidence: 'likely',
      components: [
        {
          method: 'ledger',
          used: true,
          inputs: [
            { name: 'ruling', value: 3.8e25, source: 'ledger', url: 'https://example.org/gpt-4o-card' },
            { name: 'rulingConfidence', value: 'likely', source: 'ledger' },
          ],
        },
      ],
    });
    expect(result!.estimate!.combination).toContain('4.20e+24 FLOP by operation-count');
    // ×/÷ 10 is σ = 1/1.645 in log10: P(above 1e25) = Φ(log10(3.8) · 1.645) ≈ 0.83 → likely-above.
    expect(result!.assessment!.probabilityAbove).toBeCloseTo(0.83, 2);
    expect(result!.assessment!.status).toBe('likely-above');
    expect(result!.machineEstimate).toEqual(machine.estimate);
    expect(result!.machineAssessment).toEqual(machine.assessment);
    expect(result!.curation).toMatchObject({ status: 'confirmed-above', needsReview: false });
  });

  it('uses the interval a ruling gives, and derives the label of an "unknown" confidence from it', () => {
    const set = decide({
      action: 'set-compute',
      value: { flop: 2e25, confidence: 'unknown', interval90: [1.5e25, 3e25] },
    });
    const [result] = curate([makeRecord('openai/gpt-4o', 1e24)], [set], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(result!.estimate).toMatchObject({
      median: 2e25,
      interval90: [1.5e25, 3e25],
      confidence: 'confident',
    });
    expect(result!.assessment!.status).toBe('above');
  });

  it("takes the wider bounds a source states for the same figure (Epoch's), not for another one", () => {
    const epoch = (flop: number) => ({
      reportedCompute: [
        {
          value: { flop, confidence: 'likely' as const, lower: 1e25, upper: 2e27 },
          source: 'epoch',
          url: 'https://epoch.ai/data/notable_ai_models.csv',
          retrievedAt: '2026-03-01T00:00:00.000Z',
        },
      ],
    });
    const set = decide({ action: 'set-compute', value: { flop: 5e25, confidence: 'likely' } });
    const [same] = curate([makeRecord('openai/gpt-4o', 5e25, { facts: epoch(5e25) })], [set], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(same!.estimate!.interval90).toEqual([1e25, 2e27]);
    expect(same!.estimate!.components[0]!.reasoning).toContain('epoch states bounds 1.00e+25–2.00e+27');
    const [other] = curate([makeRecord('openai/gpt-4o', 5e25, { facts: epoch(6e25) })], [set], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(other!.estimate!.interval90).toEqual([5e24, 5e26]);
  });

  it('refuses an interval that does not hold the figure', () => {
    expect(() =>
      decide({
        action: 'set-compute',
        value: { flop: 2e25, confidence: 'likely', interval90: [3e25, 4e25] },
      }),
    ).toThrow(/interval90/);
  });

  it('gives a model without a machine estimate the ruling\'s figure, and the machine\'s "none" beside it', () => {
    const set = decide({ action: 'set-compute', value: { flop: 2e25, confidence: 'likely' } });
    const [result] = curate([makeRecord('openai/gpt-4o')], [set], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(result!.estimate?.median).toBe(2e25);
    expect(result!.estimate?.combination).toContain('no machine method applies');
    expect(result!.machineEstimate).toBeNull();
    expect(result!.machineAssessment).toBeUndefined();
  });

  it('keeps feeding the needs-review check with the machine median, not the figure', () => {
    const set = decide({
      action: 'confirm-above',
      value: { flop: 3.8e25, confidence: 'likely' },
      machineMedian: 4.2e24,
    });
    const first = curate([makeRecord('openai/gpt-4o', 4.2e24)], [set], {
      estimation: testEstimation,
      threshold: T,
    })[0]!;
    expect(first.curation!.needsReview).toBe(false);
    // A later run: the machine's new estimate comes in (the record carries the old curation); it moved ×5.
    const rerun = { ...first, estimate: makeEstimate(2.1e25), machineEstimate: undefined };
    const moved = curate([rerun], [set], { estimation: testEstimation, threshold: T })[0]!;
    expect(moved.estimate!.median).toBe(3.8e25);
    expect(moved.machineEstimate!.median).toBe(2.1e25);
    expect(moved.curation!.needsReviewReason).toContain('moved from 4.20e+24 to 2.10e+25');
  });

  it('gives the machine estimate back when the ruling is withdrawn, and is stable when applied twice', () => {
    const set = decide({ action: 'set-compute', value: { flop: 3e25, confidence: 'confident' } });
    const machine = makeRecord('openai/gpt-4o', 4e24);
    const ruled = curate([machine], [set], { estimation: testEstimation, threshold: T });
    expect(curate(ruled, [set], { estimation: testEstimation, threshold: T })).toEqual(ruled);
    const withdrawn = decide({ action: 'note', supersedes: set.id });
    const [back] = curate(ruled, [set, withdrawn], { estimation: testEstimation, threshold: T });
    expect(back).toEqual({ ...machine, curation: { status: 'unreviewed', needsReview: false } });
    expect('machineEstimate' in back!).toBe(false);
  });

  it('leaves the machine estimate alone for a ruling without a figure', () => {
    const machine = makeRecord('openai/gpt-4o', 4e25);
    const [result] = curate([machine], [decide({ action: 'confirm-above' })], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(result!.estimate).toEqual(machine.estimate);
    expect(result!.machineEstimate).toBeUndefined();
  });
});

describe('rulings across merges', () => {
  const at = (minute: number) => new Date(Date.parse('2026-04-01T00:00:00.000Z') + minute * 60_000);
  function entry(
    input: Partial<CreateLedgerEntryInput> & Pick<CreateLedgerEntryInput, 'action'>,
    minute: number,
  ) {
    return createLedgerEntry({ by: 'ana', reason: 'checked', ...input } as CreateLedgerEntryInput, {
      now: () => at(minute),
    });
  }
  const merge = (from: string, into: string, minute: number) =>
    entry({ action: 'alias', modelId: into, value: { name: `${from} raw`, from } }, minute);

  it('carries the ruling of a merged model to the survivor, saying where it was made', () => {
    const ruled = entry(
      { action: 'set-compute', modelId: 'acme/old', value: { flop: 3e25, confidence: 'likely' } },
      1,
    );
    const ledger = [ruled, merge('acme/old', 'acme/new', 2)];
    const [survivor] = curate([makeRecord('acme/new', 2e25)], ledger, {
      estimation: testEstimation,
      threshold: T,
    });
    expect(survivor!.curation).toMatchObject({
      status: 'confirmed-above',
      needsReview: false,
      ruling: { entryId: ruled.id, carriedFrom: 'acme/old', flop: 3e25 },
    });
    expect(survivor!.estimate!.median).toBe(3e25);
    expect(survivor!.estimate!.components[0]!.reasoning).toContain('made on acme/old');
    expect(orphanedRulings([survivor!], ledger, T)).toEqual([]);
  });

  it('keeps both rulings when both models were ruled, and flags a conflict saying what disagrees', () => {
    const above = entry({ action: 'confirm-above', modelId: 'acme/old', by: 'ana' }, 1);
    const below = entry({ action: 'confirm-below', modelId: 'acme/new', by: 'bo' }, 2);
    const ledger = [above, below, merge('acme/old', 'acme/new', 3)];
    const [survivor] = curate([makeRecord('acme/new', 5e24)], ledger, {
      estimation: testEstimation,
      threshold: T,
    });
    expect(survivor!.curation!.ruling!.entryId).toBe(below.id);
    expect(survivor!.curation!.status).toBe('confirmed-below');
    expect(survivor!.curation!.otherRulings).toEqual([
      expect.objectContaining({ entryId: above.id, carriedFrom: 'acme/old' }),
    ]);
    expect(survivor!.curation!.needsReview).toBe(true);
    expect(survivor!.curation!.needsReviewReason).toBe(
      'rulings disagree after a merge: confirm-below by bo vs confirm-above by ana (made on acme/old); the latest is in force',
    );
  });

  it('flags figures further apart than the review factor, not agreeing ones', () => {
    const figure = (modelId: string, flop: number, minute: number) =>
      entry({ action: 'set-compute', modelId, value: { flop, confidence: 'likely' } }, minute);
    const agree = [
      figure('acme/old', 3e25, 1),
      figure('acme/new', 4e25, 2),
      merge('acme/old', 'acme/new', 3),
    ];
    const [close] = curate([makeRecord('acme/new')], agree, { estimation: testEstimation, threshold: T });
    expect(close!.curation!.needsReview).toBe(false);
    expect(close!.curation!.otherRulings).toHaveLength(1);
    expect(close!.estimate!.median).toBe(4e25);
    const apart = [
      figure('acme/old', 3e25, 1),
      figure('acme/new', 2e26, 2),
      merge('acme/old', 'acme/new', 3),
    ];
    const [far] = curate([makeRecord('acme/new')], apart, { estimation: testEstimation, threshold: T });
    expect(far!.curation!.needsReviewReason).toContain(
      'set-compute 2.00e+26 FLOP by ana vs set-compute 3.00e+25 FLOP',
    );
  });

  it('follows chains of merges and lists rulings that lost their model', () => {
    const first = entry({ action: 'exclude', modelId: 'acme/a' }, 1);
    const lost = entry({ action: 'confirm-above', modelId: 'acme/gone' }, 2);
    const stray = entry({ action: 'confirm-below', modelId: 'acme/stray' }, 3);
    const ledger = [
      first,
      lost,
      stray,
      merge('acme/a', 'acme/b', 4),
      merge('acme/b', 'acme/c', 5),
      merge('acme/stray', 'acme/nowhere', 6),
    ];
    const records = [makeRecord('acme/c', 1e24)];
    const [survivor] = curate(records, ledger, { estimation: testEstimation, threshold: T });
    expect(survivor!.curation).toMatchObject({ status: 'excluded', ruling: { carriedFrom: 'acme/a' } });
    expect(orphanedRulings(records, ledger, T)).toEqual([
      { modelId: 'acme/gone', ruling: expect.objectContaining({ entryId: lost.id }) },
      {
        modelId: 'acme/stray',
        ruling: expect.objectContaining({ entryId: stray.id }),
        movedTo: 'acme/nowhere',
      },
    ]);
  });

  it('leaves a ruling on its own model while that model still exists (an unmerged or split model)', () => {
    const own = entry({ action: 'confirm-above', modelId: 'acme/old' }, 1);
    const ledger = [own, merge('acme/old', 'acme/new', 2)];
    const placed = placeRulings(new Set(['acme/old', 'acme/new']), ledger, T);
    expect(placed.bySurvivor.get('acme/old')?.[0]?.ruling.entryId).toBe(own.id);
    expect(placed.bySurvivor.has('acme/new')).toBe(false);
  });
});

describe('curateModels', () => {
  it('re-curates only the models a decision touches and matches a full curation', () => {
    const records = curate(
      [makeRecord('acme/a', 3e25), makeRecord('acme/b', 2e24), makeRecord('acme/c', 4e25)],
      [],
      { estimation: testEstimation, threshold: T },
    );
    const set = decide({
      modelId: 'acme/b',
      action: 'set-compute',
      value: { flop: 2e25, confidence: 'confident' },
    });
    const { records: next, updated } = curateModels(records, [set], ['acme/b'], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(updated).toEqual(['acme/b']);
    expect(next[0]).toBe(records[0]);
    expect(next[2]).toBe(records[2]);
    expect(next).toEqual(curate(records, [set], { estimation: testEstimation, threshold: T }));
  });

  it("also re-curates the model a merged model's rulings were carried to", () => {
    const records = curate([makeRecord('acme/new', 2e24), makeRecord('acme/other', 2e24)], [], {
      estimation: testEstimation,
      threshold: T,
    });
    const alias = createLedgerEntry({
      modelId: 'acme/new',
      action: 'alias',
      by: 'ana',
      reason: 'same model',
      value: { name: 'old', from: 'acme/old' },
    });
    const ruling = createLedgerEntry({
      modelId: 'acme/old',
      action: 'confirm-above',
      by: 'ana',
      reason: 'card',
    });
    const { records: next, updated } = curateModels(records, [alias, ruling], ['acme/old'], {
      estimation: testEstimation,
      threshold: T,
    });
    expect(updated).toEqual(['acme/new']);
    expect(next[0]!.curation!.status).toBe('confirmed-above');
    expect(next[1]).toBe(records[1]);
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
          // The ruling's figure is the model's estimate; the machine's stays beside it.
          const result = curate([record], ledger, { estimation: testEstimation, threshold: T })[0]!;
          expect(result.estimate?.median).toBe(expected.flop ?? median);
          expect(machineMedianOf(result)).toBe(median);
          expect(curate([result], ledger, { estimation: testEstimation, threshold: T })).toEqual([result]);
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
