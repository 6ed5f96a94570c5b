import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, TrackerConfigSchema } from './load-config';

describe('loadConfig', () => {
  it('configs/default.yaml documents exactly the built-in defaults', async () => {
    const text = await readFile(new URL('../../../configs/default.yaml', import.meta.url), 'utf8');
    expect(TrackerConfigSchema.parse(parse(text))).toEqual(TrackerConfigSchema.parse({}));
    expect(parse(text)).toEqual(TrackerConfigSchema.parse({}));
  });

  it('uses the defaults when there is no tracker.config.yaml', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-config-'));
    const loaded = await loadConfig(dir);
    expect(loaded.file).toBeNull();
    expect(loaded.config.threshold).toBe(1e25);
  });

  it('merges a partial file over the defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-config-'));
    await writeFile(
      join(dir, 'tracker.config.yaml'),
      'threshold: 1.0e+23\nplugins: [tracker-scraper-example]\n',
    );
    const loaded = await loadConfig(dir);
    expect(loaded.config.threshold).toBe(1e23);
    expect(loaded.config.plugins).toEqual(['tracker-scraper-example']);
    expect(loaded.config.reviewFactor).toBe(3);
  });

  it('names the file and the key path of a wrong value', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-config-'));
    await writeFile(join(dir, 'tracker.config.yaml'), 'statusCuts:\n  above: lots\n');
    const error = await loadConfig(dir).catch((caught: unknown) => caught);
    expect(TrackerError.is(error)).toBe(true);
    expect((error as TrackerError).code).toBe('CONFIG_INVALID');
    expect((error as Error).message).toMatch(/^tracker\.config\.yaml: \$\.statusCuts\.above: /);
  });

  it('rejects unknown keys and broken YAML with the line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-config-'));
    await writeFile(join(dir, 'tracker.config.yaml'), 'thresold: 1\n');
    await expect(loadConfig(dir)).rejects.toThrow(/tracker\.config\.yaml: \$: Unrecognized key.*thresold/);
    await writeFile(join(dir, 'tracker.config.yaml'), 'a: [1,\n');
    await expect(loadConfig(dir)).rejects.toThrow(/tracker\.config\.yaml: line \d+: not valid YAML/);
  });

  it('fails when an explicit --config file does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-config-'));
    await expect(loadConfig(dir, 'missing.yaml')).rejects.toThrow(/missing\.yaml: cannot read/);
  });
});
