import { getChip, peakFlops } from '../chips';
import { defineEstimator } from '../define-estimator';
import type { EstimationSettings } from '../estimator';
import { factInput, priorInput, quadrature } from '../inputs';
import { formatFlop } from '../names';
import { Z90 } from '../probability';

/** log10 spread of the chip count × hours product as sources state it (rounded, partial restarts). */
const HARDWARE_SIGMA = 0.06;

/** Utilization prior as a log-normal: median and log10 sigma from the 90% range. */
export function utilizationPrior(settings: EstimationSettings): { median: number; log10Sigma: number } {
  const { median, low, high } = settings.utilizationPrior;
  return { median, log10Sigma: Math.log10(high / low) / (2 * Z90) };
}

/**
 * chips × peak FLOP/s (chip, precision) × hours × 3600 × utilization. Utilization is the reported MFU when
 * known, else the prior (30%, 90% range 20–50% for language models).
 */
export const hardwareTimeEstimator = defineEstimator({
  id: 'hardware-time',
  description: 'chips × peak FLOP/s × hours × 3600 × utilization',
  priority: 30,
  kind: 'direct',
  // Against Epoch AI's figures, where both apply hardware × time is within ×2 for 84% of models and 6·N·D for
  // 65%; on the disagreements beyond ×3, hardware × time was the right one about 3 times in 4.
  prevailsOver: [
    {
      method: 'operation-count',
      reason:
        'chips × hours measure the run itself; the token count may be a dataset size without its epochs',
    },
  ],
  monotonic: ['hardware.count', 'hardware.hours', 'hardware.utilization'],
  estimate(facts, context) {
    const hardware = facts.hardware;
    if (!hardware?.chip || !hardware.count || !hardware.hours) return null;
    const chip = getChip(hardware.chip);
    if (!chip) return null;
    const peak = peakFlops(chip, hardware.precision);
    const prior = utilizationPrior(context.settings);
    const utilization = hardware.utilization ?? prior.median;
    const utilizationSigma = hardware.utilization ? 0.04 : prior.log10Sigma;
    const median = hardware.count * peak.flops * hardware.hours * 3600 * utilization;
    return {
      median,
      log10Sigma: quadrature(HARDWARE_SIGMA, utilizationSigma),
      inputs: [
        factInput(facts, 'hardware', hardware.chip, 'chip'),
        { name: 'peakFlops', value: peak.flops, source: 'config', url: chip.sourceUrl },
        factInput(facts, 'hardware', hardware.count, 'chipCount'),
        factInput(facts, 'hardware', hardware.hours, 'hours'),
        hardware.utilization
          ? factInput(facts, 'hardware', utilization, 'utilization')
          : priorInput('utilization', utilization),
      ],
      reasoning: `${hardware.count} × ${chip.name} at ${peak.flops.toExponential(3)} FLOP/s (${peak.precision}, dense) × ${hardware.hours} h × 3600 s/h × ${utilization} utilization (${hardware.utilization ? 'reported' : `prior, 90% range ${context.settings.utilizationPrior.low}–${context.settings.utilizationPrior.high}`}) = ${formatFlop(median)} FLOP`,
      scope: facts.baseModel ? 'run' : 'total',
    };
  },
});
