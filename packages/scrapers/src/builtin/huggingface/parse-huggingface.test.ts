import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Payload, ScrapeContext } from '../../scraper';
import { createFixtureHttpClient, testScraper } from '../../testing';
import { expectParseFailed as expectSourceParseFailed } from '../kit/expect-parse-failed';
import {
  createHuggingFaceScraper,
  formatHuggingFaceAuthorUrl,
  formatHuggingFaceConfigUrl,
  formatHuggingFaceModelUrl,
} from './huggingface-scraper';
import {
  computeActiveParameters,
  isMixtureOfExpertsModel,
  readMixtureOfExpertsConfig,
} from './mixture-of-experts';
import { findBaseModel, parseHuggingFace } from './parse-huggingface';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const read = (name: string) => readFileSync(fixture(name), 'utf8');
const json = (name: string): unknown => JSON.parse(read(name));
const retrievedAt = '2026-01-02T03:04:05.000Z';
const mixtralUrl = formatHuggingFaceModelUrl('mistralai/Mixtral-8x7B-Instruct-v0.1');
const qwenUrl = formatHuggingFaceAuthorUrl('Qwen');

function payload(body: string, url = mixtralUrl): Payload {
  return { body, url, retrievedAt };
}
const expectParseFailed = (run: () => unknown, fragment: RegExp) =>
  expectSourceParseFailed('huggingface', run, fragment);

describe('active parameters of mixture-of-experts models', () => {
  it('reads the MoE fields of config.json', () => {
    expect(readMixtureOfExpertsConfig(json('config_deepseek-v3.json'))).toEqual({
      experts: 256,
      activeExperts: 8,
      sharedExperts: 1,
      hiddenSize: 7168,
      expertIntermediateSize: 2048,
      layers: 61,
      moeLayers: 58,
      vocabularySize: 129280,
    });
    expect(readMixtureOfExpertsConfig(json('config_mixtral-8x7b.json'))?.moeLayers).toBe(32);
    expect(readMixtureOfExpertsConfig(json('config_qwen3-235b-a22b.json'))?.moeLayers).toBe(94);
  });

  it.each([
    ['Mixtral-8x7B', 'config_mixtral-8x7b.json', 46_702_792_704, 12.9e9],
    ['DeepSeek-V3', 'config_deepseek-v3.json', 671e9, 37e9],
    ['Qwen3-235B-A22B', 'config_qwen3-235b-a22b.json', 235_093_634_560, 22e9],
  ])('%s: matches the published active count within 2%%', (_name, file, total, published) => {
    const config = readMixtureOfExpertsConfig(json(file));
    expect(config).toBeDefined();
    const active = computeActiveParameters(total, config!);
    expect(active).toBeDefined();
    expect(Math.abs((active ?? 0) - published) / published).toBeLessThan(0.02);
  });

  it('gives Mixtral-8x7B exactly total minus six idle experts in each of 32 layers', () => {
    const config = readMixtureOfExpertsConfig(json('config_mixtral-8x7b.json'))!;
    expect(computeActiveParameters(46_702_792_704, config)).toBe(46_702_792_704 - 6 * 3 * 4096 * 14336 * 32);
  });

  it('counts sparse layers of Qwen (mlp_only_layers, decoder_sparse_step) and Llama 4 (interleave step)', () => {
    const qwen = {
      ...(json('config_qwen3-235b-a22b.json') as object),
      mlp_only_layers: [0, 1],
      decoder_sparse_step: 2,
    };
    // Layers 1, 3, ..., 93 are sparse (47), minus layer 1 listed as dense.
    expect(readMixtureOfExpertsConfig(qwen)?.moeLayers).toBe(46);
    const llama4 = {
      model_type: 'llama4',
      text_config: {
        hidden_size: 5120,
        intermediate_size: 8192,
        num_hidden_layers: 48,
        num_local_experts: 128,
        num_experts_per_tok: 1,
        interleave_moe_layer_step: 2,
      },
    };
    expect(readMixtureOfExpertsConfig(llama4)).toMatchObject({ experts: 128, moeLayers: 24 });
  });

  it('returns nothing for dense or incomplete configs and totals that do not fit', () => {
    expect(
      readMixtureOfExpertsConfig({ hidden_size: 4096, num_hidden_layers: 32, intermediate_size: 14336 }),
    ).toBeUndefined();
    expect(readMixtureOfExpertsConfig({ num_local_experts: 8, num_experts_per_tok: 2 })).toBeUndefined();
    expect(readMixtureOfExpertsConfig('not a config')).toBeUndefined();
    const config = readMixtureOfExpertsConfig(json('config_deepseek-v3.json'))!;
    expect(computeActiveParameters(8e9, config)).toBeUndefined();
  });

  it('recognises MoE families from the Hub config', () => {
    expect(isMixtureOfExpertsModel(json('model_mixtral-8x7b-instruct.json'))).toBe(true);
    expect(
      isMixtureOfExpertsModel({ config: { model_type: 'llama', architectures: ['LlamaForCausalLM'] } }),
    ).toBe(false);
    expect(isMixtureOfExpertsModel({ config: { model_type: 'deepseek_v3' } })).toBe(true);
  });
});

describe('findBaseModel', () => {
  it('prefers finetune, then adapter, merge, quantized, then a bare tag', () => {
    expect(findBaseModel(['base_model:quantized:a/q', 'base_model:finetune:a/f', 'base_model:a/plain'])).toBe(
      'a/f',
    );
    expect(findBaseModel(['base_model:merge:a/m', 'base_model:adapter:a/ad'])).toBe('a/ad');
    expect(findBaseModel(['base_model:quantized:a/q'])).toBe('a/q');
    expect(findBaseModel(['base_model:a/plain', 'license:mit'])).toBe('a/plain');
    expect(findBaseModel(['license:mit', 42])).toBeUndefined();
  });
});

describe('parseHuggingFace: one model', () => {
  it('reads the facts of a model JSON', () => {
    const result = parseHuggingFace(payload(read('model_mixtral-8x7b-instruct.json')));
    expect(result.issues).toEqual([]);
    expect(result.observations).toEqual([
      {
        source: 'huggingface',
        sourceUrl: mixtralUrl,
        retrievedAt,
        rawName: 'Mixtral-8x7B-Instruct-v0.1',
        sourceModelId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
        huggingFaceId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
        developer: 'mistralai',
        releaseDate: '2023-12-10',
        parameters: { total: 46_702_792_704 },
        baseModel: 'mistralai/Mixtral-8x7B-v0.1',
        license: 'apache-2.0',
        accessibility: 'open-weights',
        domain: 'language',
        links: ['https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1'],
      },
    ]);
  });

  it('adds active parameters from config.json', () => {
    const result = parseHuggingFace(payload(read('model_mixtral-8x7b-instruct.json')), {
      configs: { 'mistralai/Mixtral-8x7B-Instruct-v0.1': json('config_mixtral-8x7b.json') },
    });
    expect(result.observations[0]?.parameters).toEqual({ total: 46_702_792_704, active: 12_879_925_248 });
  });

  it('warns when a config has no MoE fields', () => {
    const result = parseHuggingFace(payload(read('model_mixtral-8x7b-instruct.json')), {
      configs: { 'mistralai/Mixtral-8x7B-Instruct-v0.1': { model_type: 'mixtral' } },
    });
    expect(result.observations[0]?.parameters).toEqual({ total: 46_702_792_704 });
    expect(result.issues).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('mixture-of-experts') }),
    ]);
  });

  it('records the name only, with a warning, for an expand response without facts', () => {
    const body =
      '{"_id":"x1","id":"meta-llama/Llama-3.3-70B-Instruct","inferenceProviderMapping":{"together":{"status":"live"}}}';
    const result = parseHuggingFace(payload(body));
    expect(result.observations).toEqual([
      {
        source: 'huggingface',
        sourceUrl: mixtralUrl,
        retrievedAt,
        rawName: 'Llama-3.3-70B-Instruct',
        sourceModelId: 'meta-llama/Llama-3.3-70B-Instruct',
        huggingFaceId: 'meta-llama/Llama-3.3-70B-Instruct',
        developer: 'meta-llama',
        links: ['https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct'],
      },
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('no createdAt') }),
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('inferenceProviderMapping'),
      }),
    ]);
  });

  it('computes active parameters from a config inlined by expand[]=config (Qwen3-235B-A22B: about 22B)', () => {
    const config = JSON.parse(readFileSync(fixture('config_qwen3-235b-a22b.json'), 'utf8'));
    const body = JSON.stringify({
      _id: 'q1',
      id: 'Qwen/Qwen3-235B-A22B',
      author: 'Qwen',
      createdAt: '2025-04-27T03:52:46.000Z',
      tags: ['license:apache-2.0'],
      safetensors: { parameters: { BF16: 235093634560 }, total: 235093634560 },
      config,
    });
    const result = parseHuggingFace(payload(body));
    expect(result.issues).toEqual([]);
    const parameters = result.observations[0]?.parameters;
    expect(parameters?.total).toBe(235093634560);
    expect(parameters?.active).toBeGreaterThan(21.5e9);
    expect(parameters?.active).toBeLessThan(22.5e9);
  });

  it('says when safetensors and the config disagree by more than 5%, and prefers the config', () => {
    const config = JSON.parse(readFileSync(fixture('config_deepseek-v3.json'), 'utf8'));
    // A mixed-precision repo: BF16 + F8_E4M3 weights + F32 scale tensors, all counted in the total.
    const body = JSON.stringify({
      _id: 'd1',
      id: 'deepseek-ai/DeepSeek-V3',
      author: 'deepseek-ai',
      createdAt: '2024-12-25T00:00:00.000Z',
      safetensors: {
        parameters: { BF16: 3_918_786_560, F8_E4M3: 680_571_043_840, F32: 41_555_600_000 },
        total: 726_045_430_400,
      },
      config,
    });
    const result = parseHuggingFace(payload(body));
    expect(result.issues).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /safetensors total 726045430400 and the inline config's count \d+ differ by 8\.\d%; using the config's count/,
        ),
      }),
    ]);
    const parameters = result.observations[0]?.parameters;
    expect(parameters?.total).toBeGreaterThan(670e9);
    expect(parameters?.total).toBeLessThan(672e9);
    expect(parameters?.active).toBeGreaterThan(36e9);
    expect(parameters?.active).toBeLessThan(39e9);
  });
});

describe('parseHuggingFace: models by author', () => {
  const result = parseHuggingFace(payload(read('models-by-author_qwen_page-1.json'), qwenUrl));

  it('reads every model of the page', () => {
    expect(result.issues).toEqual([]);
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'Qwen3-235B-A22B-Instruct-2507',
      'Qwen3-4B-Instruct-2507',
      'Qwen3-235B-A22B-Instruct-2507-FP8',
    ]);
    expect(result.observations[2]?.baseModel).toBe('Qwen/Qwen3-235B-A22B-Instruct-2507');
    expect(result.observations).toMatchSnapshot();
  });

  it('skips models below minTotalParameters but keeps those of unknown size', () => {
    const small = parseHuggingFace(payload(read('models-by-author_qwen_page-1.json'), qwenUrl), {
      minTotalParameters: 1e10,
    });
    expect(small.observations).toHaveLength(2);
    const page2 = parseHuggingFace(payload(read('models-by-author_qwen_page-2.json'), qwenUrl), {
      minTotalParameters: 1e10,
    });
    expect(page2.observations.map((observation) => observation.rawName)).toEqual([
      'Qwen2.5-72B-Instruct',
      'Qwen2.5-72B-Instruct-GGUF',
    ]);
    expect(page2.observations[1]).not.toHaveProperty('parameters');
  });
});

describe('parseHuggingFace faults', () => {
  const valid = read('models-by-author_qwen_page-1.json');

  it('rejects an empty body', () => {
    expectParseFailed(() => parseHuggingFace(payload('')), /found an empty body/);
  });

  it('rejects a truncated body', () => {
    expectParseFailed(() => parseHuggingFace(payload(valid.slice(0, 200))), /not valid JSON/);
  });

  it('rejects a changed layout (id renamed)', () => {
    expectParseFailed(
      () => parseHuggingFace(payload('{"modelId":"a/b","tags":[]}')),
      /found an object with keys modelId, tags/,
    );
  });

  it('rejects a config.json given alone, saying how to use it', () => {
    expectParseFailed(
      () => parseHuggingFace(payload(read('config_mixtral-8x7b.json'))),
      /config\.json alone names no model/,
    );
  });

  it('drops __proto__ keys', () => {
    const body =
      '[{"id":"a/b","__proto__":{"polluted":1},"tags":["license:mit"],"createdAt":"2025-01-01T00:00:00.000Z"}]';
    const result = parseHuggingFace(payload(body));
    expect(result.observations).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns invalid values in one model into issues while others parse', () => {
    const models = JSON.parse(valid) as Record<string, unknown>[];
    models[0] = { ...models[0], safetensors: { total: 'lots' }, createdAt: 'last week' };
    models[1] = { ...models[1], id: 'no-owner' };
    const result = parseHuggingFace(payload(JSON.stringify(models)));
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'Qwen3-235B-A22B-Instruct-2507',
      'Qwen3-235B-A22B-Instruct-2507-FP8',
    ]);
    expect(result.observations[0]).not.toHaveProperty('parameters');
    expect(result.observations[0]).not.toHaveProperty('releaseDate');
    expect(result.issues).toEqual([
      expect.objectContaining({
        level: 'warning',
        location: '$[0] (Qwen/Qwen3-235B-A22B-Instruct-2507)',
        message: expect.stringContaining('safetensors.total'),
      }),
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('createdAt') }),
      expect.objectContaining({ level: 'error', location: '$[1]' }),
    ]);
  });

  it('ignores a pipeline_tag naming an Object.prototype member', () => {
    const result = parseHuggingFace(payload('{"id":"a/b","pipeline_tag":"constructor","tags":[]}'));
    expect(result.observations[0]).not.toHaveProperty('domain');
  });
});

describe('Hub request URLs', () => {
  it('ask list and model responses for createdAt, author, tags and the inline config', () => {
    for (const url of [
      formatHuggingFaceAuthorUrl('Qwen'),
      formatHuggingFaceModelUrl('Qwen/Qwen3-235B-A22B'),
    ]) {
      const expanded = new URL(url).searchParams.getAll('expand[]');
      expect(expanded).toEqual(
        expect.arrayContaining(['createdAt', 'author', 'tags', 'config', 'safetensors']),
      );
    }
  });
});

describe('createHuggingFaceScraper.scrape', () => {
  const context = (
    http: ReturnType<typeof createFixtureHttpClient>,
    warnings: string[] = [],
  ): ScrapeContext => ({
    http,
    signal: new AbortController().signal,
    log: { debug() {}, info() {}, warn: (message) => warnings.push(message) },
    now: () => new Date(retrievedAt),
    env: {},
  });
  const page2Url = `${qwenUrl}&cursor=page2`;

  it('follows Link rel="next", fetches config.json of MoE models and skips small ones', async () => {
    const http = createFixtureHttpClient(
      {
        [qwenUrl]: {
          body: read('models-by-author_qwen_page-1.json'),
          headers: { Link: `<${page2Url}>; rel="next"` },
        },
        [page2Url]: read('models-by-author_qwen_page-2.json'),
        [formatHuggingFaceConfigUrl('Qwen/Qwen3-235B-A22B-Instruct-2507')]: read(
          'config_qwen3-235b-a22b.json',
        ),
        [formatHuggingFaceConfigUrl('Qwen/Qwen3-235B-A22B-Instruct-2507-FP8')]: {
          status: 401,
          body: 'gated',
        },
      },
      { retrievedAt },
    );
    const warnings: string[] = [];
    const scraper = createHuggingFaceScraper({ authors: ['Qwen'] });
    const result = await scraper.scrape(context(http, warnings));
    expect(result.observations.map((observation) => observation.rawName)).toEqual([
      'Qwen3-235B-A22B-Instruct-2507',
      'Qwen3-235B-A22B-Instruct-2507-FP8',
      'Qwen2.5-72B-Instruct',
      'Qwen2.5-72B-Instruct-GGUF',
    ]);
    const active = result.observations[0]?.parameters?.active ?? 0;
    expect(Math.abs(active - 22e9) / 22e9).toBeLessThan(0.02);
    expect(result.observations[1]?.parameters).toEqual({ total: 235_093_634_560 });
    expect(warnings).toEqual([expect.stringContaining('Qwen3-235B-A22B-Instruct-2507-FP8')]);
    expect(http.requests.map((request) => request.url)).toContain(page2Url);
  });

  it('stops at maxPagesPerAuthor and reports a failing author as an issue', async () => {
    const http = createFixtureHttpClient(
      {
        [qwenUrl]: {
          body: read('models-by-author_qwen_page-1.json'),
          headers: { link: `<${page2Url}>; rel="next"` },
        },
      },
      { retrievedAt },
    );
    const scraper = createHuggingFaceScraper({
      authors: ['Qwen', 'missing-org'],
      maxPagesPerAuthor: 1,
      fetchMoeConfigs: false,
    });
    const result = await scraper.scrape(context(http));
    expect(http.requests.map((request) => request.url)).not.toContain(page2Url);
    expect(result.observations).toHaveLength(2);
    expect(result.issues).toEqual([expect.objectContaining({ level: 'error', location: 'missing-org' })]);
  });

  it('fails as a whole when nothing can be read', async () => {
    const scraper = createHuggingFaceScraper({ authors: ['a'], repoIds: ['b/c'] });
    await expect(scraper.scrape(context(createFixtureHttpClient({})))).rejects.toMatchObject({
      code: 'HTTP_FAILED',
    });
  });
});

testScraper({
  scraper: createHuggingFaceScraper({
    authors: [],
    repoIds: ['mistralai/Mixtral-8x7B-Instruct-v0.1'],
    fetchMoeConfigs: false,
  }),
  fixtures: [
    {
      file: fixture('model_mixtral-8x7b-instruct.json'),
      url: mixtralUrl,
      retrievedAt,
      expect: { names: ['Mixtral-8x7B-Instruct-v0.1'] },
    },
  ],
});

testScraper({
  scraper: createHuggingFaceScraper({ authors: ['Qwen'], minTotalParameters: 0, fetchMoeConfigs: false }),
  fixtures: [
    {
      file: fixture('models-by-author_qwen_page-1.json'),
      url: qwenUrl,
      retrievedAt,
      expect: { minObservations: 3 },
    },
  ],
});
