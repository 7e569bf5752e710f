/**
 * Round trips, proven without a clock. The emulator (in this process) is given a latency, and every ARM request's
 * latency timer is held: requests wait at the server until the test releases them. A round of N parallel requests is
 * then seen as N requests in flight at once, none answered; releasing them lets the client send the next round. The
 * test says how many requests each round holds; the wait for them has no deadline of its own (only a guard that turns
 * a hang into a message), so a loaded machine is slower, never wrong.
 */
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import type { TestContext } from 'node:test';
import type { EmulatorAdmin } from '../../../src/emulator/adminClient';

/** A latency no other timer uses, so its timers are the emulator's. */
const HELD_LATENCY_MS = 7919;
/** A guard against hanging, not a budget: a wait this long means the expected requests will not come. */
const GUARD_MS = 30_000;

const isArm = (path: string) => path.startsWith('/subscriptions') || path.startsWith('/providers');

/** Resolves when `done()` holds; fails with `state()` if it does not within the guard. */
async function until(done: () => boolean, state: () => string): Promise<void> {
  const guard = Date.now() + GUARD_MS;
  while (!done()) {
    assert.ok(Date.now() < guard, state());
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs `action`, holding its ARM requests round by round: round i must bring exactly `roundSizes[i]` requests in
 * flight together, and nothing may follow the last round. Returns the result and the paths of each round.
 */
export async function inRounds<T>(
  t: TestContext,
  admin: EmulatorAdmin,
  roundSizes: readonly number[],
  action: () => Promise<T>,
): Promise<{ result: T; rounds: string[][] }> {
  let lastPath = '';
  const held: { path: string; release: () => void }[] = [];
  const onArrival = (message: unknown) => {
    const { request } = message as { request: { url?: string } };
    lastPath = (request.url ?? '').replace(/^\/{2,}/, '/').split('?')[0] ?? '';
  };
  const realSetTimeout = globalThis.setTimeout;
  // The emulator schedules a request's latency timer in the same turn the request arrives: it is `lastPath`'s.
  t.mock.method(globalThis, 'setTimeout', ((
    callback: (...args: unknown[]) => void,
    ms?: number,
    ...rest: unknown[]
  ) => {
    if (ms !== HELD_LATENCY_MS) return realSetTimeout(callback, ms, ...rest);
    const release = () => callback(...rest);
    // Token requests are not ARM round trips: they pass.
    if (isArm(lastPath)) held.push({ path: lastPath, release });
    else setImmediate(release);
    return realSetTimeout(() => undefined, 0);
  }) as typeof setTimeout);
  await admin.setLatency(HELD_LATENCY_MS);
  diagnostics.subscribe('http.server.request.start', onArrival);
  let settled = false;
  try {
    const running = action().finally(() => (settled = true));
    running.catch(() => undefined);
    const rounds: string[][] = [];
    const inFlight = () => held.map((request) => request.path).join(', ') || 'none';
    for (const [index, size] of roundSizes.entries()) {
      await until(
        () => held.length >= size || settled,
        () => `round ${index + 1}: ${held.length} of ${size} requests in flight (${inFlight()})`,
      );
      assert.equal(held.length, size, `round ${index + 1} holds ${size} requests, in flight: ${inFlight()}`);
      const round = held.splice(0);
      rounds.push(round.map((request) => request.path));
      for (const request of round) request.release();
    }
    await until(
      () => settled || held.length > 0,
      () => `the action neither ended nor sent a request after round ${roundSizes.length}`,
    );
    assert.deepEqual(
      held.map((request) => request.path),
      [],
      `no round after round ${roundSizes.length}`,
    );
    return { result: await running, rounds };
  } finally {
    diagnostics.unsubscribe('http.server.request.start', onArrival);
    // A request still held (a failed expectation) is answered, so the action ends before the next test.
    for (const request of held.splice(0)) request.release();
    await admin.setLatency(0);
  }
}
