import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Observation, ObservationFile } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { createResolver } from './resolver';

/*
 * Guards the resolver: resolving the committed observations must give the same id, display name, developer and
 * rule per observation, and the same exclusions and suggestions. The snapshot holds, per source, the counts and a
 * hash of that source's resolutions, so a diff names the source whose names resolve differently, plus a readable
 * sample. When the data or configs/aliases.yaml change on purpose, review the diff and update with
 * `npx vitest run -u` (in packages/resolve). What each source's parser yields is checked per source in
 * packages/scrapers/src/builtin/committed-observations.test.ts.
 */

const observationsDir = fileURLToPath(new URL('../../../data/observations', import.meta.url));
const SAMPLE_SIZE = 200;

function readCommittedObservations(): Observation[] {
  return readdirSync(observationsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap(
      (file) =>
        (JSON.parse(readFileSync(`${observationsDir}/${file}`, 'utf8')) as ObservationFile).observations,
    );
}

function sha256(lines: readonly string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

describe('resolving the committed observations', () => {
  const observations = readCommittedObservations();
  const result = createResolver().resolveAll(observations);
  const outcome = new Map<Observation, string>();
  for (const entry of result.resolved) {
    outcome.set(
      entry.observation,
      `${entry.modelId} (${entry.rule}) name=${entry.name} developer=${entry.developer}`,
    );
  }
  for (const entry of result.excluded) outcome.set(entry.observation, `excluded (${entry.rule})`);
  const lines = observations.map((observation) => `${observation.rawName} → ${outcome.get(observation)}`);

  it('accounts for every observation exactly once', () => {
    expect(result.resolved.length + result.excluded.length).toBe(observations.length);
    expect(outcome.size).toBe(observations.length);
  });

  it('gives the recorded ids, rules, names and developers', () => {
    const step = Math.max(1, Math.floor(observations.length / SAMPLE_SIZE));
    const modelIds = new Map(result.resolved.map((entry) => [entry.observation, entry.modelId]));
    const bySource: Record<
      string,
      { observations: number; distinctIds: number; excluded: number; hash: string }
    > = {};
    for (const source of [...new Set(observations.map((observation) => observation.source))].sort()) {
      const own = observations.filter((observation) => observation.source === source);
      const ids = new Set(own.flatMap((observation) => modelIds.get(observation) ?? []));
      bySource[source] = {
        observations: own.length,
        distinctIds: ids.size,
        excluded: own.filter((observation) => !modelIds.has(observation)).length,
        hash: sha256(own.map((observation) => `${observation.rawName} → ${outcome.get(observation)}`)).slice(
          0,
          16,
        ),
      };
    }
    expect({
      observations: observations.length,
      distinctIds: new Set(result.resolved.map((entry) => entry.modelId)).size,
      excluded: result.excluded.length,
      suggestions: result.suggestions.length,
      bySource,
      suggestionsHash: sha256(result.suggestions.map((suggestion) => JSON.stringify(suggestion))),
      sample: lines.filter((_, index) => index % step === 0).slice(0, SAMPLE_SIZE),
    }).toMatchSnapshot();
  });
});
