import type { Observation } from './observation';

/** An observation whose name resolved to a canonical model (output of name resolution, input of merging). */
export interface ResolvedObservation {
  observation: Observation;
  /** Canonical id, e.g. `anthropic/claude-3.5-sonnet`. */
  modelId: string;
  /** Display name of the canonical model, e.g. `Claude 3.5 Sonnet`. */
  name: string;
  /** Canonical developer display name, e.g. `Anthropic`, or null when unknown. */
  developer: string | null;
  /** The resolution rule that decided (`alias:config`, `rule:strip-date-suffix`, `exact`...), for `explain`. */
  rule: string;
}

/** An observation dropped by `configs/exclusions.yaml`, with the reason recorded. */
export interface ExcludedObservation {
  observation: Observation;
  /** The exclusion rule that matched. */
  rule: string;
  reason: string;
}

/** A near match the rules could not settle: shown for review, never merged silently. */
export interface MergeSuggestion {
  /** The two canonical ids that might be one model. */
  modelIds: readonly [string, string];
  /** Names as seen. */
  names: readonly [string, string];
  /** Why they look alike (`differ only by a date suffix`, `same parameters and developer`). */
  reason: string;
  /** 0–1, higher is more alike. */
  similarity: number;
}
