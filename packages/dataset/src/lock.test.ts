import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import {
  acquireLock,
  findHeldLock,
  isProcessAlive,
  type LockInfo,
  onStaleLockTakenOver,
  readLock,
  withLock,
} from './lock';
import { createTempDir } from './test-factories';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }),
  );
}

async function lockError(promise: Promise<unknown>): Promise<TrackerError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!TrackerError.is(error)) throw new Error(`expected a TrackerError, got ${String(error)}`);
  return error;
}

describe('acquireLock', () => {
  it('creates data/.lock naming pid, host, since and command, and removes it on release', async () => {
    const dir = await createTempDir();
    const lock = await acquireLock(dir, { command: 'tracker run' });
    const info = JSON.parse(await readFile(path.join(dir, '.lock'), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), command: 'tracker run' });
    expect(Date.parse(info.since)).not.toBeNaN();
    expect(findHeldLock(dir)).toBe(lock);
    await lock.release();
    expect(await readLock(dir)).toBeNull();
    expect(findHeldLock(dir)).toBeUndefined();
    await lock.release();
  });

  it('refuses a second writer with LOCK_HELD naming the holder', async () => {
    const dir = await createTempDir();
    const lock = await acquireLock(dir, { command: 'tracker run' });
    try {
      const error = await lockError(acquireLock(dir, { command: 'tracker decide' }));
      expect(error.code).toBe('LOCK_HELD');
      expect(error.message).toContain(
        `data folder is locked by pid ${process.pid} on host ${hostname()} since ${lock.info.since} (tracker run)`,
      );
      expect(error.details).toMatchObject({ pid: process.pid, command: 'tracker run' });
    } finally {
      await lock.release();
    }
  });

  it('waits for the holder when asked to', async () => {
    const dir = await createTempDir();
    const first = await acquireLock(dir);
    const second = acquireLock(dir, { wait: 20_000, command: 'second' });
    await first.release();
    const lock = await second;
    expect(lock.info.command).toBe('second');
    await lock.release();
  });

  it('takes over a lock whose process is dead on this host and says so', async () => {
    const dir = await createTempDir();
    const stale = {
      pid: deadPid(),
      host: hostname(),
      since: '2026-01-01T00:00:00.000Z',
      command: 'tracker run',
      token: 'dead',
    };
    expect(isProcessAlive(stale.pid)).toBe(false);
    await writeFile(path.join(dir, '.lock'), JSON.stringify(stale));
    await writeFile(path.join(dir, '.models.json.12345.abcdef.tmp'), 'left by a killed writer');
    const told: string[] = [];
    const lock = await acquireLock(dir, { onTakeOver: (_info, message) => told.push(message) });
    expect(lock.tookOver).toEqual(stale);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      new RegExp(
        `^Took over .*\\.lock from pid ${stale.pid} \\(tracker run, since 2026-01-01T00:00:00\\.000Z\\), which is no longer running\\.$`,
      ),
    );
    expect(await readLock(dir)).toMatchObject({ pid: process.pid });
    expect(await readdir(dir)).toEqual(['.lock']);
    await lock.release();
  });

  it('tells the process-wide listener when a writer takes over a stale lock itself', async () => {
    const dir = await createTempDir();
    const stale = {
      pid: deadPid(),
      host: hostname(),
      since: '2026-01-01T00:00:00.000Z',
      command: 'x',
      token: 't',
    };
    await writeFile(path.join(dir, '.lock'), JSON.stringify(stale));
    const told: LockInfo[] = [];
    onStaleLockTakenOver((info) => told.push(info));
    try {
      await withLock(dir, () => undefined);
    } finally {
      onStaleLockTakenOver(undefined);
    }
    expect(told).toEqual([stale]);
  });

  it('does not take over a lock held on another host, nor an unreadable one', async () => {
    const dir = await createTempDir();
    const remote = {
      pid: deadPid(),
      host: 'other-machine',
      since: '2026-01-01T00:00:00.000Z',
      command: 'tracker run',
      token: 'x',
    };
    await writeFile(path.join(dir, '.lock'), JSON.stringify(remote));
    const error = await lockError(acquireLock(dir));
    expect(error.code).toBe('LOCK_HELD');
    expect(error.message).toContain('on host other-machine');
    await writeFile(path.join(dir, '.lock'), '{"pid":');
    const unreadable = await lockError(acquireLock(dir));
    expect(unreadable.message).toMatch(/\.lock is unreadable/);
  });

  it('never removes a lock that is no longer its own', async () => {
    const dir = await createTempDir();
    const lock = await acquireLock(dir);
    const other = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      command: 'other',
      token: 'theirs',
    };
    await writeFile(path.join(dir, '.lock'), JSON.stringify(other));
    await lock.release();
    expect(await readLock(dir)).toEqual(other);
  });
});

describe('withLock', () => {
  it('releases the lock when the function throws', async () => {
    const dir = await createTempDir();
    await expect(
      withLock(dir, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readLock(dir)).toBeNull();
    await expect(withLock(dir, (lock) => lock.info.pid)).resolves.toBe(process.pid);
  });
});
