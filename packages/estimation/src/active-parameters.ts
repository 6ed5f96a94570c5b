import type { EstimateInput } from '@tracker/schema';
import type { EstimatorFacts } from './estimator';
import { factInput, nameInput, priorInput, quadrature, releaseYear } from './inputs';
import { findMoeFamily, formatCount, MOE_ACTIVE_SHARE_PRIOR, moeActiveShare, nameSizeOf } from './names';

/** The parameter count that enters 6·N·D: active parameters for MoE, with its log10 uncertainty. */
export interface ResolvedParameters {
  value: number;
  log10Sigma: number;
  inputs: EstimateInput[];
  /** How N was obtained, for the reasoning. */
  text: string;
}

/**
 * From this release year a model with at least {@link LIKELY_MOE_MIN_TOTAL} total parameters and no known
 * architecture is taken as mixture-of-experts. Of the models in Epoch AI's data released from 2025 with
 * ≥ 200B total parameters, all but a handful are MoE; the dense exceptions are fine-tunes of a dense base
 * (Tulu 3 405B, Llama Nemotron Ultra), so a model with a named base is left dense.
 */
export const LIKELY_MOE_FROM_YEAR = 2025;
export const LIKELY_MOE_MIN_TOTAL = 2e11;
/**
 * A total of at least this many parameters taken as dense is flagged in the reasoning: the largest dense language
 * models trained (PaLM 540B, Megatron-Turing NLG 530B) are about this size; beyond it nearly all are MoE.
 */
export const DENSE_WARNING_TOTAL = 5e11;
/** Extra log10 spread for the chance that such a model is dense after all. */
const LIKELY_MOE_EXTRA_SIGMA = 0.15;

/**
 * N for 6·N·D, in order of preference: stated active parameters; active parameters in the name (`A22B`);
 * an `NxM` name (with the stated total when known); a stated total of a known MoE family (published active
 * share, or the generic size-dependent prior with a wide spread); a stated total of 200B or more released from
 * 2025 without a base model (most likely MoE: the generic prior, widened); a stated total of a dense model; a size
 * in the name.
 */
export function resolveActiveParameters(
  facts: EstimatorFacts,
  knownMoe?: KnownMoe | null,
): ResolvedParameters | null {
  if (facts.activeParameters) {
    return {
      value: facts.activeParameters,
      log10Sigma: 0.03,
      inputs: [factInput(facts, 'activeParameters', facts.activeParameters)],
      text: `N = ${formatCount(facts.activeParameters)} active parameters (stated)`,
    };
  }
  const fromName = nameSizeOf(facts.name, facts.parameters);
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
  if (knownMoe) {
    const value = total * knownMoe.activeShare;
    return {
      value,
      log10Sigma: knownMoe.log10Sigma ?? 0.08,
      inputs: [...inputs, priorInput('moeActiveShare', Number(knownMoe.activeShare.toFixed(4)))],
      text: `${knownMoe.text}: N = ${formatCount(total)} total × ${knownMoe.activeShare.toFixed(3)} active share = ${formatCount(value)}`,
    };
  }
  const year = releaseYear(facts.releaseDate);
  if (!facts.baseModel && year !== null && year >= LIKELY_MOE_FROM_YEAR && total >= LIKELY_MOE_MIN_TOTAL) {
    const share = moeActiveShare(total);
    const value = total * share;
    return {
      value,
      log10Sigma: quadrature(MOE_ACTIVE_SHARE_PRIOR.log10Sigma, LIKELY_MOE_EXTRA_SIGMA),
      inputs: [...inputs, priorInput('moeActiveShare', Number(share.toFixed(4)))],
      text: `architecture unknown, but released from ${LIKELY_MOE_FROM_YEAR} with ${formatCount(total)} ≥ ${formatCount(LIKELY_MOE_MIN_TOTAL)} total parameters, so most likely mixture-of-experts: N = total × ${share.toFixed(3)} (generic prior, widened for the dense chance)`,
    };
  }
  const warning =
    total >= DENSE_WARNING_TOTAL
      ? `; counted as dense, but a model of ${formatCount(total)} total may be a mixture of experts: if it is, 6·N·D overstates compute by total ÷ active`
      : '';
  return {
    value: total,
    log10Sigma: facts.parameters ? 0.03 : 0.05,
    inputs,
    text: facts.parameters
      ? `N = ${formatCount(total)} parameters (dense)${warning}`
      : `N = ${formatCount(total)} parameters from the name (dense assumed)${warning}`,
  };
}

/** A mixture-of-experts split learnt from the data: models of the same developer and total with a stated active count. */
export interface KnownMoe {
  activeShare: number;
  /** log10 spread of the share (default 0.08: a split learnt from the developer's models of that size). */
  log10Sigma?: number;
  /** Where it came from, for the reasoning. */
  text: string;
}

type MoeCandidate = { name: string; developer?: string; parameters?: number; activeParameters?: number };

/** A member list sorted by total parameters, with each member's position (built once per list). */
const byTotal = new WeakMap<readonly MoeCandidate[], { totals: number[]; positions: number[] }>();

/**
 * The members whose total is within a factor 1.2 of `total` (a superset of the 10% the caller tests), in list
 * order: a binary search in the list sorted once, instead of a scan of every member per model (quadratic).
 */
export function membersNear<Member extends MoeCandidate>(
  members: readonly Member[],
  total: number,
): Member[] {
  let index = byTotal.get(members);
  if (!index) {
    const order = members
      .map((member, position) => ({ total: member.parameters ?? Number.NaN, position }))
      .filter((entry) => entry.total > 0)
      .sort((left, right) => left.total - right.total || left.position - right.position);
    index = { totals: order.map((entry) => entry.total), positions: order.map((entry) => entry.position) };
    byTotal.set(members, index);
  }
  const { totals, positions } = index;
  let low = 0;
  let high = totals.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((totals[middle] as number) < total / 1.2) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let at = low; at < totals.length && (totals[at] as number) <= total * 1.2; at++)
    found.push(positions[at] as number);
  return found.sort((left, right) => left - right).map((position) => members[position] as Member);
}

/**
 * The active share of the developer's own models of (within 10%) the same total size that state fewer active
 * than total parameters (e.g. a post-train of a 671B MoE inherits its 37B active), or null. Learnt from the
 * data, not from a list: the family is MoE because its known members are.
 */
export function knownMoeFromData(
  members: readonly { name: string; developer?: string; parameters?: number; activeParameters?: number }[],
  developer: string | null,
  total: number,
  developerOf: (name: string | undefined) => string | null,
): KnownMoe | null {
  if (!developer) return null;
  const matches = membersNear(members, total).filter(
    (member) =>
      member.parameters !== undefined &&
      member.activeParameters !== undefined &&
      member.activeParameters < 0.9 * member.parameters &&
      Math.abs(Math.log10(member.parameters / total)) < Math.log10(1.1) &&
      developerOf(member.developer) === developer,
  );
  if (matches.length === 0) return null;
  const shares = matches
    .map((member) => (member.activeParameters as number) / (member.parameters as number))
    .sort((left, right) => left - right);
  const share = shares[Math.floor(shares.length / 2)] as number;
  const names = matches
    .slice(0, 3)
    .map((member) => member.name)
    .join(', ');
  return {
    activeShare: share,
    text: `mixture-of-experts by its developer's own models of this size (${names}${matches.length > 3 ? ` and ${matches.length - 3} more` : ''} state active < total)`,
  };
}
