import { describe, expect, it } from 'vitest';
import { defaultAliasConfig } from './default-config';
import { createDeveloperDirectory } from './developers';
import { dateMatches, normalizeModelName } from './normalize-name';

const families = createDeveloperDirectory(defaultAliasConfig().developers);
const normalize = (name: string) => normalizeModelName(name, families);
/** The base key: the last stripping level. */
const base = (name: string) => normalize(name).levels.at(-1)!.key;
const surface = (name: string) => normalize(name).levels[0]!.key;
const rulesOf = (name: string) => [
  ...normalize(name).lexicalRules,
  ...normalize(name).levels.map((level) => level.rule),
];

describe('lexical rules', () => {
  it('lower-cases and turns spaces, underscores and slashes into one separator (normalize:case-separators)', () => {
    expect(surface('  Claude   3.5 Sonnet ')).toBe('claude-3.5-sonnet');
    expect(surface('RWKV-4-Raven-14B')).toBe('rwkv-4-raven-14b');
    expect(surface('internlm2_5-20b')).toBe('internlm2.5-20b');
  });

  it('strips an owner/ prefix and keeps the owner as a hint (prefix:provider)', () => {
    const name = normalize('meta-llama/Llama-3.3-70B-Instruct');
    expect(name.ownerHint).toBe('meta-llama');
    expect(name.levels[0]!.key).toBe('llama-3.3-70b');
    expect(name.lexicalRules).toContain('prefix:provider');
  });

  it('keeps a slash inside a name that no source gave as a repo-style id and whose owner is unknown', () => {
    for (const [name, key] of [
      ['ViT-Base/32', 'vit-base-32'],
      ['DiT-XL/2', 'dit-xl-2'],
      ['STORM-B/8', 'storm-b-8'],
      ['OpenPhenom-S/16', 'openphenom-s-16'],
    ] as const) {
      const normalized = normalize(name);
      expect(normalized.levels[0]!.key).toBe(key);
      expect(normalized.ownerHint).toBeUndefined();
      expect(normalized.lexicalRules).not.toContain('prefix:provider');
      expect(normalized.displayName).toBe(name);
    }
  });

  it('reads owner/name as an owner prefix for a known owner, or when the source says it is a repo-style id', () => {
    expect(normalize('mistralai/mistral-large-2407')).toMatchObject({ ownerHint: 'mistralai' });
    expect(surface('Qwen/Qwen3-235B-A22B')).toBe('qwen3-235b-a22b');
    expect(surface('deepcogito/cogito-v2.1-671b')).toBe('deepcogito-cogito-v2.1-671b');
    const repoStyle = normalizeModelName('deepcogito/cogito-v2.1-671b', families, { repoStyleId: true });
    expect(repoStyle.ownerHint).toBe('deepcogito');
    expect(repoStyle.levels[0]!.key).toBe('cogito-v2.1-671b');
  });

  it('strips a "Developer: " display prefix (prefix:display) and restores a family the prefix names', () => {
    expect(normalize('OpenAI: GPT-4.1 Mini').prefixHint).toBe('OpenAI');
    expect(surface('OpenAI: GPT-4.1 Mini')).toBe('gpt-4.1-mini');
    expect(surface('DeepSeek: R1 Distill Llama 70B')).toBe('deepseek-r1-distill-llama-70b');
    expect(surface('Mistral: Saba')).toBe('mistral-saba');
    // A colon without a following space is part of the name.
    expect(surface('Mi:dm K 2.5 Pro')).toBe('mi-dm-k-2.5-pro');
  });

  it('drops OpenRouter :variants (variant:openrouter) and treats :thinking as a mode', () => {
    expect(surface('google/gemma-4-31b-it:free')).toBe('gemma-4-31b');
    expect(rulesOf('google/gemma-4-31b-it:free')).toContain('variant:openrouter');
    expect(base('qwen/qwen-plus-2025-07-28:thinking')).toBe('qwen-plus');
  });

  it('joins a word followed by two single digits into a dotted version (version:dotted)', () => {
    expect(surface('claude-3-5-sonnet-20240620')).toBe('claude-3.5-sonnet-20240620');
    expect(surface('mistral-medium-3-5')).toBe('mistral-medium-3.5');
    expect(surface('grok-4-1-fast-reasoning')).toBe('grok-4.1-fast-reasoning');
    // Sizes and date parts are never joined.
    expect(surface('llama-3-8b-instruct')).toBe('llama-3-8b');
    expect(surface('gpt-4-0613')).toBe('gpt-4-0613');
    expect(surface('claude-opus-4-20250514')).toBe('claude-opus-4-20250514');
  });

  it('splits or glues family and version to one spelling (version:split-family, version:glue-family)', () => {
    expect(surface('Llama3.1 8B')).toBe('llama-3.1-8b');
    expect(surface('Tulu3 405B')).toBe('tulu-3-405b');
    expect(surface('qwen/qwen-2.5-72b-instruct')).toBe('qwen2.5-72b');
    expect(surface('Qwen 3 235B A22B Thinking 2507')).toBe('qwen3-235b-a22b-thinking-2507');
    expect(surface('Code Llama-34B')).toBe('codellama-34b');
    expect(surface('GPT4All-13B-Snoozy')).toBe('gpt4all-13b-snoozy');
  });

  it("puts Claude's tier where Anthropic's own ids put it (order:claude-tier)", () => {
    expect(surface('Claude 4.5 Sonnet')).toBe('claude-sonnet-4.5');
    expect(surface('claude-4-1-opus-20250805')).toBe('claude-opus-4.1-20250805');
    expect(surface('claude-sonnet-3.7')).toBe('claude-3.7-sonnet');
    expect(surface('Claude 3 Opus')).toBe('claude-3-opus');
  });

  it('drops tuning and precision tags, except OpenAI chat/instruct models (tag:instruct-precision)', () => {
    expect(surface('Meta-Llama-3.1-405B-Instruct-bf16')).toBe('llama-3.1-405b');
    expect(surface('Gemma-3-27B-it')).toBe('gemma-3-27b');
    expect(surface('Qwen1.5-72B-Chat')).toBe('qwen1.5-72b');
    expect(surface('gpt-3.5-turbo-instruct')).toBe('gpt-3.5-turbo-instruct');
    expect(surface('gpt-5-chat')).toBe('gpt-5-chat');
    // Never down to one token: `deepseek-chat` is an API name, handled by the alias config.
    expect(surface('deepseek-chat')).toBe('deepseek-chat');
  });

  it('drops a leading developer word before a family word (prefix:developer-token)', () => {
    expect(surface('Amazon Nova Pro 1.0')).toBe('nova-pro-1.0');
    expect(normalize('Amazon Nova Pro 1.0').prefixHint).toBe('amazon');
    expect(surface('NVIDIA Nemotron 3 Super')).toBe('nemotron-3-super');
    // Two tokens would leave a bare family word: kept.
    expect(surface('Snowflake Arctic')).toBe('snowflake-arctic');
  });

  it('reads parentheticals: qualifiers go, sizes stay, asides are dropped (qualifier:parenthetical)', () => {
    expect(surface('Claude 3.7 Sonnet (thinking-32k)')).toBe('claude-3.7-sonnet');
    expect(normalize('GPT-4o (Nov 2024)').date).toEqual({ year: 2024, month: 11 });
    expect(normalize('GLM-4 (0116)').date).toEqual({ month: 1, day: 16 });
    expect(normalize('Claude Opus 4 (20250514)').date).toEqual({ year: 2025, month: 5, day: 14 });
    expect(normalize('Command R+ (08-2024)').date).toEqual({ year: 2024, month: 8 });
    expect(surface('Qwen2.5 Instruct (72B)')).toBe('qwen2.5-72b');
    expect(surface('DeepSeek-V2 (MoE-236B)')).toBe('deepseek-v2');
    expect(surface('chocolate (Early Grok-3)')).toBe('chocolate');
    expect(normalize('GPT-4o (Nov 2024)').flatKey).toBe('gpt-4o-nov-2024');
  });

  it('writes "+" as "plus" so `Command R+` meets `command-r-plus`', () => {
    expect(surface('Command R+')).toBe('command-r-plus');
  });
});

describe('variant stripping', () => {
  it('strips date stamps in every written form (variant:date)', () => {
    expect(base('claude-3-5-sonnet-20240620')).toBe('claude-3.5-sonnet');
    expect(base('gpt-4o-2024-08-06')).toBe('gpt-4o');
    expect(base('gpt-4-0613')).toBe('gpt-4');
    expect(base('gpt-3.5-turbo-0125')).toBe('gpt-3.5-turbo');
    expect(base('gemini-2.5-pro-preview-05-06')).toBe('gemini-2.5-pro');
    expect(base('command-r-plus-08-2024')).toBe('command-r-plus');
    expect(base('step-1o-turbo-202506')).toBe('step-1o-turbo');
    expect(base('phi-3-mini-4k-instruct-june-2024')).toBe('phi-3-mini');
    expect(normalize('gpt-4o-2024-11-20').levels.at(-1)!.date).toEqual({ year: 2024, month: 11, day: 20 });
  });

  it('keeps YYMM stamps, which Mistral and Qwen use as version names', () => {
    expect(base('mistral-large-2407')).toBe('mistral-large-2407');
    expect(base('Qwen3-235B-A22B-Instruct-2507')).toBe('qwen3-235b-a22b-2507');
    expect(base('Qwen3-235B-A22B-Thinking-2507')).toBe('qwen3-235b-a22b-thinking-2507');
  });

  it('strips reasoning modes (variant:mode)', () => {
    expect(base('qwen3-235b-a22b-thinking')).toBe('qwen3-235b-a22b');
    expect(base('Qwen3-235B-A22B-no-thinking')).toBe('qwen3-235b-a22b');
    expect(base('grok-4-1-fast-non-reasoning')).toBe('grok-4.1-fast');
    expect(base('gpt-5.1-2025-11-13-nothinking')).toBe('gpt-5.1');
    expect(base('claude-4-sonnet-20250514-base')).toBe('claude-sonnet-4');
    expect(rulesOf('qwen3-235b-a22b-thinking')).toContain('variant:mode');
  });

  it('strips effort levels (variant:effort); `medium` only for effort-graded families', () => {
    expect(base('o3-mini-high')).toBe('o3-mini');
    expect(base('gpt-5-mini-minimal')).toBe('gpt-5-mini');
    expect(base('claude-opus-4-7-xhigh-effort')).toBe('claude-opus-4.7');
    expect(base('gpt-5.5-medium')).toBe('gpt-5.5');
    expect(base('GPT-5.4 (xhigh)')).toBe('gpt-5.4');
    expect(base('mistral-medium')).toBe('mistral-medium');
    expect(base('phi-3-medium-4k-instruct')).toBe('phi-3-medium');
  });

  it('strips context and thinking-budget suffixes (variant:context)', () => {
    expect(base('gpt-3.5-turbo-16k')).toBe('gpt-3.5-turbo');
    expect(base('Hunyuan-Standard-256K')).toBe('hunyuan-standard');
  });

  it('strips serving states (variant:serving): latest, preview, exp, beta, free, online', () => {
    expect(base('chatgpt-4o-latest')).toBe('chatgpt-4o');
    expect(base('GPT-4.5-Preview')).toBe('gpt-4.5');
    expect(base('Gemini-2.0-Pro-Exp-02-05')).toBe('gemini-2.0-pro');
    expect(base('Grok-3-Mini-beta')).toBe('grok-3-mini');
    expect(base('pplx-70B-online')).toBe('pplx-70b');
  });

  it('strips revision numbers and a trailing version one (variant:revision)', () => {
    expect(base('Gemini-1.5-Pro-002')).toBe('gemini-1.5-pro');
    expect(base('amazon/nova-pro-v1')).toBe('nova-pro');
    expect(base('Llama-3.1-Nemotron-Ultra-253B-v1')).toBe('llama-3.1-nemotron-ultra-253b');
    expect(base('Mistral-7B-Instruct-v0.2')).toBe('mistral-7b-v0.2');
    expect(base('Llama-3.3-Nemotron-Super-49B-v1.5')).toBe('llama-3.3-nemotron-super-49b-v1.5');
  });

  it("strips Anthropic's fast serving mode only for Claude (variant:anthropic-fast)", () => {
    expect(base('anthropic/claude-opus-4.7-fast')).toBe('claude-opus-4.7');
    expect(base('Grok 4 Fast')).toBe('grok-4-fast');
  });

  it('keeps sizes and tiers: they are part of the identity', () => {
    expect(base('Qwen3-30B-A3B')).toBe('qwen3-30b-a3b');
    expect(base('Mixtral-8x22b-Instruct-v0.1')).toBe('mixtral-8x22b-v0.1');
    expect(base('GPT-4.1-nano-2025-04-14')).toBe('gpt-4.1-nano');
    expect(base('gemini-2.5-flash-lite')).toBe('gemini-2.5-flash-lite');
    expect(base('gpt-5.1-codex-max')).toBe('gpt-5.1-codex-max');
  });

  it('never strips a name down to a bare family word', () => {
    expect(base('gemini-exp-1206')).toBe('gemini-exp-1206');
    expect(base('Gemini-Exp-1114')).toBe('gemini-exp-1114');
    expect(base('o1-preview')).toBe('o1');
  });

  it('keeps a stamp in the middle of a name (a distill of a dated release is its own model)', () => {
    expect(base('DeepSeek R1 0528 Qwen3 8B')).toBe('deepseek-r1-0528-qwen3-8b');
  });
});

describe('dateMatches', () => {
  it('compares only the parts both sides give', () => {
    expect(dateMatches({ month: 11 }, '2024-11-20')).toBe(true);
    expect(dateMatches({ year: 2024, month: 11 }, '2024-11-20')).toBe(true);
    expect(dateMatches({ month: 11, day: 20 }, '2024-11')).toBe(true);
    expect(dateMatches({ year: 2025, month: 11 }, '2024-11-20')).toBe(false);
    expect(dateMatches({ month: 11, day: 6 }, '2024-11-20')).toBe(false);
    expect(dateMatches({ month: 10 }, '2024-11')).toBe(false);
  });
});
