import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { livebenchScraper } from './builtin/livebench';
import { openrouterScraper } from './builtin/openrouter';
import {
  describeSavedPayloadDates,
  parseSavedPayloads,
  payloadDate,
  readSavedPayloads,
  savedPayloadUrl,
} from './saved-payloads';

const now = () => new Date('2026-12-04T10:00:00.000Z');
const livebenchFixture = (name: string) =>
  readFileSync(new URL(`./builtin/livebench/__fixtures__/${name}`, import.meta.url), 'utf8');

describe('payloadDate', () => {
  it('prefers --retrieved-at, then a date the payload states, then one in the file name, never the mtime', () => {
    const json = {
      fileName: 'board_2026-01-01.json',
      body: '{"leaderboard_publish_date":"2026-04-19","rows":[]}',
    };
    expect(payloadDate(json, { retrievedAt: '2026-05-01', now })).toEqual({
      retrievedAt: '2026-05-01T00:00:00.000Z',
      basis: 'retrieved-at',
    });
    expect(payloadDate(json, { now })).toEqual({ retrievedAt: '2026-04-19T00:00:00.000Z', basis: 'payload' });
    expect(
      payloadDate(
        { fileName: 'page.html', body: '<!-- Updated: 2025-08-11T13:54:57 --><table></table>' },
        { now },
      ),
    ).toEqual({
      retrievedAt: '2025-08-11T00:00:00.000Z',
      basis: 'payload',
    });
    expect(payloadDate({ fileName: 'table_2026_01_08.csv', body: 'model,a\nx,1\n' }, { now })).toEqual({
      retrievedAt: '2026-01-08T00:00:00.000Z',
      basis: 'file-name',
    });
    expect(payloadDate({ fileName: 'models.json', body: '{"data":[]}' }, { now })).toEqual({
      retrievedAt: '2026-12-04T10:00:00.000Z',
      basis: 'none',
    });
  });

  it('reads no date out of CSV cells (they are data), and rejects a bad --retrieved-at', () => {
    const csv = { fileName: 'notes.csv', body: 'Model,Notes\nA,updated 2024-01-01 by hand\n' };
    expect(payloadDate(csv, { now }).basis).toBe('none');
    expect(() => payloadDate(csv, { retrievedAt: 'last week', now })).toThrow(
      /--retrieved-at: expected a date/,
    );
  });
});

describe('readSavedPayloads', () => {
  it('gives each LiveBench file its own URL and date, and says where each date came from', () => {
    const saved = readSavedPayloads(
      livebenchScraper,
      [
        { fileName: 'table_2026_06_25.csv', body: livebenchFixture('table_2026_06_25.csv') },
        { fileName: 'site-table_2026-03-24.csv', body: livebenchFixture('site-table_2026-03-24.csv') },
      ],
      { now },
    );
    expect(saved.map(({ payload }) => [payload.url, payload.retrievedAt])).toEqual([
      ['https://livebench.ai/table_2026_06_25.csv', '2026-06-25T00:00:00.000Z'],
      ['https://livebench.ai/', '2026-03-24T00:00:00.000Z'],
    ]);
    const result = parseSavedPayloads(
      livebenchScraper,
      saved.map((item) => item.payload),
    );
    const urls = new Set(result.observations.map((observation) => observation.sourceUrl));
    expect([...urls].sort()).toEqual(['https://livebench.ai/', 'https://livebench.ai/table_2026_06_25.csv']);
    expect(describeSavedPayloadDates(saved)[0]).toBe(
      'table_2026_06_25.csv: dated 2026-06-25 from the date in the file name; source URL https://livebench.ai/table_2026_06_25.csv',
    );
  });

  it('lets --source-url win, and falls back to the first URL of a source that cannot tell', () => {
    expect(savedPayloadUrl(livebenchScraper, 'table_2026_06_25.csv', 'https://mirror.example/t.csv')).toBe(
      'https://mirror.example/t.csv',
    );
    expect(savedPayloadUrl(openrouterScraper, 'models.json')).toBe(openrouterScraper.sources[0]);
  });
});
