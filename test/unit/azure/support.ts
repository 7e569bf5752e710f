/**
 * Shared setup for the src/azure tests: one emulator per test file (instant LROs), a connection to it with fast
 * retries, and the emulator's admin client.
 */
import { startEmulator } from '../../emulator/index';
import type { RunningEmulator, Topology } from '../../emulator/index';
import { emulatorCredential, emulatorTlsOptions } from '../../emulator/credential';
import { EmulatorAdmin } from '../../emulator/adminClient';
import type { FaultSpec, RequestLogEntry } from '../../emulator/adminClient';
import { ArmConnection } from '../../../src/azure/clients';
import type { ArmConnectionOptions } from '../../../src/azure/clients';
import type { ArmRequestEvent } from '../../../src/azure/requestLog';

export const DEV_SUBSCRIPTION = '00000000-0000-4000-8000-000000000001';
export const PROD_SUBSCRIPTION = '00000000-0000-4000-8000-000000000002';
export const DEV_GROUP = `/subscriptions/${DEV_SUBSCRIPTION}/resourceGroups/rg-foundry-dev`;
export const PROD_GROUP = `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-foundry-prod`;
export const hubIdOf = (group: string, name: string): string => `${group}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;

export type EmulatorRequest = RequestLogEntry;

/** The emulator's admin client, with a fault count of 1 by default and loosely typed stored resources. */
export class Admin extends EmulatorAdmin {
  override injectFault(fault: Omit<FaultSpec, 'count'> & { count?: number }): Promise<void> {
    return super.injectFault({ count: 1, ...fault });
  }

  /** The stored ARM JSON, read by tests with optional chaining. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ARM JSON of any resource type
  async storedResource(id: string): Promise<Record<string, any> | undefined> {
    return this.getResource(id);
  }
}

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly admin: Admin;
  /** Every request attempt our pipeline policy reported. */
  readonly events: ArmRequestEvent[];
  connect(options?: Partial<ArmConnectionOptions>): ArmConnection;
  close(): Promise<void>;
}

export async function startHarness(seed?: Topology): Promise<Harness> {
  const emulator = await startEmulator({ lro: 'instant', ...(seed ? { seed } : {}) });
  const credential = emulatorCredential(emulator);
  const events: ArmRequestEvent[] = [];
  return {
    emulator,
    admin: new Admin(emulator),
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

/** ARM requests only (no token or admin calls), as the emulator logged them. */
export async function armRequests(admin: Admin): Promise<EmulatorRequest[]> {
  return (await admin.requests()).filter((entry) => entry.path.startsWith('/subscriptions') || entry.path.startsWith('/providers'));
}

/**
 * Sequential round trips in the emulator's log: a request opens a new round when it starts after every request of the
 * current round was answered; parallel requests overlap and share a round. Run with latency so overlaps are clear.
 */
export function roundTrips(requests: readonly EmulatorRequest[]): number {
  const spans = requests
    .map((entry) => ({ end: Date.parse(entry.time), start: Date.parse(entry.time) - entry.durationMs }))
    .sort((a, b) => a.start - b.start);
  let rounds = 0;
  let roundEnd = -Infinity;
  for (const span of spans) {
    if (span.start >= roundEnd) {
      rounds += 1;
      roundEnd = span.end;
    } else {
      roundEnd = Math.max(roundEnd, span.end);
    }
  }
  return rounds;
}
