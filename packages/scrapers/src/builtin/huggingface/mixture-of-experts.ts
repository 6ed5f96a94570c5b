import { isJsonObject } from '../kit';

/** What the active-parameter formula needs from a mixture-of-experts `config.json`. */
export interface MixtureOfExpertsConfig {
  /** Routed experts per MoE layer (`num_local_experts`, `num_experts`, `n_routed_experts`, `moe_num_experts`). */
  experts: number;
  /** Routed experts used per token (`num_experts_per_tok`, `experts_per_token`, `num_selected_experts`). */
  activeExperts: number;
  /** Shared experts, always active (`n_shared_experts`); informational, they do not change the formula. */
  sharedExperts: number;
  /** Model width (`hidden_size`, `d_model`). */
  hiddenSize: number;
  /** Inner width of one routed expert (`moe_intermediate_size`, else `intermediate_size`). */
  expertIntermediateSize: number;
  /** Number of layers (`num_hidden_layers`). */
  layers: number;
  /** Layers that hold routed experts (dense layers such as DeepSeek's first three are excluded). */
  moeLayers: number;
  /** Vocabulary size, when given. */
  vocabularySize?: number;
}

/**
 * Weight matrices per expert: gate, up and down projections of a SwiGLU feed-forward block, the design of every
 * open MoE family we read (Mixtral, DeepSeek, Qwen, Llama 4, gpt-oss, GLM, Kimi).
 */
const MATRICES_PER_EXPERT = 3;

function firstNumber(
  sources: readonly Record<string, unknown>[],
  keys: readonly string[],
): number | undefined {
  for (const source of sources) {
    for (const key of keys) {
      const value = source[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    }
  }
  return undefined;
}

function countMoeLayers(sources: readonly Record<string, unknown>[], layers: number): number {
  const denseFirst = firstNumber(sources, ['first_k_dense_replace']) ?? 0;
  const frequency = Math.max(1, firstNumber(sources, ['moe_layer_freq']) ?? 1);
  // Qwen MoE: a layer is sparse when (index + 1) % decoder_sparse_step == 0 and it is not in mlp_only_layers.
  // Llama 4: every interleave_moe_layer_step-th layer is sparse, counted the same way.
  const step = Math.max(1, firstNumber(sources, ['decoder_sparse_step', 'interleave_moe_layer_step']) ?? 1);
  const denseList = sources.map((source) => source.mlp_only_layers).find(Array.isArray) ?? [];
  let count = 0;
  for (let index = 0; index < layers; index += 1) {
    if (index < denseFirst) continue;
    if ((index - denseFirst) % frequency !== 0) continue;
    if ((index + 1) % step !== 0) continue;
    if (denseList.includes(index)) continue;
    count += 1;
  }
  return count;
}

/**
 * Reads the mixture-of-experts fields of a model's `config.json` (also inside `text_config` for multimodal
 * models). Returns `undefined` for a dense model or a config missing any field the formula needs.
 */
export function readMixtureOfExpertsConfig(config: unknown): MixtureOfExpertsConfig | undefined {
  if (!isJsonObject(config)) return undefined;
  const sources = [config, ...(isJsonObject(config.text_config) ? [config.text_config] : [])];
  const experts = firstNumber(sources, [
    'num_local_experts',
    'num_experts',
    'n_routed_experts',
    'moe_num_experts',
  ]);
  const activeExperts = firstNumber(sources, [
    'num_experts_per_tok',
    'experts_per_token',
    'num_selected_experts',
  ]);
  const hiddenSize = firstNumber(sources, ['hidden_size', 'd_model']);
  const expertIntermediateSize = firstNumber(sources, ['moe_intermediate_size', 'intermediate_size']);
  const layers = firstNumber(sources, ['num_hidden_layers', 'num_layers', 'n_layer']);
  if (
    experts === undefined ||
    activeExperts === undefined ||
    hiddenSize === undefined ||
    expertIntermediateSize === undefined ||
    layers === undefined ||
    experts <= 1 ||
    activeExperts < 1 ||
    activeExperts >= experts
  ) {
    return undefined;
  }
  const vocabularySize = firstNumber(sources, ['vocab_size']);
  return {
    experts,
    activeExperts,
    sharedExperts: firstNumber(sources, ['n_shared_experts', 'num_shared_experts']) ?? 0,
    hiddenSize,
    expertIntermediateSize,
    layers,
    moeLayers: countMoeLayers(sources, layers),
    ...(vocabularySize === undefined ? {} : { vocabularySize }),
  };
}

/**
 * Active parameters of a mixture-of-experts model:
 *
 *   active = total − (experts − activeExperts) × 3 × hiddenSize × expertIntermediateSize × moeLayers
 *
 * i.e. the total minus the weights of the routed experts a token does not use. Shared experts, attention,
 * embeddings and dense layers are all active, so they stay in. `total` should be the exact count
 * (`safetensors.total`). Checked against published figures: Mixtral-8x7B 46.7B → 12.9B, DeepSeek-V3 671B → 37B
 * (DeepSeek's 671B excludes the 14B multi-token-prediction module; the repo's safetensors total includes it, so
 * the figure computed from it is about 3B higher), Qwen3-235B-A22B 235B → 22B. Returns `undefined` when the
 * result would not be positive (a config that does not match the total).
 */
export function computeActiveParameters(total: number, config: MixtureOfExpertsConfig): number | undefined {
  const inactive =
    (config.experts - config.activeExperts) *
    MATRICES_PER_EXPERT *
    config.hiddenSize *
    config.expertIntermediateSize *
    config.moeLayers;
  const active = total - inactive;
  return active > 0 && active < total ? active : undefined;
}

const MOE_MODEL_TYPE =
  /moe|mixtral|deepseek_v[23]|kimi|llama4|gpt_oss|dbrx|jamba|arctic|minimax|grok|hunyuan|step3/i;
const MOE_ARCHITECTURE =
  /moe|mixtral|deepseekv[23]|kimi|llama4|gptoss|dbrx|jamba|arctic|minimax|grok|hunyuan|step3/i;

/**
 * Whether a Hub model JSON's `config` (`model_type`, `architectures`) names a mixture-of-experts family, i.e.
 * whether its `config.json` is worth fetching to compute active parameters.
 */
export function isMixtureOfExpertsModel(model: unknown): boolean {
  if (!isJsonObject(model) || !isJsonObject(model.config)) return false;
  const modelType = typeof model.config.model_type === 'string' ? model.config.model_type : '';
  const architectures = Array.isArray(model.config.architectures) ? model.config.architectures : [];
  return (
    MOE_MODEL_TYPE.test(modelType) ||
    architectures.some(
      (architecture) => typeof architecture === 'string' && MOE_ARCHITECTURE.test(architecture),
    )
  );
}

/** Hybrid models (Mamba/SSM, linear attention) have layers the formula of {@link countConfigParameters} does not know. */
const NON_ATTENTION_KEY =
  /mamba|ssm|linear_|hybrid|block_type|attn_layer|full_attention_interval|conv_kernel|rwkv/i;

function hasNonAttentionLayers(source: Record<string, unknown>): boolean {
  if (Object.keys(source).some((key) => NON_ATTENTION_KEY.test(key))) return true;
  const layerTypes = source.layer_types;
  return (
    Array.isArray(layerTypes) &&
    layerTypes.some((type) => type !== 'full_attention' && type !== 'sliding_attention')
  );
}

/** Numbers of a config: the top level and, for multimodal models, `text_config`. */
function configSources(config: Record<string, unknown>): Record<string, unknown>[] {
  return [config, ...(isJsonObject(config.text_config) ? [config.text_config] : [])];
}

/**
 * The parameter count a `config.json` implies for a decoder-only transformer: embeddings (twice unless
 * `tie_word_embeddings`), per layer attention (grouped-query, or DeepSeek's multi-head latent attention when
 * `kv_lora_rank` is set) and norms, dense feed-forward layers (3 × hidden × `intermediate_size`), and for
 * mixture-of-experts layers every routed and shared expert plus the router. Biases and small norms inside
 * attention are left out (well under 0.1%). Returns `undefined` when a needed field is missing, and for
 * configs with a vision or audio tower (`vision_config`, `audio_config`), whose weights it does not count.
 * Qwen3-235B-A22B → 235.1B, Mixtral-8x7B → 46.70B (safetensors: 46.70B).
 */
export function countConfigParameters(config: unknown): number | undefined {
  if (!isJsonObject(config) || 'vision_config' in config || 'audio_config' in config) return undefined;
  const sources = configSources(config);
  if (sources.some(hasNonAttentionLayers)) return undefined;
  const hidden = firstNumber(sources, ['hidden_size', 'd_model']);
  const layers = firstNumber(sources, ['num_hidden_layers', 'num_layers', 'n_layer']);
  const heads = firstNumber(sources, ['num_attention_heads', 'n_head']);
  const vocabulary = firstNumber(sources, ['vocab_size']);
  if (!hidden || !layers || !heads || !vocabulary) return undefined;
  const tied = sources.some((source) => source.tie_word_embeddings === true);
  const embeddings = vocabulary * hidden * (tied ? 1 : 2);
  let attention: number;
  const kvLoraRank = firstNumber(sources, ['kv_lora_rank']);
  if (kvLoraRank) {
    const qLoraRank = firstNumber(sources, ['q_lora_rank']);
    const nope = firstNumber(sources, ['qk_nope_head_dim']);
    const rope = firstNumber(sources, ['qk_rope_head_dim']);
    const valueDim = firstNumber(sources, ['v_head_dim']);
    if (nope === undefined || rope === undefined || valueDim === undefined) return undefined;
    const queryDim = heads * (nope + rope);
    const query = qLoraRank ? hidden * qLoraRank + qLoraRank + qLoraRank * queryDim : hidden * queryDim;
    const keyValue = hidden * (kvLoraRank + rope) + kvLoraRank + kvLoraRank * heads * (nope + valueDim);
    attention = query + keyValue + heads * valueDim * hidden;
  } else {
    const keyValueHeads = firstNumber(sources, ['num_key_value_heads']) ?? heads;
    const headDim = firstNumber(sources, ['head_dim']) ?? hidden / heads;
    attention = 2 * hidden * heads * headDim + 2 * hidden * keyValueHeads * headDim;
  }
  const moe = readMixtureOfExpertsConfig(config);
  const moeLayers = moe?.moeLayers ?? 0;
  let feedForward = 0;
  if (layers > moeLayers) {
    const intermediate = firstNumber(sources, ['intermediate_size', 'ffn_dim', 'n_inner']);
    if (!intermediate) return undefined;
    feedForward += (layers - moeLayers) * MATRICES_PER_EXPERT * hidden * intermediate;
  }
  if (moe) {
    const sharedSize =
      firstNumber(sources, ['shared_expert_intermediate_size']) ??
      moe.expertIntermediateSize * Math.max(1, moe.sharedExperts);
    const shared =
      moe.sharedExperts > 0 || firstNumber(sources, ['shared_expert_intermediate_size']) ? sharedSize : 0;
    const perLayer =
      moe.experts * MATRICES_PER_EXPERT * hidden * moe.expertIntermediateSize +
      MATRICES_PER_EXPERT * hidden * shared +
      hidden * moe.experts;
    feedForward += moeLayers * perLayer;
  }
  const norms = layers * 2 * hidden + hidden;
  return embeddings + layers * attention + feedForward + norms;
}
