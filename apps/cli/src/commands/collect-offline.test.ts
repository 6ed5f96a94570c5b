import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../../test-support/fake-io';
import { runCli } from '../cli';

// The test setup refuses every non-loopback connection with ENETUNREACH, as a machine without a route does.
describe('tracker collect without a network', () => {
  it('fails each source at once, without retries, with one line per source', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-collect-offline-'));
    const fake = createFakeIo({ cwd, env: { ARTIFICIAL_ANALYSIS_API_KEY: 'test-key' } });
    const code = await runCli(['collect', '--data-dir', join(cwd, 'data'), '--format', 'json'], fake.io);
    expect(code, fake.stderr).toBe(0);
    const outcomes = JSON.parse(fake.stdout) as { source: string; status: string; message: string | null }[];
    expect(outcomes.length).toBeGreaterThanOrEqual(7);
    for (const outcome of outcomes) {
      expect(outcome.status, outcome.source).not.toBe('live');
      expect(outcome.message, outcome.source).toMatch(/the network or host is unreachable \(ENETUNREACH/);
    }
    // No backoff was waited through: a retry logs "retry N of M".
    expect(fake.stderr).not.toMatch(/retry \d+ of \d+/);
  });
});
