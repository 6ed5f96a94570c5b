import { ModelsFileSchema, TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/models.json';
import {
  compareDates,
  createRowPredicate,
  filterRows,
  isAboveThreshold,
  isBelowThreshold,
  parseFilter,
  type QueryFilter,
} from './filter';
import { type QueryRow, toQueryRows } from './row';

const rows = toQueryRows(ModelsFileSchema.parse(fixture).models);
const ids = (filter: QueryFilter | Record<string, unknown>) =>
  filterRows(rows, filter as QueryFilter).map((row) => row.id);

/** Runs `action`, expecting a QUERY_INVALID TrackerError, and returns it. */
function expectQueryInvalid(action: () => unknown): TrackerError {
  try {
    action();
  } catch (error) {
    expect(TrackerError.is(error)).toBe(true);
    expect((error as TrackerError).code).toBe('QUERY_INVALID');
    return error as TrackerError;
  }
  throw new Error('expected a QUERY_INVALID error');
}

describe('filterRows', () => {
  it('keeps every row, in order, with an empty filter or unset options', () => {
    expect(ids({})).toEqual(rows.map((row) => row.id));
    expect(ids({ developer: undefined, above: undefined })).toHaveLength(rows.length);
  });

  it('above: confirmed-above, or P ≥ 0.5 with no human ruling against; never a model without an estimate', () => {
    expect(ids({ above: true })).toEqual(['meta/llama-3.1-405b', 'openai/gpt-4o', 'xai/grok-3']);
  });

  it('aboveCut moves the cut of above and below (the configured statusCuts.likelyAbove)', () => {
    expect(ids({ above: true, aboveCut: 0.96 })).toEqual(['meta/llama-3.1-405b']);
    expect(ids({ below: true, aboveCut: 0.96 })).toContain('openai/gpt-4o');
    expect(ids({ above: true, aboveCut: '0.5' })).toEqual(ids({ above: true }));
    expectQueryInvalid(() => ids({ above: true, aboveCut: 1.5 }));
  });

  it('above: false keeps the complement, including models with no estimate and excluded ones', () => {
    const notAbove = ids({ above: false });
    expect(notAbove).toContain('openrouter/mystery-model');
    expect(notAbove).toContain('test/arena-test-entry');
    expect(notAbove).toContain('anthropic/claude-3-5-sonnet');
    expect(notAbove).toHaveLength(rows.length - 3);
  });

  it('below: confirmed-below wins over a machine P above 0.5; unknown and excluded are neither', () => {
    expect(ids({ below: true })).toEqual([
      'anthropic/claude-3-5-sonnet',
      'deepseek/deepseek-v3',
      'google/gemma-2-9b',
    ]);
  });

  it('status matches curated statuses and threshold statuses, any of several', () => {
    expect(ids({ status: 'candidate' })).toEqual(['openai/gpt-4o', 'xai/grok-3']);
    expect(ids({ status: ['excluded', 'confirmed-above'] })).toEqual([
      'meta/llama-3.1-405b',
      'test/arena-test-entry',
    ]);
    expect(ids({ status: 'likely-above' })).toEqual([
      'anthropic/claude-3-5-sonnet',
      'openai/gpt-4o',
      'xai/grok-3',
    ]);
    expect(ids({ status: 'unknown,below' })).toEqual([
      'deepseek/deepseek-v3',
      'google/gemma-2-9b',
      'openrouter/mystery-model',
      'zhipu/glm-4-9b',
    ]);
  });

  it('status needs-review keeps flagged rows, alone or with other statuses', () => {
    expect(ids({ status: 'needs-review' })).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(ids({ status: ['needs-review', 'candidate'] })).toEqual([
      'anthropic/claude-3-5-sonnet',
      'openai/gpt-4o',
      'xai/grok-3',
    ]);
  });

  it('probability range is inclusive and drops rows without a probability', () => {
    expect(ids({ minProbability: 0.5 })).toEqual([
      'anthropic/claude-3-5-sonnet',
      'meta/llama-3.1-405b',
      'openai/gpt-4o',
      'test/arena-test-entry',
      'xai/grok-3',
    ]);
    expect(ids({ maxProbability: 0.5 })).toEqual(['deepseek/deepseek-v3', 'google/gemma-2-9b', 'xai/grok-3']);
    expect(ids({ minProbability: '0.6', maxProbability: '0.95' })).toEqual([
      'anthropic/claude-3-5-sonnet',
      'openai/gpt-4o',
    ]);
    expect(ids({ minProbability: 0 })).not.toContain('openrouter/mystery-model');
  });

  it('developer matches a case-insensitive substring of the developer only, never the name', () => {
    expect(ids({ developer: 'google' })).toEqual(['google/gemma-2-9b']);
    expect(ids({ developer: 'OPENAI' })).toEqual(['openai/gpt-4o']);
    expect(ids({ developer: ['meta', 'xai'] })).toEqual(['meta/llama-3.1-405b', 'xai/grok-3']);
    // "Gemma" is in a name, not a developer: the old tracker matched names here.
    expect(ids({ developer: 'gemma' })).toEqual([]);
  });

  it('release dates are inclusive, accept partial dates, and drop undated rows', () => {
    expect(ids({ releasedAfter: '2025' })).toEqual(['test/arena-test-entry', 'xai/grok-3']);
    expect(ids({ releasedAfter: '2024-07-23', releasedBefore: '2024-12' })).toEqual([
      'deepseek/deepseek-v3',
      'meta/llama-3.1-405b',
    ]);
    expect(ids({ releasedBefore: '2024-06-20' })).toEqual(['anthropic/claude-3-5-sonnet', 'openai/gpt-4o']);
    // A row dated only "2025-01" could fall on 2025-01-15, so a range starting then keeps it.
    expect(ids({ releasedAfter: '2025-01-15', releasedBefore: '2025-01-31' })).toEqual([
      'test/arena-test-entry',
    ]);
    expect(ids({ releasedBefore: '2030' })).not.toContain('zhipu/glm-4-9b');
  });

  it('confidence matches any of several labels and drops rows without an estimate', () => {
    expect(ids({ confidence: 'speculative' })).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(ids({ confidence: ['likely', 'speculative'] })).toEqual([
      'anthropic/claude-3-5-sonnet',
      'openai/gpt-4o',
      'test/arena-test-entry',
      'xai/grok-3',
    ]);
  });

  it('method matches estimator ids exactly, ignoring case', () => {
    expect(ids({ method: 'operation-count' })).toEqual(['deepseek/deepseek-v3', 'google/gemma-2-9b']);
    expect(ids({ method: ['Reported', 'hardware-time'] })).toEqual([
      'meta/llama-3.1-405b',
      'openai/gpt-4o',
      'xai/grok-3',
    ]);
    expect(ids({ method: 'operation' })).toEqual([]);
  });

  it('source keeps rows with an observation from that source', () => {
    expect(ids({ source: 'epoch' })).toEqual([
      'deepseek/deepseek-v3',
      'meta/llama-3.1-405b',
      'openai/gpt-4o',
    ]);
    const either = ids({ source: 'lmarena,huggingface' });
    expect(either).not.toContain('openrouter/mystery-model');
    expect(either).toHaveLength(rows.length - 1);
    expect(ids({ source: 'livebench' })).toEqual([]);
  });

  it('search looks in name, id and aliases, ignoring case, spaces and punctuation', () => {
    expect(ids({ search: 'sonnet' })).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(ids({ search: 'claude 3.5' })).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(ids({ search: 'gpt4o' })).toEqual(['openai/gpt-4o']);
    expect(ids({ search: 'THUDM' })).toEqual(['zhipu/glm-4-9b']);
    expect(ids({ search: 'grok-3-preview' })).toEqual(['xai/grok-3']);
    expect(ids({ search: 'anthropic/' })).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(ids({ search: 'gpt-5' })).toEqual([]);
  });

  it("search also looks in the sources' own ids (OpenRouter ids, Hugging Face repo ids)", () => {
    const [record] = ModelsFileSchema.parse(fixture).models.filter((model) => model.id === 'xai/grok-3');
    const withIds = {
      ...record!,
      observations: record!.observations.map((ref) =>
        ref.source === 'openrouter' ? { ...ref, rawName: 'grok-3', sourceModelId: 'x-ai/grok-3-beta' } : ref,
      ),
      facts: {
        ...record!.facts,
        huggingFaceId: [
          {
            value: 'xai-org/grok-3',
            source: 'huggingface',
            url: 'https://huggingface.co/xai-org/grok-3',
            retrievedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    };
    const [row] = toQueryRows([withIds]);
    expect(row!.sourceIds).toEqual(['x-ai/grok-3-beta', 'xai-org/grok-3']);
    expect(filterRows([row!], { search: 'x-ai/grok-3-beta' })).toHaveLength(1);
    expect(filterRows([row!], { search: 'xai-org/' })).toHaveLength(1);
    expect(filterRows([{ ...row!, sourceIds: [] }], { search: 'x-ai/grok-3-beta' })).toHaveLength(0);
  });

  it('needsReview keeps flagged rows (true) or the others (false)', () => {
    expect(ids({ needsReview: true })).toEqual(['anthropic/claude-3-5-sonnet']);
    expect(ids({ needsReview: 'false' })).toHaveLength(rows.length - 1);
  });

  it('combines options with AND', () => {
    expect(ids({ above: true, developer: 'meta', confidence: 'confident' })).toEqual(['meta/llama-3.1-405b']);
    expect(ids({ above: true, developer: 'meta', confidence: 'likely' })).toEqual([]);
  });

  it("works on plain rows the caller builds, and keeps the caller's extra fields", () => {
    const first = rows[0] as QueryRow;
    const extended = [{ ...first, note: 'mine' }];
    expect(filterRows(extended, { search: 'sonnet' })[0]?.note).toBe('mine');
    expect(createRowPredicate({ search: 'gemma' })(first)).toBe(false);
  });
});

describe('isAboveThreshold / isBelowThreshold', () => {
  const row = rows.find((candidate) => candidate.id === 'openai/gpt-4o') as QueryRow;

  it('fall back to the threshold status when a probability is missing', () => {
    expect(isAboveThreshold({ ...row, probabilityAbove: null, thresholdStatus: 'above' })).toBe(true);
    expect(
      isBelowThreshold({
        ...row,
        probabilityAbove: null,
        thresholdStatus: 'likely-below',
        status: 'unreviewed',
      }),
    ).toBe(true);
    expect(isAboveThreshold({ ...row, probabilityAbove: null, thresholdStatus: 'unknown' })).toBe(false);
  });

  it('put the 0.5 cut point on the above side', () => {
    expect(isAboveThreshold({ ...row, probabilityAbove: 0.5 })).toBe(true);
    expect(isBelowThreshold({ ...row, probabilityAbove: 0.5 })).toBe(false);
    expect(isBelowThreshold({ ...row, probabilityAbove: 0.4999 })).toBe(true);
    expect(isAboveThreshold({ ...row, probabilityAbove: 0.5 }, 0.6)).toBe(false);
    expect(isBelowThreshold({ ...row, probabilityAbove: 0.5 }, 0.6)).toBe(true);
  });
});

describe('parseFilter', () => {
  it('normalises lists and loose CLI values', () => {
    expect(
      parseFilter({
        status: 'candidate, excluded',
        above: 'true',
        minProbability: '0.25',
        developer: 'Google, Inc.',
      }),
    ).toEqual({
      status: ['candidate', 'excluded'],
      above: true,
      minProbability: 0.25,
      developer: ['Google, Inc.'],
    });
    expect(parseFilter(undefined)).toEqual({});
  });

  it.each([
    [{ colour: 'red' }, 'colour', /valid options: above, below/],
    [{ above: 'yes please' }, 'above', /true or false/],
    [{ above: true, below: true }, 'above', /cannot be combined/],
    [{ status: 'approved' }, 'status', /valid statuses: candidate/],
    [{ status: [] }, 'status', /at least one/],
    [{ minProbability: 1.5 }, 'minProbability', /between 0 and 1/],
    [{ maxProbability: 'high' }, 'maxProbability', /between 0 and 1/],
    [{ minProbability: 0.9, maxProbability: 0.1 }, 'minProbability', /greater than maxProbability/],
    [{ developer: 42 }, 'developer', /string or a list/],
    [{ releasedAfter: '2024-13' }, 'releasedAfter', /YYYY-MM-DD/],
    [{ releasedBefore: 'yesterday' }, 'releasedBefore', /YYYY-MM-DD/],
    [{ releasedAfter: '2025', releasedBefore: '2024-06' }, 'releasedAfter', /later than/],
    [{ confidence: 'high' }, 'confidence', /valid values: confident, likely, speculative/],
    [{ method: ' , ' }, 'method', /at least one/],
    [{ source: [1] }, 'source', /string or a list/],
    [{ search: '   ' }, 'search', /non-empty/],
    [{ needsReview: 1 }, 'needsReview', /true or false/],
  ])('rejects %j naming the option', (input, option, problem) => {
    const error = expectQueryInvalid(() => parseFilter(input));
    expect(error.message).toContain(`[query] ${option}:`);
    expect(error.message).toMatch(problem);
    expect(error.details.option).toBe(option);
  });

  it('rejects a non-object filter, and filterRows validates too', () => {
    expectQueryInvalid(() => parseFilter('above'));
    expectQueryInvalid(() => filterRows(rows, { status: 'nope' } as unknown as QueryFilter));
  });
});

describe('compareDates', () => {
  it('compares at the precision of the less precise date', () => {
    expect(compareDates('2024-05', '2024-05-31')).toBe(0);
    expect(compareDates('2024-05-01', '2024-04')).toBe(1);
    expect(compareDates('2023', '2024-01-01')).toBe(-1);
  });
});
