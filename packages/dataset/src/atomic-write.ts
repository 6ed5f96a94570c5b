import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TrackerError } from '@tracker/schema';
import { displayPath } from './paths';

/** Temp files are hidden, name their target and writer, and end in `.tmp` so loaders never pick them up. */
const TEMP_FILE_PATTERN = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;

function tempPathFor(file: string): string {
  const directory = path.dirname(file);
  const suffix = randomBytes(6).toString('hex');
  return path.join(directory, `.${path.basename(file)}.${process.pid}.${suffix}.tmp`);
}

/**
 * Writes `content` to `file` so that readers (and a crash at any moment) see either the old file or the new
 * one, never a part: write a temp file in the same directory, fsync it, rename it over the target, fsync the
 * directory. The temp file is removed when anything fails. Errors are `IO_FAILED`.
 *
 * `durable: false` skips both fsyncs, for machine-made caches: the rename still makes a killed process leave the
 * old file or the new one, and a file lost to a power cut is only rebuilt.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  options: { durable?: boolean } = {},
): Promise<void> {
  const durable = options.durable !== false;
  const directory = path.dirname(file);
  const temp = tempPathFor(file);
  try {
    await mkdir(directory, { recursive: true });
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(content);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new TrackerError(
      'IO_FAILED',
      `${displayPath(file)}: could not be written (${(error as Error).message})`,
      {
        cause: error,
        details: { file: displayPath(file) },
      },
    );
  }
  if (durable) await syncDirectory(directory);
}

/** Makes a rename durable. Some platforms cannot open or fsync a directory; the rename itself is still atomic. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Durability of the directory entry is best effort; atomicity does not depend on it.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Removes temp files left in `directory` by writers that were killed mid-write. Only call it while holding the
 * data folder's lock: then no other writer can own a temp file. Returns the names removed.
 */
export async function removeStaleTempFiles(directory: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_FILE_PATTERN.exec(name);
    if (!match || Number(match[1]) === process.pid) continue;
    try {
      await unlink(path.join(directory, name));
      removed.push(name);
    } catch {
      // Already gone or not removable: harmless, loaders ignore temp files.
    }
  }
  return removed;
}
