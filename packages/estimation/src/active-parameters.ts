import type { EstimateInput } from '@tracker/schema';
import type { EstimatorFacts } from './estimator';
import { factInput, nameInput, priorInput } from './inputs';
import { findMoeFamily, formatCount, MOE_ACTIVE_SHARE_PRIOR, moeActiveShare, parseNameSize } from './names';

/** The parameter count that enters 6·N·D: active parameters for MoE, with its log10 uncertainty. */
export interface ResolvedParameters {
  value: number;
  log10Sigma: number;
  inputs: EstimateInput[];
  /** How N was obtained, for the reasoning. */
  text: string;
}

/**
 * N for 6·N·D, in order of preference: stated active parameters; active parameters in the name (`A22B`);
 * an `NxM` name (with the stated total when known); a stated total of a known MoE family (published active
 * share, or the generic size-dependent prior with a wide spread); a stated total of a dense model; a size in the name.
 */
export function resolveActiveParameters(facts: EstimatorFacts): ResolvedParameters | null {
  if (facts.activeParameters) {
    return {
      value: facts.activeParameters,
      log10Sigma: 0.03,
      inputs: [factInput(facts, 'activeParameters', facts.activeParameters)],
      text: `N = ${formatCount(facts.activeParameters)} active parameters (stated)`,
    };
  }
  const fromName = parseNameSize(facts.name, facts.parameters);
  const totalInputs = facts.parameters ? [factInput(facts, 'parameters', facts.parameters)] : [];
  if (fromName?.active !== undefined) {
    const isNxM = /x/i.test(fromName.matched);
    return {
      value: fromName.active,
      log10Sigma: isNxM ? 0.06 : 0.04,
      inputs: [...totalInputs, nameInput('activeParameters', fromName.active)],
      text: `N = ${formatCount(fromName.active)} active parameters from the name (${fromName.derivation})`,
    };
  }
  const total = facts.parameters ?? fromName?.total;
  if (total === undefined) return null;
  const inputs = facts.parameters ? totalInputs : [nameInput('parameters', total)];
  const family = findMoeFamily(facts.name);
  if (family) {
    if (family.activeShare !== undefined) {
      const value = total * family.activeShare;
      return {
        value,
        log10Sigma: 0.08,
        inputs: [
          ...inputs,
          priorInput('moeActiveShare', Number(family.activeShare.toFixed(4)), family.sourceUrl),
        ],
        text: `${family.family} is mixture-of-experts: N = ${formatCount(total)} total × ${family.activeShare.toFixed(3)} active share (published architecture) = ${formatCount(value)}`,
      };
    }
    const share = moeActiveShare(total);
    const value = total * share;
    return {
      value,
      log10Sigma: MOE_ACTIVE_SHARE_PRIOR.log10Sigma,
      inputs: [...inputs, priorInput('moeActiveShare', Number(share.toFixed(4)))],
      text: `${family.family} is a known mixture-of-experts family but only its total (${formatCount(total)}) is known: N = total × ${share.toFixed(3)} (generic prior: the active share of published MoEs of that size, 90% range ×/÷ 3), widened`,
    };
  }
  return {
    value: total,
    log10Sigma: facts.parameters ? 0.03 : 0.05,
    inputs,
    text: facts.parameters
      ? `N = ${formatCount(total)} parameters (dense)`
      : `N = ${formatCount(total)} parameters from the name (dense assumed)`,
  };
}
