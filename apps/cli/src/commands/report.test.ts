import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../testing/e2e-data';

describe('tracker report', () => {
  it('writes report.html in the working directory with every model, and prints its path', async () => {
    const { cwd, cli } = await createWorkspace();
    expect((await cli(['run', '--offline'])).code).toBe(0);
    const result = await cli(['report']);
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

  it('fails with NOT_FOUND before any run and writes no page', async () => {
    const { cwd, cli } = await createWorkspace();
    const result = await cli(['report']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error NOT_FOUND: /);
    expect(await readdir(cwd)).toEqual(['data']);
  });
});
