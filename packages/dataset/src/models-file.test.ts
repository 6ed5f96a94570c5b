import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type ComputeEstimate,
  type ModelRecord,
  ModelRecordSchema,
  type TrackerError,
} from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { diffModelSets, toDiffRow } from './diff';
import { stableStringify } from './json-file';
import { encodeModelsFile, formatModelsFile, MODELS_FILE_VERSION, roundFigure } from './models-file';
import { displayPath } from './paths';
import { loadModelRows, loadModels, loadModelsUnvalidated, saveModels } from './store';
import { createTempDir, failure, makeModelsFile, makeRecord } from './test-factories';

const EPOCH = {
  source: 'epoch',
  url: 'https://epoch.ai/data/all_ai_models.csv',
  retrievedAt: '2026-08-19T00:00:00.000Z',
};
const ARENA = {
  source: 'lmarena',
  url: 'https://lmarena.ai/leaderboard',
  retrievedAt: '2026-03-29T00:00:00.000Z',
};

function richEstimate(median: number): ComputeEstimate {
  return {
    median,
    interval90: [median / 3.0000001, median * 3.0000001],
    log10Sigma: 0.29006912645713423,
    method: 'combined',
    confidence: 'confident',
    components: [
      {
        method: 'operation-count',
        median: median * 1.0000000001,
        interval90: [median / 2.7, median * 2.7],
        log10Sigma: 0.2622,
        inputs: [
          { name: 'parameters', value: 7e9, ...EPOCH },
          { name: 'fineTuneLog10Share', value: 0.02, source: 'prior', url: 'https://epoch.ai/docs' },
          { name: 'fromName', value: true, source: 'name' },
          { name: 'note', value: 'bare' },
        ],
        reasoning: '6 × 7B × 4.5T = 1.89e+23 FLOP',
        used: true,
      },
      {
        method: 'benchmark',
        median: 6.299999999999999e22,
        interval90: [1.1e22, 3.7e23],
        log10Sigma: 0.5,
        inputs: [{ name: 'lmarena-text@2026-03-29', value: 1213, ...ARENA }],
        reasoning: 'capability C = -0.88',
        used: false,
        excludedBecause: 'an imputation, and direct evidence about this model applied',
      },
    ],
    combination: 'precision-weighted mean',
    breakdown: { pretraining: median * 0.912345678, postTraining: median * 0.0876543 },
    notes: ['a note'],
  };
}

/** A record with every part the file encodes: facts, scores, refs, estimates, assessments, curation (lists sorted, as written). */
function richRecord(): ModelRecord {
  const estimate = richEstimate(1.8912345678e23);
  return ModelRecordSchema.parse({
    id: 'lab/rich-model',
    name: 'Rich Model',
    developer: 'Lab',
    aliases: ['Rich-Model', 'rich'],
    facts: {
      developer: [
        { value: 'Lab Inc', ...EPOCH },
        { value: 'Lab', ...ARENA },
      ],
      parameters: [{ value: 7e9, ...EPOCH }],
      hardware: [{ value: { count: 1, chip: 'NVIDIA H100 SXM5 80GB' }, ...EPOCH }],
      reportedCompute: [{ value: { flop: 517774080000000000000, confidence: 'confident' }, ...EPOCH }],
      links: [{ value: 'https://example.org/paper', ...EPOCH }],
    },
    scores: {
      'lmarena-text': [{ value: 1213, lower: 1205, upper: 1221, votes: 4000, asOf: '2026-03-29', ...ARENA }],
    },
    observations: [
      { source: 'epoch', rawName: 'Rich Model', retrievedAt: EPOCH.retrievedAt },
      { source: 'lmarena', rawName: 'rich-model', retrievedAt: ARENA.retrievedAt, sourceModelId: 'lab/rich' },
      { source: 'openrouter', rawName: 'Rich', retrievedAt: '2026-04-01T00:00:00.000Z' },
    ],
    estimate: {
      ...estimate,
      method: 'ledger',
      components: [{ ...estimate.components[0]!, method: 'ledger' }],
    },
    assessment: { threshold: 1e25, probabilityAbove: 0.00045899111261993, status: 'below' },
    machineEstimate: estimate,
    machineAssessment: { threshold: 1e26, probabilityAbove: null, status: 'unknown' },
    curation: {
      status: 'confirmed-below',
      needsReview: true,
      needsReviewReason: 'moved',
      ruling: {
        entryId: 'e1',
        action: 'confirm-below',
        at: '2026-05-01T00:00:00.000Z',
        by: 'ana',
        reason: 'paper',
        flop: 1.23456789e23,
      },
    },
  });
}

/** What a record reads back as: the figures of its estimates to six significant digits. */
function asWritten(record: ModelRecord): ModelRecord {
  const round = (estimate: ComputeEstimate | null | undefined) =>
    estimate
      ? {
          ...estimate,
          median: roundFigure(estimate.median),
          interval90: estimate.interval90.map(roundFigure) as [number, number],
          log10Sigma: roundFigure(estimate.log10Sigma),
          ...(estimate.breakdown
            ? {
                breakdown: Object.fromEntries(
                  Object.entries(estimate.breakdown).map(([key, value]) => [key, roundFigure(value)]),
                ),
              }
            : {}),
          components: estimate.components.map((component) => ({
            ...component,
            median: roundFigure(component.median),
            interval90: component.interval90.map(roundFigure) as [number, number],
            log10Sigma: roundFigure(component.log10Sigma),
          })),
        }
      : estimate;
  return { ...record, estimate: round(record.estimate), machineEstimate: round(record.machineEstimate) };
}

describe('models.json version 2', () => {
  it('round-trips every part of a record, the estimate figures to six significant digits', async () => {
    const dir = await createTempDir();
    const plain = makeRecord('lab/plain', 3e25);
    const bare = makeRecord('lab/bare', undefined, {
      curation: { status: 'unreviewed', needsReview: false },
    });
    // An estimate set by one method: its figures are written once, in the component, and read back from it.
    const single = makeRecord('lab/single', 2e24);
    const figures = {
      median: 2.0000000001e24,
      interval90: [6.66e23, 6.00000001e24] as [number, number],
      log10Sigma: 0.29,
    };
    single.estimate = {
      ...single.estimate!,
      ...figures,
      method: 'reported',
      components: [{ method: 'reported', ...figures, inputs: [], reasoning: 'reported', used: true }],
    };
    const file = makeModelsFile([richRecord(), plain, bare, single]);
    await saveModels(dir, file);
    const text = await readFile(path.join(dir, 'models.json'), 'utf8');
    expect(JSON.parse(text).schemaVersion).toBe(MODELS_FILE_VERSION);
    const loaded = await loadModels(dir);
    expect(loaded).toEqual({
      ...file,
      models: [asWritten(bare), asWritten(plain), asWritten(richRecord()), asWritten(single)],
    });
    const singleLine = text.split('\n').find((line) => line.startsWith('{"id":"lab/single"'))!;
    expect(singleLine).not.toContain('"median"');
    expect(await loadModelsUnvalidated(dir)).toEqual({ models: loaded!.models });
    // The light read a run compares with gives the rows of the full records.
    const candidate: ModelRecord = {
      ...asWritten(plain),
      id: 'lab/candidate',
      facts: {
        ...plain.facts,
        releaseDate: [
          { value: '2025-02-03', ...EPOCH },
          {
            value: '2025-03',
            source: 'ledger',
            url: 'https://example.org/post',
            retrievedAt: EPOCH.retrievedAt,
          },
        ],
      },
      curation: { status: 'candidate', needsReview: false },
    };
    await saveModels(dir, makeModelsFile([...loaded!.models, candidate]));
    const all = (await loadModels(dir))!.models;
    expect(await loadModelRows(dir)).toEqual({
      rows: all.map((record) => toDiffRow(record)),
      candidates: new Set(['lab/candidate']),
    });
    expect(new Set(all.map((record) => toDiffRow(record).method))).toContain('reported');
    expect(toDiffRow(all.find((record) => record.id === 'lab/candidate')!).releaseDate).toBe('2025-03');
    await saveModels(dir, loaded!);
    // Loaded and saved again, the file is the same byte for byte.
    await saveModels(dir, loaded!);
    expect(await readFile(path.join(dir, 'models.json'), 'utf8')).toBe(text);
  });

  it('keeps each provenance once, one model per line, and probabilities and facts whole', () => {
    const text = formatModelsFile(makeModelsFile([richRecord()]));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^\{"schemaVersion":2,"generatedAt":"[^"]+","threshold":1e\+25,"provenance":\[$/,
    );
    expect(lines.filter((line) => line.startsWith('{"id":'))).toHaveLength(1);
    expect(text.split('https://epoch.ai/data/all_ai_models.csv')).toHaveLength(2);
    expect(text).toContain('517774080000000000000');
    expect(text).toContain('0.00045899111261993');
    expect(text).not.toContain('6.299999999999999e+22');
  });

  it('encodes to the UTF-8 bytes of its text, whatever the characters', () => {
    for (const records of [
      [],
      [richRecord()],
      [makeRecord('lab/one', 1e24, { name: 'Ünïcödé 模型 𝔘 — “quoted” \u2028' }), richRecord()],
    ]) {
      const file = makeModelsFile(records);
      expect(encodeModelsFile(file).equals(Buffer.from(formatModelsFile(file), 'utf8'))).toBe(true);
    }
  });

  it('is under a third of the indented version 1 text for many models sharing their sources', () => {
    const records = Array.from({ length: 300 }, (_, index) => {
      const record = richRecord();
      return { ...record, id: `lab/model-${index}`, name: `Model ${index}` };
    });
    const file = makeModelsFile(records);
    const v1 = stableStringify(file);
    const v2 = formatModelsFile(file);
    expect(Buffer.byteLength(v2)).toBeLessThan(Buffer.byteLength(v1) / 3);
  });

  it('writes only the changed record again, and the same bytes as a fresh copy', () => {
    const records = [richRecord(), makeRecord('a/first', 1e24), makeRecord('c/third')];
    const file = makeModelsFile(records);
    const first = formatModelsFile(file);
    expect(formatModelsFile(file)).toBe(first);
    const changed = makeModelsFile([records[0]!, { ...records[1]!, name: 'First, renamed' }, records[2]!]);
    const text = formatModelsFile(changed);
    expect(text).toBe(formatModelsFile(structuredClone(changed)));
    expect(text).toContain('"name":"First, renamed"');
    expect(formatModelsFile(makeModelsFile([]))).toBe(
      '{"schemaVersion":2,"generatedAt":"2026-01-10T00:00:00.000Z","threshold":1e+25,"provenance":[],"models":[]}\n',
    );
  });

  it('still reads a version 1 file (indented or not) into the same records', async () => {
    const dir = await createTempDir();
    const file = makeModelsFile([makeRecord('lab/plain', 3e25), richRecord()]);
    for (const text of [stableStringify(file), JSON.stringify(file)]) {
      await writeFile(path.join(dir, 'models.json'), text);
      expect(await loadModels(dir)).toEqual(file);
      expect(await loadModelsUnvalidated(dir)).toEqual({ models: file.models });
      expect((await loadModelRows(dir))?.rows).toEqual(file.models.map((record) => toDiffRow(record)));
    }
  });

  it('a figure that only moved beyond six significant digits is not a change', () => {
    const before = makeRecord('lab/plain', 3.0000001e25);
    const after = makeRecord('lab/plain', 3.0000002e25);
    expect(diffModelSets([before], [after]).changed).toEqual([]);
    expect(diffModelSets([before], [makeRecord('lab/plain', 3.1e25)]).changed).toHaveLength(1);
  });
});

describe('a damaged version 2 file is DATA_INVALID naming the file, the path and the model', () => {
  // biome-ignore lint/suspicious/noExplicitAny: each test edits the parsed file wherever it wants to damage it
  async function damaged(edit: (file: Record<string, any>) => void): Promise<TrackerError> {
    const dir = await createTempDir();
    await saveModels(dir, makeModelsFile([makeRecord('lab/plain', 3e25), richRecord()]));
    const target = path.join(dir, 'models.json');
    const file = JSON.parse(await readFile(target, 'utf8'));
    edit(file);
    await writeFile(target, JSON.stringify(file));
    const error = await failure(loadModels(dir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message.startsWith(`${displayPath(target)}: `)).toBe(true);
    return error;
  }

  it('a provenance index out of the table', async () => {
    const error = await damaged((file) => {
      file.models[1].facts.parameters[0][1] = 999;
    });
    expect(error.message).toMatch(
      /: \$\.models\[1\]\.facts\.parameters\[0\]\[1\]: expected an index into \$\.provenance \(0 to \d+\), got 999 \(model "lab\/rich-model"\)$/,
    );
    expect(error.details).toMatchObject({ compact: true, modelId: 'lab/rich-model' });
  });

  it('a fact that is not a pair, a component of the wrong length, a bad table entry', async () => {
    expect(
      (
        await damaged((file) => {
          file.models[1].facts.links[0] = { value: 'x' };
        })
      ).message,
    ).toMatch(
      /\$\.models\[1\]\.facts\.links\[0\]: expected \[value, provenance index\] \(model "lab\/rich-model"\)$/,
    );
    expect(
      (
        await damaged((file) => {
          file.models[1].machineEstimate.components[0].length = 3;
        })
      ).message,
    ).toMatch(
      /\$\.models\[1\]\.machineEstimate\.components\[0\]: expected \[method, .*\] \(model "lab\/rich-model"\)$/,
    );
    expect(
      (
        await damaged((file) => {
          file.provenance[0] = 'epoch';
        })
      ).message,
    ).toMatch(/\$\.provenance\[0\]: expected \[source, retrievedAt, url\]/);
  });

  it('a value the record schema refuses, once expanded', async () => {
    const error = await damaged((file) => {
      file.models[1].estimate.components[0][1] = 'big';
    });
    expect(error.message).toMatch(
      /: \$\.models\[1\]\.estimate\.components\[0\]\.median: .*number.* \(model "lab\/rich-model"\)$/i,
    );
  });

  it('a version from a newer tracker', async () => {
    const error = await damaged((file) => {
      file.schemaVersion = 3;
    });
    expect(error.message).toMatch(/\$\.schemaVersion: version 3 was written by a newer tracker/);
  });
});

describe('saving', () => {
  it('a save that fails leaves the previous file whole', async () => {
    const dir = await createTempDir();
    await saveModels(dir, makeModelsFile([makeRecord('lab/plain', 3e25)]));
    const target = path.join(dir, 'models.json');
    const before = await readFile(target, 'utf8');
    const broken = makeRecord('lab/plain', 3e25);
    broken.estimate!.median = Number.POSITIVE_INFINITY;
    const error = await failure(saveModels(dir, makeModelsFile([broken]), { validate: false }));
    expect(error.code).toBe('RECORD_INVALID');
    expect(await readFile(target, 'utf8')).toBe(before);
  });
});
