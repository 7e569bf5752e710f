/**
 * The tree's presenter over the real model and the emulator: what each node shows, when it changes, paging with
 * "Load more…", and finding the node of a finding's resource.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AzureAccess, SubscriptionAccess } from '../../../src/auth/azureAccess';
import { customCloud } from '../../../src/model/clouds';
import { emulatorCredential, emulatorTlsOptions } from '../../../src/emulator/credential';
import { startEmulator, type RunningEmulator, type Topology } from '../../../src/emulator/index';
import { generateTopology } from '../../../src/emulator/seeds/generate';
import { HUBS_PAGE_SIZE, HubsTreeModel } from '../../../src/tree/model';
import type { NodeView } from '../../../src/tree/nodeView';
import { TreePresenter } from '../../../src/tree/presenter';

function accessTo(emulator: RunningEmulator, topology: Topology): AzureAccess {
  const credential = emulatorCredential(emulator);
  const subscriptions: SubscriptionAccess[] = topology.subscriptions.map((s) => ({
    subscriptionId: s.subscriptionId,
    name: s.displayName,
    tenantId: emulator.tenantId,
    credential,
  }));
  return {
    cloud: customCloud({ resourceManagerEndpoint: emulator.url, portalUrl: 'https://portal.azure.com' }),
    isSignedIn: async () => true,
    signIn: async () => true,
    listSubscriptions: async () => ({ subscriptions, skippedTenants: [] }),
    onDidChangeSignIn: () => ({ dispose() {} }),
    dispose() {},
  };
}

async function idle(model: HubsTreeModel): Promise<void> {
  while (model.resources().some((entry) => entry.reading)) {
    await new Promise<void>((resolve) => {
      const listener = model.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
  }
}

async function rootNodes(presenter: TreePresenter): Promise<NodeView[]> {
  const children = presenter.rootChildren(await presenter.model.loadRoot());
  assert.equal(children.kind, 'nodes');
  return children.kind === 'nodes' ? children.nodes : [];
}

describe('tree presenter', () => {
  describe('on the demo topology', () => {
    let emulator: RunningEmulator;
    let model: HubsTreeModel;
    let presenter: TreePresenter;

    before(async () => {
      emulator = await startEmulator({ seed: 'demo', lro: 'instant' });
      const { buildDemoTopology } = await import('../../../src/emulator/seeds/demo');
      model = new HubsTreeModel({
        access: accessTo(emulator, buildDemoTopology()),
        selectedSubscriptions: () => [],
        connectionOptions: { ...emulatorTlsOptions(emulator), retry: { maxRetries: 0 } },
      });
      presenter = new TreePresenter(model);
    });
    after(async () => emulator?.close());

    it('shows each hub line with "checking…", then its verdict once read, without expanding it', async () => {
      const [dev] = await rootNodes(presenter);
      const hubs = await presenter.children(dev!);
      const selected = hubs.find((node) => node.label === 'hub-selected-ips')!;
      assert.match(presenter.current(selected).description ?? '', /checking…/);
      await idle(model);
      assert.equal(presenter.current(selected).description, 'Restricted (selected IPs) · eastus · 1 project');
      assert.equal(
        presenter.current(hubs.find((node) => node.label === 'hub-public')!).description,
        'Public · eastus · 1 project',
      );
      assert.equal(presenter.current(hubs.find((node) => node.label === 'hub-pending')!).icon?.codicon, 'error');
    });

    it('maps a model change to exactly the nodes of the resources that changed', async () => {
      const [dev] = await rootNodes(presenter);
      const hubs = await presenter.children(dev!);
      const hubPrivate = hubs.find((node) => node.label === 'hub-private')!;
      assert.deepEqual(presenter.nodesFor([hubPrivate.id.toUpperCase()]), [hubPrivate]);
      assert.deepEqual(presenter.nodesFor(['/subscriptions/x/not/shown']), []);
    });

    it("finds the node of a finding's resource under its hub (the reveal of a finding's row)", async () => {
      const [, prod] = await rootNodes(presenter);
      const hub = (await presenter.children(prod!)).find((node) => node.label === 'hub-dns-incomplete')!;
      await idle(model);
      const sections = await presenter.children(hub);
      const dependents = sections.find((node) => node.context === 'dependentResources')!;
      await presenter.children(dependents);
      const findings = await presenter.children(sections.find((node) => node.context === 'findings')!);
      const registry = findings.find((node) => node.description === 'registry-not-premium')!;
      const revealed = presenter.findByResource(registry.resourceId!, hub.id);
      assert.equal(revealed?.label, 'Container Registry: crfoundryprod');
      assert.equal(presenter.parentOf(revealed!), dependents);
    });
  });

  describe('with more hubs than a page', () => {
    let emulator: RunningEmulator;

    before(async () => {
      emulator = await startEmulator({
        seed: generateTopology({ subscriptions: 1, hubsPerSubscription: 60, projectsPerHub: 0 }),
        lro: 'instant',
      });
    });
    after(async () => emulator?.close());

    it('shows a page of hubs and "Load more…", then the rest, reading only what is shown', async () => {
      const topology = generateTopology({ subscriptions: 1, hubsPerSubscription: 60, projectsPerHub: 0 });
      const model = new HubsTreeModel({
        access: accessTo(emulator, topology),
        selectedSubscriptions: () => [],
        connectionOptions: { ...emulatorTlsOptions(emulator), retry: { maxRetries: 0 } },
        readConcurrency: 8,
      });
      const presenter = new TreePresenter(model);
      const [subscription] = await rootNodes(presenter);
      assert.equal(subscription?.description, '60 hubs');
      const first = await presenter.children(subscription!);
      assert.equal(first.length, HUBS_PAGE_SIZE + 1);
      const more = first.at(-1)!;
      assert.deepEqual(
        [more.label, more.description, more.command?.id],
        ['Load more…', '50 of 60 hubs shown', 'foundryNetwork.loadMore'],
      );
      await idle(model);
      const read = model.resources().filter((entry) => entry.details !== undefined).length;
      assert.equal(read, HUBS_PAGE_SIZE, 'the hubs past the page are not read until shown');
      model.showMoreHubs(subscription!.id.split('/')[2]!);
      const all = await presenter.children(subscription!);
      assert.equal(all.length, 60);
      assert.ok(all.every((node) => node.context === 'hub'));
      await idle(model);
      assert.equal(model.resources().filter((entry) => entry.details !== undefined).length, 60);
    });
  });
});
