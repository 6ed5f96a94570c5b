import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { defineEstimator } from './define-estimator';
import { builtinEstimators } from './estimate-compute';
import type { Estimator } from './estimator';
import { createEstimatorRegistry } from './registry';

const constant = defineEstimator({
  id: 'constant',
  description: 'always 1e24',
  priority: 70,
  estimate: () => ({
    median: 1e24,
    log10Sigma: 1,
    inputs: [{ name: 'assumption', value: 1e24, source: 'prior' }],
    reasoning: 'a constant',
  }),
});

describe('defineEstimator', () => {
  it('stamps apiVersion 1 and freezes', () => {
    expect(constant.apiVersion).toBe(1);
    expect(Object.isFrozen(constant)).toBe(true);
    expect(constant.monotonic).toEqual([]);
  });

  it('rejects an invalid definition naming every problem', () => {
    const attempt = () =>
      defineEstimator({ id: 'Not Kebab', description: '', priority: Number.NaN, estimate: 'no' as never });
    expect(attempt).toThrow(TrackerError);
    try {
      attempt();
    } catch (error) {
      expect(TrackerError.is(error) && error.code).toBe('PLUGIN_INVALID');
      expect((error as Error).message).toMatch(
        /id must be kebab-case.*description.*priority.*estimate must be a function/,
      );
    }
  });
});

describe('createEstimatorRegistry', () => {
  it('keeps estimators in trust order and rejects duplicates', () => {
    const registry = createEstimatorRegistry(builtinEstimators);
    registry.register(constant);
    expect(registry.list().map((estimator) => estimator.id)).toEqual([
      'reported',
      'reported-signal',
      'fine-tune',
      'operation-count',
      'hardware-time',
      'cost',
      'derivative',
      'benchmark',
      'name-heuristic',
      'constant',
    ]);
    expect(() => registry.register(constant)).toThrow(/already registered/);
    try {
      registry.register(constant);
    } catch (error) {
      expect((error as TrackerError).code).toBe('PLUGIN_DUPLICATE');
    }
  });

  it('get() of an unknown id lists the known ones', () => {
    const registry = createEstimatorRegistry([constant]);
    expect(() => registry.get('nope')).toThrow(/no estimator "nope"; known: constant/);
    expect(registry.has('constant')).toBe(true);
  });

  it('refuses objects not made by defineEstimator', () => {
    const registry = createEstimatorRegistry();
    expect(() => registry.register({ ...constant, apiVersion: 2 } as unknown as Estimator)).toThrow(
      /unknown apiVersion/,
    );
  });
});
