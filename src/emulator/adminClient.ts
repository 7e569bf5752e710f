import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { ArmResource } from './arm';
import { ADMIN_TOKEN_HEADER } from './admin';
import type { FaultSpec, RequestLogEntry } from './faults';
import type { Snapshot } from './store';
import type { Topology } from './topology';

export type { FaultSpec, RequestLogEntry } from './faults';

/** Typed client of the emulator's `/_emulator/` admin API, for tests and the harness. */
export class EmulatorAdmin {
  private readonly ca: string;

  constructor(private readonly emulator: { url: string; caCertPath: string; adminToken: string }) {
    this.ca = readFileSync(emulator.caCertPath, 'utf8');
  }

  /** Back to a seed: the one the emulator started with, 'demo', a JSON file path, or a topology. */
  async reset(seed?: 'demo' | string | Topology): Promise<void> {
    await this.call('POST', 'reset', seed === undefined ? {} : { seed });
  }

  snapshot(): Promise<Snapshot> {
    return this.call('GET', 'snapshot') as Promise<Snapshot>;
  }

  async restore(snapshot: Snapshot): Promise<void> {
    await this.call('PUT', 'snapshot', snapshot);
  }

  async setLatency(ms: number): Promise<void> {
    await this.call('POST', 'latency', { ms });
  }

  /** Lists page at this many items until the next reset (ARM: 100), so a test sees nextLink with a few items. */
  async setListPageSize(pageSize: number): Promise<void> {
    await this.call('POST', 'paging', { pageSize });
  }

  async setLroMode(mode: 'instant' | 'realistic', durationMs?: number): Promise<void> {
    await this.call('POST', 'lro', { mode, durationMs });
  }

  /** `count` defaults to 1 on the server. */
  async injectFault(fault: Omit<FaultSpec, 'count'> & { count?: number }): Promise<void> {
    await this.call('POST', 'faults', fault);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  async requests(): Promise<RequestLogEntry[]> {
    return ((await this.call('GET', 'requests')) as { requests: RequestLogEntry[] }).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  /** The stored resource (raw state, no view), or undefined if it does not exist. */
  async getResource(id: string): Promise<ArmResource | undefined> {
    try {
      return (await this.call('GET', `resource?id=${encodeURIComponent(id)}`)) as ArmResource;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  /** The stored resource's properties, loosely typed for assertions, or undefined if the resource does not exist. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider owns the shape of its properties
  async getProperties(id: string): Promise<Record<string, any> | undefined> {
    const resource = await this.getResource(id);
    return resource && (resource.properties ?? {});
  }

  private call(method: string, route: string, body?: unknown): Promise<unknown> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        `${this.emulator.url}/_emulator/${route}`,
        // A fresh connection per call: a pooled keep-alive socket the server has just closed would fail with ECONNRESET.
        {
          method,
          ca: this.ca,
          agent: false,
          headers: {
            [ADMIN_TOKEN_HEADER]: this.emulator.adminToken,
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const parsed: unknown = text ? JSON.parse(text) : undefined;
            const status = response.statusCode ?? 0;
            if (status >= 400)
              reject(Object.assign(new Error(`admin ${method} ${route}: ${status} ${text}`), { status }));
            else resolve(parsed);
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }
}
