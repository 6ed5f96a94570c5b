import { type ChipPrice, type ChipSpec, HARDWARE_TABLE } from './data/hardware';

/** Every accelerator the hardware-time and cost methods know, frozen. */
export const chips: readonly Readonly<ChipSpec>[] = Object.freeze(
  HARDWARE_TABLE.chips.map((chip) => Object.freeze({ ...chip })),
);

/** Rental prices per chip-hour, frozen. */
export const chipPrices: readonly Readonly<ChipPrice>[] = Object.freeze(
  HARDWARE_TABLE.prices.map((price) => Object.freeze({ ...price })),
);

function normaliseChipName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const chipsByAlias = new Map<string, Readonly<ChipSpec>>();
for (const chip of chips) {
  for (const alias of [chip.id, chip.name, ...chip.aliases]) chipsByAlias.set(normaliseChipName(alias), chip);
}
// Longest aliases first so that "NVIDIA H100 PCIe" is not read as "H100" (SXM) by the prefix fallback.
const aliasesByLength = [...chipsByAlias.keys()].sort((left, right) => right.length - left.length);

/**
 * The chip a source names, or null. Matches the id, the name or an alias after lower-casing and dropping
 * everything but letters and digits; then the longest alias that the name starts with (Epoch appends memory
 * sizes: "NVIDIA A100 SXM4 80 GB"). A comma-separated list (mixed clusters) resolves to its first chip.
 *
 * @example
 * getChip('NVIDIA H100 SXM5 80GB')?.peakFlops.bf16; // 9.89e14
 */
export function getChip(name: string): Readonly<ChipSpec> | null {
  const first = name.split(',')[0] ?? '';
  const key = normaliseChipName(first);
  if (key.length === 0) return null;
  const exact = chipsByAlias.get(key);
  if (exact) return exact;
  for (const alias of aliasesByLength) {
    if (alias.length >= 4 && key.startsWith(alias)) return chipsByAlias.get(alias) ?? null;
  }
  return null;
}

/** Peak dense FLOP/s of a chip at a precision (its default precision when absent or unknown). */
export function peakFlops(
  chip: Readonly<ChipSpec>,
  precision?: string,
): { flops: number; precision: string } {
  const wanted = precision?.toLowerCase();
  if (wanted && chip.peakFlops[wanted] !== undefined)
    return { flops: chip.peakFlops[wanted] as number, precision: wanted };
  return { flops: chip.peakFlops[chip.defaultPrecision] as number, precision: chip.defaultPrecision };
}

/** The price per chip-hour of a chip, or null when the table has none. */
export function getChipPrice(chipId: string): Readonly<ChipPrice> | null {
  return chipPrices.find((price) => price.chip === chipId) ?? null;
}
