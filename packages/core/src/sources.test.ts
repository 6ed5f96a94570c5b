import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { loadSources, selectSources } from './sources';

const tablesDir = fileURLToPath(new URL('../../../configs/tables', import.meta.url));

describe('which sources run by default', () => {
  it('every built-in source but not the table mappings, which run when named', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tracker-select-'));
    await writeFile(join(cwd, 'tracker.config.yaml'), `tables: ${tablesDir}\n`);
    const loaded = await loadConfig(cwd);
    const context = { io: { cwd, env: {} }, loaded } as Parameters<typeof loadSources>[0];
    const sources = await loadSources(context);
    const ids = selectSources(sources, undefined, []).map((scraper) => scraper.id);
    expect(ids).toContain('openrouter');
    expect(ids).not.toContain('superclue');
    expect(selectSources(sources, ['superclue'], []).map((scraper) => scraper.id)).toEqual(['superclue']);
    expect(selectSources(sources, undefined, ['superclue', 'epoch']).map((scraper) => scraper.id)).toEqual([
      'superclue',
      'epoch',
    ]);
  });
});
