import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ObservationSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { parseSavedPayloads, readSavedPayloads } from '../saved-payloads';
import type { Payload, ScrapeResult } from '../scraper';
import { parseHuggingFace } from './huggingface';
import { livebenchScraper, parseLivebench, parseLivebenchCategories, parseLivebenchTable } from './livebench';
import { parseLmarena } from './lmarena';
import { isOpenRouterRouterEntry, openRouterBaseId, parseOpenRouter } from './openrouter';

// The real recorded payloads live beside the checkout (`../shared/fixtures` from the repo root); CI has them too.
const fixturesRoot = fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));
const exists = existsSync(fixturesRoot);
if (!exists) {
  console.log(
    `real-payloads-a: ${fixturesRoot} not found; the real-payload suite for openrouter, lmarena, huggingface and livebench is skipped`,
  );
}

function load(folder: string, fileName: string): Payload {
  const path = join(fixturesRoot, folder, fileName);
  return {
    body: readFileSync(path, 'utf8'),
    url: pathToFileURL(path).href,
    retrievedAt: '2026-11-25T00:00:00.000Z',
    fileName,
  };
}

function expectAllValid(result: ScrapeResult): void {
  for (const observation of result.observations)
    expect(ObservationSchema.safeParse(observation).success).toBe(true);
}

describe.skipIf(!exists)('real payloads: openrouter', () => {
  it.each([
    ['api_v1_models_2026-05.json', 356],
    ['api_v1_models_2025-12-02_compact.json', 335],
  ])(
    'parses every model of %s: one per base id, the base entry winning, with its pricing',
    (fileName, total) => {
      const payload = load('openrouter', fileName);
      type Entry = {
        id: string;
        hugging_face_id?: string | null;
        context_length?: number | null;
        pricing?: { prompt?: string; completion?: string };
        knowledge_cutoff?: string | null;
      };
      const entries = (JSON.parse(payload.body) as { data: Entry[] }).data;
      expect(entries).toHaveLength(total);
      const models = entries.filter((entry) => !isOpenRouterRouterEntry(entry.id));
      const baseIds = new Set(models.map((entry) => openRouterBaseId(entry.id)));
      const result = parseOpenRouter(payload);
      expect(result.issues).toEqual([]);
      expect(result.observations).toHaveLength(baseIds.size);
      expectAllValid(result);
      const byBase = new Map(
        result.observations.map((item) => [openRouterBaseId(item.sourceModelId ?? ''), item]),
      );
      let priced = 0;
      for (const entry of models) {
        if (entry.id !== openRouterBaseId(entry.id)) continue;
        const observation = byBase.get(entry.id);
        // The base entry wins: its id, its context and its prices are what is stored.
        expect(observation?.sourceModelId).toBe(entry.id);
        if (entry.context_length) expect(observation?.contextLength).toBe(entry.context_length);
        const prompt = Number(entry.pricing?.prompt);
        if (prompt >= 0) {
          expect(observation?.pricing?.inputUsdPerMillionTokens).toBeCloseTo(prompt * 1e6, 6);
          priced += 1;
        }
        if (entry.knowledge_cutoff) expect(observation?.knowledgeCutoff).toBe(entry.knowledge_cutoff);
      }
      expect(priced).toBeGreaterThan(0.9 * baseIds.size);
      expect(result.observations.filter((observation) => observation.huggingFaceId)).toHaveLength(
        new Set(models.filter((entry) => entry.hugging_face_id).map((entry) => openRouterBaseId(entry.id)))
          .size,
      );
      expect(
        result.observations.every((observation) => observation.releaseDate && observation.developer),
      ).toBe(true);
      console.log(
        `[real-payloads] openrouter ${fileName}: ${result.observations.length} models, ${priced} base entries priced`,
      );
    },
  );
});

describe.skipIf(!exists)('real payloads: lmarena', () => {
  it.each([
    ['hf-space-derived_lmarena_text_2025-08-04.csv', 266, '2025-08-04'],
    ['site-table_lmarena-leaderboard-text_2026-02-03.csv', 300, '2026-02-03'],
    ['site-table_lmarena-leaderboard-text_2026-03-29.csv', 333, '2026-03-29'],
    ['arena-ai-text_llm-parsed_2026-04-19.json', 50, '2026-04-19'],
  ])('parses every row of %s', (fileName, rows, asOf) => {
    const result = parseLmarena(load('lmarena', fileName));
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(rows);
    expectAllValid(result);
    for (const observation of result.observations) {
      const score = observation.scores?.['lmarena-text'];
      expect(score?.asOf).toBe(asOf);
      expect(score?.lower).toBeLessThan(score?.value ?? 0);
      expect(score?.upper).toBeGreaterThan(score?.value ?? 0);
      expect(score?.votes).toBeGreaterThan(0);
      expect(score?.rank).toBeGreaterThan(0);
    }
  });

  it('flags the preliminary scores of the 2026-03 layout', () => {
    const result = parseLmarena(load('lmarena', 'site-table_lmarena-leaderboard-text_2026-03-29.csv'));
    expect(
      result.observations.filter((observation) => observation.scores?.['lmarena-text']?.preliminary),
    ).toHaveLength(6);
  });
});

describe.skipIf(!exists)('real payloads: huggingface', () => {
  const folder = exists ? join(fixturesRoot, 'huggingface-hub') : '';
  const files = exists ? readdirSync(folder).filter((name) => name.endsWith('.json')) : [];

  it('finds the six recorded model responses', () => {
    expect(files).toHaveLength(6);
  });

  it.each(files)('parses %s into one observation', (fileName) => {
    const payload = load('huggingface-hub', fileName);
    const document = JSON.parse(payload.body) as {
      id: string;
      safetensors?: { total: number };
      createdAt?: string;
    };
    const result = parseHuggingFace(payload);
    expect(result.observations).toHaveLength(1);
    expectAllValid(result);
    const [observation] = result.observations;
    expect(observation?.huggingFaceId).toBe(document.id);
    expect(observation?.parameters?.total).toBe(document.safetensors?.total);
    expect(observation?.releaseDate).toBe(document.createdAt?.slice(0, 10));
    if (fileName.includes('expand-')) {
      // An expand response without createdAt: the missing release date and the missing facts are both said.
      expect(result.issues.map((issue) => issue.message)).toEqual([
        expect.stringContaining('no createdAt'),
        expect.stringContaining('no model facts besides the id'),
      ]);
    } else {
      expect(result.issues).toEqual([]);
      expect(observation?.license).toBeDefined();
    }
  });

  it('reads the gated Llama repos with their exact sizes and base models', () => {
    const small = parseHuggingFace(
      load('huggingface-hub', 'api_models_meta-llama__Llama-3.1-8B-Instruct.json'),
    );
    expect(small.observations[0]).toMatchObject({
      rawName: 'Llama-3.1-8B-Instruct',
      parameters: { total: 8030261248 },
      baseModel: 'meta-llama/Llama-3.1-8B',
      license: 'llama3.1',
      accessibility: 'open-weights-gated',
    });
    const large = parseHuggingFace(
      load('huggingface-hub', 'api_models_meta-llama__Meta-Llama-3-70B-Instruct.json'),
    );
    expect(large.observations[0]?.parameters?.total).toBe(70553706496);
  });
});

describe.skipIf(!exists)('real payloads: livebench', () => {
  const categories = exists ? parseLivebenchCategories(load('livebench', 'categories_2026_06_25.json')) : {};

  it('reads the seven categories', () => {
    expect(Object.keys(categories)).toHaveLength(7);
  });

  it.each([
    ['table_2026_06_25.csv', 46, '2026-06-25', 0],
    ['table_2026_01_08.csv', 121, '2026-01-08', 1],
  ])('parses every model of %s', (fileName, models, asOf, ragged) => {
    const result = parseLivebenchTable(load('livebench', fileName), { categories });
    expect(result.observations).toHaveLength(models);
    expectAllValid(result);
    // table_2026_01_08.csv has one row with 21 of 24 cells: kept by name, with a warning.
    expect(result.issues).toHaveLength(ragged);
    const scored = result.observations.filter((observation) => observation.scores);
    expect(scored).toHaveLength(models - ragged);
    for (const observation of scored) {
      expect(Object.keys(observation.scores ?? {})).toHaveLength(8);
      expect(observation.scores?.['livebench-global']?.asOf).toBe(asOf);
    }
  });

  it('parses every model of the site table export', () => {
    const result = parseLivebench(load('livebench', 'site-table_livebench_2026-03-24.csv'));
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(66);
    expectAllValid(result);
    expect(result.observations.some((observation) => observation.rawName.includes('*'))).toBe(false);
    expect(result.observations[1]).toMatchObject({
      rawName: 'Gemini 3.1 Pro Preview High',
      developer: 'Google',
      scores: { 'livebench-global': { value: 79.93, asOf: '2026-03-24' } },
    });
  });

  it('collect --from with several tables: each keeps its own URL and date', () => {
    const files = [
      'table_2026_01_08.csv',
      'table_2026_06_25.csv',
      'categories_2026_06_25.json',
      'site-table_livebench_2026-03-24.csv',
    ].map((fileName) => ({
      fileName,
      body: readFileSync(join(fixturesRoot, 'livebench', fileName), 'utf8'),
    }));
    const saved = readSavedPayloads(livebenchScraper, files, {
      now: () => new Date('2026-11-25T00:00:00.000Z'),
    });
    expect(saved.map((item) => item.dateBasis)).toEqual(['file-name', 'file-name', 'file-name', 'file-name']);
    const result = parseSavedPayloads(
      livebenchScraper,
      saved.map((item) => item.payload),
    );
    const byTable = new Map<string, Set<string>>();
    for (const observation of result.observations) {
      const key = `${observation.sourceUrl} ${observation.retrievedAt.slice(0, 10)} ${observation.scores?.['livebench-global']?.asOf ?? '-'}`;
      byTable.set(key, (byTable.get(key) ?? new Set()).add(observation.rawName));
    }
    expect([...byTable.keys()].sort()).toEqual([
      'https://livebench.ai/ 2026-03-24 2026-03-24',
      'https://livebench.ai/table_2026_01_08.csv 2026-01-08 -',
      'https://livebench.ai/table_2026_01_08.csv 2026-01-08 2026-01-08',
      'https://livebench.ai/table_2026_06_25.csv 2026-06-25 2026-06-25',
    ]);
  });
});
