import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import { createTempDir } from './test-factories';

const failures = vi.hoisted(() => ({ rename: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failures.rename) throw Object.assign(new Error('EIO: simulated failure, rename'), { code: 'EIO' });
      return actual.rename(from, to);
    },
  };
});

describe('writeFileAtomic when the final rename fails', () => {
  it('keeps the old file byte for byte and leaves no temp file', async () => {
    const dir = await createTempDir();
    const file = path.join(dir, 'ledger.jsonl');
    await writeFile(file, 'old line\n');
    failures.rename = true;
    try {
      await expect(writeFileAtomic(file, 'new line\n')).rejects.toMatchObject({ code: 'IO_FAILED' });
    } finally {
      failures.rename = false;
    }
    expect(await readFile(file, 'utf8')).toBe('old line\n');
    expect(await readdir(dir)).toEqual(['ledger.jsonl']);
  });
});
