import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TrackerError } from '@tracker/schema';
import { z } from 'zod';
import { removeStaleTempFiles } from './atomic-write';
import { dataPaths, displayPath } from './paths';

/** What `data/.lock` records about its holder. */
export interface LockInfo {
  pid: number;
  host: string;
  /** When the lock was taken (ISO timestamp). */
  since: string;
  /** What the holder is doing, e.g. `tracker run`. */
  command: string;
  /** Random value that tells this holder's lock file from a later one. */
  token: string;
}

const LockInfoSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  since: z.string(),
  command: z.string(),
  token: z.string(),
});

/** Options of {@link acquireLock}. */
export interface AcquireLockOptions {
  /** What the holder is doing, shown to anyone who finds the folder locked (default `tracker`). */
  command?: string;
  /** How long to keep retrying while another live process holds the lock, in ms (default 0: fail at once). */
  wait?: number;
  /**
   * Told, with a one-line message, when a dead holder's lock is taken over. Default: the listener set with
   * {@link onStaleLockTakenOver}, if any.
   */
  onTakeOver?: StaleLockListener;
}

/** Receives the stale lock that was taken over and a one-line message saying so. */
export type StaleLockListener = (stale: LockInfo, message: string) => void;

let defaultTakeOverListener: StaleLockListener | undefined;

/**
 * Sets the listener told whenever this process takes over a dead holder's lock, for locks taken without their
 * own `onTakeOver` (the writers of this package take their lock themselves); `undefined` removes it. A CLI prints
 * the message as one line.
 */
export function onStaleLockTakenOver(listener: StaleLockListener | undefined): void {
  defaultTakeOverListener = listener;
}

/** The one line that says a stale lock was taken over. */
export function describeTakeOver(lockFile: string, stale: LockInfo): string {
  return `Took over ${displayPath(lockFile)} from pid ${stale.pid} (${stale.command}, since ${stale.since}), which is no longer running.`;
}

/** A held lock on a data folder. */
export interface LockHandle {
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  readonly lockFile: string;
  readonly info: LockInfo;
  /** The stale lock this one replaced (its holder had died), so the caller can say so. */
  readonly tookOver: LockInfo | undefined;
  /** False once {@link LockHandle.release} ran. */
  readonly held: boolean;
  /** Removes the lock file if it is still this holder's. Safe to call twice. */
  release(): Promise<void>;
}

/** Locks held by this process, by lock file: writers reuse them instead of locking again. */
const heldLocks = new Map<string, LockHandle>();

/** The lock this process holds on `dataDir`, if any. */
export function findHeldLock(dataDir: string): LockHandle | undefined {
  return heldLocks.get(dataPaths(dataDir).lockFile);
}

/** True when a process with that pid runs on this machine (EPERM means it runs under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads `data/.lock`: the holder's info, `null` when there is no lock, `'unreadable'` when it is damaged. */
export async function readLock(dataDir: string): Promise<LockInfo | 'unreadable' | null> {
  return readLockFile(dataPaths(dataDir).lockFile);
}

async function readLockFile(lockFile: string): Promise<LockInfo | 'unreadable' | null> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(lockFile, 'could not be read', error);
  }
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function ioError(file: string, what: string, error: unknown): TrackerError {
  return new TrackerError('IO_FAILED', `${displayPath(file)}: ${what} (${(error as Error).message})`, {
    cause: error,
    details: { file: displayPath(file) },
  });
}

function isStale(info: LockInfo): boolean {
  return info.host === hostname() && !isProcessAlive(info.pid);
}

/**
 * Takes the data folder's lock: `data/.lock` is created exclusively and names its holder (pid, host, since,
 * command). When a live process holds it, throws `LOCK_HELD` naming that holder, after retrying for
 * `options.wait` ms. A lock whose process has died on this machine is taken over and reported in `tookOver`.
 * Temp files that killed writers left behind are removed once the lock is held.
 */
export async function acquireLock(dataDir: string, options: AcquireLockOptions = {}): Promise<LockHandle> {
  const paths = dataPaths(dataDir);
  const deadline = Date.now() + Math.max(0, options.wait ?? 0);
  let delay = 10;
  let tookOver: LockInfo | undefined;
  await mkdir(paths.root, { recursive: true }).catch((error: unknown) => {
    throw ioError(paths.root, 'could not be created', error);
  });
  for (;;) {
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      command: options.command ?? 'tracker',
      token: randomBytes(8).toString('hex'),
    };
    if (await tryCreateLock(paths.lockFile, info)) {
      const handle = createHandle(paths.root, paths.lockFile, info, tookOver);
      heldLocks.set(paths.lockFile, handle);
      await removeStaleTempFiles(paths.root);
      await removeStaleTempFiles(paths.observationsDir);
      await removeDeadCandidates(paths.root);
      return handle;
    }
    const holder = await readLockFile(paths.lockFile);
    if (holder === null) continue;
    if (holder !== 'unreadable' && isStale(holder)) {
      if (await breakStaleLock(paths.lockFile, holder)) {
        tookOver = holder;
        (options.onTakeOver ?? defaultTakeOverListener)?.(holder, describeTakeOver(paths.lockFile, holder));
      }
      continue;
    }
    if (Date.now() >= deadline) throw lockHeldError(paths.lockFile, holder, options.wait);
    // Exponential backoff with jitter so two waiters do not retry in lockstep.
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())) * (0.5 + Math.random() / 2));
    delay = Math.min(delay * 2, 250);
  }
}

/** Removes lock candidates (see {@link tryCreateLock}) of processes killed before they could clean up. */
async function removeDeadCandidates(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^\.lock-candidate-(\d+)-/.exec(name);
    if (match && Number(match[1]) !== process.pid && !isProcessAlive(Number(match[1]))) {
      await unlink(path.join(root, name)).catch(() => undefined);
    }
  }
}

function lockHeldError(
  lockFile: string,
  holder: LockInfo | 'unreadable',
  wait: number | undefined,
): TrackerError {
  const waited = wait ? ` (waited ${Math.round(wait / 1000)} s)` : '';
  const hint = `; if no tracker is running, delete ${displayPath(lockFile)}`;
  if (holder === 'unreadable') {
    return new TrackerError(
      'LOCK_HELD',
      `data folder is locked: ${displayPath(lockFile)} is unreadable${waited}${hint}`,
      {
        details: { lockFile: displayPath(lockFile) },
      },
    );
  }
  const message = `data folder is locked by pid ${holder.pid} on host ${holder.host} since ${holder.since} (${holder.command})`;
  return new TrackerError('LOCK_HELD', `${message}${waited}${hint}`, {
    details: {
      lockFile: displayPath(lockFile),
      pid: holder.pid,
      host: holder.host,
      since: holder.since,
      command: holder.command,
    },
  });
}

/**
 * Creates the lock file with its content in one step: write a private file, then hard-link it to the lock name
 * (link fails if the name exists), so nobody ever reads a half-written lock. File systems without hard links fall
 * back to an exclusive create.
 */
async function tryCreateLock(lockFile: string, info: LockInfo): Promise<boolean> {
  const content = `${JSON.stringify(info)}\n`;
  const candidate = path.join(path.dirname(lockFile), `.lock-candidate-${process.pid}-${info.token}`);
  try {
    await writeFile(candidate, content, { flag: 'wx' });
    try {
      await link(candidate, lockFile);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS')
        return await createExclusive(lockFile, content);
      throw error;
    }
  } catch (error) {
    if (TrackerError.is(error)) throw error;
    throw ioError(lockFile, 'could not be created', error);
  } finally {
    await unlink(candidate).catch(() => undefined);
  }
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes a dead holder's lock. Two processes may find the same stale lock; a second lock (`.lock.break`)
 * makes sure only one removes it, and it checks the token again so a fresh lock taken meanwhile survives.
 */
async function breakStaleLock(lockFile: string, stale: LockInfo): Promise<boolean> {
  const breakFile = `${lockFile}.break`;
  const breaker: LockInfo = {
    ...stale,
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
  };
  if (!(await createExclusive(breakFile, JSON.stringify(breaker)).catch(() => false))) {
    const other = await readLockFile(breakFile);
    if (other !== null && (other === 'unreadable' || isStale(other)))
      await unlink(breakFile).catch(() => undefined);
    return false;
  }
  try {
    const current = await readLockFile(lockFile);
    if (current !== null && current !== 'unreadable' && current.token === stale.token) {
      await unlink(lockFile);
      return true;
    }
    return false;
  } finally {
    await unlink(breakFile).catch(() => undefined);
  }
}

function createHandle(
  root: string,
  lockFile: string,
  info: LockInfo,
  tookOver: LockInfo | undefined,
): LockHandle {
  let held = true;
  return {
    dataDir: root,
    lockFile,
    info,
    tookOver,
    get held() {
      return held;
    },
    async release() {
      if (!held) return;
      held = false;
      if (heldLocks.get(lockFile)?.info.token === info.token) heldLocks.delete(lockFile);
      const current = await readLockFile(lockFile);
      // Never remove a lock that someone else took over after ours was judged stale.
      if (current !== null && current !== 'unreadable' && current.token === info.token) {
        await unlink(lockFile).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
            throw ioError(lockFile, 'could not be removed', error);
        });
      }
    },
  };
}

/** Runs `fn` while holding the data folder's lock and releases it afterwards, whatever happens. */
export async function withLock<T>(
  dataDir: string,
  fn: (lock: LockHandle) => Promise<T> | T,
  options: AcquireLockOptions = {},
): Promise<T> {
  const lock = await acquireLock(dataDir, options);
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}
