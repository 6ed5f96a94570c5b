import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ObservationSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import type { Payload, ScrapeResult } from '../scraper';
import { parseLmarena } from './lmarena';
import { isOpenRouterRouterEntry, parseOpenRouter } from './openrouter';

// The real recorded payloads live beside the checkout (`../shared/fixtures` from the repo root); CI has them too.
const fixturesRoot = fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));
const exists = existsSync(fixturesRoot);
if (!exists) {
  console.log(`real-payloads-a: ${fixturesRoot} not found; the real-payload suite for openrouter, lmarena, huggingface and livebench is skipped`);
}

function load(folder: string, fileName: string): Payload {
  const path = join(fixturesRoot, folder, fileName);
  return { body: readFileSync(path, 'utf8'), url: pathToFileURL(path).href, retrievedAt: '2026-11-25T00:00:00.000Z', fileName };
}

function expectAllValid(result: ScrapeResult): void {
  for (const observation of result.observations) expect(ObservationSchema.safeParse(observation).success).toBe(true);
}

describe.skipIf(!exists)('real payloads: openrouter', () => {
  it.each([
    ['api_v1_models_2026-05.json', 356],
    ['api_v1_models_2025-12-02_compact.json', 335],
  ])('parses every model of %s', (fileName, total) => {
    const payload = load('openrouter', fileName);
    const entries = (JSON.parse(payload.body) as { data: { id: string }[] }).data;
    expect(entries).toHaveLength(total);
    const routers = entries.filter((entry) => isOpenRouterRouterEntry(entry.id)).length;
    const result = parseOpenRouter(payload);
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(total - routers);
    expectAllValid(result);
    const withRepo = entries.filter((entry) => !isOpenRouterRouterEntry(entry.id) && (entry as { hugging_face_id?: string | null }).hugging_face_id);
    expect(result.observations.filter((observation) => observation.huggingFaceId)).toHaveLength(withRepo.length);
    expect(result.observations.every((observation) => observation.releaseDate && observation.developer)).toBe(true);
  });
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
    expect(result.observations.filter((observation) => observation.scores?.['lmarena-text']?.preliminary)).toHaveLength(6);
  });
});
