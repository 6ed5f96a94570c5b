/**
 * Parses JSON without letting it reach `Object.prototype` later: `__proto__` keys are dropped, and so is a
 * `constructor` key whose value carries a `prototype` (the shapes used in prototype-pollution payloads). Plain
 * `JSON.parse` creates such keys as own properties, which a later merge or `Object.assign` turns into pollution.
 * Throws the `SyntaxError` of `JSON.parse` for malformed text.
 */
export function parseJsonSafely(text: string): unknown {
  // The reviver costs several times the plain parse, so it runs only when a dangerous key may be present
  // (escapes such as `\u005f_proto__` are caught by the `\u` test).
  if (!text.includes('__proto__') && !text.includes('constructor') && !text.includes('\\u')) {
    return JSON.parse(text);
  }
  return JSON.parse(text, dropDangerousKeys);
}

function dropDangerousKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') {
    return undefined;
  }
  if (
    key === 'constructor' &&
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'prototype')
  ) {
    return undefined;
  }
  return value;
}
