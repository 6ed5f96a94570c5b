/** A FLOP figure or count in exponent form with every digit it has: `1e25`, `3.8e25`, `6.71e11`. */
export function formatExactMagnitude(value: number): string {
  return value.toExponential().replace('e+', 'e');
}

/** A number as a reader wants it: exponent form from a million up, plain below (`128000`, `0.3`). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e6 ? formatExactMagnitude(value) : String(value);
}

const fieldNames = new Map<string, string>();

/** `releaseDate` → `release date`: a field name as words. */
export function formatFieldName(field: string): string {
  let name = fieldNames.get(field);
  if (name === undefined) {
    name = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    // Field names come from a small fixed set in valid records; the bound keeps hostile input from growing it.
    if (fieldNames.size < 1000) fieldNames.set(field, name);
  }
  return name;
}

/**
 * Any fact or input value as one line of text: numbers as {@link formatNumber}, booleans yes/no, lists joined with
 * commas and objects (hardware, reported compute) as `key: value` pairs.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${formatFieldName(key)}: ${formatValue(item)}`)
      .join('; ');
  }
  return String(value);
}
