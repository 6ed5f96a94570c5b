import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths, resolveDataDir } from './paths';

describe('resolveDataDir', () => {
  const cwd = path.resolve('/project');

  it('prefers the flag, then TRACKER_DATA_DIR, then ./data', () => {
    expect(resolveDataDir({ dataDir: 'custom', env: { TRACKER_DATA_DIR: '/elsewhere' }, cwd })).toBe(
      path.join(cwd, 'custom'),
    );
    expect(resolveDataDir({ env: { TRACKER_DATA_DIR: '/elsewhere' }, cwd })).toBe(path.resolve('/elsewhere'));
    expect(resolveDataDir({ env: {}, cwd })).toBe(path.join(cwd, 'data'));
  });

  it('ignores empty values', () => {
    expect(resolveDataDir({ dataDir: '', env: { TRACKER_DATA_DIR: ' ' }, cwd })).toBe(path.join(cwd, 'data'));
  });
});

describe('dataPaths', () => {
  it('lays out the data folder of DESIGN §3', () => {
    const paths = dataPaths('/project/data');
    expect(paths.observationFile('lmarena')).toBe(path.resolve('/project/data/observations/lmarena.json'));
    expect(paths.releaseDir('2026-02-01')).toBe(path.resolve('/project/data/releases/2026-02-01'));
    expect(paths.ledgerFile).toBe(path.resolve('/project/data/ledger.jsonl'));
    expect(paths.lockFile).toBe(path.resolve('/project/data/.lock'));
  });
});
