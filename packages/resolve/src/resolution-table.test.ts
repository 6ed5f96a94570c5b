import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ModelIdSchema } from '@tracker/schema';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createResolver, type ResolveHints } from './resolver';

/*
 * The name-resolution table: real spellings from the recorded payloads that must meet, and real neighbours that
 * must stay apart. Sources (under ../shared):
 *   OR   fixtures/openrouter/api_v1_models_2026-05.json (`id` or `name`; `hugging_face_id` as hint)
 *   AR25 fixtures/lmarena/hf-space-derived_lmarena_text_2025-08-04.csv (`model`, `organization`)
 *   AR26 fixtures/lmarena/site-table_lmarena-leaderboard-text_2026-02-03.csv (`Model`, `Organization`)
 *   AA   fixtures/artificial-analysis/site-table_leaderboards-models_2026-03-30.csv (`Model`, `Creator`)
 *   LB   fixtures/livebench/table_2026_01_08.csv (`model`); LBS fixtures/livebench/site-table_livebench_2026-03-24.csv
 *   OLM  fixtures/openlm-arena/openlm-derived_chatbot_arena_leaderboard_with_cost_2026-08-22.csv (`Model`)
 *   HF   fixtures/huggingface-hub/api_models_*.json (`id`)
 *   EP   reference/epoch/over_1e25.csv, over_1e25_unquantified.csv, all_ai_models_2026-03-30.csv (`model`/`Model`)
 *   DES  DESIGN.md §4 (spellings named in the design)
 */

type Spelling = string | readonly [string, ResolveHints];

/** [left, right, where each comes from]. */
const MUST_MEET: readonly (readonly [Spelling, Spelling, string])[] = [
  ['claude-3-5-sonnet-20240620', 'Claude 3.5 Sonnet', 'AR26 / EP'],
  ['Claude 3.5 Sonnet (20240620)', 'Claude 3.5 Sonnet', 'AR25 / EP'],
  ['anthropic/claude-3.5-sonnet', 'claude-3.5-sonnet', 'DES'],
  ['Claude 3.5 Sonnet (20241022)', 'claude-3-5-sonnet-20241022', 'AR25 / AR26'],
  ['Claude 3.7 Sonnet (thinking-32k)', 'Claude 3.7 Sonnet', 'AR25 / EP'],
  ['claude-3-7-sonnet-20250219-thinking-32k', 'Claude 3.7 Sonnet', 'AR26 / EP'],
  ['Claude 4.1 Opus', 'anthropic/claude-opus-4.1', 'AA / OR'],
  ['claude-opus-4-1-20250805-thinking-16k', 'Claude Opus 4.1', 'AR26 / EP'],
  ['Claude 4.5 Opus Thinking High Effort', 'Claude Opus 4.5', 'LBS / EP'],
  ['claude-opus-4-5-20251101-thinking-64k-high-effort', 'anthropic/claude-opus-4.5', 'LB / OR'],
  ['Claude Opus 4 (thinking-16k)', 'Claude Opus 4', 'AR25 / EP'],
  ['Claude 4 Sonnet', 'anthropic/claude-sonnet-4', 'AA / OR'],
  ['Anthropic: Claude Opus 4.7 (Fast)', 'anthropic/claude-opus-4.7', 'OR / OR'],
  ['claude-haiku-4-5-20251001', 'Claude 4.5 Haiku', 'AR26 / AA'],
  ['GPT-4.5-Preview', 'GPT-4.5', 'AR25 / EP'],
  ['gpt-4.5-preview-2025-02-27', 'GPT-4.5 (Preview)', 'AR26 / AA'],
  ['GPT-4.1-2025-04-14', 'openai/gpt-4.1', 'AR25 / OR'],
  ['GPT-4o-2024-05-13', 'openai/gpt-4o', 'AR25 / OR'],
  ['chatgpt-4o-latest-20250326', 'OpenAI: GPT-4o', 'AR26 / OR'],
  ['ChatGPT-4o-latest (2024-11-20)', 'GPT-4o (Nov 2024)', 'AR25 / EP'],
  ['openai/gpt-4o-2024-11-20', 'GPT-4o (Nov)', 'OR / AA'],
  ['ChatGPT-4o-latest (2025-01-29)', 'GPT-4o (Jan 2025)', 'AR25 / EP'],
  ['gpt-4-1106-preview', 'GPT-4 Turbo (Nov 2023)', 'AR26 / EP'],
  ['OpenAI: GPT-4 Turbo (older v1106)', 'GPT-4-1106-preview', 'OR / AR25'],
  ['GPT-4-Turbo-2024-04-09', 'GPT-4 Turbo (Apr 2024)', 'AR25 / EP'],
  ['GPT-4-0613', 'openai/gpt-4', 'AR25 / OR'],
  ['o1-2024-12-17', 'openai/o1', 'AR25 / OR'],
  ['o3-mini-high', 'openai/o3-mini', 'AR25 / OR'],
  ['gpt-5.1-high', 'GPT-5.1', 'AR26 / EP'],
  ['GPT-5.1 (high)', 'gpt-5.1-2025-11-13-nothinking', 'AA / LB'],
  ['openai/gpt-5.1-chat', 'GPT-5.1 Instant', 'OR / EP'],
  ['gpt-5.4-mini-medium', 'GPT-5.4 mini (xhigh)', 'LB / AA'],
  ['Gemini-2.5-Pro-Preview-05-06', 'Gemini 2.5 Pro (May 2025)', 'AR25 / EP'],
  ['Gemini 2.5 Pro (Mar)', 'Gemini 2.5 Pro (Mar 2025)', 'AA / EP'],
  ['Gemini-2.5-Pro', 'Gemini 2.5 Pro (Jun 2025)', 'AR25 / EP'],
  ['gemini-3-pro', 'Gemini 3 Pro', 'AR26 / EP'],
  ['gemini-3-pro-preview-11-2025-high', 'Gemini 3 Pro Preview (high)', 'LB / AA'],
  ['Gemini-2.0-Pro-Exp-02-05', 'Gemini 2.0 Pro', 'AR25 / EP'],
  ['Gemini-1.0-Pro-001', 'Gemini 1.0 Pro', 'AR25 / EP'],
  ['Gemini Pro', 'Gemini 1.0 Pro', 'AR25 / EP'],
  ['Gemini-2.0-Flash-Thinking-Exp-01-21', 'Gemini 2.0 Flash Thinking', 'AR25 / EP'],
  ['Meta-Llama-3.1-405B-Instruct-bf16', 'Llama 3.1-405B', 'AR25 / EP'],
  ['llama-3.1-405b-instruct-fp8', 'Llama 3.1 405B', 'AR26 / AA'],
  ['meta-llama/Llama-3.3-70B-Instruct', 'Llama 3.3 70B', 'HF / AA'],
  ['meta-llama/llama-3.3-70b-instruct:free', 'Llama-3.3-70B-Instruct', 'OR / AR25'],
  ['meta-llama/Meta-Llama-3-70B-Instruct', 'Llama 3-70B', 'HF / EP'],
  ['Llama-4-Maverick-17B-128E-Instruct', 'meta-llama/llama-4-maverick', 'AR25 / OR'],
  ['Grok-2-08-13', 'Grok-2', 'AR25 / EP'],
  ['grok-2-2024-08-13', 'Grok 2', 'AR26 / AA'],
  ['Grok-3-Preview-02-24', 'Grok 3', 'AR25 / EP'],
  ['Grok-4-0709', 'Grok 4', 'AR25 / EP'],
  ['grok-4-1-fast-reasoning', 'Grok 4.1 Fast', 'AR26 / AA'],
  ['Mistral-Large-2407', 'Mistral Large 2', 'AR25 / EP'],
  ['Mistral Large 2 (Nov)', 'mistral-large-2411', 'AA / AR26'],
  ['Mistral-Large-2402', 'Mistral Large', 'AR25 / EP'],
  ['mistralai/mistral-small-3.1-24b-instruct', 'Mistral-Small-3.1-24B-Instruct-2503', 'OR / AR25'],
  ['Mistral-Small-2506', 'Mistral Small 3.2', 'AR25 / AA'],
  ['mistral-medium-2505', 'Mistral Medium 3', 'AR26 / EP'],
  ['Mixtral-8x22b-Instruct-v0.1', 'mistralai/mixtral-8x22b-instruct', 'AR25 / OR'],
  ['Mistral: Saba', 'Mistral Saba', 'OR / AA'],
  ['DeepSeek-V3-0324', 'DeepSeek-V3 (Mar 2025)', 'AR25 / EP'],
  ['deepseek/deepseek-chat-v3-0324', 'DeepSeek V3 0324', 'OR / AA'],
  [['deepseek/deepseek-chat', { huggingFaceId: 'deepseek-ai/DeepSeek-V3' }], 'DeepSeek-V3', 'OR / EP'],
  ['DeepSeek-R1-0528', 'DeepSeek-R1 (May 2025)', 'AR25 / EP'],
  ['DeepSeek: R1', 'DeepSeek-R1', 'OR / AR25'],
  ['DeepSeek: R1 Distill Llama 70B', 'DeepSeek R1 Distill Llama 70B', 'OR / AA'],
  ['deepseek-v3.1-terminus-thinking', 'DeepSeek V3.1 Terminus', 'AR26 / AA'],
  ['Qwen3-235B-A22B-no-thinking', 'Qwen3-235B-A22B', 'AR25 / EP'],
  ['Qwen3 235B', 'qwen/qwen3-235b-a22b', 'AA / OR'],
  ['Qwen3-235B-A22B-Instruct-2507', 'Qwen3-235B-A22B (Jul 2025)', 'AR25 / EP'],
  ['qwen/qwen3-235b-a22b-2507', 'Qwen3 235B A22B 2507', 'OR / AA'],
  ['qwen3-max-preview', 'Qwen3-Max', 'AR26 / EP'],
  ['qwen3-max-2025-09-23', 'qwen/qwen3-max', 'AR26 / OR'],
  ['Qwen2.5-72B-Instruct', 'Qwen2.5 Instruct (72B)', 'AR25 / EP'],
  ['qwen/qwen-2.5-72b-instruct', 'Qwen2.5-72B', 'OR / EP'],
  ['GLM-4-0116', 'GLM-4 (0116)', 'AR25 / EP'],
  ['GLM-4-Plus-0111', 'GLM-4-Plus', 'AR25 / AR25'],
  ['z-ai/glm-4.5', 'GLM-4.5', 'OR / EP'],
  ['Z.ai: GLM 4.6', 'glm-4.6', 'OR / LB'],
  ['kimi-k2-0711-preview', 'Kimi K2', 'AR25 / EP'],
  ['kimi-k2-0905-preview', 'MoonshotAI: Kimi K2 0905', 'AR26 / OR'],
  ['kimi-k2.5-thinking', 'Kimi K2.5', 'AR26 / EP'],
  ['Nemotron-4-340B-Instruct', 'Nemotron-4 340B', 'AR25 / DES'],
  ['Llama-3.1-Nemotron-Ultra-253B-v1', 'Llama Nemotron Ultra 253B', 'AR25 / EP'],
  ['nvidia/Llama-3_3-Nemotron-Super-49B-v1.5', 'Nvidia-Llama-3.3-Nemotron-Super-49B-v1.5', 'AR25 url / AR25'],
  ['Amazon Nova Pro 1.0', 'Amazon Nova Pro', 'AR25 / EP'],
  ['amazon/nova-pro-v1', 'Nova Pro', 'OR / AA'],
  ['Command R+ (08-2024)', 'cohere/command-r-plus-08-2024', 'AR25 / OR'],
  ['c4ai-aya-expanse-32b', 'Aya-Expanse-32B', 'AR26 / AR25'],
  ['DBRX-Instruct-Preview', 'DBRX', 'AR25 / EP'],
  ['MiniMax-M1-40k', 'Minimax-M1', 'EP / AR25'],
  ['minimax-m2.1-preview', 'minimax/minimax-m2.1', 'AR26 / OR'],
  ['Hunyuan-Large-2025-02-10', 'Hunyuan-Large', 'AR25 / EP'],
  ['Reka-Core-20240904', 'Reka Core', 'AR25 / EP'],
  ['Jamba-1.5-Large', 'Jamba 1.5-Large', 'AR25 / EP'],
  ['Gemma-3-27B-it', 'Gemma 3 27B', 'AR25 / EP'],
  ['google/gemma-4-31b-it:free', 'gemma-4-31b-it', 'OR / LB'],
  ['ERNIE 4.5 300B A47B', 'ERNIE-4.5-300B-A47B', 'AA / EP'],
  ['step-2-16k-exp-202412', 'Step-2-16K-Exp', 'AR26 / AR25'],
  ['Qwen: Qwen3 Coder 480B A35B', 'Qwen3-Coder-480B-A35B-Instruct', 'OR / AR25'],
  ['claude opus 4.1', 'Claude Opus 4.1', 'OLM / EP'],
  ['Phi-3-Mini-4K-Instruct-June-24', 'phi-3-mini-4k-instruct-june-24', 'AR25 / OLM'],
  ['Qwen3 Coder 480B', 'qwen/qwen3-coder', 'AA / OR'],
  ['NVIDIA Nemotron 3 Super', 'nvidia/nemotron-3-super-120b-a12b', 'AA / OR'],
  ['Nemotron 3 Ultra', 'nemotron-3-ultra-550b-a55b', 'EP / LB'],
  ['Llama Nemotron Super 49B v1.5', 'NVIDIA: Llama 3.3 Nemotron Super 49B V1.5', 'AA / OR'],
  ['DeepSeek-Coder-V2 236B', 'DeepSeek-Coder-V2-Instruct', 'EP / AR25'],
  // OpenRouter gives its id as `sourceModelId`: the owner of a repo-style id is an owner even when unknown.
  [
    'Cogito v2.1',
    ['deepcogito/cogito-v2.1-671b', { sourceModelId: 'deepcogito/cogito-v2.1-671b' }],
    'AA / OR',
  ],
  ['Pixtral Large', 'mistralai/pixtral-large-2411', 'AA / OR'],
  ['Devstral 2', 'mistralai/devstral-2512', 'AA / OR'],
  ['AI21: Jamba Large 1.7', 'Jamba 1.7 Large', 'OR / AA'],
  ['Qwen3 30B', 'Qwen3-30B-A3B', 'AA / AR25'],
];

const MUST_STAY_APART: readonly (readonly [Spelling, Spelling, string])[] = [
  // A slash inside an Epoch name is part of the name, not an owner prefix (they once all became `google/14`).
  [
    ['ViT-G/14', { developer: 'Google Brain,Google Research' }],
    ['ViT-Huge/14', { developer: 'Google Brain' }],
    'EP',
  ],
  [['LIMoE-H/14', { developer: 'Google' }], ['ViT-G/14', { developer: 'Google Research' }], 'EP'],
  [['ViT-Base/32', { developer: 'Google Brain' }], ['ViT-Huge/14', { developer: 'Google Brain' }], 'EP'],
  ['GPT-4.5', 'GPT-4.1', 'EP / OR'],
  ['GPT-4.1', 'GPT-4.1 mini', 'OR / EP'],
  ['openai/gpt-4o', 'openai/gpt-4o-mini', 'OR'],
  ['openai/gpt-4-turbo', 'openai/gpt-4', 'OR'],
  ['Claude Opus 4', 'Claude Opus 4.1', 'EP'],
  ['claude-3-5-sonnet-20241022', 'claude-3-7-sonnet-20250219', 'AR26'],
  ['Claude-2.1', 'Claude 2', 'AR25 / EP'],
  ['Claude 3 Opus', 'Claude Opus 4', 'EP'],
  ['DeepSeek-V3', 'DeepSeek-R1', 'AR25'],
  ['DeepSeek-V3', 'DeepSeek-V3-0324', 'AR25 (Epoch lists the March 2025 release apart)'],
  ['DeepSeek-R1-Distill-Llama-70B', 'DeepSeek-R1', 'EP / AR25'],
  ['DeepSeek R1 Distill Llama 70B', 'Llama-3.3-70B-Instruct', 'AA / AR25'],
  ['mistralai/mistral-large-2407', 'mistralai/mistral-large', 'OR'],
  ['Mistral-Large-2411', 'Mistral-Large-2407', 'AR25'],
  ['Qwen3-235B-A22B-Instruct-2507', 'Qwen3-235B-A22B', 'AR25'],
  ['Qwen3-235B-A22B-Thinking-2507', 'Qwen3-235B-A22B-Instruct-2507', 'AR25'],
  ['o1-preview', 'o1', 'EP'],
  ['o3-mini', 'o3-2025-04-16', 'AR25'],
  ['Llama 3.1-405B', 'Llama 3.1-70B', 'EP'],
  ['Qwen3-30B-A3B', 'Qwen3-32B', 'AR25'],
  ['Mixtral-8x22b-Instruct-v0.1', 'Mixtral-8x7B-Instruct-v0.1', 'AR25'],
  ['google/gemini-2.5-pro', 'google/gemini-2.5-flash', 'OR'],
  ['google/gemini-2.5-flash', 'google/gemini-2.5-flash-lite', 'OR'],
  ['Gemini-Exp-1206', 'Gemini-Exp-1114', 'AR25'],
  ['Gemini-2.0-Flash-Thinking-Exp-01-21', 'Gemini-2.0-Flash-001', 'AR25'],
  ['Grok 4', 'Grok 4 Fast', 'AA'],
  ['grok-4.1', 'Grok 4.1 Fast', 'AR26 / AA'],
  ['Grok-3-mini-high', 'Grok 3', 'AR25 / EP'],
  ['GLM-4.5', 'GLM-4.5-Air', 'AR25'],
  ['z-ai/glm-4.5', 'z-ai/glm-4.5v', 'OR'],
  ['moonshotai/kimi-k2-thinking', 'moonshotai/kimi-k2', 'OR'],
  ['Qwen3 Max Thinking', 'Qwen3-Max', 'AA / EP'],
  ['QwQ-32B-Preview', 'QwQ-32B', 'AR25'],
  ['openai/gpt-5.1', 'openai/gpt-5.1-codex', 'OR'],
  ['openai/gpt-5-chat', 'openai/gpt-5', 'OR'],
  ['openai/gpt-3.5-turbo-instruct', 'openai/gpt-3.5-turbo', 'OR'],
  ['Yi-Lightning', 'Yi-Lightning-lite', 'AR25'],
  ['mistral-medium', 'mistral-medium-2505', 'AR26'],
  ['GPT-4o (Nov 2024)', 'openai/gpt-4o', 'EP / OR'],
  ['Gemini 2.5 Pro (Mar 2025)', 'Gemini 2.5 Pro (May 2025)', 'EP'],
  [
    ['Llama-3.1-Nemotron-70B-Instruct', { developer: 'Nvidia' }],
    ['Meta-Llama-3.1-70B-Instruct', { developer: 'Meta' }],
    'AR25',
  ],
  [
    ['Llama-3.1-Tulu-3-70B', { developer: 'Ai2' }],
    ['Meta-Llama-3.1-70B-Instruct', { developer: 'Meta' }],
    'AR25',
  ],
  ['gemma-3-27b-it', 'gemma-3-12b-it', 'AR26'],
  ['phi-3-medium-4k-instruct', 'phi-3-mini-4k-instruct', 'AR26'],
  ['openai/gpt-5.4', 'openai/gpt-5.4-pro', 'OR'],
  ['gpt-5.5-medium', 'gpt-5.5-pro', 'LB / OR'],
];

const resolver = createResolver();

const label = (spelling: Spelling): string => (typeof spelling === 'string' ? spelling : spelling[0]);

function idOf(spelling: Spelling): string {
  const [name, hints] = typeof spelling === 'string' ? [spelling, {}] : spelling;
  const resolution = resolver.resolve(name, hints);
  if (resolution.status !== 'resolved') throw new Error(`${name} was excluded: ${resolution.reason}`);
  return resolution.modelId;
}

describe('name-resolution table', () => {
  it('has at least 60 pairs that meet and 30 that stay apart', () => {
    expect(MUST_MEET.length).toBeGreaterThanOrEqual(60);
    expect(MUST_STAY_APART.length).toBeGreaterThanOrEqual(30);
  });

  it.each(
    MUST_MEET.map(([left, right, source]) => [label(left), label(right), source, left, right] as const),
  )('%s meets %s (%s)', (_left, _right, _source, left, right) => {
    expect(idOf(left)).toBe(idOf(right));
  });

  it.each(
    MUST_STAY_APART.map(([left, right, source]) => [label(left), label(right), source, left, right] as const),
  )('%s stays apart from %s (%s)', (_left, _right, _source, left, right) => {
    expect(idOf(left)).not.toBe(idOf(right));
  });

  it('gives every spelling of the table an id that passes ModelIdSchema', () => {
    for (const [left, right] of [...MUST_MEET, ...MUST_STAY_APART]) {
      expect(ModelIdSchema.safeParse(idOf(left)).success).toBe(true);
      expect(ModelIdSchema.safeParse(idOf(right)).success).toBe(true);
    }
  });
});

const sharedRoot = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const arenaFile = `${sharedRoot}fixtures/lmarena/hf-space-derived_lmarena_text_2025-08-04.csv`;
const epochFiles = [
  `${sharedRoot}reference/epoch/over_1e25.csv`,
  `${sharedRoot}reference/epoch/over_1e25_unquantified.csv`,
];
const realPayloadsPresent = existsSync(arenaFile) && epochFiles.every((file) => existsSync(file));
if (!realPayloadsPresent)
  console.log('[resolve] ../shared not found: the real-payload resolution suite was skipped');

function readRows(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

describe.skipIf(!realPayloadsPresent)(
  'real payloads: Epoch over 1e25 against the 2025-08-04 Arena board',
  () => {
    /** Epoch name → the Arena display names of the same model (checked by hand against both files). */
    const SAME_MODEL: Record<string, readonly string[]> = {
      'Grok 4': ['Grok-4-0709'],
      'Llama Nemotron Ultra 253B': ['Llama-3.1-Nemotron-Ultra-253B-v1'],
      'GPT-4.5': ['GPT-4.5-Preview'],
      'Claude 3.7 Sonnet': ['Claude 3.7 Sonnet', 'Claude 3.7 Sonnet (thinking-32k)'],
      'Grok 3': ['Grok-3-Preview-02-24'],
      'Grok-2': ['Grok-2-08-13'],
      'Llama 3.1-405B': ['Meta-Llama-3.1-405B-Instruct-bf16', 'Meta-Llama-3.1-405B-Instruct-fp8'],
      'Claude 3.5 Sonnet': ['Claude 3.5 Sonnet (20240620)', 'Claude 3.5 Sonnet (20241022)'],
      'Gemini 2.5 Pro (Jun 2025)': ['Gemini-2.5-Pro'],
      'Claude Opus 4': ['Claude Opus 4 (20250514)', 'Claude Opus 4 (thinking-16k)'],
      'Gemini 2.5 Pro (May 2025)': ['Gemini-2.5-Pro-Preview-05-06'],
      'GPT-4o (Jan 2025)': ['ChatGPT-4o-latest (2025-01-29)'],
      'Gemini 2.0 Pro': ['Gemini-2.0-Pro-Exp-02-05'],
      'GPT-4o (Nov 2024)': ['ChatGPT-4o-latest (2024-11-20)'],
      'GPT-4 Turbo (Apr 2024)': ['GPT-4-Turbo-2024-04-09'],
      'Claude 3 Opus': ['Claude 3 Opus'],
      'GLM-4 (0116)': ['GLM-4-0116'],
      'Gemini 1.0 Pro': ['Gemini-1.0-Pro-001', 'Gemini Pro'],
      'GPT-4 Turbo (Nov 2023)': ['GPT-4-1106-preview'],
    };

    const arena = realPayloadsPresent ? readRows(arenaFile) : [];
    const epoch = realPayloadsPresent ? epochFiles.flatMap(readRows) : [];
    const arenaByName = new Map(arena.map((row) => [row.model!, row]));
    const epochByName = new Map(epoch.map((row) => [row.model!, row]));
    const resolveRow = (name: string, organization: string | undefined): string =>
      idOf([name, organization ? { developer: organization } : {}]);

    it.each(Object.entries(SAME_MODEL))(
      'Epoch "%s" and its Arena spellings resolve to one id',
      (epochName, arenaNames) => {
        const epochRow = epochByName.get(epochName);
        expect(epochRow, `${epochName} is in the Epoch files`).toBeDefined();
        const expected = resolveRow(epochName, epochRow!.organization);
        for (const arenaName of arenaNames) {
          const arenaRow = arenaByName.get(arenaName);
          expect(arenaRow, `${arenaName} is on the Arena board`).toBeDefined();
          expect(resolveRow(arenaName, arenaRow!.organization)).toBe(expected);
        }
      },
    );

    it('finds an Arena row for at least 19 Epoch over-1e25 models (the original found 17 of 24 anywhere)', () => {
      const arenaIds = new Set(arena.map((row) => resolveRow(row.model!, row.organization)));
      const found = epoch.filter((row) => arenaIds.has(resolveRow(row.model!, row.organization)));
      expect(found.length).toBeGreaterThanOrEqual(19);
    });

    it('never merges two Epoch over-1e25 models into one id', () => {
      const ids = epoch.map((row) => resolveRow(row.model!, row.organization));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('resolves every Arena and Epoch name to a valid id, keeping every source row', () => {
      for (const row of [
        ...arena.map((entry) => [entry.model!, entry.organization] as const),
        ...epoch.map((entry) => [entry.model!, entry.organization] as const),
      ]) {
        expect(ModelIdSchema.safeParse(resolveRow(row[0], row[1])).success, row[0]).toBe(true);
      }
    });
  },
);
