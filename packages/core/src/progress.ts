import type { TrackerIo } from './context';

/** A one-line progress display on a TTY (stderr); silent elsewhere, so logs and pipes stay clean. */
export interface Progress {
  update(done: number, label: string): void;
  done(): void;
}

export function createProgress(
  io: TrackerIo,
  total: number,
  title: string,
  options: { quiet?: boolean } = {},
): Progress {
  const active = io.stderr.isTTY === true && !options.quiet && total > 0;
  const width = 24;
  let drawn = false;
  return {
    update(done, label) {
      if (!active) return;
      const filled = Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const columns = io.stderr.columns ?? 80;
      const line = `${title} ${bar} ${done}/${total} ${label}`.slice(0, Math.max(10, columns - 1));
      io.stderr.write(`\r\u001b[2K${line}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

/** "3 days", "5 hours", "12 minutes": how old a timestamp is. */
export function formatAge(from: string, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - Date.parse(from)) / 1000);
  const units: [number, string][] = [
    [86_400 * 365, 'year'],
    [86_400 * 30, 'month'],
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      const count = Math.floor(seconds / size);
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return 'less than a minute';
}
