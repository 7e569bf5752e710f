import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { EmulatorAdmin } from '../../../src/emulator/adminClient';
import type { RunningEmulator } from '../../../src/emulator/index';
import { aHub, aResourceGroup } from '../../../src/emulator/builders';
import { childEnvironment } from '../../harness/childEnvironment.mjs';
import { DEV, DEV_GROUP, WORKSPACES, withHarness } from './helpers';

const MAIN = join(__dirname, '..', '..', '..', 'src', 'emulator', 'main.ts');

/** The CLI's ready line: the running emulator's connection details. */
type Ready = { ready: true } & Omit<RunningEmulator, 'close'>;

function launch(args: string[]): {
  child: ChildProcess;
  ready: Promise<Ready>;
  exit: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnvironment(),
  });
  launched.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<Ready>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) resolve(JSON.parse(line) as Ready);
    });
    child.once('exit', () => reject(new Error(`exited before ready: ${stderr}`)));
  });
  // A launch meant to fail never becomes ready: that rejection is expected, not unhandled.
  ready.catch(() => undefined);
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  return { child, ready, exit };
}

/** Emulators this file launched: any still running after a test (a failed assertion) is killed. */
const launched: ChildProcess[] = [];

describe('emulator: the CLI contract and --state persistence', () => {
  afterEach(() => {
    for (const child of launched.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('prints one ready line with the connection details, serves, and stops on SIGTERM', async () => {
    const { child, ready, exit } = launch(['--lro', 'instant', '--latency-ms', '0']);
    const line = await ready;
    assert.deepEqual(Object.keys(line), [
      'ready',
      'url',
      'caCertPath',
      'adminToken',
      'tenantId',
      'clientId',
      'clientSecret',
    ]);
    assert.match(line.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(existsSync(line.caCertPath));
    const snapshot = await new EmulatorAdmin(line).snapshot();
    assert.ok(snapshot.resources.some((resource) => resource.name === 'hub-private'));
    child.kill('SIGTERM');
    assert.equal((await exit).code, 0);
  });

  it('exits 2 with a one-line error on bad arguments', async () => {
    for (const args of [['--port', 'abc'], ['--lro', 'slow'], ['--bogus'], ['--seed']]) {
      const { exit } = launch(args);
      const { code, stderr } = await exit;
      assert.equal(code, 2, args.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1);
      assert.match(stderr, /^emulator: /);
    }
  });

  it('exits 1 on a --state file it cannot read, saying so, and leaves the file as it was', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'emulator-state-')), 'state.json');
    writeFileSync(state, '{"version":1,"subscriptions":[');
    const { code, stderr } = await launch(['--state', state]).exit;
    assert.equal(code, 1);
    assert.match(stderr, /^emulator: .*state\.json is not a state this emulator can read: /);
    assert.equal(readFileSync(state, 'utf8'), '{"version":1,"subscriptions":[');
  });

  it('seeds from a JSON file given with --seed', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'emulator-seed-'));
    const seed = join(directory, 'seed.json');
    writeFileSync(
      seed,
      JSON.stringify({
        subscriptions: [{ subscriptionId: DEV, displayName: 'dev' }],
        resources: [aResourceGroup('rg-foundry-dev').build(), aHub('hub-from-file').build()],
      }),
    );
    const { child, ready, exit } = launch(['--seed', seed, '--lro', 'instant']);
    const snapshot = await new EmulatorAdmin(await ready).snapshot();
    assert.deepEqual(
      snapshot.resources
        .filter((resource) => resource.type === 'Microsoft.MachineLearningServices/workspaces')
        .map((resource) => resource.name),
      ['hub-from-file'],
    );
    child.kill('SIGINT');
    assert.equal((await exit).code, 0);
  });

  it('keeps the state across restarts with --state, written atomically', async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), 'emulator-state-')), 'state.json');
    await withHarness({ statePath }, async (first) => {
      assert.equal(
        (await first.arm('DELETE', `${DEV_GROUP}/${WORKSPACES}/hub-pending?api-version=2025-12-01`)).status,
        202,
      );
    });
    const saved = JSON.parse(readFileSync(statePath, 'utf8'));
    assert.equal(saved.version, 1);
    assert.ok(!existsSync(`${statePath}.${process.pid}.tmp`));
    await withHarness({ statePath }, async (second) => {
      assert.equal(
        (await second.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-pending?api-version=2025-12-01`)).status,
        404,
      );
      assert.equal(
        (await second.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-private?api-version=2025-12-01`)).status,
        200,
      );
    });
  });
});
