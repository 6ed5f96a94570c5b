import { ModelIdSchema, type Observation, TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { type AliasConfig, loadAliasConfig, loadExclusionConfig, parseAliasConfig } from './config';
import { defaultAliasConfig, defaultExclusionConfig } from './default-config';
import { createResolver, type Resolution } from './resolver';
import { bigramSimilarity, findMergeSuggestions } from './suggestions';

function observation(rawName: string, extra: Partial<Observation> = {}): Observation {
  return {
    source: 'lmarena',
    sourceUrl: 'https://example.org/leaderboard',
    retrievedAt: '2025-08-04T00:00:00.000Z',
    rawName,
    ...extra,
  };
}

function resolvedId(resolution: Resolution): string {
  if (resolution.status !== 'resolved') throw new Error(`excluded: ${resolution.reason}`);
  return resolution.modelId;
}

const resolver = createResolver();
const idOf = (name: string, developer?: string) =>
  resolvedId(resolver.resolve(name, developer ? { developer } : {}));

describe('exclusions', () => {
  it('drop bare family names only as exact raw names, with the reason recorded', () => {
    const gpt = resolver.resolve('gpt');
    expect(gpt).toEqual({
      status: 'excluded',
      rule: 'exclusion:exact:gpt',
      reason: 'bare family name, not a model',
    });
    expect(resolver.resolve(' Claude ').status).toBe('excluded');
    // The original tracker normalised claude-2.1 to "claude" and then dropped it.
    expect(idOf('claude-2.1')).toBe('anthropic/claude-2.1');
    expect(idOf('Claude-1')).toBe('anthropic/claude');
  });

  it('drop routers, moving aliases and embedding models by pattern, also on the source model id', () => {
    expect(resolver.resolve('openrouter/auto')).toMatchObject({
      status: 'excluded',
      reason: expect.stringContaining('router'),
    });
    expect(resolver.resolve('Auto Router').status).toBe('excluded');
    expect(resolver.resolve('~anthropic/claude-sonnet-latest').status).toBe('excluded');
    expect(resolver.resolve('Anthropic Claude Haiku Latest').status).toBe('excluded');
    expect(resolver.resolve('Gemini Embedding')).toMatchObject({
      status: 'excluded',
      reason: 'embedding model',
    });
    expect(resolver.resolve('Some Name', { sourceModelId: 'openrouter/free' }).status).toBe('excluded');
    // A versioned "latest" name is a model, not a moving alias.
    expect(idOf('chatgpt-4o-latest')).toBe('openai/gpt-4o');
  });

  it('skip the sources a rule excepts: Epoch AI\'s "Claude" is Claude 1', () => {
    expect(resolver.resolve('Claude', { source: 'epoch' })).toMatchObject({
      status: 'resolved',
      modelId: 'anthropic/claude',
    });
    expect(resolver.resolve('Claude', { source: 'lmarena' }).status).toBe('excluded');
    const result = createResolver().resolveAll([
      observation('Claude', { source: 'epoch' }),
      observation('Claude'),
    ]);
    expect([result.resolved.length, result.excluded.length]).toEqual([1, 1]);
  });

  it('do not take a model that merely mentions embeddings for an embedding model', () => {
    expect(resolver.resolve('NAS with base 8 and shared embeddings').status).toBe('resolved');
    expect(resolver.resolve('Codestral Embed').status).toBe('excluded');
    expect(resolver.resolve('text-embedding-3-large').status).toBe('excluded');
  });

  it('are reported by resolveAll with the observation', () => {
    const result = createResolver().resolveAll([observation('openrouter/auto'), observation('GPT-4o')]);
    expect(result.excluded).toHaveLength(1);
    expect(result.excluded[0]).toMatchObject({
      rule: expect.stringMatching(/^exclusion:regex:/),
      observation: { rawName: 'openrouter/auto' },
    });
    expect(result.resolved.map((entry) => entry.modelId)).toEqual(['openai/gpt-4o']);
  });
});

describe('developers', () => {
  it('normalise the spellings sources use', () => {
    for (const organization of ['Google DeepMind', 'Google', 'google', 'Google Research']) {
      expect(resolver.resolve('Gemma 3 27B', { developer: organization })).toMatchObject({
        developer: 'Google',
      });
    }
    for (const organization of ['Meta AI', 'meta-llama', 'Meta']) {
      expect(idOf('Llama 3.3 70B', organization)).toBe('meta/llama-3.3-70b');
    }
    for (const organization of ['Alibaba', 'Qwen', 'Alibaba Cloud'])
      expect(idOf('Qwen3-32B', organization)).toBe('alibaba/qwen3-32b');
    expect(resolver.resolve('GLM-4.5', { developer: 'Z.ai (Zhipu AI)' })).toMatchObject({
      developer: 'Zhipu AI (Z.ai)',
    });
    expect(idOf('Phi-4', 'Microsoft Azure')).toBe('microsoft/phi-4');
  });

  it('come from the family first, so a model seen without a developer keeps its id', () => {
    expect(idOf('o4-mini')).toBe('openai/o4-mini');
    expect(idOf('gemma-3n-e4b-it')).toBe('google/gemma-3n-e4b');
    expect(idOf('Grok 4', 'Some Reseller')).toBe('xai/grok-4');
    expect(idOf('Yi-Lightning')).toBe(idOf('Yi-Lightning', '01 AI'));
  });

  it('match `yi` only as a whole token, never as a substring', () => {
    expect(idOf('Yi-34B-Chat')).toBe('01-ai/yi-34b');
    expect(resolvedId(resolver.resolve('Kimi Linear 48B A3B Instruct'))).toBe('moonshot/kimi-linear-48b-a3b');
    expect(resolvedId(resolver.resolve('Yield-Bench-7B', { developer: 'Acme Labs' }))).toBe(
      'acmelabs/yield-bench-7b',
    );
  });

  it('give a fine-tune of an open family to the developer the source names (developer:source-derivative)', () => {
    const derivative = resolver.resolve('Gemma-2-9B-it-SimPO', { developer: 'Princeton' });
    expect(derivative).toMatchObject({ modelId: 'princeton/gemma-2-9b-simpo', developer: 'Princeton' });
    expect((derivative as { rule: string }).rule).toContain('developer:source-derivative');
    expect(idOf('Sao10K: Llama 3.1 Euryale 70B v2.2')).toBe('sao10k/llama-3.1-euryale-70b-v2.2');
  });

  it('use marker tokens anywhere in the name (developer:marker)', () => {
    expect(idOf('Llama-3.1-Nemotron-70B-Instruct')).toBe('nvidia/llama-3.1-nemotron-70b');
    expect(idOf('Llama-3.1-Tulu-3-70B')).toBe('ai2/llama-3.1-tulu-3-70b');
  });

  it('fall back to the source, then owners, then `unknown`', () => {
    expect(idOf('Athene-70B', 'NexusFlow')).toBe('nexusflow/athene-70b');
    expect(idOf('Guanaco-33B', 'UW')).toBe('uw/guanaco-33b');
    expect(resolvedId(resolver.resolve('Weaver', { sourceModelId: 'mancer/weaver' }))).toBe('mancer/weaver');
    expect(
      resolvedId(resolver.resolve('L3-70B-Euryale', { huggingFaceId: 'Sao10K/L3-70B-Euryale-v2.1' })),
    ).toBe('sao10k/l3-70b-euryale');
    expect(resolver.resolve('Owl Alpha')).toMatchObject({ modelId: 'unknown/owl', developer: null });
  });

  it('take the part before a slash as an owner only for a repo-style id of the source or a known owner', () => {
    expect(resolver.resolve('ViT-Base/32', { developer: 'Google Brain', source: 'epoch' })).toMatchObject({
      modelId: 'google/vit-base-32',
      name: 'ViT-Base/32',
      developer: 'Google',
    });
    expect(idOf('DiT-XL/2', 'New York University (NYU),University of California (UC) Berkeley')).toBe(
      'newyorkuniversitynyu/dit-xl-2',
    );
    const repo = { sourceModelId: 'acmelabs/Widget-7B', source: 'openrouter' };
    expect(resolvedId(resolver.resolve('acmelabs/Widget-7B', repo))).toBe('acmelabs/widget-7b');
    expect(resolvedId(resolver.resolve('acmelabs/Widget-7B:free', repo))).toBe('acmelabs/widget-7b');
    expect(resolvedId(resolver.resolve('acmelabs/Widget-7B'))).toBe('unknown/acmelabs-widget-7b');
    expect(idOf('mistralai/mistral-large-2407')).toBe(
      resolvedId(resolver.resolve('mistral-large-2407', { sourceModelId: 'mistralai/mistral-large-2407' })),
    );
    const hub = { huggingFaceId: 'Qwen/Qwen3-235B-A22B', sourceModelId: 'Qwen/Qwen3-235B-A22B' };
    expect(idOf('Qwen/Qwen3-235B-A22B')).toBe(resolvedId(resolver.resolve('Qwen3-235B-A22B', hub)));
  });

  it('let a stated fine-tuner claim an open-family name seen elsewhere without a developer', () => {
    const result = createResolver().resolveAll([
      observation('gemma-2-9b-it-simpo'),
      observation('Gemma-2-9B-it-SimPO', { developer: 'Princeton' }),
      observation('Llama-3.3-70B-Instruct'),
      observation('Llama-3.3-70B-Instruct', { developer: 'Meta' }),
      observation('Llama-3.3-70B-Instruct', { developer: 'Some Host' }),
    ]);
    // Two developers stated for llama-3.3-70b: nothing is claimed; the rules and a suggestion leave it to a person.
    expect(result.resolved.map((entry) => entry.modelId)).toEqual([
      'princeton/gemma-2-9b-simpo',
      'princeton/gemma-2-9b-simpo',
      'meta/llama-3.3-70b',
      'meta/llama-3.3-70b',
      'somehost/llama-3.3-70b',
    ]);
    expect(result.suggestions.map((suggestion) => suggestion.modelIds.join(' | '))).toContain(
      'meta/llama-3.3-70b | somehost/llama-3.3-70b',
    );
  });

  it('fill an unknown developer from the one known sibling in a batch (developer:sibling)', () => {
    const result = createResolver().resolveAll([
      observation('Owl Alpha'),
      observation('openrouter/owl-alpha', { sourceModelId: 'openrouter/owl-alpha' }),
    ]);
    expect(result.resolved.map((entry) => entry.modelId)).toEqual(['openrouter/owl', 'openrouter/owl']);
    expect(result.resolved[0]!.rule).toContain('developer:sibling');
  });
});

describe('config aliases, dated releases and ledger decisions', () => {
  it('let the config stop stripping where a suffix names a different model', () => {
    expect(idOf('o1-preview')).toBe('openai/o1-preview');
    expect(idOf('Qwen3 Max Thinking')).toBe('alibaba/qwen3-max-thinking');
    expect(idOf('kimi-k2-thinking')).toBe('moonshot/kimi-k2-thinking');
    expect(idOf('kimi-k2.5-thinking')).toBe('moonshot/kimi-k2.5');
  });

  it('send a dated name of a model with releases to the release whose date matches', () => {
    expect(resolver.resolve('ChatGPT-4o-latest (2024-11-20)')).toMatchObject({
      modelId: 'openai/gpt-4o-2024-11',
      name: 'GPT-4o (Nov 2024)',
    });
    expect(idOf('gpt-4o-2024-08-06')).toBe('openai/gpt-4o');
    expect(idOf('Mistral Large 2 (Jul)')).toBe('mistral/mistral-large-2');
    expect(idOf('Mistral Large 2 (Nov)')).toBe('mistral/mistral-large-2.1');
  });

  it('apply ledger aliases before anything else, exclusions included', () => {
    const custom = createResolver({
      overrides: new Map([
        ['gpt', 'openai/gpt-4'],
        ['Mystery Model X', 'acme/mystery-x'],
      ]),
    });
    expect(custom.resolve('gpt')).toMatchObject({
      modelId: 'openai/gpt-4',
      rule: 'alias:ledger',
      name: 'GPT-4',
    });
    expect(custom.resolve('mystery model x')).toMatchObject({ modelId: 'acme/mystery-x', developer: 'acme' });
  });

  it('reject a ledger alias whose target is not a model id', () => {
    expect(() => createResolver({ overrides: new Map([['x', 'Not An Id']]) })).toThrow(/not a model id/);
  });

  it('let an unaliased name resolve from its own spelling, without config aliases or stripping', () => {
    const custom = createResolver({ removedAliases: new Set(['chatgpt-4o-latest']) });
    expect(custom.resolve('chatgpt-4o-latest')).toMatchObject({
      modelId: 'openai/chatgpt-4o-latest',
      rule: expect.stringContaining('unalias:ledger'),
    });
    expect(resolvedId(custom.resolve('gpt-4o'))).toBe('openai/gpt-4o');
  });

  it('work with no config at all: rules only, unknown families fall back to the source', () => {
    const bare = createResolver({
      aliases: parseAliasConfig({}),
      exclusions: loadExclusionConfig('rules: []', 'empty.yaml'),
    });
    expect(resolvedId(bare.resolve('claude-3-5-sonnet-20240620', { developer: 'Anthropic' }))).toBe(
      'anthropic/claude-3.5-sonnet',
    );
    expect(resolvedId(bare.resolve('gpt'))).toBe('unknown/gpt');
  });

  it('reject two models claiming one name', () => {
    const config: AliasConfig = parseAliasConfig({
      models: [
        { id: 'openai/gpt-4o', name: 'GPT-4o' },
        { id: 'openai/gpt-4o-copy', name: 'Copy', aliases: ['gpt-4o'] },
      ],
    });
    expect(() => createResolver({ aliases: config })).toThrow(TrackerError);
    expect(() => createResolver({ aliases: config })).toThrow(/\$\.models\[1\].*gpt-4o/);
  });
});

describe('config loading', () => {
  it('reports CONFIG_INVALID with the file and the YAML path', () => {
    const yaml = 'models:\n  - id: "Not An Id"\n    name: X\n';
    try {
      loadAliasConfig(yaml, 'configs/aliases.yaml');
      expect.unreachable();
    } catch (error) {
      expect(TrackerError.is(error) && error.code).toBe('CONFIG_INVALID');
      expect((error as Error).message).toMatch(/^configs\/aliases\.yaml: \$\.models\[0\]\.id: /);
    }
  });

  it('rejects unknown keys, broken YAML, bad regexes and dangling releases', () => {
    expect(() => loadAliasConfig('models: []\nextra: 1\n', 'a.yaml')).toThrow(/a\.yaml/);
    expect(() => loadAliasConfig('models: [\n', 'broken.yaml')).toThrow(/broken\.yaml: not valid YAML/);
    expect(() =>
      loadExclusionConfig("rules:\n  - {match: regex, pattern: '(', reason: r}\n", 'x.yaml'),
    ).toThrow(/x\.yaml: \$\.rules\[0\]\.pattern: invalid regular expression/);
    const dangling = 'models:\n  - {id: a/b-2024, name: B, releaseOf: a/b, releaseDates: ["2024-01"]}\n';
    expect(() => loadAliasConfig(dangling, 'd.yaml')).toThrow(/d\.yaml: \$\.models\[0\]\.releaseOf/);
    expect(() =>
      loadAliasConfig('developers:\n  - {slug: a, name: A}\n  - {slug: a, name: B}\n', 'dup.yaml'),
    ).toThrow(/duplicate slug/);
  });

  it('bundles configs whose every id passes ModelIdSchema', () => {
    for (const model of defaultAliasConfig().models)
      expect(ModelIdSchema.safeParse(model.id).success, model.id).toBe(true);
    expect(defaultExclusionConfig().rules.length).toBeGreaterThan(10);
  });
});

describe('resolveAll', () => {
  it('keeps every observation, resolved or excluded, in input order', () => {
    const observations = [
      observation('GPT-4o-2024-05-13'),
      observation('gpt'),
      observation('openai/gpt-4o'),
      observation('Claude 3 Opus'),
    ];
    const result = createResolver().resolveAll(observations);
    expect(result.resolved.length + result.excluded.length).toBe(observations.length);
    expect(result.resolved.map((entry) => entry.observation.rawName)).toEqual([
      'GPT-4o-2024-05-13',
      'openai/gpt-4o',
      'Claude 3 Opus',
    ]);
  });

  it('names a rule-made model with its most display-like unstripped spelling', () => {
    const result = createResolver().resolveAll([
      observation('grok-4-1-fast-reasoning'),
      observation('grok-4.1-fast'),
      observation('Grok 4.1 Fast', { source: 'artificial-analysis' }),
    ]);
    expect(new Set(result.resolved.map((entry) => entry.name))).toEqual(new Set(['Grok 4.1 Fast']));
    expect(new Set(result.resolved.map((entry) => entry.developer))).toEqual(new Set(['xAI']));
  });

  it('suggests near matches the rules cannot settle, never merging them', () => {
    const result = createResolver().resolveAll([
      observation('Reka Flash', { source: 'artificial-analysis' }),
      observation('Reka-Flash-21B', { developer: 'Reka AI' }),
      observation('athene-v2-chat', { developer: 'NexusFlow' }),
      observation('Athene-v2-Chat-72B', { developer: 'NexusFlow' }),
      observation('Llama-3.1-8B-Instruct'),
      observation('Llama-3.1-70B-Instruct'),
    ]);
    const pairs = result.suggestions.map((suggestion) => suggestion.modelIds.join(' | '));
    expect(pairs).toContain('reka/reka-flash | reka/reka-flash-21b');
    expect(pairs).toContain('nexusflow/athene-v2 | nexusflow/athene-v2-72b');
    // Two sizes of one family are different models, not a near match.
    expect(pairs.some((pair) => pair.includes('llama-3.1-8b') && pair.includes('llama-3.1-70b'))).toBe(false);
    expect(new Set(result.resolved.map((entry) => entry.modelId)).size).toBe(6);
    for (const suggestion of result.suggestions) {
      expect(suggestion.similarity).toBeGreaterThan(0);
      expect(suggestion.similarity).toBeLessThanOrEqual(1);
      expect(suggestion.reason).not.toBe('');
    }
  });
});

describe('findMergeSuggestions', () => {
  it('pairs an id with a variant that only adds a suffix the rules keep', () => {
    const suggestions = findMergeSuggestions([
      { modelId: 'acme/widget-2', name: 'Widget 2', configured: false },
      { modelId: 'acme/widget-2-fast', name: 'Widget 2 Fast', configured: false },
      { modelId: 'acme/widget-3', name: 'Widget 3', configured: false },
    ]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({
      modelIds: ['acme/widget-2', 'acme/widget-2-fast'],
      reason: expect.stringContaining('"fast"'),
    });
  });

  it('pairs the same name under two developers and punctuation-only differences', () => {
    const suggestions = findMergeSuggestions([
      { modelId: 'nousresearch/hermes-x', name: 'Hermes X', configured: false },
      { modelId: 'nous/hermes-x', name: 'Hermes X', configured: false },
      { modelId: 'acme/glm-4.5v', name: 'a', configured: false },
      { modelId: 'acme/glm-4.5-v', name: 'b', configured: false },
    ]);
    expect(suggestions.map((suggestion) => suggestion.reason).sort()).toEqual([
      'same developer; names differ only in punctuation',
      'same model name under different developers',
    ]);
  });

  it('never suggests two ids a person already configured', () => {
    expect(
      findMergeSuggestions([
        { modelId: 'openai/o1', name: 'o1', configured: true },
        { modelId: 'openai/o1-preview-fast', name: 'x', configured: true },
        { modelId: 'openai/o1-fast', name: 'y', configured: true },
      ]),
    ).toEqual([]);
  });

  it('stays near-linear on a large block: each member pairs with the shortest only', () => {
    const candidates = Array.from({ length: 500 }, (_, index) => ({
      modelId: `acme/model-${index}b`,
      name: `Model ${index}B`,
      configured: false,
    }));
    candidates.push({ modelId: 'acme/model', name: 'Model', configured: false });
    expect(findMergeSuggestions(candidates)).toHaveLength(500);
  });

  it('measures similarity with character bigrams', () => {
    expect(bigramSimilarity('qwen3-235b', 'qwen3-235b')).toBe(1);
    expect(bigramSimilarity('ab', 'cd')).toBe(0);
    expect(bigramSimilarity('qwen3-235b', 'qwen3-235b-a22b')).toBeGreaterThan(0.7);
  });
});

describe('ids', () => {
  it('always pass ModelIdSchema, whatever the input', () => {
    const strange = [
      '  ',
      '!!!',
      'Модель 7B',
      '🤖 bot',
      'a/b/c',
      '...',
      '-x-',
      'R+',
      '(preview)',
      'Mi:dm',
      '___',
    ];
    for (const name of strange) {
      const resolution = resolver.resolve(name, { developer: '*** ***' });
      if (resolution.status === 'resolved')
        expect(ModelIdSchema.safeParse(resolution.modelId).success, `${name} → ${resolution.modelId}`).toBe(
          true,
        );
    }
  });

  it('are cached per distinct name and hints (same object back)', () => {
    const local = createResolver();
    expect(local.resolve('GPT-4o')).toBe(local.resolve('GPT-4o'));
    expect(local.resolve('GPT-4o', { developer: 'OpenAI' })).not.toBe(local.resolve('GPT-4o'));
    // An absent hint and an empty one are one cache key.
    expect(local.resolve('GPT-4o', { developer: '' })).toBe(local.resolve('GPT-4o'));
  });

  it('give a batch the same result on a warm resolver as on a fresh one, hints kept apart per name', () => {
    const batch = [
      observation('Llama 3.1 70B Instruct', { developer: 'Nous Research', source: 'lmarena' }),
      observation('Llama 3.1 70B Instruct', { source: 'openrouter' }),
      observation('Llama 3.1 70B Instruct', { developer: 'Nous Research', source: 'lmarena' }),
      observation('Aurora Mini', { developer: 'Aurora Labs' }),
      observation('aurora-mini'),
      observation('gpt', { source: 'openrouter' }),
    ];
    const fresh = createResolver().resolveAll(batch);
    expect(fresh.resolved.map((entry) => entry.modelId)).toEqual([
      'nous-research/llama-3.1-70b',
      'nous-research/llama-3.1-70b',
      'nous-research/llama-3.1-70b',
      'auroralabs/aurora-mini',
      'auroralabs/aurora-mini',
    ]);
    // The open family's provisional developer gives way to the one stated fine-tuner; so does `unknown`.
    expect(fresh.resolved[1]!.rule).toContain('developer:sibling');
    expect(fresh.resolved[4]!.rule).toContain('developer:sibling');
    expect(fresh.excluded.map((entry) => entry.observation.rawName)).toEqual(['gpt']);
    const warm = createResolver();
    warm.resolveAll([...batch].reverse());
    warm.resolve('aurora-mini');
    expect(warm.resolveAll(batch)).toEqual(fresh);
    expect(warm.resolveAll(batch)).toEqual(fresh);
  });
});
