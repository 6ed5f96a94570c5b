import { existsSync } from 'node:fs';
import { TrackerError } from '@tracker/schema';

/** Where Debian and Ubuntu install Chromium, tried in this order when no path is given. */
export const KNOWN_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/** Environment variable naming the Chromium executable. */
export const CHROMIUM_PATH_ENV = 'TRACKER_CHROMIUM_PATH';

/** Options of {@link resolveChromiumPath}. */
export interface ResolveChromiumOptions {
  /** An explicit executable path (the plugin's `executablePath` option); wins over everything else. */
  executablePath?: string;
  /** Environment to read `TRACKER_CHROMIUM_PATH` from. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Test seam: whether a file exists (default `fs.existsSync`). */
  exists?: (path: string) => boolean;
  /** Scraper id for messages. */
  scraperId?: string;
}

/**
 * Finds the system's Chromium: the `executablePath` option, else `TRACKER_CHROMIUM_PATH`, else the first of
 * {@link KNOWN_CHROMIUM_PATHS} that exists. It never downloads a browser. Throws `SOURCE_UNAVAILABLE` naming
 * what it tried when the chosen path does not exist or none is found.
 */
export function resolveChromiumPath(options: ResolveChromiumOptions = {}): string {
  const exists = options.exists ?? existsSync;
  const prefix = `[scraper:${options.scraperId ?? 'browser'}]`;
  const explicit = options.executablePath ?? options.env?.[CHROMIUM_PATH_ENV];
  if (explicit !== undefined && explicit !== '') {
    if (exists(explicit)) return explicit;
    const origin = options.executablePath !== undefined ? 'the executablePath option' : CHROMIUM_PATH_ENV;
    throw new TrackerError('SOURCE_UNAVAILABLE', `${prefix} no Chromium at ${explicit} (from ${origin})`);
  }
  const found = KNOWN_CHROMIUM_PATHS.find((path) => exists(path));
  if (found) return found;
  throw new TrackerError(
    'SOURCE_UNAVAILABLE',
    `${prefix} no Chromium found: set the executablePath option or ${CHROMIUM_PATH_ENV}, or install Chromium at ${KNOWN_CHROMIUM_PATHS.join(' or ')} (Debian: apt-get install chromium)`,
  );
}
