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

/** Edit distance between two strings (insertions, deletions, substitutions). */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = previous[column - 1]! + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(Math.min(previous[column]! + 1, current[column - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length]!;
}

/** The known chips whose id, name or an alias is closest to `name` (edit distance of the normalised forms). */
export function closestChips(name: string, count = 3): Readonly<ChipSpec>[] {
  const key = normaliseChipName(name.split(',')[0] ?? '');
  const best = new Map<Readonly<ChipSpec>, number>();
  for (const [alias, chip] of chipsByAlias) {
    const distance = editDistance(key, alias);
    if (distance < (best.get(chip) ?? Number.POSITIVE_INFINITY)) best.set(chip, distance);
  }
  return [...best]
    .sort((left, right) => left[1] - right[1] || left[0].name.localeCompare(right[0].name, 'en'))
    .slice(0, count)
    .map(([chip]) => chip);
}

/**
 * Why a chip a source or user names gives no hardware-time estimate, or null when the chip is known:
 * `unknown chip "TPU v99" (closest known: Google TPU v5p, …); the hardware table lists every known chip`.
 */
export function describeUnknownChip(name: string): string | null {
  if (getChip(name) !== null) return null;
  const closest = closestChips(name).map((chip) => chip.name);
  return `unknown chip "${name}" (closest known: ${closest.join(', ')}); the hardware table (configs/hardware.yaml) lists every known chip`;
}
