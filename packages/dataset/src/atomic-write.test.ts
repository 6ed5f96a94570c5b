import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { createTempDir } from './test-factories';

describe('writeFileAtomic', () => {
  it('creates missing folders and replaces the old content', async () => {
    const dir = await createTempDir();
    const file = path.join(dir, 'nested', 'models.json');
    await writeFileAtomic(file, 'old\n');
    await writeFileAtomic(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readdir(path.dirname(file))).toEqual(['models.json']);
  });

  it('fails with IO_FAILED, leaves the target as it was and removes its temp file when the rename fails', async () => {
    const dir = await createTempDir();
    // A non-empty directory in the target's place makes rename() fail after the temp file was fully written.
    const target = path.join(dir, 'models.json');
    await mkdir(target);
    await writeFile(path.join(target, 'keep'), 'old');
    const error = await writeFileAtomic(target, 'new').catch((caught: unknown) => caught);
    expect(TrackerError.is(error)).toBe(true);
    expect((error as TrackerError).code).toBe('IO_FAILED');
    expect((error as TrackerError).message).toContain('models.json: could not be written');
    expect((error as TrackerError).cause).toBeInstanceOf(Error);
    expect(await readdir(dir)).toEqual(['models.json']);
    expect(await readFile(path.join(target, 'keep'), 'utf8')).toBe('old');
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temp files of other writers and nothing else', async () => {
    const dir = await createTempDir();
    await writeFile(path.join(dir, '.models.json.999999.abc123.tmp'), 'partial');
    await writeFile(path.join(dir, `.models.json.${process.pid}.abc123.tmp`), 'mine');
    await writeFile(path.join(dir, 'models.json'), '{}');
    expect(await removeStaleTempFiles(dir)).toEqual(['.models.json.999999.abc123.tmp']);
    expect((await readdir(dir)).sort()).toEqual([`.models.json.${process.pid}.abc123.tmp`, 'models.json']);
  });
});
