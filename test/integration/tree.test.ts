import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../src/services';
import type { NodeView } from '../../src/tree/nodeView';
import { testEmulatorAdmin } from './emulatorAdmin';
import { HubsTree, activateExtension } from './hubsTree';

/** The hubs view as the user sees it: the real provider, against the emulator's demo topology. */
describe('hubs tree against the demo topology', function () {
  this.timeout(120_000);
  let services: ExtensionServices;
  let tree: HubsTree;
  const admin = testEmulatorAdmin();
  const times = (count: number, id: string) => Array.from({ length: count }, () => id);

  before(async () => {
    services = await activateExtension();
    tree = new HubsTree(services.hubsView);
    await services.hubsView.refresh();
  });

  async function item(node: NodeView): Promise<vscode.TreeItem> {
    return services.hubsView.getTreeItem(node);
  }

  it('lists both demo subscriptions with their hub counts', async () => {
    const subscriptions = await tree.children();
    const labels = subscriptions.map((node) => node.label);
    assert.deepEqual(labels, ['Contoso AI (dev)', 'Contoso AI (prod)']);
    assert.equal(subscriptions[0]?.description, '4 hubs');
    assert.equal(subscriptions[1]?.description, '1 hub, 1 AI Services account');
    assert.equal((await item(subscriptions[0]!)).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it('says "checking…" on a hub line and "Loading…" under it until its state is read, then the verdict', async () => {
    // Latency keeps the first reads in flight long enough to look at them.
    await admin.setLatency(400);
    try {
      await services.hubsView.refresh();
      const [dev] = await services.hubsView.getChildren();
      const node = (await services.hubsView.getChildren(dev)).find((n) => n.label === 'hub-pending')!;
      assert.match((await item(node)).description as string, /^public access disabled · checking… · eastus/);
      assert.deepEqual(
        (await services.hubsView.getChildren(node)).map((n) => n.label),
        ['Loading…'],
      );
    } finally {
      await admin.setLatency(0);
    }
    const node = await tree.hub('hub-pending');
    assert.match((await tree.children(node))[0]?.label ?? '', /^Public access/);
    assert.match((await item(node)).description as string, /^Broken · eastus/);
  });

  it('gives every demo resource its verdict on its own line, and exactly the expected findings', async () => {
    const expected: Record<string, { verdict: string; findings: string[] }> = {
      'hub-public': { verdict: 'Public', findings: ['public-network-access-enabled'] },
      'hub-selected-ips': {
        verdict: 'Restricted (selected IPs)',
        findings: ['dependency-public', 'no-private-endpoint'],
      },
      'hub-private': {
        verdict: 'Private',
        findings: [...times(4, 'dependency-endpoint-missing'), 'dependency-public', 'docker-bridge-range'],
      },
      'hub-pending': {
        verdict: 'Broken',
        findings: [
          ...times(4, 'dependency-endpoint-missing'),
          'dependency-public',
          'no-private-endpoint',
          'private-endpoint-pending',
        ],
      },
      'hub-dns-incomplete': {
        verdict: 'Broken',
        findings: [
          ...times(3, 'dependency-endpoint-missing'),
          'dependency-public',
          'dns-zone-missing',
          'registry-not-premium',
        ],
      },
      'ais-foundry-prod': { verdict: 'Restricted (selected networks)', findings: [] },
    };
    const shown: Record<string, { verdict: string; findings: string[] }> = {};
    for (const subscription of await tree.children()) {
      for (const resource of await tree.children(subscription)) {
        const description = (await item(resource)).description as string;
        const findings = (await tree.children(resource)).find((node) => node.context === 'findings')!;
        shown[resource.label] = {
          verdict: description.replace(/^AI Services · /, '').split(' · ')[0]!,
          findings: (await tree.children(findings)).map((node) => node.description ?? '').sort(),
        };
      }
    }
    assert.deepEqual(shown, expected);
  });

  it('offers only fixes whose commands are registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const subscription of await tree.children()) {
      for (const resource of await tree.children(subscription)) {
        const findings = (await tree.children(resource)).find((node) => node.context === 'findings')!;
        for (const finding of await tree.children(findings)) {
          if (finding.fix)
            assert.ok(registered.has(finding.fix.command), `${finding.description}: ${finding.fix.command}`);
          assert.equal(
            finding.command?.id,
            'foundryNetwork.revealResource',
            'a click reveals, it never starts a change',
          );
        }
      }
    }
  });

  it('shows a public hub as exposed, with a finding', async () => {
    const node = await tree.hub('hub-public');
    const sections = await tree.children(node);
    const access = await tree.child(node, /^Public access/);
    assert.equal(access.label, 'Public access: Enabled (all networks)');
    assert.equal(access.icon?.tone, 'exposed');
    assert.equal((await item(access)).contextValue, 'publicAccess');
    assert.match((await tree.child(node, /^Private endpoints/)).label, /^Private endpoints \(0\)$/);
    const findings = sections.find((n) => n.context === 'findings')!;
    assert.ok((await tree.children(findings)).some((f) => f.description === 'public-network-access-enabled'));
    // The hub's own line carries the verdict read from ARM.
    assert.match((await item(node)).description as string, /^Public · eastus/);
  });

  it('shows the selected-IPs hub with its three rules as children', async () => {
    const access = await tree.child(await tree.hub('hub-selected-ips'), /^Public access/);
    assert.equal(access.label, 'Public access: Enabled (selected IPs: 3 rules)');
    assert.deepEqual((await tree.children(access)).map((n) => n.label).sort(), [
      '20.42.11.5',
      '20.50.64.0/20',
      '52.174.12.0/24',
    ]);
  });

  it('shows the private hub with an approved endpoint, its IPs and complete DNS', async () => {
    const node = await tree.hub('hub-private');
    assert.equal((await tree.child(node, /^Public access/)).label, 'Public access: Disabled');
    const endpoints = await tree.child(node, /^Private endpoints/);
    assert.equal(endpoints.label, 'Private endpoints (1)');
    const [connection] = await tree.children(endpoints);
    assert.equal(connection?.label, 'pe-hub-private');
    assert.match(connection?.description ?? '', /^Approved · vnet-hub\/snet-pe · 172\.17\.1\.\d+/);
    assert.ok((await tree.children(connection)).length >= 2, 'the endpoint lists its DNS records');
    const dns = await tree.child(node, /^DNS$/);
    assert.equal(dns.description, 'complete');
    const zones = await tree.children(dns);
    assert.deepEqual(zones.map((z) => z.label).sort(), [
      'privatelink.api.azureml.ms',
      'privatelink.notebooks.azure.net',
    ]);
    for (const zone of zones) assert.equal(zone.icon?.tone, 'secure', `${zone.label}: ${zone.description}`);
    assert.equal((await tree.child(node, /^Outbound/)).label, 'Outbound: Allow only approved outbound');
  });

  it('shows a pending connection as a warning', async () => {
    const endpoints = await tree.child(await tree.hub('hub-pending'), /^Private endpoints/);
    const [connection] = await tree.children(endpoints);
    assert.match(connection?.description ?? '', /^Pending/);
    assert.equal((await item(connection!)).contextValue, 'privateEndpointConnection pending');
  });

  it('shows the hub whose notebooks zone is missing as incomplete DNS', async () => {
    const dns = await tree.child(await tree.hub('hub-dns-incomplete'), /^DNS$/);
    assert.equal(dns.description, 'incomplete (1 name unresolved)');
    const notebooks = await tree.child(dns, /notebooks/);
    assert.match(notebooks.description ?? '', /missing/);
    assert.equal(notebooks.icon?.tone, 'error');
  });

  it('lists the AI Services account and the hub projects', async () => {
    const [, prod] = await tree.children();
    const account = await tree.child(prod, /^ais-foundry-prod$/);
    assert.equal(account.description, 'AI Services · Restricted (selected networks) · westeurope');
    const [access, endpoints, findings] = await tree.children(account);
    assert.equal(findings?.label, 'Findings (0)');
    assert.equal(access!.label, 'Public access: Enabled (selected networks: 1 IP rule)');
    assert.deepEqual(
      (await tree.children(access)).map((n) => n.label),
      ['20.61.0.0/16'],
    );
    assert.equal(endpoints!.label, 'Private endpoints (0)');
    const projects = await tree.child(await tree.hub('hub-private'), /^Projects/);
    assert.deepEqual(
      (await tree.children(projects)).map((n) => n.label),
      ['proj-private'],
    );
  });

  it('copies a resource id and an az command for a hub', async () => {
    const node = await tree.hub('hub-public');
    await vscode.commands.executeCommand('foundryNetwork.copyResourceId', node);
    assert.equal(await vscode.env.clipboard.readText(), node.resourceId);
    await vscode.commands.executeCommand('foundryNetwork.copyAzCommand', node);
    assert.match(
      await vscode.env.clipboard.readText(),
      /^az resource show --ids=\/subscriptions\/.+\/workspaces\/hub-public --api-version=/,
    );
  });

  it("opens a hub's ARM JSON read-only through View Properties", async () => {
    const node = await tree.hub('hub-private');
    // Through the feature itself, so a failure shows its error rather than a notification.
    const document = await (await services.hubsView.hubs()).actions.viewProperties(node);
    const json = JSON.parse(document.getText()) as { name: string; properties: { publicNetworkAccess: string } };
    assert.equal(json.name, 'hub-private');
    assert.equal(json.properties.publicNetworkAccess, 'Disabled');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
