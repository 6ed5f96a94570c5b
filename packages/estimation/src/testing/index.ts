import { EstimateComponentSchema } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { toComponent } from '../combine';
import { createEstimateContext, type EstimateComputeOptions } from '../estimate-compute';
import type { Estimator, EstimatorFacts, MonotonicFact } from '../estimator';

/** One case of the conformance suite. */
export interface EstimatorTestCase {
  /** Shown in the test name. */
  name: string;
  facts: EstimatorFacts;
  /** Context options (references, blind, settings...). */
  options?: EstimateComputeOptions;
  /** `applies`: must return a result; `null`: must return null. Omitted: either. */
  expect?: 'applies' | 'null';
}

/** Options of {@link testEstimator}. */
export interface TestEstimatorOptions {
  estimator: Estimator;
  cases: readonly EstimatorTestCase[];
  /** Extra tests to run inside the suite's `describe`. */
  additionalTests?: () => void;
}

function grow(facts: EstimatorFacts, fact: MonotonicFact): EstimatorFacts | null {
  const copy = structuredClone(facts);
  if (fact.startsWith('hardware.')) {
    const key = fact.slice('hardware.'.length) as 'count' | 'hours' | 'utilization';
    const value = copy.hardware?.[key];
    if (value === undefined || !copy.hardware) return null;
    copy.hardware[key] = key === 'utilization' ? Math.min(1, value * 1.5) : value * 2;
    return copy;
  }
  const key = fact as 'parameters' | 'activeParameters' | 'trainingTokens' | 'costUsd';
  const value = copy[key];
  if (value === undefined) return null;
  copy[key] = value * 2;
  return copy;
}

/**
 * The conformance suite every estimator runs (like unstorage's `testDriver`): it is pure (same output twice,
 * input not mutated), returns null or a valid component (finite median, interval holding the median,
 * non-empty reasoning, every input with a source), and never lowers its estimate when a fact it declares
 * monotonic grows. Call it at the top level of a `*.test.ts` file.
 *
 * @example
 * testEstimator({ estimator: myEstimator, cases: [{ name: 'dense 70B', facts: { name: 'X 70B', parameters: 7e10 }, expect: 'applies' }] });
 */
export function testEstimator(options: TestEstimatorOptions): void {
  const { estimator, cases } = options;
  describe(`estimator conformance: ${estimator.id}`, () => {
    it('is a valid, frozen definition', () => {
      expect(estimator.apiVersion).toBe(1);
      expect(estimator.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(estimator.description.length).toBeGreaterThan(0);
      expect(Object.isFrozen(estimator)).toBe(true);
    });
    for (const testCase of cases) {
      describe(testCase.name, () => {
        it('is pure: same output twice, input not mutated', () => {
          const before = structuredClone(testCase.facts);
          const first = estimator.estimate(testCase.facts, createEstimateContext(testCase.options));
          const second = estimator.estimate(testCase.facts, createEstimateContext(testCase.options));
          expect(second).toEqual(first);
          expect(testCase.facts).toEqual(before);
        });
        it('returns null or a valid component', () => {
          const result = estimator.estimate(testCase.facts, createEstimateContext(testCase.options));
          if (testCase.expect === 'null') expect(result).toBeNull();
          if (testCase.expect === 'applies') expect(result).not.toBeNull();
          if (result === null) return;
          expect(Number.isFinite(result.median) && result.median > 0).toBe(true);
          expect(Number.isFinite(result.log10Sigma) && result.log10Sigma >= 0).toBe(true);
          expect(result.reasoning.trim().length).toBeGreaterThan(0);
          expect(result.inputs.length).toBeGreaterThan(0);
          for (const input of result.inputs)
            expect(input.source, `input ${input.name} has no provenance`).toBeTruthy();
          const component = toComponent(
            estimator.id,
            result.median,
            result.log10Sigma,
            result.inputs,
            result.reasoning,
          );
          expect(EstimateComponentSchema.safeParse(component).success).toBe(true);
          expect(component.interval90[0]).toBeLessThanOrEqual(result.median);
          expect(component.interval90[1]).toBeGreaterThanOrEqual(result.median);
        });
        for (const fact of estimator.monotonic) {
          it(`never lowers the estimate when ${fact} grows`, () => {
            const grown = grow(testCase.facts, fact);
            if (!grown) return;
            const before = estimator.estimate(testCase.facts, createEstimateContext(testCase.options));
            const after = estimator.estimate(grown, createEstimateContext(testCase.options));
            if (before === null || after === null) return;
            expect(after.median).toBeGreaterThanOrEqual(before.median * (1 - 1e-12));
          });
        }
      });
    }
    options.additionalTests?.();
  });
}
