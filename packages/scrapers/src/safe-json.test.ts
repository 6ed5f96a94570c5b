import { describe, expect, it } from 'vitest';
import { parseJsonSafely } from './safe-json';

describe('parseJsonSafely', () => {
  it('drops __proto__ keys, so that merging the result cannot pollute Object.prototype', () => {
    const parsed = parseJsonSafely('{"__proto__":{"polluted":1},"keep":2}') as Record<string, unknown>;
    expect(parsed).toEqual({ keep: 2 });
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false);
    const target: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parsed)) target[key] = value;
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    // Plain JSON.parse keeps the key as an own property: that is what a later merge turns into pollution.
    expect(Object.hasOwn(JSON.parse('{"__proto__":{"polluted":1}}'), '__proto__')).toBe(true);
  });

  it('drops constructor.prototype, also when nested or escaped', () => {
    expect(parseJsonSafely('{"a":[{"constructor":{"prototype":{"x":1}}}]}')).toEqual({ a: [{}] });
    expect(parseJsonSafely('{"\\u005f_proto__":{"x":1},"b":"\\u00e9"}')).toEqual({ b: 'é' });
    expect(parseJsonSafely('{"constructor":"a name"}')).toEqual({ constructor: 'a name' });
  });

  it('throws SyntaxError on malformed or truncated JSON', () => {
    expect(() => parseJsonSafely('{"models": [')).toThrow(SyntaxError);
    expect(() => parseJsonSafely('')).toThrow(SyntaxError);
  });
});
