import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../test-support/e2e-data';
import { createFakeIo } from '../../test-support/fake-io';
import { runCli } from '../cli';

describe('tracker report', () => {
  it('writes report.html in the working directory, and prints its path; --all adds the small models', async () => {
    const { cwd, cli } = await createWorkspace();
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const focused = await cli(['report', '--out', 'focused.html']);
    expect(focused.code).toBe(0);
    // Tiny-Fern-1B is far below the threshold and nobody ruled on it: only --all shows it.
    expect(await readFile(join(cwd, 'focused.html'), 'utf8')).not.toContain('Tiny-Fern-1B');
    const result = await cli(['report', '--all']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('report.html\n');
    expect(result.stderr).toMatch(/report\.html: 7 models, \d+ bytes/);
    const page = await readFile(join(cwd, 'report.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    for (const name of ['Vantor Prime', 'Northwind Atlas', 'Helio 3', 'Quillstone-70B', 'Bramble Chat'])
      expect(page).toContain(name);
  });

  it('--out writes (or replaces) the given file, creating its folder, with no temp file left', async () => {
    const { cwd, cli } = await createWorkspace();
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const result = await cli(['report', '--out', 'site/index.html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('site/index.html\n');
    await writeFile(join(cwd, 'site', 'index.html'), 'stale');
    expect((await cli(['report', '--out', 'site/index.html'])).code).toBe(0);
    expect(await readFile(join(cwd, 'site', 'index.html'), 'utf8')).toContain('Vantor Prime');
    expect(await readdir(join(cwd, 'site'))).toEqual(['index.html']);
  });

  it('builds the models from the observations in memory before any run, saving no models.json', async () => {
    const { cwd, cli } = await createWorkspace();
    const result = await cli(['report']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/models\.json not found: building the models from the observations/);
    expect((await readdir(cwd)).sort()).toEqual(['data', 'report.html']);
    expect(await readdir(join(cwd, 'data'))).not.toContain('models.json');
  });

  it('fails with NOT_FOUND on a data folder with no observations, writing no page', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-report-empty-'));
    const fake = createFakeIo({ cwd });
    expect(await runCli(['report'], fake.io)).toBe(1);
    expect(fake.stderr).toMatch(/^error NOT_FOUND: .*no models\.json and no observations/);
    expect(await readdir(cwd)).toEqual([]);
  });
});
