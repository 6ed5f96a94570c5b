import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ObservationSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { type CsvRow, readCsv } from '../kit';
import { EPOCH_HEADERS, mapEpochColumns } from './epoch-columns';
import { mergeEpochFiles, parseEpoch, readEpochFile } from './parse-epoch';

const referenceDirectory = fileURLToPath(
  new URL('../../../../../../shared/reference/epoch', import.meta.url),
);
const exists = existsSync(referenceDirectory);
if (!exists) console.log(`[real-epoch] ${referenceDirectory} not found: real-payload suite skipped`);

/** The reference copies, with their data rows, distinct models and skipped duplicate rows (counted once). */
const FILES = [
  {
    fileName: 'all_ai_models_2026-03-30.csv',
    retrievedAt: '2026-03-30T00:00:00.000Z',
    rows: 3190,
    models: 3173,
    skipped: 17,
  },
  {
    fileName: 'frontier_ai_models_2026-05-02.csv',
    retrievedAt: '2026-05-02T00:00:00.000Z',
    rows: 126,
    models: 126,
    skipped: 0,
  },
  {
    fileName: 'large_scale_ai_models_2026-08-19.csv',
    retrievedAt: '2026-08-19T00:00:00.000Z',
    rows: 478,
    models: 478,
    skipped: 0,
  },
  {
    fileName: 'notable_ai_models_2026-08-19.csv',
    retrievedAt: '2026-08-19T00:00:00.000Z',
    rows: 1019,
    models: 1019,
    skipped: 0,
  },
];

function load(file: (typeof FILES)[number]) {
  const url = new URL(file.fileName, `file://${referenceDirectory}/`).href;
  return readEpochFile({
    body: readFileSync(`${referenceDirectory}/${file.fileName}`, 'utf8'),
    url,
    fileName: file.fileName,
    retrievedAt: file.retrievedAt,
  });
}

describe.skipIf(!exists)('Epoch AI reference CSVs (real payloads)', () => {
  it('accounts for every row of every file', () => {
    for (const file of FILES) {
      const parsed = load(file);
      const skipped = parsed.issues.filter((issue) => issue.message.startsWith('row skipped')).length;
      expect(parsed.rows.length + skipped, file.fileName).toBe(parsed.rowCount);
      expect([parsed.rowCount, parsed.rows.length, skipped], file.fileName).toEqual([
        file.rows,
        file.models,
        file.skipped,
      ]);
      for (const issue of parsed.issues)
        expect(issue.message).toMatch(/^row skipped: (no model name|duplicate of row \d+)/);
      console.log(
        `[real-epoch] ${file.fileName}: ${parsed.rowCount} rows, ${parsed.rows.length} models, ${skipped} skipped`,
      );
    }
  });
});

describe.skipIf(!exists)('Epoch AI reference CSVs: nothing lost between payload and observation', () => {
  const datasetHeaders = EPOCH_HEADERS.filter(([, field]) => field === 'trainingTokens').map(([h]) => h);

  it('knows every column of every real layout, and keeps tokens and costs wherever a row gives them', () => {
    for (const file of FILES) {
      const payload = {
        body: readFileSync(`${referenceDirectory}/${file.fileName}`, 'utf8'),
        url: `file:///${file.fileName}`,
        fileName: file.fileName,
        retrievedAt: file.retrievedAt,
      };
      const table = readCsv('epoch', payload);
      const columns = mapEpochColumns(table.columns);
      expect(columns.unknown, file.fileName).toEqual([]);
      expect(columns.lookalikes, file.fileName).toEqual([]);
      const byName = new Map(parseEpoch(payload).observations.map((item) => [item.rawName, item]));
      const given = (row: CsvRow, headers: readonly string[]) =>
        headers.some((header) => Number(row.get(header) ?? '') > 0);
      const sized = table.rows.filter((row) => given(row, datasetHeaders));
      const costed = table.rows.filter((row) => given(row, ['Training compute cost (2023 USD)']));
      const name = (row: CsvRow) => (row.get('Model') ?? '').trim();
      const tokens = sized.filter((row) => byName.get(name(row))?.trainingTokens !== undefined).length;
      const costs = costed.filter((row) => byName.get(name(row))?.costUsd !== undefined).length;
      console.log(
        `[real-epoch] ${file.fileName}: tokens on ${tokens} of ${sized.length} sized rows, cost on ${costs} of ${costed.length}`,
      );
      expect(tokens, file.fileName).toBeGreaterThanOrEqual(0.95 * sized.length);
      expect(costs, file.fileName).toBeGreaterThanOrEqual(0.95 * costed.length);
    }
  });
});

describe.skipIf(!exists)('Epoch AI union (real payloads)', () => {
  it('gives one valid observation per distinct model', () => {
    const files = FILES.map(load);
    const result = mergeEpochFiles(files);
    const keys = new Set(files.flatMap((file) => file.rows.map((row) => row.key)));
    const invalid = result.issues.filter((issue) => issue.message.startsWith('invalid observation'));
    expect(result.observations.length + invalid.length).toBe(keys.size);
    expect([keys.size, result.observations.length, invalid.length]).toEqual([3326, 3326, 0]);
    for (const observation of result.observations)
      expect(ObservationSchema.safeParse(observation).success).toBe(true);
    // Facts the estimators need are there: compute figures, the over-1e25 signals, base models, MoE totals.
    const withCompute = result.observations.filter((observation) => observation.reportedCompute).length;
    const signalled = result.observations.filter((observation) =>
      observation.computeSignals?.includes('over-1e25'),
    ).length;
    expect(withCompute).toBe(1358);
    expect(signalled).toBeGreaterThanOrEqual(15);
    const llama = result.observations.find((observation) => observation.rawName === 'Llama 3.1-405B');
    expect(llama?.reportedCompute?.flop).toBe(3.8e25);
    expect(llama?.parameters?.total).toBe(405e9);
    console.log(
      `[real-epoch] union: ${result.observations.length} models, ${withCompute} with compute, ${signalled} signalled over 1e25`,
    );
  });
});
