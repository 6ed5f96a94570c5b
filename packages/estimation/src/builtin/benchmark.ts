import type { EstimateInput } from '@tracker/schema';
import { defineEstimator } from '../define-estimator';
import type { EstimatorFacts } from '../estimator';
import {
  COEFFICIENT_PRIOR,
  type ComputeModel,
  CROSS_FIT_FOLDS,
  DATE_SLOPE_URL,
  developerEffect,
  FEATURES,
  predictCompute,
} from '../imputation/compute-model';
import {
  calibrationWithout,
  developerKey,
  factsSubject,
  features,
  type ImputationModel,
  imputationModel,
  lodoPoints,
  ownFoldFit,
  ownReferenceIds,
  placeFacts,
  refitWithout,
} from '../imputation/model';
import { factInput, priorInput } from '../inputs';
import { formatFlop } from '../names';

export { developerKey } from '../imputation/model';

/** How many references nearest in capability an estimate names (every reference enters the fit). */
const NAMED_REFERENCES = 5;
/** How many of the placing scores the reasoning lists, heaviest first (every score enters the placement). */
const SHOWN_SCORES = 4;

/** How the scores placed the model, for the reasoning: the items with the largest weight first. */
function placementText(placement: NonNullable<ReturnType<typeof placeFacts>>): string {
  const items = [...placement.items].sort((left, right) => right.weight - left.weight);
  const shown = items
    .slice(0, SHOWN_SCORES)
    .map(
      (item) =>
        `${item.key} ${Number(item.score.toPrecision(4))} → ${item.implied.toFixed(2)} (weight ${item.weight.toFixed(1)})`,
    )
    .join(', ');
  return `capability C = ${placement.value.toFixed(2)} ± ${placement.se.toFixed(2)} from ${items.length} score${items.length === 1 ? '' : 's'} (${shown}${items.length > SHOWN_SCORES ? `, and ${items.length - SHOWN_SCORES} more` : ''})`;
}

/** The rows ordered by capability, built once per fitted model. */
const rowsByCapability = new WeakMap<ImputationModel, ImputationModel['rows']>();

/**
 * The references nearest in capability (ties by id). From each side of the model's capability it gathers the
 * nearest rows that are not left out, with their ties, so only that window is sorted instead of every row.
 */
function nearestText(model: ImputationModel, capability: number, leftOut: ReadonlySet<string>): string {
  let sorted = rowsByCapability.get(model);
  if (!sorted) {
    sorted = [...model.rows].sort((left, right) => left.capability - right.capability);
    rowsByCapability.set(model, sorted);
  }
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as (typeof sorted)[number]).capability < capability) low = middle + 1;
    else high = middle;
  }
  const window: (typeof sorted)[number][] = [];
  const gather = (start: number, step: 1 | -1) => {
    let taken = 0;
    let last = Number.NaN;
    for (let index = start; index >= 0 && index < sorted.length; index += step) {
      const row = sorted[index] as (typeof sorted)[number];
      if (taken >= NAMED_REFERENCES && row.capability !== last) break;
      if (leftOut.has(row.id)) continue;
      window.push(row);
      taken += 1;
      last = row.capability;
    }
  };
  gather(low, 1);
  gather(low - 1, -1);
  return window
    .map((row) => ({ row, distance: Math.abs(row.capability - capability) }))
    .sort((left, right) => left.distance - right.distance || left.row.id.localeCompare(right.row.id))
    .slice(0, NAMED_REFERENCES)
    .map(({ row }) => `${row.name} (C ${row.capability.toFixed(2)}, ${formatFlop(row.computeFlop)})`)
    .join(', ');
}

/**
 * Joint imputation from every leaderboard score: a latent capability placed by all the model's scores
 * (boards and snapshots linked through shared models), then log10(compute) from capability, release date,
 * tier words, open weights and parameters, API price and a developer effect pooled toward its data-derived
 * group, fitted with Student-t residuals (no reference dropped). The model's own reference point is always left
 * out (an exact refit without it), and P(above) is recalibrated by a probit map fitted on leave-one-out
 * predictions of the other references. See docs/methodology.md.
 */
export const benchmarkEstimator = defineEstimator({
  id: 'benchmark',
  description:
    'latent capability from every leaderboard score → log10(compute) with date, bounding facts and a pooled developer effect',
  priority: 50,
  kind: 'imputation',
  estimate(facts, context) {
    if (context.references.length === 0 || (!facts.scores && !facts.scoreSnapshots)) return null;
    const model = imputationModel(context);
    if (!model) return null;
    const filtered = filterBenchmarks(facts, context.settings.benchmarks);
    const placement = placeFacts(model, filtered);
    if (!placement) return null;
    const own = ownReferenceIds(model, facts);
    const developer = developerKey(facts.developer);
    let leftOut = own;
    let key = own.length > 0 ? `id:${[...own].sort().join(',')}` : '';
    let calibration = model.calibration;
    let calibrationText = `fitted on the leave-one-out predictions of ${model.calibration.count} references`;
    let fold: ReturnType<typeof ownFoldFit> = null;
    if (context.leaveOutDeveloper && developer) {
      const developerIds = model.rows.filter((row) => row.developer === developer).map((row) => row.id);
      leftOut = [...new Set([...own, ...developerIds])];
      // Own points among the developer's: the same rows out as the developer's refit (one fit per developer).
      key =
        leftOut.length === developerIds.length ? `developer:${developer}` : `developer:${developer}|${key}`;
      calibration = calibrationWithout(model, leftOut, `lodo:${key}`, lodoPoints(model));
      calibrationText = `fitted on the leave-one-developer-out predictions of ${calibration.count} references of other developers`;
    } else if (own.length > 0) {
      calibration = calibrationWithout(model, own, key);
      calibrationText = `fitted on the leave-one-out predictions of ${calibration.count} other references (this model's own left out)`;
      fold = ownFoldFit(model, own);
    }
    const fit = fold ? fold.fit : key ? refitWithout(model, leftOut, key) : model.full;
    if (!fit) return null;
    const betaYear = fit.beta[2] as number;
    const f = features(factsSubject(facts), placement.value, model.groups, betaYear);
    const effect = developerEffect(fit, f.developer, placement.value);
    const capabilityVariance = (fit.beta[1] as number) ** 2 * placement.se ** 2;
    const prediction = predictCompute(fit, f.x, effect, f.extraVariance + capabilityVariance);
    // Calibration: μ' = μ + a·s, s' = k·s (a monotone map of P, fitted on leave-one-out errors), with k the
    // split-normal factor of the side of μ' where the threshold lies, so P(above) is that of the split normal.
    const mean = prediction.mean + calibration.shift * prediction.sd;
    const side = model.threshold >= mean ? calibration.scaleUp : calibration.scaleDown;
    const sigma = prediction.sd * side;
    const median = 10 ** mean;
    const leftOutSet = new Set(leftOut);
    const terms = f.x
      .map((value, index) => ({
        name: FEATURES[index] as string,
        value,
        coefficient: fit.beta[index] as number,
      }))
      .filter((term) => term.value !== 0)
      .map((term) =>
        term.name === 'intercept'
          ? `${term.coefficient.toFixed(2)}`
          : `${term.coefficient >= 0 ? '+' : '−'} ${Math.abs(term.coefficient).toFixed(3)}·${term.value === 1 ? term.name : `${Number(term.value.toFixed(3))} (${term.name})`}`,
      )
      .join(' ');
    const peers = effect.peers
      .filter((peer) => peer.weight >= 0.05)
      .sort((left, right) => right.weight - left.weight)
      .slice(0, 4)
      .map(
        (peer) =>
          `${peer.name} ${peer.residual >= 0 ? '+' : ''}${peer.residual.toFixed(2)} (kernel weight ${peer.weight.toFixed(2)})`,
      )
      .join(', ');
    const developerText = f.developer
      ? `developer ${f.developer} (group ${f.group}): effect ${effect.effect >= 0 ? '+' : ''}${effect.effect.toFixed(2)} dex${peers ? ` from its references near this capability: ${peers}` : ' (no references of its own: the group mean)'}, shrunk toward the group with τ = ${fit.tau.toFixed(2)}`
      : 'developer unknown: group "other", no developer effect';
    const leftOutText = [
      own.length > 0
        ? fold
          ? `its own point left out with its fold of ${fold.size} references (cross-fit, ${CROSS_FIT_FOLDS} folds)`
          : 'its own point left out (exact refit)'
        : '',
      context.leaveOutDeveloper && developer
        ? `all ${leftOut.length} references of ${developer} left out`
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    const inputs: EstimateInput[] = [];
    // The two scores that weigh most (the reasoning lists more); the rest are in the record's own scores.
    for (const item of [...placement.items].sort((left, right) => right.weight - left.weight).slice(0, 2)) {
      const benchmark = item.key.slice(0, item.key.lastIndexOf('@'));
      inputs.push(factInput(facts, `scores.${benchmark}`, Number(item.score.toPrecision(6)), item.key));
    }
    inputs.push({
      name: 'references',
      value: `${fit.rows.length} references with known compute${leftOutText ? ` (${leftOutText})` : ''}`,
      source: sourcesOf(fit),
    });
    if (facts.releaseDate) inputs.push(factInput(facts, 'releaseDate', facts.releaseDate));
    if (facts.developer) inputs.push(factInput(facts, 'developer', facts.developer));
    if (f.x[4] === 1 && facts.accessibility)
      inputs.push(factInput(facts, 'accessibility', facts.accessibility));
    if (f.parameters)
      inputs.push({
        name: 'parameters (N)',
        value: Number(f.parameters.value.toPrecision(4)),
        source: factInput(facts, 'parameters', 0).source,
      });
    if (f.x[7] === 1)
      inputs.push(
        factInput(
          facts,
          'pricing',
          Number((10 ** (f.x[8] as number)).toPrecision(4)),
          'pricePerMillionTokens',
        ),
      );
    inputs.push(
      priorInput('dateSlopeDexPerYear', (COEFFICIENT_PRIOR[2] as { mean: number }).mean, DATE_SLOPE_URL),
    );
    const reasoning =
      `${placementText(placement)}; ` +
      `nearest references in capability: ${nearestText(model, placement.value, leftOutSet)}; ` +
      `fit over ${fit.rows.length} references (Student-t ν = 4 residuals, none dropped${leftOutText ? `; ${leftOutText}` : ''}): ` +
      `log10 C = ${terms} = ${prediction.fixed.toFixed(2)}` +
      (f.parameters ? ` [${f.parameters.text}]` : '') +
      `; date effect ${betaYear.toFixed(2)} dex/year × ${(f.x[2] as number).toFixed(2)} years = ${(betaYear * (f.x[2] as number)).toFixed(2)} dex` +
      `${f.extraVariance > 0 ? ' (release date unknown: half a year assumed, spread widened)' : ''}; ` +
      `${developerText} → μ = ${prediction.mean.toFixed(2)}, s = ${prediction.sd.toFixed(2)} dex (residual σ ${fit.sigma.toFixed(2)}, coefficient, developer and capability uncertainty); ` +
      `calibration (a = ${calibration.shift.toFixed(2)}, k = ${side.toFixed(2)} on the threshold's side: ${calibration.scaleUp.toFixed(2)} above, ${calibration.scaleDown.toFixed(2)} below; ${calibrationText}): log10 C = ${prediction.mean.toFixed(2)} + ${calibration.shift.toFixed(2)}×${prediction.sd.toFixed(2)} = ${mean.toFixed(2)} (${formatFlop(median)} FLOP), σ = ${side.toFixed(2)}×${prediction.sd.toFixed(2)} = ${sigma.toFixed(2)} dex`;
    return { median, log10Sigma: sigma, inputs, reasoning };
  },
});

/** The sources of a fit's references, listed once per fit (each estimate names them; a scan per estimate is quadratic). */
const fitSources = new WeakMap<ComputeModel, string>();

function sourcesOf(fit: ComputeModel): string {
  let sources = fitSources.get(fit);
  if (sources === undefined) {
    sources = [...new Set(fit.rows.map((row) => row.source ?? 'reference'))].sort().join(', ');
    fitSources.set(fit, sources);
  }
  return sources;
}

function filterBenchmarks(facts: EstimatorFacts, benchmarks: readonly string[] | undefined): EstimatorFacts {
  if (!benchmarks) return facts;
  const keep = new Set(benchmarks);
  const pick = <T>(record: Record<string, T> | undefined) =>
    record ? Object.fromEntries(Object.entries(record).filter(([key]) => keep.has(key))) : undefined;
  const filtered: EstimatorFacts = { ...facts };
  const scores = pick(facts.scores);
  const snapshots = pick(facts.scoreSnapshots);
  if (scores) filtered.scores = scores;
  if (snapshots) filtered.scoreSnapshots = snapshots;
  return filtered;
}
