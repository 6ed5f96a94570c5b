import { testScraper } from '../../testing';
import { createTableScraper } from './table-scraper';

testScraper({
  scraper: createTableScraper({
    id: 'example-board',
    name: 'Example board',
    url: 'https://example.org/leaderboard',
    columns: {
      name: 'Model',
      developer: 'Organization',
      scores: { 'example-overall': 'Overall Score', 'example-math': 'Math' },
    },
  }),
  fixtures: [
    {
      file: new URL('./__fixtures__/leaderboard.html', import.meta.url),
      url: 'https://example.org/leaderboard',
      expect: { minObservations: 4, names: ['360'] },
    },
  ],
});

testScraper({
  scraper: createTableScraper({
    id: 'example-csv',
    name: 'Example CSV',
    url: 'https://example.org/leaderboard.csv',
    columns: {
      name: 'Model',
      developer: 'Developer',
      releaseDate: 'Released',
      parameters: 'Params',
      scores: { 'example-elo': 'Score' },
    },
  }),
  fixtures: [
    {
      file: new URL('./__fixtures__/leaderboard.csv', import.meta.url),
      url: 'https://example.org/leaderboard.csv',
      expect: { minObservations: 3 },
    },
  ],
});

testScraper({
  scraper: createTableScraper({
    id: 'example-video',
    name: 'Example video board',
    url: 'https://example.org/leaderboard.md',
    columns: { name: 'Model', variant: 'Model Type', scores: { 'example-video-score': 'Score' } },
  }),
  fixtures: [
    {
      file: new URL('./__fixtures__/leaderboard.md', import.meta.url),
      url: 'https://example.org/leaderboard.md',
      expect: { minObservations: 4 },
    },
  ],
});
