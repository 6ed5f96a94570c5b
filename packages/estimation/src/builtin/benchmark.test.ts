import { describe, expect, it } from 'vitest';
import { knownMoeFromData, resolveActiveParameters } from '../active-parameters';
import { defineEstimator } from '../define-estimator';
import { createEstimateContext } from '../estimate-compute';
import type { PopulationMember, ReferencePoint } from '../estimator';
import { fitCapability, placeModel } from '../imputation/capability';
import { fitCalibration } from '../imputation/compute-model';
import { calibrationWithout, developerKey, imputationModel, refitWithout, tierOf } from '../imputation/model';
import { probabilityAbove } from '../probability';
import { benchmarkEstimator } from './benchmark';
import { derivativeEstimator } from './derivative';

/** Latent capability c of model i, and its scores on two boards with different scales. */
const capabilityOf = (index: number) => (index - 20) / 10;
const boardA = (c: number) => 1200 + 80 * c;
const boardB = (c: number) => 40 + 12 * c;
/** A small deterministic wobble, so no fit is exact. */
const wobble = (index: number) => ((index * 7) % 5) * 0.02 - 0.04;

/**
 * 40 references of two labs: log10 C = 24 + 0.8·c, Lab Eff 1 dex below Lab Big at the same capability. Every
 * model is on board A; the odd ones are on board B too (the link between boards).
 */
function twoLabs(): ReferencePoint[] {
  return Array.from({ length: 40 }, (_, index) => {
    const c = capabilityOf(index);
    const efficient = index % 2 === 0;
    const scores: ReferencePoint['scores'] = {
      'board-a': [{ value: boardA(c) + wobble(index), asOf: '2025-01-01' }],
    };
    if (index % 2 === 1) scores['board-b'] = [{ value: boardB(c), asOf: '2025-01-01' }];
    return {
      id: `lab/m-${index}`,
      name: `M ${index}`,
      computeFlop: 10 ** (24 + 0.8 * c + (efficient ? -0.5 : 0.5) + wobble(index)),
      releaseDate: '2024-07-01',
      developer: efficient ? 'Lab Eff' : 'Lab Big',
      scores,
      source: 'test',
    };
  });
}

describe('capability: boards linked through shared models', () => {
  it('places a model seen only on board B where an equal model on board A sits', () => {
    const fit = fitCapability(twoLabs());
    const onA = placeModel(fit, {
      id: 'x',
      scores: { 'board-a': [{ value: boardA(0.5), asOf: '2025-01-01' }] },
    });
    const onB = placeModel(fit, {
      id: 'y',
      scores: { 'board-b': [{ value: boardB(0.5), asOf: '2025-01-01' }] },
    });
    expect(onA?.value).toBeCloseTo(onB?.value ?? Number.NaN, 1);
    expect(onA?.items.map((item) => item.key)).toEqual(['board-a@2025-01-01']);
  });

  it('reads a score without a date as the latest snapshot of its benchmark', () => {
    const fit = fitCapability(twoLabs());
    const bare = placeModel(fit, { id: 'x', scores: { 'board-a': [{ value: boardA(1) }] } });
    expect(bare?.items[0]?.key).toBe('board-a@2025-01-01');
  });
});

describe('benchmark: the compute fit', () => {
  const facts = (developer: string, c: number) => ({
    name: 'New',
    developer,
    releaseDate: '2024-07-01',
    scores: { 'board-a': { value: boardA(c), asOf: '2025-01-01' } },
  });

  it('recovers a developer’s efficiency offset from its references near the model', () => {
    const context = createEstimateContext({ references: twoLabs() });
    const big = benchmarkEstimator.estimate(facts('Lab Big', 0.3), context);
    const efficient = benchmarkEstimator.estimate(facts('Lab Eff', 0.3), context);
    const gap = Math.log10((big?.median ?? 1) / (efficient?.median ?? 1));
    expect(gap).toBeGreaterThan(0.8);
    expect(gap).toBeLessThan(1.2);
    expect(big?.reasoning).toMatch(
      /developer big .*effect \+0\.\d+ dex from its references near this capability/,
    );
  });

  it('keeps a far-off reference but lets it weigh little (Student-t), and says so', () => {
    const references = twoLabs();
    const spoiled = references.map((reference) =>
      reference.id === 'lab/m-10' ? { ...reference, computeFlop: reference.computeFlop * 1e4 } : reference,
    );
    const clean = benchmarkEstimator.estimate(facts('Lab Big', 0.3), createEstimateContext({ references }));
    const robust = benchmarkEstimator.estimate(
      facts('Lab Big', 0.3),
      createEstimateContext({ references: spoiled }),
    );
    expect(Math.abs(Math.log10((robust?.median ?? 1) / (clean?.median ?? 1)))).toBeLessThan(0.15);
    expect(robust?.reasoning).toContain('fit over 40 references (Student-t ν = 4 residuals, none dropped');
    const model = imputationModel(createEstimateContext({ references: spoiled }));
    const index = model?.rows.findIndex((row) => row.id === 'lab/m-10') ?? -1;
    expect(model?.full.weights[index]).toBeLessThan(0.1);
  });

  it('shows the imputation as arithmetic: capability, nearest references, developer, date and calibration', () => {
    const result = benchmarkEstimator.estimate(
      facts('Lab Big', 0.3),
      createEstimateContext({ references: twoLabs() }),
    );
    expect(result?.reasoning).toMatch(
      /^capability C = -?\d\.\d\d ± \d\.\d\d from 1 score \(board-a@2025-01-01 1224/,
    );
    expect(result?.reasoning).toMatch(
      /nearest references in capability: M \d+ \(C -?\d\.\d\d, \d\.\d\de\+\d+\)/,
    );
    expect(result?.reasoning).toMatch(/date effect -0\.\d\d dex\/year × 0\.50 years/);
    expect(result?.reasoning).toMatch(
      /calibration \(a = -?\d\.\d\d, k = \d\.\d\d on the threshold's side: \d\.\d\d above, \d\.\d\d below; fitted on the leave-one-out predictions of 40 references\)/,
    );
  });

  it('derives developer groups from the data: a lab that mostly publishes weights is an open-weight lab', () => {
    const population: PopulationMember[] = [
      ...twoLabs().map(({ id, name, developer, scores }) => ({
        id,
        name,
        scores,
        developer: developer as string,
        accessibility: developer === 'Lab Eff' ? 'open-weights' : 'api',
      })),
    ];
    const model = imputationModel(createEstimateContext({ references: twoLabs(), population }));
    expect(model?.groups.get('eff')).toBe('open-weight');
    expect(model?.groups.get('big')).toBe('closed-frontier');
  });

  it('under leave-one-developer-out, a lab’s own references do not set its effect', () => {
    const context = createEstimateContext({ references: twoLabs(), leaveOutDeveloper: true });
    const result = benchmarkEstimator.estimate(facts('Lab Big', 0.3), context);
    expect(result?.reasoning).toContain('all 20 references of big left out');
    expect(result?.reasoning).toContain('(no references of its own: the group mean)');
  });
});

describe('benchmark: the API-only premium by group', () => {
  /**
   * A closed frontier lab: small open-weight models on the common line and API flagships 1.5 dex above it; a
   * mid-size lab (mostly API-only) and an open-weight lab whose models all sit on the line. log10 C = 24 + 0.8·c.
   * One API premium shared by every group cannot fit both the frontier flagships and the mid lab's API models.
   */
  function labs(): ReferencePoint[] {
    const list: ReferencePoint[] = [];
    const add = (developer: string, index: number, c: number, open: boolean, premium: number) => {
      const reference: ReferencePoint = {
        id: `${developer}/m-${index}`,
        name: `${developer} ${index}`,
        computeFlop: 10 ** (24 + 0.8 * c + premium + wobble(index)),
        releaseDate: '2024-07-01',
        developer,
        accessibility: open ? 'open-weights' : 'api',
        scores: { 'board-a': [{ value: boardA(c) + wobble(index), asOf: '2025-01-01' }] },
        source: 'test',
      };
      if (open) reference.parameters = 10 ** (10 + 0.8 * c + wobble(index));
      list.push(reference);
    };
    for (let index = 0; index < 4; index++) add('Frontier', index, -1 + index * 0.2, true, 0);
    for (let index = 4; index < 10; index++) add('Frontier', index, 1.2 + (index - 4) * 0.15, false, 1.5);
    for (let index = 0; index < 10; index++) add('Mid', index, -1.2 + index * 0.15, false, 0);
    for (let index = 10; index < 14; index++) add('Mid', index, -1 + (index - 10) * 0.2, true, 0);
    for (let index = 0; index < 16; index++) add('Open', index, -1.5 + index * 0.15, true, 0);
    return list;
  }
  const apiModel = (developer: string, c: number) => ({
    name: 'New',
    developer,
    releaseDate: '2024-07-01',
    accessibility: 'api',
    scores: { 'board-a': { value: boardA(c), asOf: '2025-01-01' } },
  });

  it('gives a mid-tier API model of another lab the premium of its own group, not the frontier labs’', () => {
    const context = createEstimateContext({ references: labs() });
    const model = imputationModel(context);
    expect(model?.groups.get('frontier')).toBe('closed-frontier');
    expect(model?.groups.get('mid')).toBe('other');
    const mid = benchmarkEstimator.estimate(apiModel('Newco', 0), context);
    expect(Math.abs(Math.log10(mid?.median ?? 0) - 24)).toBeLessThan(0.2);
    expect(mid?.reasoning).not.toContain('API-only × closed-frontier group');
    const flagship = benchmarkEstimator.estimate(apiModel('Frontier', 1.5), context);
    expect(Math.log10(flagship?.median ?? 0)).toBeGreaterThan(25.7);
    expect(flagship?.reasoning).toContain('API-only × closed-frontier group');
  });
});

describe('calibration map', () => {
  it('is fitted on leave-one-out errors and is monotone in the prediction', () => {
    const errors = Array.from({ length: 50 }, (_, index) => ((index % 10) - 4.5) / 2 + 0.3);
    const calibration = fitCalibration(errors);
    expect(calibration.shift).toBeCloseTo(0.3, 6);
    expect(calibration.scale).toBeGreaterThan(1);
    let previous = -1;
    for (let mu = 23; mu <= 27; mu += 0.25) {
      const s = 0.4;
      const p = probabilityAbove(
        { median: 10 ** (mu + calibration.shift * s), log10Sigma: s * calibration.scale },
        1e25,
      );
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });

  it('is refitted without the model under test when that model is a reference', () => {
    const context = createEstimateContext({ references: twoLabs() });
    const result = benchmarkEstimator.estimate(
      {
        id: 'lab/m-7',
        name: 'M 7',
        developer: 'Lab Big',
        scores: { 'board-a': { value: boardA(-1.3), asOf: '2025-01-01' } },
      },
      context,
    );
    expect(result?.reasoning).toContain(
      'fitted on the leave-one-out predictions of 39 other references (this model’s own left out)'.replace(
        '’',
        "'",
      ),
    );
    const model = imputationModel(context);
    expect(model?.loo.has('lab/m-7')).toBe(true);
    expect(calibrationWithout(model as NonNullable<typeof model>, ['lab/m-7'], 'id:lab/m-7').count).toBe(39);
    expect(
      refitWithout(model as NonNullable<typeof model>, ['lab/m-7'], 'id:lab/m-7')?.rows.map((row) => row.id),
    ).not.toContain('lab/m-7');
  });

  it('is the identity with too few points', () => {
    expect(fitCalibration([1, 2, 3])).toEqual({ shift: 0, scale: 1, scaleUp: 1, scaleDown: 1, count: 3 });
  });

  it('is a split normal: each side matched to its own decile of the errors, P monotone across the median', () => {
    // A heavy lower tail (references far below their prediction) must not widen the upper side.
    const errors = Array.from({ length: 100 }, (_, index) => {
      const u = (index + 0.5) / 100 - 0.5;
      return u < 0 ? 6 * u : 2 * u;
    });
    const calibration = fitCalibration(errors);
    expect(calibration.scaleDown).toBeGreaterThan(2.5 * calibration.scaleUp);
    expect(calibration.scale).toBeGreaterThan(calibration.scaleUp);
    expect(calibration.scale).toBeLessThan(calibration.scaleDown);
    let previous = -1;
    const threshold = 25;
    for (let mu = 23; mu <= 27; mu += 0.1) {
      const s = 0.4;
      const centre = mu + calibration.shift * s;
      const k = threshold >= centre ? calibration.scaleUp : calibration.scaleDown;
      const p = probabilityAbove({ median: 10 ** centre, log10Sigma: s * k }, 10 ** threshold);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });
});

describe('estimator kinds', () => {
  it('reads tier words', () => {
    expect(tierOf('Gemini 2.5 Flash')).toBe(-1);
    expect(tierOf('Claude Opus 4')).toBe(1);
    expect(tierOf('GPT-4o')).toBe(0);
  });

  it('declares kind, and an old plugin without it gets one from its priority', () => {
    expect(benchmarkEstimator.kind).toBe('imputation');
    const legacy = defineEstimator({ id: 'legacy', description: 'x', priority: 55, estimate: () => null });
    expect(legacy.kind).toBe('imputation');
    const direct = defineEstimator({ id: 'direct', description: 'x', priority: 20, estimate: () => null });
    expect(direct.kind).toBe('direct');
    expect(direct.prevailsOver).toEqual([]);
  });
});

describe('derivatives and mixture-of-experts', () => {
  it('gives a fine-tune of a known base the base’s compute plus a fine-tune share', () => {
    const context = createEstimateContext({
      lookupBase: (name) =>
        name === 'Base 70B'
          ? {
              median: 8e24,
              log10Sigma: 0.1,
              interval90: [5e24, 1.2e25],
              method: 'reported',
              confidence: 'confident',
              components: [],
              combination: '',
            }
          : null,
    });
    const result = derivativeEstimator.estimate({ name: 'Tuned 70B', baseModel: 'Base 70B' }, context);
    expect(result?.median).toBeCloseTo(8e24 * 10 ** 0.02, -20);
    expect(result?.reasoning).toContain('built on Base 70B (8.00e+24 FLOP');
    expect(derivativeEstimator.estimate({ name: 'Other', baseModel: 'Unknown' }, context)).toBeNull();
  });

  it('learns that a family is MoE from its developer’s models that state active < total', () => {
    const members = [
      { name: 'Big V3', developer: 'Lab X', parameters: 671e9, activeParameters: 37e9 },
      { name: 'Small', developer: 'Lab X', parameters: 7e9, activeParameters: 7e9 },
      { name: 'Other lab', developer: 'Lab Y', parameters: 671e9, activeParameters: 20e9 },
    ];
    const known = knownMoeFromData(members, 'x', 671e9, developerKey);
    expect(known?.activeShare).toBeCloseTo(37 / 671, 6);
    expect(known?.text).toContain('Big V3');
    expect(knownMoeFromData(members, 'x', 7e9, developerKey)).toBeNull();
    const resolved = resolveActiveParameters({ name: 'Prover 671B', parameters: 671e9 }, known);
    expect(resolved?.value).toBeCloseTo(37e9, -6);
  });

  it('never counts a 1T total as dense without saying so', () => {
    const resolved = resolveActiveParameters({ name: 'Giant 1T', releaseDate: '2023-01-01' });
    expect(resolved?.value).toBe(1e12);
    expect(resolved?.text).toMatch(/counted as dense, but a model of 1T total may be a mixture of experts/);
  });
});
