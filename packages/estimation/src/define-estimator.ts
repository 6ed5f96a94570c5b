import { TrackerError } from '@tracker/schema';
import { z } from 'zod';
import {
  ESTIMATOR_API_VERSION,
  type EstimateContext,
  type Estimator,
  type EstimatorFacts,
  type EstimatorKind,
  type EstimatorResult,
  type MonotonicFact,
  type Precedence,
} from './estimator';

/**
 * Priority at or above which a plugin written before `kind` existed is taken as an imputation (the old
 * `IMPUTATION_PRIORITY` rule), for backward compatibility only: declare `kind` instead.
 */
const LEGACY_IMPUTATION_PRIORITY = 50;

const MONOTONIC_FACTS = [
  'parameters',
  'activeParameters',
  'trainingTokens',
  'hardware.count',
  'hardware.hours',
  'hardware.utilization',
  'costUsd',
] as const;

const EstimatorDefinitionSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits and single dashes)'),
  description: z.string().min(1, 'must not be empty'),
  priority: z.number().finite('must be a finite number'),
  monotonic: z.array(z.enum(MONOTONIC_FACTS)).default([]),
  kind: z.enum(['direct', 'imputation', 'bound']).optional(),
  prevailsOver: z.array(z.object({ method: z.string().min(1), reason: z.string().min(1) })).default([]),
  estimate: z.custom<Estimator['estimate']>((value) => typeof value === 'function', 'must be a function'),
});

/** What you pass to {@link defineEstimator}: an {@link Estimator} without `apiVersion`. */
export interface EstimatorDefinition {
  /** Stable kebab-case id. */
  id: string;
  /** One line on what it does. */
  description: string;
  /** Trust order, lower is more trusted. Built-ins use 10 (reported) to 60 (name-heuristic). */
  priority: number;
  /** Facts that never lower the estimate when they grow. */
  monotonic?: readonly MonotonicFact[];
  /** Direct evidence (default below priority 50), imputation (default from 50) or bound. */
  kind?: EstimatorKind;
  /** Methods this one prevails over when both are direct and disagree by over ×3, each with the reason. */
  prevailsOver?: readonly Precedence[];
  estimate(facts: EstimatorFacts, context: EstimateContext): EstimatorResult | null;
}

/**
 * Validates an estimator definition, stamps the contract version and freezes it. Throws `PLUGIN_INVALID`
 * naming every member that is wrong.
 *
 * @example
 * export const chinchillaOptimal = defineEstimator({
 *   id: 'chinchilla-optimal',
 *   description: 'Assumes 20 tokens per parameter when only the parameter count is known',
 *   priority: 55,
 *   kind: 'imputation',
 *   monotonic: ['parameters'],
 *   estimate(facts) {
 *     if (!facts.parameters) return null;
 *     const median = 6 * facts.parameters * 20 * facts.parameters;
 *     return {
 *       median,
 *       log10Sigma: 0.5,
 *       inputs: [{ name: 'parameters', value: facts.parameters, source: 'input' }],
 *       reasoning: `6 × N × 20N = ${median.toExponential(2)} FLOP`,
 *     };
 *   },
 * });
 */
export function defineEstimator<const T extends EstimatorDefinition>(
  definition: T,
): Estimator & Readonly<Omit<T, keyof Estimator>> {
  const result = EstimatorDefinitionSchema.safeParse(definition);
  if (!result.success) {
    const label =
      typeof (definition as { id?: unknown })?.id === 'string'
        ? `estimator "${(definition as { id: string }).id}"`
        : 'estimator';
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(definition)'} ${issue.message}`)
      .join('; ');
    throw new TrackerError('PLUGIN_INVALID', `[${label}] invalid definition: ${problems}`);
  }
  const estimator = {
    ...definition,
    apiVersion: ESTIMATOR_API_VERSION,
    monotonic: Object.freeze([...result.data.monotonic]),
    kind: result.data.kind ?? (result.data.priority >= LEGACY_IMPUTATION_PRIORITY ? 'imputation' : 'direct'),
    prevailsOver: Object.freeze(result.data.prevailsOver.map((rule) => Object.freeze({ ...rule }))),
  };
  return Object.freeze(estimator) as Estimator & Readonly<Omit<T, keyof Estimator>>;
}
