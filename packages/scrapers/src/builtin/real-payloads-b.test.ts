import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ObservationSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import type { BaseScraper, Payload, ScrapeResult } from '../scraper';
import { parseArtificialAnalysis } from './artificial-analysis';
import { parseOpenlmArena } from './openlm-arena';
import { loadTableScrapers } from './table';

// The real recorded payloads live beside the checkout (`../shared/fixtures` from the repo root); CI has them too.
const fixturesRoot = fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));
const configsRoot = fileURLToPath(new URL('../../../../configs/tables', import.meta.url));
const exists = existsSync(fixturesRoot);
if (!exists) {
  console.log(
    `real-payloads-b: ${fixturesRoot} not found; the real-payload suite for artificial-analysis, openlm-arena and table is skipped`,
  );
}

const RETRIEVED_AT = '2026-11-25T00:00:00.000Z';

function load(folder: string, fileName: string): Payload {
  const path = join(fixturesRoot, folder, fileName);
  return {
    body: readFileSync(path, 'utf8'),
    url: pathToFileURL(path).href,
    retrievedAt: RETRIEVED_AT,
    fileName,
  };
}

function expectAllValid(result: ScrapeResult): void {
  for (const observation of result.observations)
    expect(ObservationSchema.safeParse(observation).success).toBe(true);
  expect(result.issues.filter((issue) => issue.level === 'error')).toEqual([]);
}

/** Rows of a CSV file, counted by a plain split (no field of these files holds a newline). */
function countCsvRows(body: string): number {
  return body.trim().split(/\r?\n/).length - 1;
}

describe.skipIf(!exists)('real payloads: artificial-analysis', () => {
  it('parses every row of the saved leaderboard table (429)', () => {
    const payload = load('artificial-analysis', 'site-table_leaderboards-models_2026-03-30.csv');
    expect(countCsvRows(payload.body)).toBe(429);
    const result = parseArtificialAnalysis(payload);
    expectAllValid(result);
    expect(result.observations).toHaveLength(429);
    // The only issues are the names the table lists more than once (reasoning variants without their label).
    expect(
      result.issues.every((issue) => issue.level === 'warning' && issue.message.includes('rows are named')),
    ).toBe(true);
    const first = result.observations[0]!;
    expect(first).toMatchObject({
      source: 'artificial-analysis',
      sourceUrl: 'https://artificialanalysis.ai/leaderboards/models',
      rawName: 'Gemini 3.1 Pro Preview',
      developer: 'Google',
      contextLength: 1_000_000,
      scores: { 'aa-intelligence-index': { value: 57, asOf: '2026-03-30' } },
    });
    const withIndex = result.observations.filter(
      (observation) => observation.scores?.['aa-intelligence-index'],
    );
    const preliminary = withIndex.filter(
      (observation) => observation.scores?.['aa-intelligence-index']?.preliminary,
    );
    const rows = payload.body.split(/\r?\n/).slice(1);
    expect(withIndex).toHaveLength(rows.filter((row) => row !== '' && !row.includes(',--,')).length);
    expect(preliminary).toHaveLength(rows.filter((row) => / E,/.test(row)).length);
    expect(
      result.observations.every(
        (observation) => observation.developer !== undefined && observation.contextLength !== undefined,
      ),
    ).toBe(true);
  });
});

describe.skipIf(!exists)('real payloads: openlm-arena', () => {
  it('parses every row of the derived CSV (314), reading only the leaderboard columns', () => {
    const payload = load('openlm-arena', 'openlm-derived_chatbot_arena_leaderboard_with_cost_2026-08-22.csv');
    const result = parseOpenlmArena(payload);
    expectAllValid(result);
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(314);
    expect(result.observations[0]).toMatchObject({
      rawName: 'claude opus 5',
      developer: 'Anthropic',
      license: 'Proprietary',
      scores: {
        'openlm-arena-elo': { value: 1511, asOf: '2026-08-22' },
        'openlm-arena-coding': { value: 1566 },
        'openlm-arena-vision': { value: 1314 },
        'openlm-aaii': { value: 63 },
        'mmlu-pro': { value: 91.6 },
        'arc-agi': { value: 90.4 },
      },
    });
    // The original dropped the Organization column; every row keeps it here.
    expect(result.observations.every((observation) => observation.developer !== undefined)).toBe(true);
    expect(result.observations.some((observation) => observation.rawName.includes('\u2705'))).toBe(false);
    const benchmarks = new Set(
      result.observations.flatMap((observation) => Object.keys(observation.scores ?? {})),
    );
    expect([...benchmarks].sort()).toEqual([
      'arc-agi',
      'mmlu-pro',
      'openlm-aaii',
      'openlm-arena-coding',
      'openlm-arena-elo',
      'openlm-arena-vision',
    ]);
  });
});

interface SeedFile {
  metadata: { model_count: number };
  models: { name: string; developer: string; benchmarks: Record<string, number> }[];
}

/** Each configured table, its seed page, the original's parsed output, and how its benchmark names map onto ours. */
const SEED_TABLES = [
  {
    id: 'superclue',
    page: 'SuperCLUE.html',
    seed: 'superclue_models.json',
    count: 31,
    developers: true,
    benchmarks: {
      superclue_overall: 'superclue-overall',
      superclue_math: 'superclue-math',
      superclue_reasoning: 'superclue-reasoning',
      superclue_code: 'superclue-code',
      superclue_agents: 'superclue-agents',
    },
  },
  {
    id: 'olympic-arena',
    page: 'OlympicArena.html',
    seed: 'olympic_arena_models.json',
    count: 8,
    developers: true,
    benchmarks: {
      olympic_overall: 'olympic-arena-overall',
      olympic_math: 'olympic-arena-math',
      olympic_physics: 'olympic-arena-physics',
      olympic_chemistry: 'olympic-arena-chemistry',
      olympic_biology: 'olympic-arena-biology',
    },
  },
  {
    id: 'physics-iq',
    page: 'PhysicsIQ.html',
    seed: 'physics_iq_models.json',
    count: 8,
    developers: false,
    benchmarks: { physics_iq_score: 'physics-iq' },
  },
  {
    id: 'video-arena',
    page: 'VideoArena.html',
    seed: 'video_arena_models.json',
    count: 7,
    developers: false,
    benchmarks: { video_arena_elo: 'video-arena-elo', video_quality: 'video-arena-quality' },
  },
] as const;

describe.skipIf(!exists)(
  'real payloads: table configs on the original system’s benchmark pages (SYNTHETIC pages)',
  async () => {
    const scrapers = new Map<string, BaseScraper>(
      exists ? (await loadTableScrapers(configsRoot)).map((scraper) => [scraper.id, scraper]) : [],
    );

    for (const table of SEED_TABLES) {
      it(`${table.id}: parses every row of ${table.page} with the original's row count and scores`, () => {
        const scraper = scrapers.get(table.id);
        expect(scraper, `configs/tables has ${table.id}`).toBeDefined();
        const result = scraper!.parse(load('seed-benchmark-files', table.page));
        expectAllValid(result);
        expect(result.issues).toEqual([]);
        const seed = JSON.parse(
          readFileSync(join(fixturesRoot, 'seed-scraped', table.seed), 'utf8'),
        ) as SeedFile;
        expect(seed.models).toHaveLength(table.count);
        expect(result.observations).toHaveLength(table.count);
        // Same scores, row by row, as the original's parse (it kept the page's order).
        seed.models.forEach((model, index) => {
          const observation = result.observations[index]!;
          for (const [originalName, benchmark] of Object.entries(table.benchmarks)) {
            expect(observation.scores?.[benchmark]?.value, `${observation.rawName} ${benchmark}`).toBe(
              model.benchmarks[originalName],
            );
            expect(observation.scores?.[benchmark]?.asOf).toBe('2025-08-11');
          }
        });
        // Better than the original: the page's organization column is kept, not guessed from the name.
        if (table.developers)
          expect(result.observations.every((observation) => observation.developer !== undefined)).toBe(true);
      });
    }

    it('superclue keeps the first row (rank "-") and the organization the original ignored', () => {
      const result = scrapers.get('superclue')!.parse(load('seed-benchmark-files', 'SuperCLUE.html'));
      expect(result.observations[0]).toMatchObject({
        rawName: 'GPT-5(high)',
        developer: 'OpenAI',
        sourceUrl: 'https://www.superclueai.com/',
      });
      expect(
        result.observations.find((observation) => observation.rawName === 'Yi-Lightning')?.developer,
      ).toBe('01 AI');
    });

    it('physics-iq keeps the two input modes of one model apart', () => {
      const result = scrapers.get('physics-iq')!.parse(load('seed-benchmark-files', 'PhysicsIQ.html'));
      expect(
        result.observations
          .map((observation) => observation.rawName)
          .filter((name) => name.startsWith('VideoPoet')),
      ).toEqual(['VideoPoet (multiframe)', 'VideoPoet (i2v)']);
    });
  },
);
