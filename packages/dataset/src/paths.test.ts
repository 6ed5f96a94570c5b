import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from './paths';

describe('dataPaths', () => {
  it('lays out the data folder of DESIGN §3', () => {
    const paths = dataPaths('/project/data');
    expect(paths.observationFile('lmarena')).toBe(path.resolve('/project/data/observations/lmarena.json'));
    expect(paths.releaseDir('2026-02-01')).toBe(path.resolve('/project/data/releases/2026-02-01'));
    expect(paths.ledgerFile).toBe(path.resolve('/project/data/ledger.jsonl'));
    expect(paths.lockFile).toBe(path.resolve('/project/data/.lock'));
  });
});
