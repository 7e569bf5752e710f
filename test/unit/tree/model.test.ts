import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AzureAccess, SubscriptionAccess } from '../../../src/auth/azureAccess';
import { customCloud } from '../../../src/model/clouds';
import { HubsTreeModel } from '../../../src/tree/model';
import { EmulatorAdmin } from '../../../src/emulator/adminClient';
import { emulatorCredential, emulatorTlsOptions } from '../../../src/emulator/credential';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index';

const DEV = '00000000-0000-4000-8000-000000000001';
const PROD = '00000000-0000-4000-8000-000000000002';

/** The tree model over the emulator, with a fake sign-in that hands out the demo service principal. */
describe('hubs tree model against the emulator', () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let access: AzureAccess;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo', lro: 'instant' });
    admin = new EmulatorAdmin(emulator);
    const credential = emulatorCredential(emulator);
    const subscriptions: SubscriptionAccess[] = [
      { subscriptionId: DEV, name: 'Contoso AI (dev)', tenantId: emulator.tenantId, credential },
      { subscriptionId: PROD, name: 'Contoso AI (prod)', tenantId: emulator.tenantId, credential },
    ];
    access = {
      cloud: customCloud({ resourceManagerEndpoint: emulator.url, portalUrl: 'https://portal.azure.com' }),
      isSignedIn: async () => true,
      signIn: async () => true,
      listSubscriptions: async () => ({ subscriptions, skippedTenants: [] }),
      onDidChangeSignIn: () => ({ dispose() {} }),
      dispose() {},
    };
  });
  after(async () => emulator?.close());

  function model(selected: string[] = []): HubsTreeModel {
    return new HubsTreeModel({
      access,
      selectedSubscriptions: () => selected,
      connectionOptions: { ...emulatorTlsOptions(emulator), retry: { maxRetries: 0 } },
    });
  }

  it('discovers the hubs of every subscription in one Resource Graph round trip', async () => {
    await admin.clearRequests();
    const root = await model().loadRoot();
    assert.equal(root.kind, 'ready');
    if (root.kind !== 'ready') return;
    assert.deepEqual(
      root.subscriptions.map((s) => s.hubs.map((h) => h.name).sort()),
      [['hub-pending', 'hub-private', 'hub-public', 'hub-selected-ips'], ['hub-dns-incomplete']],
    );
    const graphCalls = (await admin.requests()).filter((r) => /resourcegraph/i.test(r.path));
    assert.equal(graphCalls.length, 1);
  });

  it('shows only the selected subscriptions', async () => {
    const root = await model([PROD]).loadRoot();
    assert.ok(root.kind === 'ready');
    assert.deepEqual(
      root.subscriptions.map((s) => s.subscription.subscriptionId),
      [PROD],
    );
  });

  it('caches hub details until invalidated, then reads them again from ARM', async () => {
    const tree = model();
    const root = await tree.loadRoot();
    assert.ok(root.kind === 'ready');
    const hub = root.subscriptions[0]!.hubs.find((h) => h.name === 'hub-public')!;
    const first = await tree.hubDetails(hub.id);
    assert.equal(first.workspace.publicNetworkAccess, 'Enabled');
    assert.equal(await tree.hubDetails(hub.id), first, 'a second expansion uses the cache');
    assert.deepEqual(tree.invalidate(hub.id), [hub.id.toLowerCase()]);
    assert.notEqual(await tree.hubDetails(hub.id), first, 'after invalidation the hub is read again');
  });

  it('reads an AI Services account with its network rules once, until invalidated', async () => {
    const tree = model();
    const root = await tree.loadRoot();
    assert.ok(root.kind === 'ready');
    const accountId = root.subscriptions[1]!.aiServices[0]!.id;
    const first = await tree.aiServicesDetails(accountId);
    assert.equal(first.readError, undefined);
    assert.equal(first.networkDefaultAction, 'Deny');
    assert.deepEqual(first.ipRules, ['20.61.0.0/16']);
    assert.equal(await tree.aiServicesDetails(accountId), first, 'a second expansion uses the cache');
    tree.invalidate(accountId);
    assert.notEqual(await tree.aiServicesDetails(accountId), first, 'after invalidation the account is read again');
  });

  it('does not cache an AI Services account that could not be read', async () => {
    const tree = model();
    const missing = `/subscriptions/${PROD}/resourceGroups/rg-foundry-prod/providers/Microsoft.CognitiveServices/accounts/ais-gone`;
    const first = await tree.aiServicesDetails(missing);
    assert.match(first.readError ?? '', /ais-gone|not found/i);
    assert.notEqual(await tree.aiServicesDetails(missing), first, 'read again, not served from the cache');
  });

  it('cancels a listing in flight when everything is refreshed, and lists again', async () => {
    const tree = model();
    await admin.setLatency(3_000);
    try {
      const first = tree.loadRoot();
      await new Promise((resolve) => setTimeout(resolve, 200));
      tree.invalidateAll();
      const cancelled = await first;
      assert.equal(cancelled.kind, 'failed');
      assert.equal(cancelled.kind === 'failed' && cancelled.error.kind, 'cancelled');
    } finally {
      await admin.setLatency(0);
    }
    const again = await tree.loadRoot();
    assert.equal(again.kind, 'ready');
  });

  it("keeps the other subscription when one tenant's discovery fails", async () => {
    await admin.injectFault({
      method: 'POST',
      pathPattern: 'Microsoft.ResourceGraph',
      count: 10,
      kind: 'status',
      status: 403,
    });
    await admin.injectFault({
      method: 'GET',
      pathPattern: `/subscriptions/${PROD}/providers/Microsoft.MachineLearningServices/workspaces`,
      count: 10,
      kind: 'status',
      status: 500,
    });
    try {
      const root = await model().loadRoot();
      assert.ok(root.kind === 'ready');
      const [dev, prod] = root.subscriptions;
      assert.equal(dev?.hubs.length, 4, 'dev still lists its hubs through the per-subscription fallback');
      assert.ok(prod?.error, 'prod shows its error');
    } finally {
      await admin.clearFaults();
    }
  });
});
