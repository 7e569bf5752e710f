/**
 * Shared setup for the src/azure tests: one emulator per describe (instant LROs), a connection to it with fast
 * retries, and the emulator's admin client.
 */
import { after, before, beforeEach } from 'node:test';
import { startEmulator } from '../../../src/emulator/index';
import type { EmulatorOptions, RunningEmulator, Topology } from '../../../src/emulator/index';
import { emulatorCredential, emulatorTlsOptions } from '../../../src/emulator/credential';
import { EmulatorAdmin } from '../../../src/emulator/adminClient';
import type { RequestLogEntry } from '../../../src/emulator/adminClient';
import { ArmConnection } from '../../../src/azure/clients';
import type { ArmConnectionOptions } from '../../../src/azure/clients';
import type { ArmRequestEvent } from '../../../src/azure/requestLog';

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
