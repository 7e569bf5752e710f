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
const DEV_GROUP = `/subscriptions/${DEV}/resourceGroups/rg-foundry-dev`;

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

  /** Resolves once no read is in flight (the model says when one settles). */
  async function idle(tree: HubsTreeModel): Promise<void> {
    while (tree.resources().some((entry) => entry.reading)) {
      await new Promise<void>((resolve) => {
        const listener = tree.onDidChange(() => {
          listener.dispose();
          resolve();
        });
      });
    }
  }

  const times = (count: number, id: string) => Array.from({ length: count }, () => id);

  const verdicts = (tree: HubsTreeModel) =>
    Object.fromEntries(
      tree.resources().map((entry) => [entry.discovered.name, entry.details?.assessment.verdict.kind ?? entry.failure]),
    );

  it('reads every listed resource in the background and gives each ONE verdict: the demo table', async () => {
    const tree = model();
    await tree.loadRoot();
    await idle(tree);
    assert.deepEqual(verdicts(tree), {
      'hub-pending': 'broken',
      'hub-private': 'private',
      'hub-public': 'public',
      'hub-selected-ips': 'restricted',
      'hub-dns-incomplete': 'broken',
      'ais-foundry-prod': 'restricted',
    });
    const findings = (name: string) =>
      tree
        .resources()
        .find((entry) => entry.discovered.name === name)!
        .details!.assessment.findings.map((finding) => finding.id)
        .sort();
    assert.deepEqual(
      Object.fromEntries(tree.resources().map((entry) => [entry.discovered.name, findings(entry.discovered.name)])),
      {
        'hub-pending': [
          ...times(4, 'dependency-endpoint-missing'),
          'dependency-public',
          'no-private-endpoint',
          'private-endpoint-pending',
        ],
        'hub-private': [...times(4, 'dependency-endpoint-missing'), 'dependency-public', 'docker-bridge-range'],
        'hub-public': ['public-network-access-enabled'],
        'hub-selected-ips': ['dependency-public', 'no-private-endpoint'],
        'hub-dns-incomplete': [
          ...times(3, 'dependency-endpoint-missing'),
          'dependency-public',
          'dns-zone-missing',
          'registry-not-premium',
        ],
        'ais-foundry-prod': [],
      },
    );
  });

  it('re-reads exactly the resources a write touched, keeping the last state while it reads', async () => {
    const tree = model();
    await tree.loadRoot();
    await idle(tree);
    const changes: (readonly string[] | 'all')[] = [];
    const listener = tree.onDidChange((change) => changes.push(change));
    try {
      const hubPrivate = tree.resources().find((entry) => entry.discovered.name === 'hub-private')!;
      const before = hubPrivate.details;
      // A write to the private endpoint of hub-private: only that hub depends on it.
      const touched = tree.resourceChanged(`${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub-private`);
      assert.deepEqual(touched, [hubPrivate.id]);
      assert.equal(tree.entry(hubPrivate.id)?.reading, true);
      assert.equal(tree.entry(hubPrivate.id)?.details, before, 'the last state stays shown while the re-read runs');
      await idle(tree);
      assert.notEqual(tree.entry(hubPrivate.id)?.details, before);
      assert.ok(
        changes.every((change) => change !== 'all' && change.every((id) => id === hubPrivate.id)),
        JSON.stringify(changes),
      );
    } finally {
      listener.dispose();
    }
  });

  it('shows the new verdict of a changed hub, expanded or not, after our write', async () => {
    const tree = model();
    await tree.loadRoot();
    await idle(tree);
    const hub = tree.resources().find((entry) => entry.discovered.name === 'hub-public')!;
    const saved = await admin.snapshot();
    try {
      const changed = structuredClone(saved);
      const stored = changed.resources.find((resource) => resource.id.toLowerCase() === hub.id.toLowerCase())!;
      stored.properties = { ...stored.properties, publicNetworkAccess: 'Disabled' };
      await admin.restore(changed);
      tree.resourceChanged(hub.id);
      await idle(tree);
      assert.equal(tree.entry(hub.id)?.details?.assessment.verdict.kind, 'broken');
    } finally {
      await admin.restore(saved);
    }
  });

  it('keeps a failed read as a failure until a refresh reads it again', async () => {
    const tree = model();
    await admin.injectFault({
      method: 'GET',
      pathPattern: 'accounts/ais-foundry-prod$',
      count: 100,
      kind: 'status',
      status: 403,
    });
    try {
      await tree.loadRoot();
      await idle(tree);
      const account = tree.resources().find((entry) => entry.kind === 'aiServices')!;
      assert.match(account.failure ?? '', /Reader|denied|403/i);
      assert.equal(account.details, undefined);
      tree.ensureRead(account.id);
      assert.equal(tree.entry(account.id)?.reading, false, 'a failed read is not retried on its own');
    } finally {
      await admin.clearFaults();
    }
    const account = tree.resources().find((entry) => entry.kind === 'aiServices')!;
    tree.resourceChanged(account.id);
    await idle(tree);
    assert.equal(tree.entry(account.id)?.failure, undefined);
    assert.equal(tree.entry(account.id)?.details?.assessment.verdict.kind, 'restricted');
  });

  it('cancels a listing in flight when everything is refreshed, and lists again', async () => {
    const tree = model();
    await admin.clearRequests();
    await admin.injectFault({ method: 'POST', pathPattern: 'Microsoft.ResourceGraph', kind: 'hang', hangMs: 30_000 });
    try {
      const first = tree.loadRoot();
      // Cancelled once the listing is known to be in flight (the emulator logged the hang), not after a guessed delay.
      while (!(await admin.requests()).some((entry) => entry.fault === 'hang'))
        await new Promise((resolve) => setImmediate(resolve));
      tree.invalidateAll();
      const cancelled = await first;
      assert.equal(cancelled.kind, 'failed');
      assert.equal(cancelled.kind === 'failed' && cancelled.error.kind, 'cancelled');
    } finally {
      await admin.clearFaults();
    }
    const again = await tree.loadRoot();
    assert.equal(again.kind, 'ready');
  });

  it('reads a resource that is expanded before the background reads queued ahead of it', async () => {
    const tree = new HubsTreeModel({
      access,
      selectedSubscriptions: () => [],
      connectionOptions: { ...emulatorTlsOptions(emulator), retry: { maxRetries: 0 } },
      readConcurrency: 1,
    });
    const order: string[] = [];
    tree.onDidChange((change) => {
      if (change === 'all') return;
      for (const id of change) if (tree.entry(id)?.details) order.push(tree.entry(id)!.discovered.name);
    });
    await tree.loadRoot();
    const last = tree.resources().at(-1)!;
    assert.ok(last.reading, 'queued behind the others');
    tree.ensureRead(last.id);
    await idle(tree);
    assert.equal(order.indexOf(last.discovered.name), 1, `read order: ${order.join(', ')}`);
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
