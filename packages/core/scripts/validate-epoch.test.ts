/**
 * Dev harness: measures the estimation targets against Epoch AI's data, read through the epoch source of
 * `@tracker/scrapers` (public entries only: it sits in core, above both packages), in blind mode.
 * Run: `npx vitest run scripts/validate-epoch.test.ts` (prints the figures; asserts the targets).
 * Skipped, with a log line, when `../shared/reference/epoch` is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { estimateRecords, getChip, validateAgainst } from '@tracker/estimation';
import {
  ComputeEstimateSchema,
  type ModelRecord,
  type Observation,
  ThresholdAssessmentSchema,
} from '@tracker/schema';
import { builtinScrapers, epochScraper } from '@tracker/scrapers';
import { describe, expect, it } from 'vitest';

const shared = fileURLToPath(new URL('../../../../shared', import.meta.url));
const epochDirectory = `${shared}/reference/epoch`;
const arenaDirectory = `${shared}/fixtures/lmarena`;
const exists = existsSync(epochDirectory) && existsSync(arenaDirectory);
if (!exists) console.log('[validate-epoch] ../shared not found: validation harness skipped');

const EPOCH_FILES = [
  ['all_ai_models_2026-03-30.csv', '2026-03-30T00:00:00.000Z'],
  ['frontier_ai_models_2026-05-02.csv', '2026-05-02T00:00:00.000Z'],
  ['large_scale_ai_models_2026-08-19.csv', '2026-08-19T00:00:00.000Z'],
  ['notable_ai_models_2026-08-19.csv', '2026-08-19T00:00:00.000Z'],
] as const;

const loose = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._+-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .replace(/-+$/, '') || 'x'
  );
}

type FactFields = ModelRecord['facts'];

/** One record per observation (ids unique by slug + counter); `keep` chooses the facts a scraper would see. */
function toRecord(
  observation: Observation,
  id: string,
  keep: (field: string) => boolean,
  scores: ModelRecord['scores'] = {},
): ModelRecord {
  const provenance = {
    source: observation.source,
    url: observation.sourceUrl,
    retrievedAt: observation.retrievedAt,
  };
  const facts: FactFields = {};
  const put = <K extends keyof FactFields>(
    field: K,
    value: NonNullable<FactFields[K]>[number]['value'] | undefined,
  ) => {
    if (value === undefined || !keep(field)) return;
    (facts as Record<string, unknown>)[field] = [{ value, ...provenance }];
  };
  put('developer', observation.developer);
  put('releaseDate', observation.releaseDate);
  put('parameters', observation.parameters?.total);
  put('trainingTokens', observation.trainingTokens);
  put('hardware', observation.hardware);
  put('reportedCompute', observation.reportedCompute);
  put('finetuneCompute', observation.finetuneCompute);
  put('baseModel', observation.baseModel);
  put('accessibility', observation.accessibility);
  put('domain', observation.domain);
  if (observation.computeSignals && keep('computeSignals'))
    facts.computeSignals = observation.computeSignals.map((value) => ({ value, ...provenance }));
  return {
    id,
    name: observation.rawName,
    developer: observation.developer ?? null,
    aliases: [],
    facts,
    scores,
    observations: [],
  };
}

function loadEpoch(): Observation[] {
  const payloads = EPOCH_FILES.map(([fileName, retrievedAt]) => ({
    body: readFileSync(`${epochDirectory}/${fileName}`, 'utf8'),
    url: `file://${epochDirectory}/${fileName}`,
    fileName,
    retrievedAt,
  }));
  // The four files as one union, as `tracker collect --source epoch --from …` reads them.
  return epochScraper.parseMany!(payloads).observations;
}

/** The Arena source of `@tracker/scrapers`, reading its saved leaderboard files. */
const lmarena = builtinScrapers.find((scraper) => scraper.id === 'lmarena')!;

function format(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

describe.skipIf(!exists)('validation against Epoch AI (blind)', () => {
  const observations = exists ? loadEpoch() : [];
  const ids = new Map<string, number>();
  const uniqueId = (name: string) => {
    const base = `epoch/${slug(name)}`;
    const count = ids.get(base) ?? 0;
    ids.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };

  it('(i) models with parameters and tokens or hardware and time', () => {
    ids.clear();
    const records = observations.map((observation) =>
      toRecord(observation, uniqueId(observation.rawName), () => true),
    );
    const results = estimateRecords(records, { blind: true });
    // Every output validates against the schema, on every real model.
    for (const [id, result] of results) {
      if (result.estimate) expect(ComputeEstimateSchema.safeParse(result.estimate).success, id).toBe(true);
      expect(ThresholdAssessmentSchema.safeParse(result.assessment).success, id).toBe(true);
    }
    const hasInputs = (record: ModelRecord) => {
      const hardware = record.facts.hardware?.[0]?.value;
      return (
        (record.facts.parameters && record.facts.trainingTokens) ||
        (hardware?.count && hardware.hours && hardware.chip && getChip(hardware.chip))
      );
    };
    const evaluated = records.filter((record) => record.facts.reportedCompute && hasInputs(record));
    for (const [label, subset] of [
      ['all', evaluated],
      [
        'compute >= 1e23',
        evaluated.filter((record) => (record.facts.reportedCompute?.[0]?.value.flop ?? 0) >= 1e23),
      ],
    ] as const) {
      const report = validateAgainst(subset, results);
      console.log(
        `[validate-epoch] (i) ${label}: n=${report.compute.count} median |log10| ${format(report.compute.medianAbsLog10)}, p90 ${format(report.compute.p90AbsLog10)}, within x2 ${format(report.compute.withinFactor2)}, within x3 ${format(report.compute.withinFactor3)}`,
      );
      // Targets (the Done-when): median |log10| ≤ 0.05 and ≥ 80% within ×2.
      expect(report.compute.medianAbsLog10 ?? 1, label).toBeLessThanOrEqual(0.05);
      if (label === 'compute >= 1e23')
        expect(report.compute.withinFactor2 ?? 0, label).toBeGreaterThanOrEqual(0.8);
      if (label === process.env.WORST) {
        const worst = report.rows
          .filter((row) => row.log10Error !== undefined)
          .sort((left, right) => Math.abs(right.log10Error as number) - Math.abs(left.log10Error as number))
          .slice(0, Number(process.env.WORST_COUNT ?? 40));
        for (const row of worst) {
          const estimate = results.get(row.id)?.estimate;
          console.log(
            `  ${row.name}: ours ${row.median?.toExponential(2)} epoch ${row.truthFlop?.toExponential(2)} (${(row.log10Error as number).toFixed(2)}) via ${estimate?.method}`,
          );
        }
      }
    }
  });

  it('(ii) Arena models: blind calls from what a scraper sees', () => {
    ids.clear();
    const arenaScores = new Map<string, ModelRecord['scores']>();
    const arenaDevelopers = new Map<string, string>();
    for (const fileName of readdirSync(arenaDirectory).filter((name) => name.endsWith('.csv'))) {
      const result = lmarena.parse({
        body: readFileSync(`${arenaDirectory}/${fileName}`, 'utf8'),
        url: `file://${arenaDirectory}/${fileName}`,
        fileName,
        retrievedAt: '2026-04-01T00:00:00.000Z',
      });
      for (const observation of result.observations) {
        const key = loose(observation.rawName);
        const scores = arenaScores.get(key) ?? {};
        for (const [benchmark, score] of Object.entries(observation.scores ?? {})) {
          const list = scores[benchmark] ?? [];
          list.push({
            ...score,
            source: 'lmarena',
            url: observation.sourceUrl,
            retrievedAt: observation.retrievedAt,
          });
          scores[benchmark] = list;
        }
        arenaScores.set(key, scores);
        if (observation.developer) arenaDevelopers.set(key, observation.developer);
      }
    }
    const seen = new Set<string>();
    const records: ModelRecord[] = [];
    for (const observation of observations) {
      const key = loose(observation.rawName);
      const scores = arenaScores.get(key);
      if (!scores || seen.has(key)) continue;
      seen.add(key);
      const openWeights = observation.accessibility?.startsWith('open-weights') ?? false;
      // What a scraper sees: name, developer, release date, scores; parameters only for open weights. The
      // reported compute stays on the record for use as a reference point of OTHER models (blind mode).
      const keep = (field: string) =>
        ['developer', 'releaseDate', 'reportedCompute', 'computeSignals', 'domain'].includes(field) ||
        (field === 'parameters' && openWeights);
      records.push(toRecord(observation, uniqueId(observation.rawName), keep, scores));
    }
    const results = estimateRecords(records, { blind: true });
    const report = validateAgainst(records, results);
    console.log(
      `[validate-epoch] (ii) n=${report.threshold.count} (TP ${report.threshold.truePositive}, FP ${report.threshold.falsePositive}, FN ${report.threshold.falseNegative}, TN ${report.threshold.trueNegative}) accuracy ${format(report.threshold.accuracy)} brier ${format(report.threshold.brier)} precision ${format(report.threshold.precision)} recall ${format(report.threshold.recall)} f1 ${format(report.threshold.f1)}; compute median |log10| ${format(report.compute.medianAbsLog10)} within x3 ${format(report.compute.withinFactor3)}`,
    );
    for (const row of report.rows.filter((row) => row.truthAbove !== undefined)) {
      const estimate = results.get(row.id)?.estimate;
      console.log(
        `  ${row.truthAbove ? 'ABOVE' : 'below'} ${row.name}: P=${row.probabilityAbove?.toFixed(2)} median ${row.median?.toExponential(2)} σ ${estimate?.log10Sigma.toFixed(2)} epoch ${row.truthFlop?.toExponential(2) ?? '(signal)'} via ${estimate?.method}`,
        process.env.VERBOSE
          ? estimate?.components
              .map(
                (component) =>
                  `      ${component.method}: ${component.reasoning.replace(/\(([^)]{200,})\)/, '(…)')}`,
              )
              .join('\n')
          : '',
      );
    }
    expect(report.threshold.count).toBeGreaterThan(0);
    // Targets: accuracy ≥ 0.85 and Brier ≤ 0.12 on "over 1e25".
    expect(report.threshold.accuracy ?? 0).toBeGreaterThanOrEqual(0.85);
    expect(report.threshold.brier ?? 1).toBeLessThanOrEqual(0.12);
  });
});
