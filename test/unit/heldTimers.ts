/**
 * Holds the timers of one exact delay (a latency, a Retry-After) until the test releases them, so a test sees what
 * waits on that timer without measuring time. Every other timer runs as usual. The mock ends with the test.
 */
import type { TestContext } from 'node:test';

export interface HeldTimers {
  /** Callbacks scheduled with the held delay, in order; not yet run. */
  readonly pending: readonly unknown[];
  /** Resolves once `count` timers of the delay were scheduled, or `settled()` became true first. */
  scheduled(count: number, settled?: () => boolean): Promise<void>;
  /** Runs the oldest held callback. */
  releaseOne(): void;
}

export function holdTimers(t: TestContext, delayMs: number): HeldTimers {
  const pending: (() => void)[] = [];
  const realSetTimeout = globalThis.setTimeout;
  t.mock.method(globalThis, 'setTimeout', ((
    callback: (...args: unknown[]) => void,
    ms?: number,
    ...rest: unknown[]
  ) => {
    if (ms !== delayMs) return realSetTimeout(callback, ms, ...rest);
    pending.push(() => callback(...rest));
    // A real handle, so clearTimeout and unref on it work as the caller expects.
    return realSetTimeout(() => undefined, 0);
  }) as typeof setTimeout);
  return {
    pending,
    async scheduled(count, settled = () => false) {
      // setImmediate is not mocked: each turn lets I/O and the code under test move on.
      while (pending.length < count && !settled()) await new Promise((resolve) => setImmediate(resolve));
    },
    releaseOne() {
      const next = pending.shift();
      if (!next) throw new Error(`no timer of ${delayMs} ms is held`);
      next();
    },
  };
}
