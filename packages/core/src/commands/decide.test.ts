import { describe, expect, it } from 'vitest';
import { parseEvidence, parseQuantity } from './decide';

describe('parseQuantity', () => {
  it.each([
    ['3.8e25', 3.8e25],
    ['38e24', 3.8e25],
    ['405B', 405e9],
    ['1.76T', 1.76e12],
    ['15T', 15e12],
    ['70b', 70e9],
    ['1,000', 1000],
    [' 2E+25 ', 2e25],
  ])('reads %j', (text, expected) => {
    expect(parseQuantity(text, '--flop')).toBe(expected);
  });

  it.each(['lots', '0', '-5', '1e400', '', '3.8e', '12 parsecs'])('refuses %j with a USAGE error', (text) => {
    expect(() => parseQuantity(text, '--flop')).toThrow(/--flop: expected a positive number/);
  });
});

describe('parseEvidence', () => {
  it('accepts http(s) URLs, several per value', () => {
    expect(parseEvidence(['https://a.example/x http://b.example/'])).toEqual([
      'https://a.example/x',
      'http://b.example/',
    ]);
  });
  it.each(['javascript:alert(1)', 'ftp://a.example/', 'example.com', 'file:///etc/passwd'])(
    'refuses %j',
    (url) => {
      expect(() => parseEvidence([url])).toThrow(/expected an http\(s\) URL/);
    },
  );
});
