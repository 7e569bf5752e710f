import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { TokenCredential } from '@azure/identity';
import { EmulatorAdmin } from '../../../src/emulator/adminClient';
import { emulatorClientOptions, emulatorCredential } from '../../../src/emulator/credential';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../../src/emulator/index';

export const DEV = '00000000-0000-4000-8000-000000000001';
export const PROD = '00000000-0000-4000-8000-000000000002';
export const DEV_GROUP = `/subscriptions/${DEV}/resourceGroups/rg-foundry-dev`;
export const PROD_GROUP = `/subscriptions/${PROD}/resourceGroups/rg-foundry-prod`;
export const WORKSPACES = 'providers/Microsoft.MachineLearningServices/workspaces';
/** SDK pollers wait this long before their first poll (the emulator's Retry-After applies after that). */
export const FAST_POLL = { updateIntervalInMs: 5 };

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A started emulator (instant LROs, demo seed) with a logged-in credential and raw HTTP helpers. */
export class Harness {
  readonly credential: TokenCredential;
  readonly admin: EmulatorAdmin;
  private readonly ca: string;
  private token = '';

  private constructor(readonly emulator: RunningEmulator) {
    this.credential = emulatorCredential(emulator);
    this.admin = new EmulatorAdmin(emulator);
    this.ca = readFileSync(emulator.caCertPath, 'utf8');
  }

  static async start(options: EmulatorOptions = {}): Promise<Harness> {
    const harness = new Harness(await startEmulator({ lro: 'instant', ...options }));
    harness.token = (await harness.credential.getToken(`${harness.emulator.url}/.default`))?.token ?? '';
    return harness;
  }

  get clientOptions(): ReturnType<typeof emulatorClientOptions> {
    return emulatorClientOptions(this.emulator);
  }

  /** An ARM request with the bearer token (unless `token: null`); `path` includes the query. */
  arm(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    token: string | null = this.token,
  ): Promise<RawResponse> {
    return this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), {
      ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
      'Content-Type': 'application/json',
      ...headers,
    });
  }

  /** Follows an absolute URL from a Location / Azure-AsyncOperation header. */
  follow(url: string): Promise<RawResponse> {
    return this.arm('GET', url.replace(this.emulator.url, ''));
  }

  raw(method: string, path: string, payload?: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const outgoing = request(`${this.emulator.url}${path}`, { method, ca: this.ca, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  close(): Promise<void> {
    return this.emulator.close();
  }
}

/** An emulator for one test body, closed afterwards whatever happens (a failed assertion must not leave it serving). */
export async function withHarness<T>(options: EmulatorOptions, use: (harness: Harness) => Promise<T>): Promise<T> {
  const harness = await Harness.start(options);
  try {
    return await use(harness);
  } finally {
    await harness.close();
  }
}
