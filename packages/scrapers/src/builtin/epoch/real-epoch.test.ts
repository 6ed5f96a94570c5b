import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ObservationSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { mergeEpochFiles, readEpochFile } from './parse-epoch';

const referenceDirectory = fileURLToPath(new URL('../../../../../../shared/reference/epoch', import.meta.url));
const exists = existsSync(referenceDirectory);
if (!exists) console.log(`[real-epoch] ${referenceDirectory} not found: real-payload suite skipped`);

const FILES = [
  { fileName: 'all_ai_models_2026-03-30.csv', retrievedAt: '2026-03-30T00:00:00.000Z' },
  { fileName: 'frontier_ai_models_2026-05-02.csv', retrievedAt: '2026-05-02T00:00:00.000Z' },
  { fileName: 'large_scale_ai_models_2026-08-19.csv', retrievedAt: '2026-08-19T00:00:00.000Z' },
  { fileName: 'notable_ai_models_2026-08-19.csv', retrievedAt: '2026-08-19T00:00:00.000Z' },
];

function load(file: (typeof FILES)[number]) {
  const url = new URL(file.fileName, `file://${referenceDirectory}/`).href;
  return readEpochFile({ body: readFileSync(`${referenceDirectory}/${file.fileName}`, 'utf8'), url, fileName: file.fileName, retrievedAt: file.retrievedAt });
}

describe.skipIf(!exists)('Epoch AI reference CSVs (real payloads)', () => {
  it('accounts for every row of every file', () => {
    for (const file of FILES) {
      const parsed = load(file);
      const skipped = parsed.issues.filter((issue) => issue.message.startsWith('row skipped')).length;
      expect(parsed.rows.length + skipped, file.fileName).toBe(parsed.rowCount);
      console.log(`[real-epoch] ${file.fileName}: ${parsed.rowCount} rows, ${parsed.rows.length} models, ${skipped} skipped`);
    }
  });
});

describe.skipIf(!exists)('Epoch AI union (real payloads)', () => {
  it('gives one valid observation per distinct model', () => {
    const files = FILES.map(load);
    const result = mergeEpochFiles(files);
    const keys = new Set(files.flatMap((file) => file.rows.map((row) => row.key)));
    const invalid = result.issues.filter((issue) => issue.message.startsWith('invalid observation'));
    console.log(`[real-epoch] union: ${keys.size} names, ${result.observations.length} observations, ${invalid.length} invalid`, invalid.slice(0, 5), result.issues.filter((i) => i.message.startsWith('row skipped')).slice(0, 20));
    expect(result.observations.length + invalid.length).toBe(keys.size);
    for (const observation of result.observations) expect(ObservationSchema.safeParse(observation).success).toBe(true);
  });
});
