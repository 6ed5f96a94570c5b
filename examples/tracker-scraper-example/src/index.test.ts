import { testScraper } from '@tracker/scrapers/testing';
import { describe, expect, it } from 'vitest';
import createExampleScraper, { DEFAULT_URL, parseModelList } from './index';

const url = 'https://models.example.org/list.json';
const fixture = new URL('./__fixtures__/models.json', import.meta.url);

testScraper({
  scraper: createExampleScraper({ url }),
  fixtures: [
    {
      file: fixture,
      url,
      retrievedAt: '2026-02-01T10:00:00.000Z',
      expect: { minObservations: 3, names: ['Example-LM 70B', 'Tiny Example'] },
    },
  ],
  additionalTests: ({ scraper, payloads }) => {
    it('reads parameters and dates, and skips the row without a name with a warning', () => {
      const result = scraper.parse(payloads[0]!);
      expect(result.observations[0]).toMatchObject({
        rawName: 'Example-LM 70B',
        developer: 'Example Labs',
        releaseDate: '2025-03-14',
        parameters: { total: 7e10 },
      });
      expect(result.issues).toEqual([
        { level: 'warning', message: 'skipped a row without a "name"', location: '$.models[3]' },
      ]);
    });
  },
});

describe('createExampleScraper', () => {
  it('reads the default URL unless told otherwise', () => {
    expect(createExampleScraper().sources).toEqual([DEFAULT_URL]);
    expect(createExampleScraper({ url }).sources).toEqual([url]);
  });

  it('turns a row with an impossible date into a warning, not a throw', () => {
    const result = parseModelList({
      body: '{"models":[{"name":"A","released":"yesterday"},{"name":"B"}]}',
      url,
      retrievedAt: '2026-02-01T10:00:00.000Z',
    });
    expect(result.observations.map((observation) => observation.rawName)).toEqual(['B']);
    expect(result.issues[0]?.message).toContain('releaseDate');
  });
});
