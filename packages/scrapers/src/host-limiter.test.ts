import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createHostLimiter', () => {
  it('hands out at most `concurrency` slots per host and passes a slot on when one is released', async () => {
    const limiter = createHostLimiter({ concurrency: 2, minIntervalMs: 0 });
    const granted: number[] = [];
    const releases: (() => void)[] = [];
    for (let index = 0; index < 5; index += 1) {
      void limiter.acquire('a.test').then((release) => {
        granted.push(index);
        releases.push(release);
      });
    }
    const other = await limiter.acquire('b.test');
    await flush();
    expect(granted).toEqual([0, 1]);
    expect(limiter.active('a.test')).toBe(2);
    expect(limiter.active('b.test')).toBe(1);
    releases[0]!();
    releases[0]!();
    await flush();
    // A second call of the same release must not free a second slot.
    expect(granted).toEqual([0, 1, 2]);
    other();
    expect(limiter.active('b.test')).toBe(0);
  });

  it('removes a waiter whose signal aborts', async () => {
    const limiter = createHostLimiter({ concurrency: 1, minIntervalMs: 0 });
    const release = await limiter.acquire('a.test');
    const controller = new AbortController();
    const waiting = limiter.acquire('a.test', controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    release();
    const next = await limiter.acquire('a.test');
    expect(limiter.active('a.test')).toBe(1);
    next();
  });

  it('holds requests back while a host is paused', async () => {
    const limiter = createHostLimiter({ concurrency: 5, minIntervalMs: 0 });
    limiter.pauseUntil('a.test', Date.now() + 60_000);
    let started = false;
    const controller = new AbortController();
    const waiting = limiter.acquire('a.test', controller.signal).then(() => {
      started = true;
    });
    await flush();
    expect(started).toBe(false);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});
