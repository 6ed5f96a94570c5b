import path from 'node:path';
import { TrackerError } from '@tracker/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonText, stableStringify } from './json-file';
import { locateJsonSyntaxError } from './json-syntax';
import { displayPath } from './paths';

function catchError(fn: () => unknown): TrackerError {
  try {
    fn();
  } catch (error) {
    if (TrackerError.is(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('stableStringify', () => {
  it('sorts keys at every depth, keeps array order, indents by 2 and ends with a newline', () => {
    const text = stableStringify({ b: 1, a: { d: [3, 1, 2], c: null } });
    expect(text).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      1,\n      2\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('gives the same bytes whatever order the keys were inserted in', () => {
    expect(stableStringify({ x: 1, y: { p: 1, q: 2 } })).toBe(stableStringify({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('puts keyOrder keys first and writes one compact line with indent 0', () => {
    expect(stableStringify({ z: 1, id: 'a', at: 't', b: 2 }, { indent: 0, keyOrder: ['id', 'at'] })).toBe(
      '{"id":"a","at":"t","b":2,"z":1}',
    );
  });

  it('drops undefined values and refuses non-finite numbers', () => {
    expect(stableStringify({ a: undefined, b: 1 }, { indent: 0 })).toBe('{"b":1}');
    expect(() => stableStringify({ a: Number.NaN })).toThrow(/non-finite/);
  });

  it('writes a "__proto__" own key as data without touching prototypes', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    expect(stableStringify(value, { indent: 0 })).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Out of order, so the keys are copied: "__proto__" must still be an own key of the copy.
    const unordered = JSON.parse('{"b": 1, "__proto__": {"polluted": true}}');
    expect(stableStringify(unordered, { indent: 0 })).toBe('{"__proto__":{"polluted":true},"b":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes the same bytes as sorting every object into a null-prototype copy (the reference)', () => {
    // The reference is the plain definition; stableStringify skips copies of ordered objects for speed.
    const reference = (value: unknown, indent: number, keyOrder: readonly string[]) => {
      const rank = (key: string) => {
        const index = keyOrder.indexOf(key);
        return index === -1 ? Number.MAX_SAFE_INTEGER : index;
      };
      const text = JSON.stringify(
        value,
        (_key, current: unknown) => {
          if (typeof current !== 'object' || current === null || Array.isArray(current)) return current;
          const keys = Object.keys(current).sort(
            (left, right) => rank(left) - rank(right) || (left < right ? -1 : left > right ? 1 : 0),
          );
          const sorted: Record<string, unknown> = Object.create(null);
          for (const key of keys) sorted[key] = (current as Record<string, unknown>)[key];
          return sorted;
        },
        indent === 0 ? undefined : indent,
      );
      return indent === 0 ? text : `${text}\n`;
    };
    const key = fc.oneof(fc.constantFrom('__proto__', 'id', 'a', 'b', '10', '9', 'B', 'é'), fc.string());
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.string(),
          fc.boolean(),
          fc.constant(null),
        ),
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 6 }),
      ),
    }));
    fc.assert(
      fc.property(
        tree,
        fc.constantFrom(0, 2),
        fc.subarray(['id', 'b', '__proto__', 'z']),
        (value, indent, keyOrder) => {
          expect(stableStringify(value, { indent, keyOrder })).toBe(reference(value, indent, keyOrder));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseJsonText', () => {
  const file = path.join(process.cwd(), 'data', 'models.json');

  it('names the file relative to the working directory, the line and column, and the problem', () => {
    const error = catchError(() => parseJsonText('{\n  "a": 1,\n  }\n', { file }));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toBe(
      'data/models.json: line 3, column 3: invalid JSON: expected a double-quoted property name',
    );
  });

  it('reports a truncated file as ending early', () => {
    const error = catchError(() => parseJsonText('{"models": [', { file }));
    expect(error.message).toBe('data/models.json: line 1, column 13: invalid JSON: unexpected end of input');
  });

  it('rejects a __proto__ key anywhere, naming its JSON path', () => {
    const error = catchError(() =>
      parseJsonText('{"models": [{"facts": {"__proto__": {"x": 1}}}]}', { file }),
    );
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toBe(
      'data/models.json: $.models[0].facts.__proto__: the key "__proto__" is not allowed',
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('accepts a byte order mark', () => {
    expect(parseJsonText('\ufeff{"a":1}', { file })).toEqual({ a: 1 });
  });
});

describe('locateJsonSyntaxError', () => {
  it.each([
    ['{"a": tru}', 6, 'unexpected character "t"'],
    ['{"a": 1 "b": 2}', 8, "expected ',' or '}' after a property value"],
    ['[1, 2', 5, 'unexpected end of input'],
    ['{"a": "x\u0001"}', 8, 'unescaped control character in a string'],
    ['{"a": 01}', 7, "expected ',' or '}' after a property value"],
    ['{} {}', 3, 'unexpected text after the JSON value'],
    ['{"a": "\\q"}', 7, 'invalid escape in a string'],
  ])('locates the error in %j', (text, position, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)).toEqual({ position, problem });
  });

  it('finds nothing in valid JSON', () => {
    expect(locateJsonSyntaxError('{"a": [1, -2.5e3, true, null, "\\u00e9"]}')).toBeUndefined();
  });
});

describe('displayPath', () => {
  it('is relative inside the working directory and unchanged outside it', () => {
    expect(displayPath(path.join(process.cwd(), 'data', 'ledger.jsonl'))).toBe('data/ledger.jsonl');
    expect(displayPath('/elsewhere/data/ledger.jsonl', '/srv/project')).toBe('/elsewhere/data/ledger.jsonl');
  });
});
