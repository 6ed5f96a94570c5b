import { ModelRecordSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { arena, fact, record } from './__fixtures__/records';
import { estimateRecords } from './estimate-records';
import { buildReferences, factsFromRecord } from './facts';

describe('factsFromRecord', () => {
  it('takes each field from the most trusted source of the rank the caller passes, newest first', () => {
    const subject = record('lab/model', 'Model', {
      parameters: [
        fact(8e9, 'openrouter', '2026-05-01T00:00:00.000Z'),
        fact(8.03e9, 'huggingface'),
        fact(8e9, 'epoch'),
      ],
      trainingTokens: [
        fact(1e13, 'artificial-analysis', '2026-01-01T00:00:00.000Z'),
        fact(1.5e13, 'artificial-analysis', '2026-03-01T00:00:00.000Z'),
      ],
      reportedCompute: [
        fact({ flop: 7e23, confidence: 'likely' as const }, 'epoch'),
        fact({ flop: 7.2e23, confidence: 'confident' as const }, 'ledger'),
      ],
    });
    expect(ModelRecordSchema.safeParse(subject).success).toBe(true);
    const facts = factsFromRecord(subject, { sourceRank: ['ledger', 'epoch', 'huggingface'] });
    expect(facts.parameters).toBe(8e9);
    expect(facts.provenance?.parameters?.source).toBe('epoch');
    expect(facts.trainingTokens).toBe(1.5e13);
    expect(facts.reportedCompute).toEqual({ flop: 7.2e23, confidence: 'confident' });
    expect(facts.provenance?.reportedCompute?.source).toBe('ledger');
    // No rank given: no source is preferred, the most recent fact wins.
    expect(factsFromRecord(subject).provenance?.parameters?.source).toBe('openrouter');
  });

  it('keeps every score snapshot and the latest as the score', () => {
    const facts = factsFromRecord(
      record('lab/m', 'M', {}, { 'lmarena-text': [arena(1300, '2026-02-03'), arena(1290, '2025-08-04')] }),
    );
    expect(facts.scores?.['lmarena-text']).toEqual({ value: 1300, asOf: '2026-02-03' });
    expect(facts.scoreSnapshots?.['lmarena-text']).toHaveLength(2);
  });

  it('carries provenance into estimator inputs', () => {
    const results = estimateRecords([
      record('lab/m', 'M 7B', { parameters: [fact(7e9, 'huggingface')], trainingTokens: [fact(2e12)] }),
    ]);
    const inputs = results.get('lab/m')?.estimate?.components[0]?.inputs ?? [];
    expect(inputs.find((input) => input.name === 'parameters')).toMatchObject({
      source: 'huggingface',
      url: 'https://example.org/huggingface',
    });
  });
});

describe('buildReferences', () => {
  it('keeps confident/likely reported figures that have scores', () => {
    const references = buildReferences([
      record(
        'a/one',
        'One',
        {
          reportedCompute: [fact({ flop: 1e24, confidence: 'confident' as const })],
          releaseDate: [fact('2024-05-01')],
        },
        { 'lmarena-text': [arena(1200, '2025-08-04')] },
      ),
      record(
        'a/two',
        'Two',
        { reportedCompute: [fact({ flop: 1e24, confidence: 'speculative' as const })] },
        { 'lmarena-text': [arena(1200, '2025-08-04')] },
      ),
      record('a/three', 'Three', { reportedCompute: [fact({ flop: 1e24, confidence: 'likely' as const })] }),
    ]);
    expect(references).toEqual([
      {
        id: 'a/one',
        name: 'One',
        computeFlop: 1e24,
        releaseDate: '2024-05-01',
        scores: { 'lmarena-text': [{ value: 1200, asOf: '2025-08-04' }] },
        source: 'epoch',
        url: 'https://example.org/epoch',
      },
    ]);
  });
});

describe('estimateRecords', () => {
  const references = Array.from({ length: 8 }, (_, index) =>
    record(
      `lab/ref-${index}`,
      `Ref ${index}`,
      {
        reportedCompute: [fact({ flop: 10 ** (23 + index * 0.3), confidence: 'confident' as const })],
        releaseDate: [fact('2024-06-01')],
      },
      { 'lmarena-text': [arena(1100 + index * 40, '2025-08-04')] },
    ),
  );

  it('resolves base models among the records by name and adds their compute', () => {
    const base = record('meta/llama-3.1-8b', 'Llama 3.1 8B', {
      reportedCompute: [fact({ flop: 1.2e24, confidence: 'confident' as const })],
    });
    const tune = record('x/tuned', 'Tuned', {
      parameters: [fact(8e9)],
      trainingTokens: [fact(5e9)],
      baseModel: [fact('Llama 3.1-8B')],
    });
    const results = estimateRecords([base, tune], { blind: true });
    expect(results.get('x/tuned')?.estimate?.breakdown?.baseModel).toBe(1.2e24);
    // Blind mode hides the base's own figure only when the base itself is estimated.
    expect(results.get('meta/llama-3.1-8b')?.estimate?.method).toBe('name-heuristic');
  });

  it('in blind mode leaves out each model’s own reference point and reported figure', () => {
    const results = estimateRecords(references, { blind: true });
    const own = results.get('lab/ref-3')?.estimate;
    expect(own?.method).toBe('benchmark');
    const component = own?.components[0];
    expect(component?.inputs.find((input) => input.name === 'references')?.value).toBe(
      '7 references with known compute (its own point left out (exact refit))',
    );
    const listed = /nearest references in capability: ([^;]*);/.exec(component?.reasoning ?? '')?.[1] ?? '';
    expect(listed).toContain('Ref 4 (');
    expect(listed).not.toContain('Ref 3 (');
    const sighted = estimateRecords(references).get('lab/ref-3')?.estimate;
    expect(sighted?.components.map((component) => component.method)).toContain('reported');
  });

  it('ignores a base model that is the record itself (a merged base + instruct record)', () => {
    const merged = {
      ...record('meta/llama-3-70b', 'Llama 3-70B', {
        parameters: [fact(70e9)],
        trainingTokens: [fact(15e12)],
        baseModel: [fact('meta-llama/Meta-Llama-3-70B', 'huggingface')],
      }),
      aliases: ['Meta-Llama-3-70B-Instruct'],
    };
    const estimate = estimateRecords([merged], { blind: true }).get('meta/llama-3-70b')?.estimate;
    expect(estimate?.method).toBe('operation-count');
    expect(estimate?.median).toBeCloseTo(6 * 70e9 * 15e12, -20);
    // A different base that no record resolves stays a base: the own run is then only a lower bound.
    const other = { ...merged, facts: { ...merged.facts, baseModel: [fact('meta-llama/Llama-2-70b')] } };
    const tuned = estimateRecords([other], { blind: true }).get('meta/llama-3-70b')?.estimate;
    expect(tuned?.notes?.join(' ')).toMatch(/only a lower bound/);
  });

  it('survives a base-model cycle', () => {
    const first = record('a/first', 'First', {
      baseModel: [fact('Second')],
      parameters: [fact(7e9)],
      trainingTokens: [fact(1e9)],
    });
    const second = record('a/second', 'Second', {
      baseModel: [fact('First')],
      parameters: [fact(7e9)],
      trainingTokens: [fact(1e9)],
    });
    const results = estimateRecords([first, second]);
    expect(results.size).toBe(2);
  });
});
