import { readFileSync } from 'node:fs';
import type { Observation, ObservationFile } from '@tracker/schema';
import { describe, expect, it } from 'vitest';

/*
 * What each source contributes to the committed data (data/observations/<id>.json, rebuilt from the real recorded
 * payloads by scripts/import-shared-fixtures.sh). A parser change that changes these numbers must say so here,
 * per source, next to the reason; read the data diff before updating a figure.
 */

function load(source: string): ObservationFile {
  const url = new URL(`../../../../data/observations/${source}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as ObservationFile;
}

const count = (observations: readonly Observation[], has: (observation: Observation) => unknown) =>
  observations.filter((observation) => has(observation) !== undefined).length;

function byName(observations: readonly Observation[], rawName: string): Observation {
  const found = observations.find((observation) => observation.rawName === rawName);
  if (!found) throw new Error(`no committed observation "${rawName}"`);
  return found;
}

describe('committed observations, per source', () => {
  it('openrouter: two lists, variants merged into their base entry, prices and cutoffs stored', () => {
    const { observations, snapshots } = load('openrouter');
    expect(observations).toHaveLength(413);
    // Per list, one observation per base id (was one per variant id: 334 and 343 before the merge).
    expect(snapshots.map((snapshot) => snapshot.observationCount)).toEqual([302, 326]);
    // Issue 10: pricing (USD per million tokens), knowledge cutoff and expiration date were not read before.
    expect(count(observations, (observation) => observation.pricing)).toBe(413);
    expect(count(observations, (observation) => observation.knowledgeCutoff)).toBe(183);
    expect(count(observations, (observation) => observation.expirationDate)).toBe(3);
    // Only models listed without a base entry keep a variant id.
    expect(observations.filter((observation) => observation.sourceModelId?.includes(':'))).toHaveLength(13);
    const llama = observations.filter((observation) => observation.rawName === 'llama-3.3-70b-instruct');
    expect(llama.map((observation) => observation.sourceModelId)).toEqual(
      llama.map(() => 'meta-llama/llama-3.3-70b-instruct'),
    );
  });

  it('epoch: the union of the four files, tokens and training costs of every row that gives them', () => {
    const { observations } = load('epoch');
    expect(observations).toHaveLength(3326);
    expect(count(observations, (observation) => observation.reportedCompute)).toBe(1358);
    // Issue 10: dataset sizes are kept for every domain (796 language rows only before), costs are read.
    expect(count(observations, (observation) => observation.trainingTokens)).toBe(1361);
    expect(count(observations, (observation) => observation.costUsd)).toBe(220);
    expect(byName(observations, 'Llama 3.1-405B')).toMatchObject({
      reportedCompute: { flop: 3.8e25 },
      trainingTokens: 15.6e12,
      parameters: { total: 405e9 },
    });
    expect(byName(observations, 'Llama 3.1-405B').costUsd).toBeGreaterThan(1e7);
  });

  it('artificial-analysis: the saved table with its blended prices', () => {
    const { observations } = load('artificial-analysis');
    expect(observations).toHaveLength(360);
    expect(
      count(observations, (observation) => observation.scores?.['aa-intelligence-index']),
    ).toBeGreaterThan(300);
    // Issue 10: the table's "Blended USD/1M Tokens" column was not read.
    expect(count(observations, (observation) => observation.pricing?.blendedUsdPerMillionTokens)).toBe(360);
  });

  it('livebench: every table keeps its own URL and date', () => {
    const { observations } = load('livebench');
    expect(observations).toHaveLength(233);
    const tables = new Map<string, number>();
    for (const observation of observations) {
      const key = `${observation.sourceUrl} ${observation.scores?.['livebench-global']?.asOf ?? '(no global)'}`;
      tables.set(key, (tables.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries([...tables].sort())).toEqual({
      'https://livebench.ai/ 2026-03-24': 66,
      'https://livebench.ai/table_2026_01_08.csv (no global)': 1,
      'https://livebench.ai/table_2026_01_08.csv 2026-01-08': 120,
      'https://livebench.ai/table_2026_06_25.csv 2026-06-25': 46,
    });
  });

  it('lmarena, huggingface and openlm-arena: unchanged by issue 10', () => {
    expect(load('lmarena').observations).toHaveLength(898);
    expect(load('huggingface').observations).toHaveLength(6);
    expect(load('openlm-arena').observations).toHaveLength(305);
  });
});
