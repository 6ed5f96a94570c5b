import { describe, expect, it } from 'vitest';
import {
  LedgerEntrySchema,
  ModelRecordSchema,
  ObservationSchema,
  parseWithSchema,
  SchemaValidationError,
  TrackerError,
  toJsonPath,
} from './index';

const observation = {
  source: 'lmarena',
  sourceUrl: 'https://lmarena.ai/leaderboard/text',
  retrievedAt: '2026-02-03T00:00:00.000Z',
  rawName: 'gpt-4o-2024-05-13',
  developer: 'OpenAI',
  scores: { 'lmarena-text': { value: 1285, lower: 1282, upper: 1288, votes: 90000, asOf: '2026-02-03' } },
};

describe('ObservationSchema', () => {
  it('accepts an observation with scores', () => {
    expect(ObservationSchema.parse(observation).rawName).toBe('gpt-4o-2024-05-13');
  });

  it('rejects unknown keys, so copied prose cannot slip in as a stray field', () => {
    const result = ObservationSchema.safeParse({ ...observation, description: 'A flagship model' });
    expect(result.success).toBe(false);
  });

  it('rejects a negative parameter count and a malformed date', () => {
    expect(ObservationSchema.safeParse({ ...observation, parameters: { total: -1 } }).success).toBe(false);
    expect(ObservationSchema.safeParse({ ...observation, releaseDate: '2024-13-01' }).success).toBe(false);
    expect(ObservationSchema.safeParse({ ...observation, releaseDate: '2024-05' }).success).toBe(true);
  });
});

describe('ModelRecordSchema', () => {
  it('requires a canonical id of the form developer/model', () => {
    const record = {
      id: 'GPT 4o',
      name: 'GPT-4o',
      developer: 'OpenAI',
      aliases: [],
      facts: {},
      scores: {},
      observations: [],
    };
    const result = ModelRecordSchema.safeParse(record);
    expect(result.success).toBe(false);
    expect(ModelRecordSchema.safeParse({ ...record, id: 'openai/gpt-4o' }).success).toBe(true);
  });
});

describe('LedgerEntrySchema', () => {
  const base = {
    id: '20260101T000000Z-abcd',
    at: '2026-01-01T00:00:00.000Z',
    by: 'ana',
    modelId: 'openai/gpt-4o',
    reason: 'Epoch lists it',
  };

  it('discriminates on action and defaults evidence to []', () => {
    const entry = LedgerEntrySchema.parse({
      ...base,
      action: 'set-compute',
      value: { flop: 3.8e25, confidence: 'likely' },
    });
    expect(entry.evidence).toEqual([]);
    expect(entry.action).toBe('set-compute');
  });

  it('rejects set-compute without a value and a developer note without a developer', () => {
    expect(LedgerEntrySchema.safeParse({ ...base, action: 'set-compute' }).success).toBe(false);
    const { modelId: _unused, ...noModel } = base;
    expect(
      LedgerEntrySchema.safeParse({
        ...noModel,
        action: 'developer-note',
        value: { capacity: 'fine-tunes-only' },
      }).success,
    ).toBe(false);
  });
});

describe('parseWithSchema', () => {
  it('names the file, the JSON path and the problem', () => {
    try {
      parseWithSchema(
        ObservationSchema,
        { ...observation, parameters: { total: 'many' } },
        { file: 'data/observations/lmarena.json', rootPath: '$.observations[4]', code: 'DATA_INVALID' },
      );
      expect.unreachable();
    } catch (error) {
      expect(TrackerError.is(error)).toBe(true);
      expect(error).toBeInstanceOf(SchemaValidationError);
      const typed = error as SchemaValidationError;
      expect(typed.code).toBe('DATA_INVALID');
      expect(typed.message).toMatch(
        /^data\/observations\/lmarena\.json: \$\.observations\[4\]\.parameters\.total: .*number/,
      );
    }
  });
});

describe('TrackerError', () => {
  it('is recognised across copies through a registered symbol, not instanceof', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('tracker.error')]: true, code: 'NOT_FOUND' });
    expect(TrackerError.is(foreign)).toBe(true);
    expect(TrackerError.is(new Error('plain'))).toBe(false);
    const error = new TrackerError('PARSE_FAILED', '[scraper:lmarena] bad', { cause: new Error('inner') });
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.code).toBe('PARSE_FAILED');
  });

  it('renders JSON paths with brackets for keys that are not identifiers', () => {
    expect(toJsonPath(['scores', 'lmarena-text', 'value'])).toBe('$.scores["lmarena-text"].value');
  });
});
