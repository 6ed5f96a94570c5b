import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { resolveChromiumPath } from './resolve-chromium';

function thrown(run: () => unknown): TrackerError {
  try {
    run();
  } catch (error) {
    if (TrackerError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a TrackerError');
}

describe('resolveChromiumPath', () => {
  const only =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('prefers the option, then TRACKER_CHROMIUM_PATH, then the known paths in order', () => {
    const env = { TRACKER_CHROMIUM_PATH: '/opt/chromium/chrome' };
    const exists = only(
      '/custom/chromium',
      '/opt/chromium/chrome',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
    );
    expect(resolveChromiumPath({ executablePath: '/custom/chromium', env, exists })).toBe('/custom/chromium');
    expect(resolveChromiumPath({ env, exists })).toBe('/opt/chromium/chrome');
    expect(resolveChromiumPath({ env: {}, exists })).toBe('/usr/bin/chromium');
    expect(resolveChromiumPath({ env: {}, exists: only('/usr/bin/chromium-browser') })).toBe(
      '/usr/bin/chromium-browser',
    );
  });

  it('names the known paths and the variable when no Chromium exists', () => {
    const error = thrown(() =>
      resolveChromiumPath({ env: {}, exists: () => false, scraperId: 'superclue-live' }),
    );
    expect(error.code).toBe('SOURCE_UNAVAILABLE');
    expect(error.message).toBe(
      '[scraper:superclue-live] no Chromium found: set the executablePath option or TRACKER_CHROMIUM_PATH, or install Chromium at /usr/bin/chromium or /usr/bin/chromium-browser (Debian: apt-get install chromium)',
    );
  });

  it('does not fall back when the given path is missing', () => {
    const exists = only('/usr/bin/chromium');
    expect(thrown(() => resolveChromiumPath({ executablePath: '/nowhere/chrome', exists })).message).toBe(
      '[scraper:browser] no Chromium at /nowhere/chrome (from the executablePath option)',
    );
    expect(
      thrown(() => resolveChromiumPath({ env: { TRACKER_CHROMIUM_PATH: '/nowhere/chrome' }, exists }))
        .message,
    ).toBe('[scraper:browser] no Chromium at /nowhere/chrome (from TRACKER_CHROMIUM_PATH)');
  });
});
