/**
 * The emulator for the benches, in a process of its own so that its CPU is not counted as the client's, loaded with
 * big generated topologies. Seeding applies every resource through its provider, which grows with the square of the
 * topology; so one subscription is seeded, and its state is copied under the other subscription ids into a snapshot
 * that the emulator restores as is.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorAdmin } from '../src/emulator/adminClient';
import { guidFrom } from '../src/emulator/builders';
import { EmulatorCore } from '../src/emulator/emulator';
import { DEMO_IDENTITY, type Snapshot } from '../src/emulator/index';
import { generateTopology } from '../src/emulator/seeds/generate';
import { childEnvironment } from '../test/harness/childEnvironment.mjs';

export interface EmulatorEndpoint {
  readonly url: string;
  readonly caCertPath: string;
  readonly adminToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface EmulatorProcess {
  readonly endpoint: EmulatorEndpoint;
  readonly admin: EmulatorAdmin;
  readonly subscriptionIds: readonly string[];
  close(): Promise<void>;
}

/** `subscriptions` × `hubsPerSubscription` hubs, each with `projectsPerHub` projects (generateTopology's shape). */
export function generatedSnapshot(subscriptions: number, hubsPerSubscription: number, projectsPerHub = 3): Snapshot {
  const one = generateTopology({ subscriptions: 1, hubsPerSubscription, projectsPerHub });
  const core = new EmulatorCore({ identity: DEMO_IDENTITY, lro: 'instant', lroDurationMs: 0, latencyMs: 0 });
  core.seed(one);
  const template = JSON.stringify(core.snapshot());
  const original = new RegExp(one.subscriptions[0]!.subscriptionId, 'gi');
  const snapshot: Snapshot = { version: 1, tenantId: DEMO_IDENTITY.tenantId, subscriptions: [], resources: [] };
  for (let index = 0; index < subscriptions; index++) {
    const copy = JSON.parse(template.replace(original, guidFrom(`generated-subscription-${index}`))) as Snapshot;
    for (const subscription of copy.subscriptions)
      snapshot.subscriptions.push({ ...subscription, displayName: `Generated ${index + 1}` });
    for (const resource of copy.resources) snapshot.resources.push(resource);
  }
  return snapshot;
}

export async function startEmulatorProcess(snapshot: Snapshot): Promise<EmulatorProcess> {
  const scratch = mkdtempSync(join(tmpdir(), 'foundry-bench-'));
  const statePath = join(scratch, 'state.json');
  writeFileSync(statePath, JSON.stringify(snapshot));
  const root = new URL('..', import.meta.url).pathname;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/emulator/main.ts'), '--state', statePath, '--lro', 'instant'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: childEnvironment() },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<EmulatorEndpoint>((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code} before it was ready`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as EmulatorEndpoint);
    });
  });
  return {
    endpoint,
    admin: new EmulatorAdmin(endpoint),
    subscriptionIds: snapshot.subscriptions.map((subscription) => subscription.subscriptionId),
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
