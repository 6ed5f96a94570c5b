/** Limits of one host. */
export interface HostLimits {
  /** Requests in flight at once (default 2). */
  concurrency?: number;
  /** Least time between the starts of two requests, in milliseconds (default 100). */
  minIntervalMs?: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface HostState {
  concurrency: number;
  minIntervalMs: number;
  active: number;
  /** Earliest time the next request may start (rate limit and server-requested pauses). */
  nextStartAt: number;
  queue: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Per-host gates: each host has its own queue, concurrency count and start-interval clock, so a slow host never
 * delays another (no global serialisation). Waiting is event-driven: a slot is handed over when one is released
 * or when the interval elapses, with at most one timer per host.
 */
export interface HostLimiter {
  /** Waits for a slot on `host`; call the returned function exactly once when the request is over. */
  acquire(host: string, signal?: AbortSignal): Promise<() => void>;
  /** Holds back new requests to `host` until `time` (ms since epoch), e.g. after a 429 with `Retry-After`. */
  pauseUntil(host: string, time: number): void;
  /** Requests in flight on `host` now. */
  active(host: string): number;
}

/** Creates a {@link HostLimiter} with default limits and per-host overrides (keys are host names, lower case). */
export function createHostLimiter(
  defaults: HostLimits = {},
  hosts: Readonly<Record<string, HostLimits>> = {},
): HostLimiter {
  const states = new Map<string, HostState>();

  function stateOf(host: string): HostState {
    let state = states.get(host);
    if (state === undefined) {
      const limits = { ...defaults, ...hosts[host] };
      state = {
        concurrency: Math.max(1, Math.floor(limits.concurrency ?? 2)),
        minIntervalMs: Math.max(0, limits.minIntervalMs ?? 100),
        active: 0,
        nextStartAt: 0,
        queue: [],
        timer: undefined,
      };
      states.set(host, state);
    }
    return state;
  }

  function pump(state: HostState): void {
    while (state.queue.length > 0 && state.active < state.concurrency) {
      const now = Date.now();
      if (now < state.nextStartAt) {
        if (state.timer === undefined) {
          state.timer = setTimeout(() => {
            state.timer = undefined;
            pump(state);
          }, state.nextStartAt - now);
        }
        return;
      }
      const waiter = state.queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      state.active += 1;
      state.nextStartAt = now + state.minIntervalMs;
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        state.active -= 1;
        pump(state);
      });
    }
  }

  return {
    acquire(host, signal) {
      const state = stateOf(host);
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const index = state.queue.indexOf(waiter);
            if (index !== -1) state.queue.splice(index, 1);
            reject(signal?.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        state.queue.push(waiter);
        pump(state);
      });
    },
    pauseUntil(host, time) {
      const state = stateOf(host);
      if (time > state.nextStartAt) {
        state.nextStartAt = time;
        if (state.timer !== undefined) {
          clearTimeout(state.timer);
          state.timer = undefined;
        }
        pump(state);
      }
    },
    active(host) {
      return states.get(host)?.active ?? 0;
    },
  };
}
