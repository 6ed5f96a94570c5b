import { getChip, getChipPrice, peakFlops } from '../chips';
import { defineEstimator } from '../define-estimator';
import type { EstimatorFacts } from '../estimator';
import { factInput, priorInput, quadrature, releaseYear } from '../inputs';
import { formatFlop } from '../names';
import { utilizationPrior } from './hardware-time';

/** log10 spread of the price per chip-hour a developer really paid against the list price (×/÷ 2.5 at 90%). */
const PRICE_SIGMA = 0.24;

/** The chip most large training runs of a year used, when the source names none. */
function chipOfEra(year: number | null): string {
  if (year !== null && year < 2021) return 'nvidia-v100';
  if (year !== null && year < 2023.5) return 'nvidia-a100';
  return 'nvidia-h100-sxm';
}

/**
 * Training cost ÷ price per chip-hour → chip-hours → chip-hours × 3600 × peak × utilization. Prices are cloud
 * on-demand list prices (configs/hardware.yaml); large labs pay less, so the spread is wide.
 */
export const costEstimator = defineEstimator({
  id: 'cost',
  description: 'training cost ÷ price per chip-hour → hardware-time',
  priority: 40,
  kind: 'direct',
  monotonic: ['costUsd'],
  estimate(facts, context) {
    if (!facts.costUsd) return null;
    // A curated database prices the compute it estimated (Epoch's cost column is derived from its compute figure):
    // blind, that cost leaves with the figure it came from, or the figure would be read back through it.
    if (context.blind && facts.reportedCompute && sameSource(facts, 'costUsd', 'reportedCompute'))
      return null;
    const named = facts.hardware?.chip ? getChip(facts.hardware.chip) : null;
    const chip = named && getChipPrice(named.id) ? named : getChip(chipOfEra(releaseYear(facts.releaseDate)));
    const price = chip ? getChipPrice(chip.id) : null;
    if (!chip || !price) return null;
    const peak = peakFlops(chip, facts.hardware?.precision);
    const prior = utilizationPrior(context.settings);
    const utilization = facts.hardware?.utilization ?? prior.median;
    const chipHours = facts.costUsd / price.usdPerHour;
    const median = chipHours * 3600 * peak.flops * utilization;
    return {
      median,
      log10Sigma: quadrature(
        PRICE_SIGMA,
        facts.hardware?.utilization ? 0.04 : prior.log10Sigma,
        named ? 0 : 0.15,
      ),
      inputs: [
        factInput(facts, 'costUsd', facts.costUsd),
        named ? factInput(facts, 'hardware', named.name, 'chip') : priorInput('chip', chip.name),
        { name: 'usdPerChipHour', value: price.usdPerHour, source: 'config', url: price.sourceUrl },
        { name: 'peakFlops', value: peak.flops, source: 'config', url: chip.sourceUrl },
        facts.hardware?.utilization
          ? factInput(facts, 'hardware', utilization, 'utilization')
          : priorInput('utilization', utilization),
      ],
      reasoning: `$${facts.costUsd.toExponential(2)} ÷ $${price.usdPerHour}/chip-hour (${chip.name}, ${price.kind}${named ? '' : ', chip assumed from the release year'}) = ${chipHours.toExponential(2)} chip-hours × 3600 × ${peak.flops.toExponential(3)} FLOP/s × ${utilization} utilization = ${formatFlop(median)} FLOP`,
      scope: facts.baseModel ? 'run' : 'total',
    };
  },
});

/** True when two facts came from the same source (both with provenance). */
function sameSource(facts: EstimatorFacts, left: string, right: string): boolean {
  const a = facts.provenance?.[left]?.source;
  return a !== undefined && a === facts.provenance?.[right]?.source;
}
