import { TrackerError } from '@tracker/schema';
import { getChip, peakFlops } from './chips';

/** Inputs of {@link operationCount}. */
export interface OperationCountInput {
  /** Total parameters (for MoE, all experts). */
  parameters?: number;
  /** Active parameters per token (MoE); used instead of `parameters` when given. */
  activeParameters?: number;
  /** Training tokens. */
  tokens: number;
}

/**
 * 6·N·D FLOP with N the active parameters when given.
 *
 * @example
 * operationCount({ parameters: 141e9, activeParameters: 39e9, tokens: 1e13 }); // 2.34e24
 */
export function operationCount(input: OperationCountInput): number {
  const parameters = input.activeParameters ?? input.parameters;
  if (parameters === undefined)
    throw new TrackerError(
      'ESTIMATE_FAILED',
      '[estimation] operationCount needs parameters or activeParameters',
    );
  return 6 * parameters * input.tokens;
}

/** Inputs of {@link hardwareTime}. */
export interface HardwareTimeInput {
  /** Chip name as a source writes it (`NVIDIA H100 SXM5 80GB`). */
  chip: string;
  count: number;
  hours: number;
  /** Model FLOP utilization (default 0.3). */
  utilization?: number;
  precision?: string;
}

/**
 * chips × peak FLOP/s × hours × 3600 × utilization.
 *
 * @example
 * hardwareTime({ chip: 'NVIDIA H100 SXM5 80GB', count: 16384, hours: 1854, utilization: 0.4 }); // ≈ 4.3e25
 */
export function hardwareTime(input: HardwareTimeInput): number {
  const chip = getChip(input.chip);
  if (!chip)
    throw new TrackerError(
      'ESTIMATE_FAILED',
      `[estimation] unknown chip "${input.chip}"; see chips for the known ones`,
    );
  return (
    input.count * peakFlops(chip, input.precision).flops * input.hours * 3600 * (input.utilization ?? 0.3)
  );
}
