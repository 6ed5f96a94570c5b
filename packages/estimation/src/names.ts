/**
 * Reading sizes out of model names, and what is known about mixture-of-experts (MoE) architectures.
 * Pure string rules: no compute figures live here.
 */

import { memoByString } from './memo';

/** Parameters read from a model name. */
export interface NameSize {
  /** Total parameters, when the name implies them. */
  total?: number;
  /** Active parameters per token, when the name states or implies them. */
  active?: number;
  /** The text matched, e.g. `8x22B`. */
  matched: string;
  /** How the numbers were derived. */
  derivation: string;
}

const UNIT: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/** Experts routed per token assumed for `NxM` names (Mixtral and GShard-style top-2 routing). */
export const DEFAULT_EXPERTS_PER_TOKEN = 2;
/**
 * Share of an `NxM` "expert model" that is shared (attention, embeddings) rather than expert FFN. Mixtral 8x7B
 * (46.7B total, 12.9B active) and 8x22B (141B total, 39B active) both give ≈ 0.2–0.24
 * (https://mistral.ai/news/mixtral-of-experts, https://mistral.ai/news/mixtral-8x22b).
 */
export const DEFAULT_SHARED_FRACTION = 0.2;

function toNumber(value: string, unit: string): number {
  return Number.parseFloat(value) * (UNIT[unit.toLowerCase()] ?? 1);
}

/**
 * Parameters from a name: `70B`, `1.5T`, `8x22B` (MoE: experts × expert size), `235B-A22B` / `A22B` / `-A37B`
 * (explicit active), `E4B`-style effective sizes are ignored. Returns null when the name carries no size.
 *
 * For `NxM` with a known total T, the shared part and expert size follow from M = shared + E and
 * T = shared + N·E: E = (T − M)/(N − 1), active = shared + k·E with k = 2 experts per token.
 * Without T, shared = 0.2·M (Mixtral's ratio), so T ≈ 0.2M + N·0.8M and active ≈ 1.8M.
 *
 * @example
 * parseNameSize('Mixtral 8x22B'); // { total: 1.43e11, active: 3.96e10, ... }
 */
/** {@link parseNameSize}, remembered per name and known total (shared results: callers must not mutate them). */
export function nameSizeOf(name: string, knownTotal?: number): NameSize | null {
  return knownTotal === undefined ? nameSizes(name) : nameSizesWithTotal(`${knownTotal} ${name}`);
}

const nameSizes = memoByString((name) => parseNameSize(name));
const nameSizesWithTotal = memoByString((key) => {
  const at = key.indexOf(' ');
  return parseNameSize(key.slice(at + 1), Number(key.slice(0, at)));
});

export function parseNameSize(name: string, knownTotal?: number): NameSize | null {
  const text = name.replace(/_/g, '-');
  const moe = /(?<![\w.])(\d{1,3})\s*[x×]\s*(\d+(?:\.\d+)?)\s*([bmt])(?![a-z])/i.exec(text);
  if (moe) {
    const experts = Number.parseInt(moe[1] as string, 10);
    const expertModel = toNumber(moe[2] as string, moe[3] as string);
    const k = Math.min(DEFAULT_EXPERTS_PER_TOKEN, experts);
    if (knownTotal !== undefined && experts > 1 && knownTotal > expertModel) {
      const expert = (knownTotal - expertModel) / (experts - 1);
      const shared = Math.max(0, expertModel - expert);
      return {
        total: knownTotal,
        active: shared + k * expert,
        matched: moe[0],
        derivation: `${moe[0]} with total ${formatCount(knownTotal)}: expert = (T − M)/(N − 1) = ${formatCount(expert)}, shared = ${formatCount(shared)}, active = shared + ${k}·expert`,
      };
    }
    const shared = DEFAULT_SHARED_FRACTION * expertModel;
    const expert = expertModel - shared;
    return {
      total: shared + experts * expert,
      active: shared + k * expert,
      matched: moe[0],
      derivation: `${moe[0]}: shared ${DEFAULT_SHARED_FRACTION}·M, total = shared + ${experts}·expert, active = shared + ${k}·expert (top-${k} routing assumed)`,
    };
  }
  const activeMatch = /(?:^|[^a-z0-9])(a(\d+(?:\.\d+)?)\s*([bm]))(?![a-z0-9])/i.exec(text);
  const activeStart = activeMatch ? activeMatch.index + activeMatch[0].indexOf(activeMatch[1] as string) : -1;
  const activeEnd = activeMatch ? activeStart + (activeMatch[1] as string).length : -1;
  const active = activeMatch ? toNumber(activeMatch[2] as string, activeMatch[3] as string) : undefined;
  const totalMatch = [...text.matchAll(/(?<![a-z0-9.])(\d+(?:\.\d+)?)\s*([bt])(?![a-z0-9])/gi)].find(
    (match) => match.index < activeStart || match.index >= activeEnd,
  );
  const total = totalMatch ? toNumber(totalMatch[1] as string, totalMatch[2] as string) : undefined;
  if (total === undefined && active === undefined) return null;
  const matched = [totalMatch?.[0], activeMatch?.[1]].filter(Boolean).join(' ').trim();
  const result: NameSize = {
    matched,
    derivation:
      active !== undefined ? 'active parameters stated in the name (A…B)' : 'size stated in the name',
  };
  if (total !== undefined) result.total = total;
  if (active !== undefined) result.active = active;
  return result;
}

/** A family of models known to use mixture-of-experts, with its published active share when known. */
export interface MoeFamily {
  /** Matches the model name (lower-cased). */
  pattern: RegExp;
  /** Family label. */
  family: string;
  /** Active ÷ total parameters of the published architecture, when the family's ratio is published. */
  activeShare?: number;
  /** Model card or paper stating the architecture. */
  sourceUrl: string;
}

/**
 * MoE architecture facts (active ÷ total), per family, from the developers' own papers and model cards. These are
 * architecture facts, like a chip's datasheet: no compute figure is stored. A family without `activeShare`
 * is known to be MoE but its split is not published: the generic prior below applies.
 */
export const MOE_FAMILIES: readonly MoeFamily[] = [
  {
    pattern: /deepseek[- ]?(v3|r1|v3\.\d)/,
    family: 'DeepSeek-V3',
    activeShare: 37 / 671,
    sourceUrl: 'https://arxiv.org/abs/2412.19437',
  },
  {
    pattern: /deepseek[- ]?(coder[- ]?)?v2(?!\.5-lite)/,
    family: 'DeepSeek-V2',
    activeShare: 21 / 236,
    sourceUrl: 'https://arxiv.org/abs/2405.04434',
  },
  {
    pattern: /kimi[- ]?k2/,
    family: 'Kimi K2',
    activeShare: 32 / 1000,
    sourceUrl: 'https://huggingface.co/moonshotai/Kimi-K2-Instruct',
  },
  {
    pattern: /glm[- ]?4\.[5-9](?!v)(?![- ]?air)/,
    family: 'GLM-4.5',
    activeShare: 32 / 355,
    sourceUrl: 'https://arxiv.org/abs/2508.06471',
  },
  {
    pattern: /glm[- ]?4\.5v|glm[- ]?4\.[5-9][- ]?air/,
    family: 'GLM-4.5-Air',
    activeShare: 12 / 106,
    sourceUrl: 'https://arxiv.org/abs/2508.06471',
  },
  {
    pattern: /minimax[- ]?(text|m1|m2|01)/,
    family: 'MiniMax',
    activeShare: 45.9 / 456,
    sourceUrl: 'https://arxiv.org/abs/2501.08313',
  },
  {
    pattern: /llama[- ]?4[- ]?maverick/,
    family: 'Llama 4 Maverick',
    activeShare: 17 / 400,
    sourceUrl: 'https://ai.meta.com/blog/llama-4-multimodal-intelligence/',
  },
  {
    pattern: /llama[- ]?4[- ]?scout/,
    family: 'Llama 4 Scout',
    activeShare: 17 / 109,
    sourceUrl: 'https://ai.meta.com/blog/llama-4-multimodal-intelligence/',
  },
  {
    pattern: /llama[- ]?4[- ]?behemoth/,
    family: 'Llama 4 Behemoth',
    activeShare: 288 / 2000,
    sourceUrl: 'https://ai.meta.com/blog/llama-4-multimodal-intelligence/',
  },
  {
    pattern: /hunyuan[- ]?large/,
    family: 'Hunyuan-Large',
    activeShare: 52 / 389,
    sourceUrl: 'https://arxiv.org/abs/2411.02265',
  },
  {
    pattern: /grok[- ]?1(?![.\d])/,
    family: 'Grok-1',
    activeShare: 0.25,
    sourceUrl: 'https://github.com/xai-org/grok-1',
  },
  {
    pattern: /dbrx/,
    family: 'DBRX',
    activeShare: 36 / 132,
    sourceUrl: 'https://www.databricks.com/blog/introducing-dbrx-new-state-art-open-llm',
  },
  {
    pattern: /arctic/,
    family: 'Snowflake Arctic',
    activeShare: 17 / 480,
    sourceUrl:
      'https://www.snowflake.com/en/blog/arctic-open-efficient-foundation-language-models-snowflake/',
  },
  {
    pattern: /ling[- ]?(1t|plus|max)/,
    family: 'Ling (large)',
    activeShare: 50 / 1000,
    sourceUrl: 'https://huggingface.co/inclusionAI/Ling-1T',
  },
  {
    pattern: /ling[- ]?(flash|lite)/,
    family: 'Ling (flash)',
    activeShare: 6.1 / 100,
    sourceUrl: 'https://huggingface.co/inclusionAI/Ling-flash-2.0',
  },
  {
    pattern: /dots\.?llm/,
    family: 'dots.llm1',
    activeShare: 14 / 142,
    sourceUrl: 'https://arxiv.org/abs/2506.05767',
  },
  {
    pattern: /qwen[- ]?\d(\.\d)?[- ]?(max|plus|turbo)/,
    family: 'Qwen (API MoE)',
    sourceUrl: 'https://qwenlm.github.io/blog/qwen2.5-max/',
  },
  {
    pattern: /mixtral|wu[- ]?dao|switch|glam|gshard|m6-t|moe/,
    family: 'MoE (named)',
    sourceUrl: 'https://arxiv.org/abs/2101.03961',
  },
  { pattern: /gpt-oss/, family: 'gpt-oss', sourceUrl: 'https://openai.com/index/introducing-gpt-oss/' },
  {
    pattern:
      /ernie[- ]?4\.5|pangu[- ]?pro[- ]?moe|step[- ]?3|k-exaone|solar[- ]?open|inkling|granite[- ]?4\.0[- ]?h/,
    family: 'MoE (published as MoE)',
    sourceUrl: 'https://epoch.ai/data/ai-models',
  },
];

/**
 * Generic prior for the active share of an MoE model whose split is unknown. Larger MoEs activate a smaller
 * share: a log-linear fit of log10(active ÷ total) on log10(total) over the published architectures (the
 * families above with a share, plus Mixtral 8x7B and 8x22B, Qwen3-235B-A22B and 30B-A3B, gpt-oss-120b and
 * 20b; 22 models from 21B to 2T total) gives 12% at 100B total with slope −0.25 per decade (30% at 3B, 7% at
 * 1T); residual spread 0.27 dex, so the 90% range stays ×/÷ 3.
 */
export const MOE_ACTIVE_SHARE_PRIOR = {
  /** Active share at {@link MOE_ACTIVE_SHARE_PRIOR.referenceTotal} total parameters. */
  median: 0.12,
  referenceTotal: 1e11,
  /** d log10(share) / d log10(total). */
  slope: -0.25,
  log10Sigma: Math.log10(3) / 1.6448536269514722,
} as const;

/** The prior median active share of an MoE with this many total parameters (see {@link MOE_ACTIVE_SHARE_PRIOR}). */
export function moeActiveShare(total: number): number {
  const { median, referenceTotal, slope } = MOE_ACTIVE_SHARE_PRIOR;
  return Math.min(0.5, median * (total / referenceTotal) ** slope);
}

/** The MoE family a name belongs to, or null. Distilled models (`DeepSeek-R1-Distill-Qwen-32B`) are dense. */
export function findMoeFamily(name: string): MoeFamily | null {
  return moeFamilies(name);
}

const moeFamilies = memoByString((name): MoeFamily | null => {
  const lower = name.toLowerCase();
  if (/distill/.test(lower)) return null;
  return MOE_FAMILIES.find((family) => family.pattern.test(lower)) ?? null;
});

/** `7.0e10` → `70B`. */
export function formatCount(value: number): string {
  if (value >= 1e12) return `${trim(value / 1e12)}T`;
  if (value >= 1e9) return `${trim(value / 1e9)}B`;
  if (value >= 1e6) return `${trim(value / 1e6)}M`;
  return trim(value);
}

function trim(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/** A FLOP figure as `3.80e25`. */
export function formatFlop(value: number): string {
  return value.toExponential(2);
}
