import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../test-support/e2e-data';
import { createFakeIo } from '../test-support/fake-io';
import { runCli } from './cli';

describe('what a new user meets in the first hour', () => {
  it('says "no models match" on stderr when a query finds nothing, with the header still on stdout', async () => {
    const { cli } = await createWorkspace();
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const result = await cli(['query', '--search', 'no-such-model-anywhere']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('no models match\n');
    expect(result.stdout.split('\n')[0]).toMatch(/^id\s+name/);
    const json = await cli(['query', '--search', 'no-such-model-anywhere', '--format', 'json']);
    expect(json.stdout).toBe('[]\n');
  });

  it('fits tables to the terminal or $COLUMNS, and --wide leaves them whole', async () => {
    const { cwd, cli } = await createWorkspace();
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const widest = async (argv: string[], env: Record<string, string> = {}, columns?: number) => {
      const fake = createFakeIo({ cwd, env, ...(columns === undefined ? {} : { columns }) });
      expect(await runCli(argv, fake.io)).toBe(0);
      return Math.max(...fake.stdout.split('\n').map((line) => [...line].length));
    };
    const whole = await widest(['query', '--fields', 'id,name,developer,sources,aliases,method']);
    expect(whole).toBeGreaterThan(60);
    expect(
      await widest(['query', '--fields', 'id,name,developer,sources,aliases,method'], {}, 60),
    ).toBeLessThanOrEqual(60);
    expect(
      await widest(['query', '--fields', 'id,name,developer,sources,aliases,method'], { COLUMNS: '50' }),
    ).toBeLessThanOrEqual(50);
    expect(
      await widest(['query', '--wide', '--fields', 'id,name,developer,sources,aliases,method'], {}, 60),
    ).toBe(whole);
    const stats = createFakeIo({ cwd, columns: 24 });
    expect(await runCli(['query', '--stats'], stats.io)).toBe(0);
    // The two summary sentences are prose; every table line below them fits.
    const tableLines = stats.stdout.split('\n').slice(2);
    for (const line of tableLines) expect([...line].length).toBeLessThanOrEqual(24);
  });
});

describe('an unknown chip', () => {
  it('is named, with the closest known chips, when no method applies', async () => {
    const { cwd } = await createWorkspace();
    const fake = createFakeIo({
      cwd,
      input: JSON.stringify({ name: 'Mystery', hardware: { chip: 'TPU v99', count: 4096, hours: 2000 } }),
    });
    expect(await runCli(['estimate', '--input', '-', '--format', 'json'], fake.io)).toBe(0);
    const [row] = JSON.parse(fake.stdout) as { reasoning: string; median: number | null }[];
    expect(row?.median).toBeNull();
    expect(row?.reasoning).toMatch(
      /^no method applies: unknown chip "TPU v99" \(closest known: Google TPU v\d/,
    );
  });
});
