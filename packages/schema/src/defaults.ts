/** Cut points of the threshold status (DESIGN §2): P(above) at which a model's status changes. Configuration. */
export interface StatusCutPoints {
  /** P at or above which the status is `above`. */
  above: number;
  /** P at or above which the status is `likely-above`; also the "over the threshold" call of queries and validation. */
  likelyAbove: number;
  /** P at or below which the status is `below`; between this and `likelyAbove` it is `likely-below`. */
  below: number;
}

/**
 * The compute threshold in FLOP when nothing else is configured: the EU AI Act's presumption of systemic risk.
 * The one definition: the config's default refers to it, and everything else receives the configured value.
 */
export const DEFAULT_THRESHOLD = 1e25;

/** The default cut points (above ≥ 0.95, likely-above ≥ 0.5, below ≤ 0.05); the config's default refers to them. */
export const DEFAULT_STATUS_CUTS: Readonly<StatusCutPoints> = Object.freeze({
  above: 0.95,
  likelyAbove: 0.5,
  below: 0.05,
});

/**
 * The default review floor: the review queue (`candidates`, `review`, `export-review`) and validation's review burden
 * show every unruled model at P(above) ≥ 0.2 (docs/methodology.md gives the choice); the config's default refers to it.
 */
export const DEFAULT_REVIEW_FLOOR = 0.2;
