import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../scraper';
import { testScraper } from '../../testing';
import { expectParseFailed as expectSourceParseFailed } from '../kit/expect-parse-failed';
import { OPENROUTER_MODELS_URL, openrouterScraper } from './openrouter-scraper';
import { formatOpenRouterName, isOpenRouterRouterEntry, parseOpenRouter } from './parse-openrouter';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const retrievedAt = '2026-05-22T10:00:00.000Z';

function payload(body: string, fileName = 'models.json'): Payload {
  return { body, url: OPENROUTER_MODELS_URL, retrievedAt, fileName };
}
function load(name: string): Payload {
  return payload(readFileSync(fixture(name), 'utf8'), name);
}
const expectParseFailed = (run: () => unknown, fragment: RegExp) =>
  expectSourceParseFailed('openrouter', run, fragment);

describe('formatOpenRouterName', () => {
  it('drops the provider prefix and the variant suffix', () => {
    expect(formatOpenRouterName('openai/gpt-4o')).toBe('gpt-4o');
    expect(formatOpenRouterName('meta-llama/llama-3.3-70b-instruct:free')).toBe('llama-3.3-70b-instruct');
    expect(formatOpenRouterName('~anthropic/claude-opus-latest')).toBe('claude-opus-latest');
  });

  it('recognises routers and aliases', () => {
    expect(isOpenRouterRouterEntry('openrouter/auto')).toBe(true);
    expect(isOpenRouterRouterEntry('~openai/gpt-latest')).toBe(true);
    expect(isOpenRouterRouterEntry('openai/gpt-4o')).toBe(false);
  });
});

describe('parseOpenRouter (2026-05 schema)', () => {
  const result = parseOpenRouter(load('models-2026-05.json'));
  const byId = new Map(result.observations.map((observation) => [observation.sourceModelId, observation]));

  it('skips routers and aliases and keeps every model', () => {
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(5);
    expect(byId.has('openrouter/auto')).toBe(false);
    expect(byId.has('~openai/gpt-latest')).toBe(false);
  });

  it('reads a proprietary model', () => {
    expect(byId.get('anthropic/claude-opus-4.7')).toEqual({
      source: 'openrouter',
      sourceUrl: OPENROUTER_MODELS_URL,
      retrievedAt,
      rawName: 'claude-opus-4.7',
      sourceModelId: 'anthropic/claude-opus-4.7',
      developer: 'Anthropic',
      releaseDate: '2026-04-16',
      contextLength: 1000000,
      accessibility: 'api',
      domain: 'multimodal',
      pricing: { inputUsdPerMillionTokens: 5, outputUsdPerMillionTokens: 25 },
    });
  });

  it('reads an open-weights model; its free variant merges into it', () => {
    const paid = byId.get('meta-llama/llama-3.3-70b-instruct');
    expect(byId.has('meta-llama/llama-3.3-70b-instruct:free')).toBe(false);
    expect(paid).toMatchObject({
      rawName: 'llama-3.3-70b-instruct',
      developer: 'Meta',
      releaseDate: '2024-12-06',
      huggingFaceId: 'meta-llama/Llama-3.3-70B-Instruct',
      accessibility: 'open-weights',
      domain: 'language',
      pricing: { inputUsdPerMillionTokens: 0.1, outputUsdPerMillionTokens: 0.32 },
      knowledgeCutoff: '2023-12-31',
    });
  });

  it('copies no description', () => {
    expect(JSON.stringify(result.observations)).not.toContain('description');
  });

  it('matches the snapshot', () => {
    expect(result.observations).toMatchSnapshot();
  });
});

describe('parseOpenRouter (2025-12 compact schema)', () => {
  const result = parseOpenRouter(load('models-2025-12-compact.json'));
  const byId = new Map(result.observations.map((observation) => [observation.sourceModelId, observation]));

  it('treats "" and null hugging_face_id as no repo', () => {
    expect(result.issues).toEqual([]);
    expect(byId.get('amazon/nova-2-lite-v1:free')).toMatchObject({
      accessibility: 'api',
      developer: 'Amazon',
    });
    expect(byId.get('amazon/nova-2-lite-v1:free')).not.toHaveProperty('huggingFaceId');
    expect(byId.get('tngtech/tng-r1t-chimera:free')).not.toHaveProperty('huggingFaceId');
  });

  it('takes the developer from the id when the name has no prefix', () => {
    expect(byId.get('liquid/lfm2-8b-a1b')).toMatchObject({
      developer: 'liquid',
      huggingFaceId: 'LiquidAI/LFM2-8B-A1B',
      releaseDate: '2025-10-20',
    });
  });
});

describe('parseOpenRouter variants (:free :nitro :extended :beta :thinking)', () => {
  const result = parseOpenRouter(load('models-2025-02-variants.json'));
  const byName = new Map(result.observations.map((observation) => [observation.rawName, observation]));

  it('gives one observation per model, the base entry winning', () => {
    expect(result.issues).toEqual([]);
    expect([...byName.keys()]).toEqual(['llama-3.1-405b-instruct', 'model-x', 'thinker']);
    expect(byName.get('llama-3.1-405b-instruct')).toMatchObject({
      sourceModelId: 'meta-llama/llama-3.1-405b-instruct',
      contextLength: 32768,
      pricing: { inputUsdPerMillionTokens: 0.8, outputUsdPerMillionTokens: 0.8 },
    });
  });

  it('lets a variant add only what the base lacks, never its price', () => {
    expect(byName.get('model-x')).toMatchObject({
      sourceModelId: 'example/model-x',
      contextLength: 64000,
      pricing: { inputUsdPerMillionTokens: 2, outputUsdPerMillionTokens: 8 },
    });
  });

  it('keeps the first variant listed when there is no base entry', () => {
    expect(byName.get('thinker')).toMatchObject({
      sourceModelId: 'example/thinker:thinking',
      contextLength: 200000,
    });
  });

  it('reads expiration_date and skips variable (-1) prices', () => {
    const body = JSON.stringify({
      data: [
        {
          id: 'a/b',
          name: 'A: B',
          created: 1735689600,
          pricing: { prompt: '-1', completion: '-1' },
          knowledge_cutoff: '2025-06-30',
          expiration_date: '2026-09-01',
        },
        { id: 'a/c', name: 'A: C', created: 1735689600, knowledge_cutoff: 'soon' },
      ],
    });
    const parsed = parseOpenRouter(payload(body));
    expect(parsed.observations[0]).toMatchObject({
      knowledgeCutoff: '2025-06-30',
      expirationDate: '2026-09-01',
    });
    expect(parsed.observations[0]).not.toHaveProperty('pricing');
    expect(parsed.issues.map((issue) => issue.message)).toEqual([
      '"knowledge_cutoff" "soon" is not a date; ignored',
    ]);
  });
});

describe('parseOpenRouter faults', () => {
  const valid = readFileSync(fixture('models-2026-05.json'), 'utf8');

  it('rejects an empty body', () => {
    expectParseFailed(
      () => parseOpenRouter(payload('  ')),
      /expected OpenRouter model list JSON .*found an empty body/,
    );
  });

  it('rejects a truncated body', () => {
    expectParseFailed(() => parseOpenRouter(payload(valid.slice(0, 500))), /not valid JSON/);
  });

  it('rejects a changed layout (data renamed)', () => {
    expectParseFailed(
      () => parseOpenRouter(payload(valid.replace('"data"', '"models"'))),
      /found an object with keys models/,
    );
  });

  it('drops __proto__ keys without polluting prototypes', () => {
    const body = JSON.stringify({
      data: [
        { id: 'acme/model-1', name: 'Acme: Model 1', created: 1735689600, __proto__: { polluted: true } },
      ],
    }).replace('"data":[{', '"data":[{"__proto__":{"polluted":true},');
    const result = parseOpenRouter(payload(body));
    expect(result.observations).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(result.observations[0] ?? {})).not.toContain('__proto__');
  });

  it('turns invalid numbers and ids into issues while other rows parse', () => {
    const body = JSON.stringify({
      data: [
        { id: 'acme/good', name: 'Acme: Good', created: 1735689600, context_length: 8192 },
        { id: 'acme/bad-context', name: 'Acme: Bad', created: 1735689600, context_length: -5 },
        { id: 'acme/bad-created', name: 'Acme: Bad date', created: 'yesterday' },
        { name: 'no id' },
        'not an object',
      ],
    });
    const result = parseOpenRouter(payload(body));
    expect(result.observations.map((observation) => observation.sourceModelId)).toEqual([
      'acme/good',
      'acme/bad-created',
    ]);
    expect(result.observations[1]).not.toHaveProperty('releaseDate');
    // Row problems come in row order; invalid observations are reported once variants are merged.
    expect(result.issues).toEqual([
      expect.objectContaining({ level: 'warning', location: '$.data[2] (acme/bad-created)' }),
      expect.objectContaining({ level: 'error', location: '$.data[3]' }),
      expect.objectContaining({ level: 'error', location: '$.data[4]' }),
      expect.objectContaining({
        level: 'error',
        location: '$.data[1] (acme/bad-context)',
        message: expect.stringContaining('contextLength'),
      }),
    ]);
  });

  it('ignores a hugging_face_id that is not a repo id, with a warning', () => {
    const body = JSON.stringify({
      data: [{ id: 'acme/x', name: 'Acme: X', created: 1735689600, hugging_face_id: 'not a repo' }],
    });
    const result = parseOpenRouter(payload(body));
    expect(result.observations[0]).toMatchObject({ accessibility: 'api' });
    expect(result.issues).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});

testScraper({
  scraper: openrouterScraper,
  fixtures: [
    {
      file: fixture('models-2026-05.json'),
      url: OPENROUTER_MODELS_URL,
      retrievedAt,
      expect: { names: ['gpt-4o'] },
    },
    {
      file: fixture('models-2025-12-compact.json'),
      url: OPENROUTER_MODELS_URL,
      retrievedAt,
      expect: { minObservations: 4 },
    },
  ],
});
