import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { EmulatorCore } from './emulator';
import type { LroMode } from './lro';
import type { ResourceGraphQuotaSettings } from './providers/resourceGraphQuota';
import { createRequestHandler } from './server';
import { type Snapshot, UnreadableStateError, readSnapshotFile, writeSnapshotFile } from './store';
import { createCertificate } from './tls';
import { type SeedOption, type Topology, resolveSeed } from './topology';

export type { Topology } from './topology';
export type { Snapshot } from './store';
export { UnreadableStateError } from './store';

export interface EmulatorOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** 'demo' (the default), a JSON file, or a topology object. */
  seed?: 'demo' | string | Topology;
  /** Persist the state here across restarts (read at start if present, written atomically on change). */
  statePath?: string;
  latencyMs?: number;
  /** 'instant' (tests): LROs still answer 201/202 with polling headers but are done on the first poll. */
  lro?: LroMode;
  /** How long a realistic LRO runs (default 3000 ms). */
  lroDurationMs?: number;
  /** Resource Graph's per-user quota (default: 15 queries per 5 seconds, as Azure documents). */
  resourceGraphQuota?: ResourceGraphQuotaSettings;
  /** The service principal's secret (default: the demo one); the sandbox gives each start a fresh one. */
  clientSecret?: string;
}

export interface RunningEmulator {
  url: string;
  caCertPath: string;
  adminToken: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Back to the seed it started with (what `POST /_emulator/reset` does). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The demo service principal: fixed, so scripts and docs can name it. */
export const DEMO_IDENTITY = {
  tenantId: '72f988bf-0000-4000-8000-00000000e1a0',
  clientId: 'f0a1b2c3-0000-4000-8000-00000000c11e',
  clientSecret: 'emulator-demo-secret',
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return (await startEmulatorWithCore(options)).emulator;
}

/** The running emulator and its core, for in-process tests that drive the state directly (the recordings replay). */
export async function startEmulatorWithCore(
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; core: EmulatorCore }> {
  const certificate = await createCertificate();
  const identity = { ...DEMO_IDENTITY, ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}) };
  const core = new EmulatorCore({
    identity,
    lro: options.lro ?? 'realistic',
    lroDurationMs: options.lroDurationMs ?? 3000,
    latencyMs: options.latencyMs ?? 0,
    resourceGraphQuota: options.resourceGraphQuota,
  });
  const saved = options.statePath ? readSnapshotFile(options.statePath) : undefined;
  if (saved && options.statePath) restoreSaved(core, saved, options.statePath);
  else core.seed(await resolveSeed(options.seed as SeedOption | undefined));
  const persist = persistence(core, options.statePath);
  const adminToken = randomBytes(24).toString('base64url');
  const hangs = new Set<NodeJS.Timeout>();
  const server = createServer(
    { cert: certificate.cert, key: certificate.key },
    createRequestHandler(core, { adminToken, defaultSeed: options.seed as SeedOption | undefined, hangs }),
  );
  // Node closes an idle keep-alive socket after 5 s; a client that reuses it at that moment (likely on a loaded
  // machine, e.g. after a 429's Retry-After wait) gets "socket hang up". ARM's front ends keep idle connections longer.
  server.keepAliveTimeout = 120_000;
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  core.baseUrl = `https://127.0.0.1:${port}`;
  const emulator: RunningEmulator = {
    url: core.baseUrl,
    caCertPath: certificate.caCertPath,
    adminToken,
    ...identity,
    reset: async () => {
      core.seed(await resolveSeed(options.seed as SeedOption | undefined));
      core.faults.clear();
      core.log.clear();
    },
    close: async () => {
      for (const timer of hangs) clearTimeout(timer);
      persist.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return { emulator, core };
}

/** A saved state of the right shape can still hold what the store refuses (a resource without an id). */
function restoreSaved(core: EmulatorCore, saved: Snapshot, statePath: string): void {
  try {
    core.restore(saved);
  } catch (error) {
    throw new UnreadableStateError(statePath, error instanceof Error ? error.message : String(error));
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Coalesces writes: one atomic write per tick of changes. */
function persistence(core: EmulatorCore, statePath: string | undefined): { flush(): void } {
  let pending = false;
  const flush = (): void => {
    if (!statePath || !pending) return;
    pending = false;
    writeSnapshotFile(statePath, core.snapshot());
  };
  if (statePath) {
    core.store.onChange(() => {
      if (pending) return;
      pending = true;
      setImmediate(flush);
    });
    pending = true;
    flush();
  }
  return { flush };
}
