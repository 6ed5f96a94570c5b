/**
 * A memo of a pure function of one string, for the hot paths that ask the same question of the same name many
 * times in a run. Bounded, so a long-lived process does not grow without limit: past `limit` keys it computes
 * without remembering. Callers must not mutate what it returns (it is shared).
 */
export function memoByString<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const found = known.get(key);
    if (found !== undefined || known.has(key)) return found as T;
    const value = compute(key);
    if (known.size < limit) known.set(key, value);
    return value;
  };
}
