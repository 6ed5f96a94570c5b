/** Where JSON text first breaks the grammar, and how. */
export interface JsonSyntaxError {
  /** Offset in the text (UTF-16 code units). */
  position: number;
  problem: string;
}

/**
 * Finds the first syntax error in JSON text (RFC 8259 grammar). Only called once `JSON.parse` has failed: V8's
 * messages sometimes carry no position, and a damaged data file should be reported by line and column.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let index = 0;
  const fail = (problem: string): never => {
    throw {
      position: index,
      problem: index >= text.length ? 'unexpected end of input' : problem,
    } satisfies JsonSyntaxError;
  };
  const skipWhitespace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index += 1;
  };
  const expectCharacter = (character: string, problem: string) => {
    if (text[index] !== character) fail(problem);
    index += 1;
  };
  const parseString = () => {
    index += 1;
    while (index < text.length) {
      const character = text[index]!;
      if (character === '"') {
        index += 1;
        return;
      }
      if (character === '\\') {
        const next = text[index + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))
            fail('invalid \\u escape in a string');
          index += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2;
        else fail('invalid escape in a string');
      } else if (character.charCodeAt(0) < 0x20) fail('unescaped control character in a string');
      else index += 1;
    }
    fail('unterminated string');
  };
  const parseValue = (): void => {
    skipWhitespace();
    const character = text[index];
    if (character === '{') {
      index += 1;
      skipWhitespace();
      if (text[index] === '}') {
        index += 1;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[index] !== '"') fail('expected a double-quoted property name');
        parseString();
        skipWhitespace();
        expectCharacter(':', "expected ':' after a property name");
        parseValue();
        skipWhitespace();
        if (text[index] !== ',') {
          expectCharacter('}', "expected ',' or '}' after a property value");
          return;
        }
        index += 1;
      }
    }
    if (character === '[') {
      index += 1;
      skipWhitespace();
      if (text[index] === ']') {
        index += 1;
        return;
      }
      for (;;) {
        parseValue();
        skipWhitespace();
        if (text[index] !== ',') {
          expectCharacter(']', "expected ',' or ']' after an array element");
          return;
        }
        index += 1;
      }
    }
    if (character === '"') {
      parseString();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return;
      }
    }
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = index;
    const match = number.exec(text);
    if (match && match[0].length > 0 && match[0] !== '-') {
      index += match[0].length;
      return;
    }
    fail(`unexpected character ${JSON.stringify(character)}`);
  };
  try {
    parseValue();
    skipWhitespace();
    if (index < text.length) fail('unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'position' in error) return error as JsonSyntaxError;
    // Nesting deep enough to overflow the stack: the caller falls back to the engine's message.
    return undefined;
  }
}
