/**
 * Shared setup for the src/azure tests: one emulator per describe (instant LROs), a connection to it with fast
 * retries, and the emulator's admin client.
 */
import diagnostics from 'node:diagnostics_channel';
import { after, before, beforeEach } from 'node:test';
import { startEmulator } from '../../../src/emulator/index';
import type { EmulatorOptions, RunningEmulator, Topology } from '../../../src/emulator/index';
import { emulatorCredential, emulatorTlsOptions } from '../../../src/emulator/credential';
import { EmulatorAdmin } from '../../../src/emulator/adminClient';
import type { RequestLogEntry } from '../../../src/emulator/adminClient';
import { ArmConnection } from '../../../src/azure/clients';
import type { ArmConnectionOptions } from '../../../src/azure/clients';
import type { ArmRequestEvent, ArmRequestLogger } from '../../../src/azure/requestLog';

export const DEV_SUBSCRIPTION = '00000000-0000-4000-8000-000000000001';
export const PROD_SUBSCRIPTION = '00000000-0000-4000-8000-000000000002';
export const DEV_GROUP = `/subscriptions/${DEV_SUBSCRIPTION}/resourceGroups/rg-foundry-dev`;
export const PROD_GROUP = `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-foundry-prod`;
export const hubIdOf = (group: string, name: string): string =>
  `${group}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly admin: EmulatorAdmin;
  /** Every request attempt our pipeline policy reported. */
  readonly events: ArmRequestEvent[];
  connect(options?: Partial<ArmConnectionOptions>): ArmConnection;
  close(): Promise<void>;
}

async function startHarness(seed?: Topology, options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ lro: 'instant', ...(seed ? { seed } : {}), ...options });
  const credential = emulatorCredential(emulator);
  const events: ArmRequestEvent[] = [];
  return {
    emulator,
    admin: new EmulatorAdmin(emulator),
    events,
    connect: (options = {}) =>
      new ArmConnection({
        credential,
        resourceManagerEndpoint: emulator.url,
        ...emulatorTlsOptions(emulator),
        requestLogger: (event) => events.push(event),
        retry: { maxRetries: 2, retryDelayInMs: 5, maxRetryDelayInMs: 20 },
        pollIntervalInMs: 5,
        ...options,
      }),
    close: () => emulator.close(),
  };
}

/**
 * One emulator for the enclosing `describe`, back to its seed before each test: no faults, no latency, empty logs.
 * Call it in the describe's body; the harness it returns is usable from the first hook on.
 */
export function useHarness(seed?: Topology, options?: EmulatorOptions): Harness {
  let started: Harness | undefined;
  const current = (): Harness => {
    if (!started) throw new Error('the harness starts in before(): use it inside hooks and tests');
    return started;
  };
  before(async () => {
    started = await startHarness(seed, options);
  });
  after(() => started?.close());
  beforeEach(async () => {
    await current().admin.reset();
    await current().admin.setLatency(0);
    current().events.length = 0;
  });
  return {
    get emulator() {
      return current().emulator;
    },
    get admin() {
      return current().admin;
    },
    get events() {
      return current().events;
    },
    connect: (options) => current().connect(options),
    close: () => current().close(),
  };
}

/** Resolves once the emulator's log shows a request that a `hang` fault holds: then a cancel hits it in flight. */
export async function hangReached(admin: EmulatorAdmin): Promise<void> {
  while (!(await admin.requests()).some((entry) => entry.fault === 'hang'))
    await new Promise((resolve) => setImmediate(resolve));
}

/** ARM requests only (no token or admin calls), as the emulator logged them. */
export async function armRequests(admin: EmulatorAdmin): Promise<RequestLogEntry[]> {
  return (await admin.requests()).filter(
    (entry) => entry.path.startsWith('/subscriptions') || entry.path.startsWith('/providers'),
  );
}

/** One ARM request: when the emulator received it and when the client had its answer, as event numbers. */
export interface ServedRequest {
  readonly method: string;
  readonly path: string;
  readonly arrived: number;
  readonly answered: number;
}

/**
 * Puts the emulator's arrivals (node's HTTP server diagnostics channel; the emulator runs in this process) and the
 * client's answers (the connection's request logger) in one order, numbered as they happen: an order, not a clock. A
 * request the code sends after another's answer arrives after that answer in this order.
 */
export class CausalRecorder {
  private next = 0;
  private readonly arrivals: { method: string; path: string; arrived: number }[] = [];
  private readonly answers: { method: string; path: string; answered: number }[] = [];
  private readonly onArrival = (message: unknown): void => {
    const { request } = message as { request: { method?: string; url?: string } };
    const path = (request.url ?? '').replace(/^\/{2,}/, '/').split('?')[0] ?? '';
    if (path.startsWith('/subscriptions') || path.startsWith('/providers'))
      this.arrivals.push({ method: request.method ?? 'GET', path, arrived: this.next++ });
  };

  /** Give it to `harness.connect({ requestLogger })`. */
  readonly requestLogger: ArmRequestLogger = (event) =>
    this.answers.push({ method: event.method, path: event.path.replace(/^\/{2,}/, '/'), answered: this.next++ });

  /** Records while `action` runs. */
  async during<T>(action: () => Promise<T>): Promise<T> {
    diagnostics.subscribe('http.server.request.start', this.onArrival);
    try {
      return await action();
    } finally {
      diagnostics.unsubscribe('http.server.request.start', this.onArrival);
    }
  }

  /** Each arrival with its answer (the same method and path, first come first served), in arrival order. */
  requests(): ServedRequest[] {
    const answers = [...this.answers];
    return this.arrivals.map((arrival) => {
      const index = answers.findIndex((answer) => answer.method === arrival.method && answer.path === arrival.path);
      const [answer] = index >= 0 ? answers.splice(index, 1) : [];
      return { ...arrival, answered: answer?.answered ?? Number.POSITIVE_INFINITY };
    });
  }
}

/**
 * Sequential round trips, by causality: a request that arrived after another was answered may depend on it, so it is
 * one round deeper; requests in flight together share a round. The answer is the longest such chain. Latency on the
 * emulator keeps parallel requests in flight together, so the order reflects the code's structure.
 */
export function roundTrips(requests: readonly ServedRequest[]): number {
  const depth = new Map<ServedRequest, number>();
  for (const request of requests) {
    const parents = requests.filter((earlier) => earlier.answered < request.arrived);
    depth.set(request, 1 + Math.max(0, ...parents.map((parent) => depth.get(parent) ?? 0)));
  }
  return Math.max(0, ...depth.values());
}
