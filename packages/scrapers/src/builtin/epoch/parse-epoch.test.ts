import { readFileSync } from 'node:fs';
import type { Observation } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../scraper';
import { createFixtureHttpClient, testScraper } from '../../testing';
import { EPOCH_HEADERS, mapEpochColumns } from './epoch-columns';
import { epochScraper } from './epoch-scraper';
import {
  detectEpochFileKind,
  EPOCH_FILE_URLS,
  type EpochFileKind,
  parseEpoch,
  parseEpochFiles,
  readEpochFile,
} from './parse-epoch';

const FILES: Record<EpochFileKind, { file: string; retrievedAt: string }> = {
  notable: { file: 'notable_ai_models.csv', retrievedAt: '2026-08-19T00:00:00.000Z' },
  'large-scale': { file: 'large_scale_ai_models.csv', retrievedAt: '2026-08-19T00:00:00.000Z' },
  frontier: { file: 'frontier_ai_models.csv', retrievedAt: '2026-05-02T00:00:00.000Z' },
  all: { file: 'all_ai_models.csv', retrievedAt: '2026-03-30T00:00:00.000Z' },
};
const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);

function payload(kind: EpochFileKind): Payload {
  const { file, retrievedAt } = FILES[kind];
  return {
    body: readFileSync(fixture(file), 'utf8'),
    url: EPOCH_FILE_URLS[kind],
    fileName: file,
    retrievedAt,
  };
}

function byName(observations: readonly Observation[], name: string): Observation {
  const found = observations.find((observation) => observation.rawName === name);
  if (!found) throw new Error(`no observation "${name}"`);
  return found;
}

describe('detectEpochFileKind', () => {
  it('reads the kind from the file name or URL', () => {
    expect(detectEpochFileKind({ url: 'file:///x/large_scale_ai_models_2026-08-19.csv' })).toBe(
      'large-scale',
    );
    expect(detectEpochFileKind({ url: 'https://epoch.ai/data/notable_ai_models.csv' })).toBe('notable');
    expect(detectEpochFileKind({ url: 'x', fileName: 'frontier_ai_models.csv' })).toBe('frontier');
    expect(detectEpochFileKind({ url: 'https://epoch.ai/data/all_ai_models.csv' })).toBe('all');
    expect(detectEpochFileKind({ url: 'https://example.org/models.csv' })).toBeNull();
  });
});

describe('parseEpoch (one file)', () => {
  const result = parseEpoch(payload('notable'));

  it('maps every fact of a row', () => {
    expect(byName(result.observations, 'Alpha-70B')).toEqual({
      source: 'epoch',
      sourceUrl: 'https://epoch.ai/data/notable_ai_models.csv',
      retrievedAt: '2026-08-19T00:00:00.000Z',
      rawName: 'Alpha-70B',
      developer: 'Alpha Lab',
      releaseDate: '2024-07-23',
      parameters: { total: 70e9 },
      trainingTokens: 15e12,
      hardware: { chip: 'NVIDIA H100 SXM5 80GB', count: 1024, hours: 720, utilization: 0.41 },
      reportedCompute: { flop: 6.3e24, confidence: 'confident' },
      accessibility: 'open-weights',
      domain: 'language',
      links: ['https://example.org/alpha'],
    });
  });

  it('keeps the first base model, the fine-tune compute, drops non-URL links and a blank compute', () => {
    const beta = byName(result.observations, 'Beta Chat');
    expect(beta.baseModel).toBe('Beta Base');
    expect(beta.finetuneCompute).toBe(4e22);
    expect(beta.links).toBeUndefined();
    expect(beta.reportedCompute).toBeUndefined();
    expect(beta.accessibility).toBe('api');
  });

  it("keeps Epoch's dataset size for every domain, times epochs", () => {
    const vision = byName(result.observations, 'Vision One');
    expect(vision.trainingTokens).toBe(400e6 * 10);
    expect(vision.domain).toBe('vision');
    expect(vision.reportedCompute?.confidence).toBe('likely');
  });

  it('turns a nameless and a duplicate row into issues with a reason, so every row is accounted for', () => {
    const file = readEpochFile(payload('notable'));
    expect(file.rowCount).toBe(5);
    expect(file.rows).toHaveLength(3);
    expect(file.issues.map((issue) => issue.message)).toEqual([
      'row skipped: no model name',
      'row skipped: duplicate of row 1 ("Alpha-70B")',
    ]);
    expect(file.issues.map((issue) => issue.location)).toEqual(['notable row 3', 'notable row 4']);
  });

  it('maps Unverified to unknown, DEPRECATED datapoints to tokens and multimodal domains', () => {
    const gamma = byName(parseEpoch(payload('large-scale')).observations, 'Gamma MoE');
    expect(gamma.reportedCompute?.confidence).toBe('unknown');
    expect(gamma.trainingTokens).toBe(30e12);
    expect(gamma.domain).toBe('multimodal');
    expect(gamma.developer).toBe('Gamma AI, Partner U');
    expect(gamma.accessibility).toBe('open-weights-restricted');
  });

  it('reads the over-1e25 flags and the estimation method keyword', () => {
    const frontier = parseEpoch(payload('frontier')).observations;
    expect(byName(frontier, 'Delta Ultra').computeSignals).toEqual(['over-1e25']);
    expect(byName(frontier, 'Epsilon').computeSignals).toEqual(['maybe-over-1e25']);
    expect(byName(frontier, 'Epsilon').reportedCompute).toEqual({
      flop: 9e24,
      confidence: 'speculative',
      method: 'benchmark',
    });
  });

  it("reads 'very likely above 1e25' in the notes as a signal without storing the notes", () => {
    const zeta = byName(parseEpoch(payload('all')).observations, 'Zeta');
    expect(zeta.computeSignals).toEqual(['over-1e25']);
    expect(JSON.stringify(zeta)).not.toContain('cluster');
  });

  it('rejects payloads that are not Epoch files with PARSE_FAILED naming the source', () => {
    expect(() =>
      parseEpoch({
        body: 'a,b\n1,2\n',
        url: 'https://example.org/other.csv',
        retrievedAt: '2026-01-01T00:00:00.000Z',
      }),
    ).toThrow(/epoch/);
    expect(() => parseEpoch({ ...payload('notable'), body: 'Model,Foo\nX,1\n' })).toThrow(
      /Training compute \(FLOP\)/,
    );
    expect(() => parseEpoch({ ...payload('notable'), body: '' })).toThrow(/epoch/);
  });
});

describe('parseEpochFiles (the union)', () => {
  const union = parseEpochFiles([
    payload('all'),
    payload('frontier'),
    payload('large-scale'),
    payload('notable'),
  ]);

  it('is what epochScraper.parseMany gives for saved copies of the files', () => {
    expect(
      epochScraper.parseMany?.([
        payload('notable'),
        payload('all'),
        payload('frontier'),
        payload('large-scale'),
      ]),
    ).toEqual(
      parseEpochFiles([payload('notable'), payload('all'), payload('frontier'), payload('large-scale')]),
    );
  });

  it('gives one observation per model', () => {
    expect(union.observations.map((observation) => observation.rawName).sort()).toEqual([
      'Alpha-70B',
      'Beta Chat',
      'Delta Ultra',
      'Epsilon',
      'Gamma MoE',
      'Vision One',
      'Zeta',
    ]);
  });

  it("keeps the newest file's row (notable before large-scale on a tie) and fills columns it lacks from older files", () => {
    const alpha = byName(union.observations, 'Alpha-70B');
    expect(alpha.sourceUrl).toBe(EPOCH_FILE_URLS.notable);
    expect(alpha.reportedCompute).toEqual({
      flop: 6.3e24,
      confidence: 'confident',
      lower: 4e24,
      upper: 9e24,
      method: 'operation-count+hardware',
    });
    expect(alpha.hardware?.chip).toBe('NVIDIA H100 SXM5 80GB');
  });

  it('leaves a figure the newest file removed removed', () => {
    expect(byName(union.observations, 'Beta Chat').reportedCompute).toBeUndefined();
  });

  it('is independent of the order the files are given in', () => {
    const reversed = parseEpochFiles([
      payload('notable'),
      payload('large-scale'),
      payload('frontier'),
      payload('all'),
    ]);
    expect(reversed).toEqual(union);
  });
});

describe('epochScraper.scrape', () => {
  it('fetches the four files and returns their union', async () => {
    const routes = Object.fromEntries(
      (Object.keys(FILES) as EpochFileKind[]).map((kind) => [EPOCH_FILE_URLS[kind], payload(kind).body]),
    );
    const http = createFixtureHttpClient(routes, {
      retrievedAt: '2026-08-19T00:00:00.000Z',
      sourceId: 'epoch',
    });
    const logs: string[] = [];
    const result = await epochScraper.scrape({
      http,
      signal: new AbortController().signal,
      log: { debug: () => {}, info: () => {}, warn: (message) => logs.push(message) },
      now: () => new Date('2026-08-19T00:00:00.000Z'),
      env: {},
    });
    expect(result.observations).toHaveLength(7);
    expect(logs).toEqual([]);
  });

  it('goes on without a file that fails, and says so', async () => {
    const routes = { [EPOCH_FILE_URLS.notable]: payload('notable').body };
    const http = createFixtureHttpClient(routes, { sourceId: 'epoch' });
    const logs: string[] = [];
    const result = await epochScraper.scrape({
      http,
      signal: new AbortController().signal,
      log: { debug: () => {}, info: () => {}, warn: (message) => logs.push(message) },
      now: () => new Date(),
      env: {},
    });
    expect(result.observations).toHaveLength(3);
    expect(logs).toHaveLength(3);
    expect(result.issues.filter((issue) => issue.message.includes('could not be read'))).toHaveLength(3);
  });
});

testScraper({
  scraper: epochScraper,
  fixtures: (Object.keys(FILES) as EpochFileKind[]).map((kind) => ({
    file: fixture(FILES[kind].file),
    url: EPOCH_FILE_URLS[kind],
    retrievedAt: FILES[kind].retrievedAt,
    scrape: false,
    expect: { maxErrorIssues: 0 },
  })),
});

describe('historical header layouts', () => {
  const layout = (file: string, url: string): Payload => ({
    body: readFileSync(fixture(`layouts/${file}`), 'utf8'),
    url,
    fileName: file,
    retrievedAt: `${/\d{4}-\d{2}-\d{2}/.exec(file)?.[0]}T00:00:00.000Z`,
  });

  it('reads the early-2025 layout: datapoints, Hardware utilization, cost in 2023 USD', () => {
    const result = parseEpoch(layout('notable_ai_models_2025-02-10.csv', EPOCH_FILE_URLS.notable));
    expect(result.issues).toEqual([]);
    const alpha = byName(result.observations, 'Early Alpha 400B');
    expect(alpha.trainingTokens).toBe(15.6e12);
    expect(alpha.hardware).toEqual({
      chip: 'NVIDIA H100 SXM5 80GB',
      count: 16384,
      hours: 1296,
      utilization: 0.41,
    });
    expect(alpha.costUsd).toBe(52e6);
    expect(byName(result.observations, 'Early Vision 2B').trainingTokens).toBe(8e9);
    expect(byName(result.observations, 'Early Chat').costUsd).toBeUndefined();
  });

  it('reads the later layout: total wins over the deprecated datapoints column, which fills a blank total', () => {
    const result = parseEpoch(layout('all_ai_models_2025-09-15.csv', EPOCH_FILE_URLS.all));
    expect(result.issues).toEqual([]);
    const omega = byName(result.observations, 'Late Omega');
    expect(omega.trainingTokens).toBe(20e12);
    expect(omega.hardware).toEqual({ utilization: 0.35 });
    expect(omega.costUsd).toBe(30e6);
    expect(omega.reportedCompute).toEqual({
      flop: 2.4e25,
      confidence: 'likely',
      lower: 1.5e25,
      upper: 4e25,
      method: 'hardware',
    });
    expect(byName(result.observations, 'Late Kappa').trainingTokens).toBe(9e12);
  });

  it('knows every header of the reference layouts', () => {
    const headers = readFileSync(fixture('notable_ai_models.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(mapEpochColumns(headers).unknown).toEqual([]);
    expect(mapEpochColumns(headers).lookalikes).toEqual([]);
    const fields = new Set(EPOCH_HEADERS.map(([, field]) => field));
    expect(fields.has('costUsd') && fields.has('trainingTokens')).toBe(true);
  });

  it('warns, naming the column, when a header looks like a known field but maps to nothing', () => {
    const body =
      'Model,Publication date,Training compute (FLOP),Training dataset size (tokens),Hardware utilization (model)\n' +
      'X,2025-01-01,1e24,5e12,0.4\n';
    const result = parseEpoch({ ...payload('notable'), body });
    expect(result.observations[0]?.trainingTokens).toBeUndefined();
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'column "Training dataset size (tokens)" looks like Epoch\'s trainingTokens column but is not a known header, so it is not read (add it to EPOCH_HEADERS)',
      'column "Hardware utilization (model)" looks like Epoch\'s utilization column but is not a known header, so it is not read (add it to EPOCH_HEADERS)',
    ]);
    expect(result.issues[0]?.location).toBe('notable header');
  });
});
