import { describe, expect, it } from 'vitest';
import { benchmarkEstimator } from '../builtin/benchmark';
import { createEstimateContext } from '../estimate-compute';
import type { ReferencePoint } from '../estimator';
import {
  assignFolds,
  type ComputeModel,
  CROSS_FIT_FOLDS,
  EXACT_LOO_MAX_ROWS,
  fitCalibration,
} from './compute-model';
import { calibrationWithout, foldFit, type ImputationModel, imputationModel, ownFoldFit } from './model';

const DEVELOPERS = ['Lab A', 'Lab B', 'Lab C', 'Lab D', 'Lab E'];

/** A deterministic wobble in [−0.15, 0.15] dex, so no fit is exact. */
const wobble = (index: number) => (((index * 37) % 11) - 5) * 0.03;

/**
 * `count` references on one board: log10 C = 24 + 0.8·c + a developer offset + wobble, released over two years.
 * `twins` adds two points spelled `Twin` and `twin` (one loose name: one model's two points).
 */
function references(
  count: number,
  { twins = false, shift }: { twins?: boolean; shift?: [string, number] } = {},
) {
  const list: ReferencePoint[] = Array.from({ length: count }, (_, index) => {
    const c = ((index % 61) - 30) / 12;
    const developer = DEVELOPERS[index % DEVELOPERS.length] as string;
    const offset = (index % DEVELOPERS.length) * 0.2 - 0.4;
    return {
      id: `lab/m-${String(index).padStart(4, '0')}`,
      name: `M ${index}`,
      computeFlop: 10 ** (24 + 0.8 * c + offset + wobble(index)),
      releaseDate: `${2023 + (index % 3)}-0${1 + (index % 9)}-15`,
      developer,
      scores: { 'board-a': [{ value: 1200 + 80 * c + wobble(index * 3) * 20, asOf: '2025-01-01' }] },
      source: 'test',
    };
  });
  if (twins)
    for (const [id, name] of [
      ['lab/twin-1', 'Twin'],
      ['lab/twin-2', 'twin'],
    ] as const)
      list.push({
        id,
        name,
        computeFlop: 1e24,
        developer: 'Lab A',
        scores: { 'board-a': [{ value: 1200, asOf: '2025-01-01' }] },
        source: 'test',
      });
  if (shift) {
    const [id, dex] = shift;
    const found = list.find((reference) => reference.id === id) as ReferencePoint;
    found.computeFlop *= 10 ** dex;
  }
  return list;
}

const modelOf = (list: ReferencePoint[]) =>
  imputationModel(createEstimateContext({ references: list })) as ImputationModel;

const MANY = EXACT_LOO_MAX_ROWS + 60;

describe('cross-fit folds', () => {
  it('puts the points of one model (one group key) in one fold and deals groups round-robin', () => {
    const folds = assignFolds(['a', 'b', 'A', 'c', 'd', 'b'], 3, (name) => name.toLowerCase());
    expect(folds).toEqual([0, 1, 0, 2, 0, 1]);
  });

  it('keeps exact leave-one-out refits up to the limit, and K fold fits above it', () => {
    const few = modelOf(references(60));
    expect(few.folds).toBeNull();
    expect([...few.refits.keys()].filter((key) => key.startsWith('id:'))).toHaveLength(60);
    expect(few.loo.size).toBe(60);

    const many = modelOf(references(MANY, { twins: true }));
    expect(many.folds).not.toBeNull();
    expect([...many.refits.keys()].sort()).toEqual(
      Array.from({ length: CROSS_FIT_FOLDS }, (_, fold) => `fold:${fold}`).sort(),
    );
    expect(many.loo.size).toBe(MANY + 2);
    expect(many.folds?.byId.get('lab/twin-1')).toBe(many.folds?.byId.get('lab/twin-2'));
    // Each fold fit holds every row but its fold's.
    many.folds?.ids.forEach((ids, fold) => {
      const rows = (foldFit(many, fold) as ComputeModel).rows.map((row) => row.id);
      expect(rows).toHaveLength(MANY + 2 - ids.length);
      for (const id of ids) expect(rows).not.toContain(id);
    });
  });

  it("holds out a reference's compute from every fit that predicts it: its residual moves one for one with its own value", () => {
    const id = 'lab/m-0123';
    const base = modelOf(references(MANY));
    const fold = base.folds?.byId.get(id) as number;
    const moved = (dex: number) => modelOf(references(MANY, { shift: [id, dex] }));
    const up = moved(3);
    const half = moved(1.5);
    // The fit of its fold is the same whatever its compute (cold-started: nothing of the fold reaches it).
    const fitOf = (model: ImputationModel) => foldFit(model, fold) as ComputeModel;
    expect(fitOf(up).beta).toEqual(fitOf(base).beta);
    expect([fitOf(up).sigma, fitOf(up).tau]).toEqual([fitOf(base).sigma, fitOf(base).tau]);
    // So its standardised error is affine in its own log10 compute, and its fold-mates' errors do not move.
    const error = (model: ImputationModel, of = id) => model.loo.get(of)?.error as number;
    expect(error(up) - error(base)).toBeCloseTo(2 * (error(half) - error(base)), 9);
    expect(error(up) - error(base)).toBeGreaterThan(1);
    for (const mate of base.folds?.ids[fold] ?? [])
      if (mate !== id) expect(error(up, mate)).toBe(error(base, mate));
    // Outside its fold it is a training point: some other reference's prediction does move.
    const others = [...base.loo.keys()].filter((other) => base.folds?.byId.get(other) !== fold);
    expect(others.some((other) => error(up, other) !== error(base, other))).toBe(true);
  });

  it('estimates a reference from the fit without its fold, and says so', () => {
    const list = references(MANY);
    const context = createEstimateContext({ references: list });
    const target = list[200] as ReferencePoint;
    const result = benchmarkEstimator.estimate(
      {
        id: target.id,
        name: target.name,
        developer: target.developer as string,
        releaseDate: target.releaseDate as string,
        scores: { 'board-a': { value: target.scores['board-a']?.[0]?.value as number, asOf: '2025-01-01' } },
      },
      context,
    );
    const model = imputationModel(context) as ImputationModel;
    const held = ownFoldFit(model, [target.id]);
    const size = held?.size as number;
    expect(held?.fit?.rows.map((row) => row.id)).not.toContain(target.id);
    expect(result?.reasoning).toContain(
      `fit over ${MANY - size} references (Student-t ν = 4 residuals, none dropped; its own point left out with its fold of ${size} references (cross-fit, ${CROSS_FIT_FOLDS} folds))`,
    );
    expect(result?.reasoning).toContain(`leave-one-out predictions of ${MANY - 1} other references`);
  });
});

describe('calibration without some references', () => {
  it('equals the map fitted on the remaining errors, ties and all', () => {
    // 40 errors with repeated values; remove sets of every size, including tied values and unknown ids.
    const values = Array.from({ length: 40 }, (_, index) => Math.round(Math.sin(index * 1.7) * 6) / 4);
    const loo = new Map(values.map((error, index) => [`r${index}`, { error, developer: null }]));
    const model = {
      loo,
      calibrations: new Map(),
      calibration: fitCalibration(values),
    } as unknown as ImputationModel;
    const removals = [
      ['r0'],
      ['r3', 'r4', 'r5'],
      values.flatMap((value, index) => (value === values[7] ? [`r${index}`] : [])),
      ['r1', 'missing', 'r1'],
      Array.from({ length: 31 }, (_, index) => `r${index}`),
    ];
    removals.forEach((ids, index) => {
      const leaving = new Set(ids);
      const expected = fitCalibration(values.filter((_, position) => !leaving.has(`r${position}`)));
      expect(calibrationWithout(model, ids, `case:${index}`)).toEqual(expected);
    });
  });
});
