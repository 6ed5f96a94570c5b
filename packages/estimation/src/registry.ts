import { TrackerError } from '@tracker/schema';
import { ESTIMATOR_API_VERSION, type Estimator } from './estimator';

/** A set of estimators with unique ids, kept in trust order (priority, then id). */
export interface EstimatorRegistry {
  /** Adds an estimator; throws `PLUGIN_DUPLICATE` when its id is taken and `PLUGIN_INVALID` for an unknown apiVersion. */
  register(estimator: Estimator): void;
  /** The estimator with this id; throws `PLUGIN_NOT_FOUND` listing the known ids. */
  get(id: string): Estimator;
  has(id: string): boolean;
  /** Every estimator, most trusted first. */
  list(): readonly Estimator[];
}

/**
 * Creates a registry, optionally seeded.
 *
 * @example
 * const registry = createEstimatorRegistry(builtinEstimators);
 * registry.register(myEstimator);
 * estimateCompute(facts, { estimators: registry.list() });
 */
export function createEstimatorRegistry(initial: readonly Estimator[] = []): EstimatorRegistry {
  const byId = new Map<string, Estimator>();
  let sorted: Estimator[] = [];
  const registry: EstimatorRegistry = {
    register(estimator) {
      if (estimator?.apiVersion !== ESTIMATOR_API_VERSION) {
        throw new TrackerError(
          'PLUGIN_INVALID',
          `[estimator "${String(estimator?.id)}"] unknown apiVersion ${String(estimator?.apiVersion)}; build it with defineEstimator()`,
        );
      }
      if (byId.has(estimator.id))
        throw new TrackerError(
          'PLUGIN_DUPLICATE',
          `[estimation] an estimator with id "${estimator.id}" is already registered`,
        );
      byId.set(estimator.id, estimator);
      sorted = [...byId.values()].sort(
        (left, right) => left.priority - right.priority || left.id.localeCompare(right.id),
      );
    },
    get(id) {
      const estimator = byId.get(id);
      if (!estimator)
        throw new TrackerError(
          'PLUGIN_NOT_FOUND',
          `[estimation] no estimator "${id}"; known: ${[...byId.keys()].sort().join(', ')}`,
        );
      return estimator;
    },
    has: (id) => byId.has(id),
    list: () => sorted,
  };
  for (const estimator of initial) registry.register(estimator);
  return registry;
}
