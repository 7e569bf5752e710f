import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { NetworkManagementClient } from '@azure/arm-network';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { DEV, DEV_GROUP, FAST_POLL, Harness, WORKSPACES } from './helpers';
import { holdTimers } from '../heldTimers';

const HUB = `${DEV_GROUP}/${WORKSPACES}/hub-public?api-version=2025-12-01`;

describe('emulator: faults, latency, request log, snapshots and the admin API', () => {
  let harness: Harness;
  before(async () => {
    harness = await Harness.start();
  });
  beforeEach(() => harness.admin.clearFaults());
  after(() => harness.close());

  it('refuses admin calls without the admin token', async () => {
    const answer = await harness.raw('GET', '/_emulator/snapshot');
    assert.equal(answer.status, 401);
  });

  it('throttles with 429 and an integer Retry-After, then recovers', async () => {
    await harness.admin.injectFault({
      method: 'GET',
      pathPattern: '/workspaces/hub-public$',
      count: 1,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 2,
    });
    const throttled = await harness.arm('GET', HUB);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '2');
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    assert.equal((await harness.arm('GET', HUB)).status, 200, 'count 1: only the first request');
  });

  it('answers 500 and 503 as injected, and the SDK retry policy gets through a single 503', async () => {
    await harness.admin.injectFault({ pathPattern: 'hub-public', count: 1, kind: 'status', status: 500 });
    assert.equal((await harness.arm('GET', HUB)).status, 500);
    await harness.admin.injectFault({
      pathPattern: 'workspaces/hub-selected-ips',
      count: 1,
      kind: 'status',
      status: 503,
      retryAfterSeconds: 1,
    });
    const client = new AzureMachineLearningWorkspaces(harness.credential, DEV, harness.clientOptions);
    const hub = await client.workspaces.get('rg-foundry-dev', 'hub-selected-ips');
    assert.equal(hub.name, 'hub-selected-ips');
    const log = await harness.admin.requests();
    assert.ok(log.some((entry) => entry.status === 503 && entry.fault === 'status'));
  });

  it('resets the connection', async () => {
    await harness.admin.injectFault({ pathPattern: 'hub-public', count: 1, kind: 'reset' });
    await assert.rejects(harness.arm('GET', HUB), /socket hang up|ECONNRESET/);
    assert.equal((await harness.arm('GET', HUB)).status, 200);
  });

  it('hangs past a client timeout: the client gives up while the emulator still holds the request', async () => {
    await harness.admin.clearRequests();
    await harness.admin.injectFault({ pathPattern: 'hub-public', count: 1, kind: 'hang', hangMs: 60_000 });
    const client = new AzureMachineLearningWorkspaces(harness.credential, DEV, {
      ...harness.clientOptions,
      retryOptions: { maxRetries: 0 },
    });
    await assert.rejects(
      client.workspaces.get('rg-foundry-dev', 'hub-public', { requestOptions: { timeout: 300 } }),
      (error: Error) => /timeout|aborted/i.test(`${error.name} ${error.message}`),
    );
    const hung = (await harness.admin.requests()).filter((entry) => entry.fault === 'hang');
    assert.deepEqual(
      hung.map((entry) => [entry.method, entry.path.split('?')[0], entry.status]),
      [['GET', `${DEV_GROUP}/${WORKSPACES}/hub-public`, 0]],
    );
  });

  it('ends an LRO Failed, and the SDK poller reports it', async () => {
    await harness.admin.injectFault({
      method: 'PUT',
      pathPattern: 'privateEndpoints/pe-doomed$',
      count: 1,
      kind: 'lroFailed',
    });
    const network = new NetworkManagementClient(harness.credential, DEV, harness.clientOptions);
    await assert.rejects(
      network.privateEndpoints.beginCreateOrUpdateAndWait(
        'rg-foundry-dev',
        'pe-doomed',
        {
          location: 'eastus',
          subnet: { id: `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe` },
          privateLinkServiceConnections: [
            {
              name: 'c',
              privateLinkServiceId: `${DEV_GROUP}/providers/Microsoft.KeyVault/vaults/kv-foundry-dev`,
              groupIds: ['vault'],
            },
          ],
        },
        FAST_POLL,
      ),
      /lroFailed|failed/i,
    );
    const stored = await harness.admin.getResource(
      `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-doomed`,
    );
    assert.equal(stored?.properties?.provisioningState, 'Failed');
  });

  it('holds each ARM request for the latency before answering it', async (t) => {
    const timers = holdTimers(t, 150);
    await harness.admin.setLatency(150);
    try {
      let answered = false;
      const answer = harness.arm('GET', HUB).finally(() => (answered = true));
      await timers.scheduled(1, () => answered);
      assert.equal(timers.pending.length, 1, 'the request waits on one latency timer');
      assert.equal(answered, false, 'and is not answered before it fires');
      timers.releaseOne();
      assert.equal((await answer).status, 200);
    } finally {
      await harness.admin.setLatency(0);
    }
  });

  it('logs method, path, status and duration, and never a token or secret', async () => {
    await harness.admin.clearRequests();
    await harness.arm('GET', HUB);
    await harness.raw(
      'POST',
      '/adfs/oauth2/token?client_secret=leaked',
      `grant_type=client_credentials&client_id=x&client_secret=${harness.emulator.clientSecret}`,
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    );
    const log = await harness.admin.requests();
    const entry = log.find((candidate) => candidate.path.includes('hub-public'));
    assert.equal(entry?.method, 'GET');
    assert.equal(entry?.status, 200);
    assert.equal(typeof entry?.durationMs, 'number');
    const text = JSON.stringify(log);
    assert.ok(!text.includes('leaked') && !text.includes(harness.emulator.clientSecret) && !/emu_/.test(text));
  });

  it('snapshots, restores and resets the state', async () => {
    const snapshot = await harness.admin.snapshot();
    await harness.arm('DELETE', `${DEV_GROUP}/${WORKSPACES}/hub-pending?api-version=2025-12-01`);
    assert.equal(await harness.admin.getResource(`${DEV_GROUP}/${WORKSPACES}/hub-pending`), undefined);
    await harness.admin.restore(snapshot);
    assert.equal(
      (await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-pending?api-version=2025-12-01`)).status,
      200,
    );
    await harness.admin.reset({ subscriptions: [{ subscriptionId: DEV, displayName: 'only' }], resources: [] });
    assert.equal((await harness.arm('GET', HUB)).status, 404);
    await harness.admin.reset('demo');
    assert.equal((await harness.arm('GET', HUB)).status, 200);
  });

  it('runs LROs in realistic mode: InProgress first, Succeeded once the configured time has passed', async (t) => {
    // The emulator settles operations against the clock: a mocked Date moves it, so nothing here waits or races.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const ZONE = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/slow.example?api-version=2024-06-01`;
    await harness.admin.setLroMode('realistic', 60_000);
    try {
      const put = await harness.arm('PUT', ZONE, { location: 'global' });
      const first = await harness.follow(String(put.headers['azure-asyncoperation']));
      assert.equal(first.body.status, 'InProgress');
      assert.equal((await harness.follow(String(put.headers.location))).status, 202);
      const conflict = await harness.arm('PATCH', ZONE, { tags: {} });
      assert.equal(conflict.status, 409, 'a write while the LRO runs');
      assert.equal(conflict.body.error.code, 'AnotherOperationInProgress');
      assert.equal((await harness.arm('GET', ZONE)).body.properties.provisioningState, 'Creating');
      t.mock.timers.tick(59_999);
      assert.equal((await harness.follow(String(put.headers['azure-asyncoperation']))).body.status, 'InProgress');
      t.mock.timers.tick(1);
      assert.equal((await harness.follow(String(put.headers['azure-asyncoperation']))).body.status, 'Succeeded');
      assert.equal((await harness.arm('GET', ZONE)).body.properties.provisioningState, 'Succeeded');
    } finally {
      await harness.admin.setLroMode('instant');
    }
  });
});
