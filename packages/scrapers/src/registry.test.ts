import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { assertScraper, isScraper } from './assert-scraper';
import { defineScraper } from './define-scraper';
import { createRegistry } from './registry';

function makeScraper(id: string) {
  return defineScraper({
    id,
    description: `The ${id} source`,
    provides: ['names'],
    async scrape() {
      return { observations: [], issues: [] };
    },
    parse() {
      return { observations: [], issues: [] };
    },
  });
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return TrackerError.is(error)
      ? `${error.code}: ${error.message}`
      : `not a TrackerError: ${String(error)}`;
  }
  return undefined;
}

describe('createRegistry', () => {
  it('registers scrapers and finds them by id, in registration order', () => {
    const registry = createRegistry([makeScraper('alpha'), makeScraper('beta')]);
    registry.register(makeScraper('gamma'));
    expect(registry.list().map((scraper) => scraper.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(registry.get('beta').id).toBe('beta');
    expect(registry.has('gamma')).toBe(true);
    expect(registry.has('delta')).toBe(false);
  });

  it('rejects a duplicate id with PLUGIN_DUPLICATE and keeps the first', () => {
    const first = makeScraper('alpha');
    const registry = createRegistry([first]);
    expect(codeOf(() => registry.register(makeScraper('alpha')))).toMatch(
      /^PLUGIN_DUPLICATE: \[registry\] two scrapers share the id "alpha"/,
    );
    expect(registry.get('alpha')).toBe(first);
    expect(codeOf(() => createRegistry([makeScraper('x'), makeScraper('x')]))).toMatch(/^PLUGIN_DUPLICATE/);
  });

  it('throws PLUGIN_NOT_FOUND listing the known ids', () => {
    const registry = createRegistry([makeScraper('beta'), makeScraper('alpha')]);
    expect(codeOf(() => registry.get('gamma'))).toBe(
      'PLUGIN_NOT_FOUND: [registry] no scraper with the id "gamma"; known ids: alpha, beta',
    );
    expect(codeOf(() => createRegistry().get('x'))).toContain('known ids: (none)');
  });

  it('rejects objects that are not scrapers with PLUGIN_INVALID', () => {
    const registry = createRegistry();
    const valid = makeScraper('alpha');
    expect(codeOf(() => registry.register({ id: 'hand-made' } as never))).toMatch(
      /^PLUGIN_INVALID: .*apiVersion is missing/,
    );
    expect(codeOf(() => registry.register({ ...valid, apiVersion: 2 } as never))).toMatch(
      /apiVersion 2 is not supported/,
    );
    expect(codeOf(() => registry.register({ ...valid, parse: 'nope' } as never))).toMatch(
      /^PLUGIN_INVALID: .*parse must be a function/,
    );
    expect(codeOf(() => registry.register(null as never))).toMatch(/^PLUGIN_INVALID: .*got null/);
    expect(registry.list()).toEqual([]);
  });
});

describe('isScraper / assertScraper', () => {
  it('accepts what defineScraper makes, also as a copy from another install', () => {
    const scraper = makeScraper('alpha');
    expect(isScraper(scraper)).toBe(true);
    expect(isScraper({ ...scraper })).toBe(true);
  });

  it('names every problem', () => {
    const scraper = makeScraper('alpha');
    expect(isScraper({ ...scraper, id: 'Not Kebab' })).toBe(false);
    expect(() => assertScraper({ ...scraper, provides: [] }, 'plugin:tracker-scraper-x')).toThrow(
      /^\[plugin:tracker-scraper-x\] is not a valid scraper: provides must list at least one kind of fact/,
    );
    expect(() => assertScraper({ ...scraper, live: undefined })).toThrow(/live missing/);
  });
});
