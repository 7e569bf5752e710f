import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEV_SUBSCRIPTION_ID, PROD_SUBSCRIPTION_ID, resourceGroupIdOf } from '../../src/emulator/builders/base';
import type { ExtensionServices } from '../../src/services';
import type { NodeView } from '../../src/tree/nodeView';
import { ScriptedWizardUi, type ScriptedAnswer } from '../../src/wizards/framework/scriptedUi';
import type { PickOptions } from '../../src/wizards/framework/ui';
import { QuickInputWizardUi } from '../../src/wizards/vscode/quickInputUi';
import type { EmulatorAdmin } from '../../src/emulator/adminClient';
import { testEmulatorAdmin } from './emulatorAdmin';
import { HubsTree, activateExtension } from './hubsTree';

const DEV_GROUP = resourceGroupIdOf(DEV_SUBSCRIPTION_ID, 'rg-foundry-dev');
const PROD_GROUP = resourceGroupIdOf(PROD_SUBSCRIPTION_ID, 'rg-foundry-prod');
const hubIdOf = (group: string, name: string) =>
  `${group}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
const endpointIdOf = (group: string, name: string) => `${group}/providers/Microsoft.Network/privateEndpoints/${name}`;

/** The real QuickInput, telling the test when the wizard shows a quick pick and when it was answered. */
class WatchedQuickInput extends QuickInputWizardUi {
  private shown: ((pick: { answered: Promise<unknown> }) => void)[] = [];

  /** Resolves once the wizard shows its next quick pick, with that pick's answer to come. */
  nextPick(): Promise<{ answered: Promise<unknown> }> {
    return new Promise((resolve) => this.shown.push(resolve));
  }

  override pick<T>(options: PickOptions<T>): Promise<T> {
    const answer = super.pick(options);
    this.shown.shift()?.({ answered: answer });
    return answer;
  }
}

/**
 * The wizards in the real extension host, through the real commands and tree, against the emulator's demo topology.
 * Answers come from a scripted UI injected with the feature's test hook (HubsFeature.wizards.useUi); one test drives
 * the real QuickInput.
 */
describe('wizards against the demo topology', function () {
  this.timeout(120_000);
  let services: ExtensionServices;
  let tree: HubsTree;
  let admin: EmulatorAdmin;

  before(async () => {
    services = await activateExtension();
    tree = new HubsTree(services.hubsView);
    admin = testEmulatorAdmin();
  });
  beforeEach(async () => {
    await admin.reset();
    await services.hubsView.refresh();
  });
  // A scripted UI answers every confirmation: it never outlives the test that set it.
  afterEach(async () => (await services.hubsView.hubs()).wizards.useUi(undefined));
  after(async () => {
    (await services.hubsView.hubs()).wizards.useUi(undefined);
    await admin.reset();
    await services.hubsView.refresh();
  });

  async function scripted(answers: readonly ScriptedAnswer[]): Promise<ScriptedWizardUi> {
    const ui = new ScriptedWizardUi(answers);
    (await services.hubsView.hubs()).wizards.useUi(ui);
    return ui;
  }

  /**
   * The tree redraws a hub after its re-read finishes; a getChildren while that read is in flight may still answer
   * the old state (reported to the tree's owner), so tree assertions after a write retry until the redraw.
   */
  async function eventually(check: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async function section(hub: string, label: RegExp): Promise<NodeView> {
    return tree.child(await tree.hub(hub), label);
  }

  it("Add Private Endpoint from the hub's context menu: the tree shows an approved endpoint and a private hub", async () => {
    const ui = await scripted([
      { pick: 'vnet-hub' },
      { confirm: true },
      { pick: 'snet-pe' },
      { input: 'pe-hub-public' },
      { pick: 'Azure Private DNS zones' },
      { pick: 'Disable public network access' },
      { pick: /Run these/ },
    ]);
    const result = await vscode.commands.executeCommand(
      'foundryNetwork.addPrivateEndpoint',
      await tree.hub('hub-public'),
    );
    assert.equal(result, 'succeeded', JSON.stringify(ui.messages));
    assert.equal(
      (await admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-public')))?.properties?.provisioningState,
      'Succeeded',
    );
    await eventually(async () => {
      assert.equal((await section('hub-public', /^Public access/)).label, 'Public access: Disabled');
      const endpoints = await section('hub-public', /^Private endpoints/);
      assert.equal(endpoints.label, 'Private endpoints (1)');
      assert.match((await tree.children(endpoints))[0]?.description ?? '', /^Approved · vnet-hub\/snet-pe/);
    });
  });

  it("Configure Private DNS from the finding's fix completes the incomplete hub's DNS", async () => {
    const ui = await scripted([{ pick: /Run these 3 operations/ }]);
    const findings = await tree.children(await section('hub-dns-incomplete', /^Findings/));
    const finding = findings.find((node) => node.fix?.command === 'foundryNetwork.configurePrivateDns');
    assert.ok(finding?.fix, `a DNS finding with a fix: ${findings.map((node) => node.label).join(' | ')}`);
    // The fix button of the finding's row (inline and on right-click) runs foundryNetwork.fixFinding with the node.
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.fixFinding', finding),
      'succeeded',
      JSON.stringify(ui.messages),
    );
    await eventually(async () => assert.equal((await section('hub-dns-incomplete', /^DNS$/)).description, 'complete'));
    await eventually(async () =>
      assert.match(
        (await services.hubsView.getTreeItem(await tree.hub('hub-dns-incomplete'))).description as string,
        /^Private · /,
      ),
    );
  });

  it('Verify Private Endpoint from the palette asks for the subscription and hub, then passes every check', async () => {
    const ui = await scripted([{ pick: 'Contoso AI (dev)' }, { pick: 'hub-private' }]);
    assert.equal(await vscode.commands.executeCommand('foundryNetwork.verifyPrivateEndpoint'), 'finished');
    assert.match(ui.prompts[1]?.title ?? '', /Verify Private Endpoint: Step 2 of/);
    assert.match(ui.messages[0]?.text ?? '', /all 10 checks passed/);
  });

  it('Approve a pending connection from its tree node', async () => {
    await scripted([
      { pick: 'Approve' },
      { input: 'Approved in the integration test' },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    const [connection] = await tree.children(await section('hub-pending', /^Private endpoints/));
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.approveOrRejectConnection', connection),
      'succeeded',
    );
    await eventually(async () => {
      const [after] = await tree.children(await section('hub-pending', /^Private endpoints/));
      assert.match(after?.description ?? '', /^Approved/);
    });
  });

  it('Remove Private Endpoint leaves the hub private and the zones in place', async () => {
    const ui = await scripted([{ pick: 'Remove only the endpoint' }, { pick: /Run this/ }, { confirm: true }]);
    assert.equal(
      await vscode.commands.executeCommand(
        'foundryNetwork.removePrivateEndpoint',
        endpointIdOf(DEV_GROUP, 'pe-hub-private'),
      ),
      'succeeded',
    );
    assert.match(ui.confirmations[0]?.detail ?? '', /does NOT make the hub public/);
    await eventually(async () => {
      assert.equal((await section('hub-private', /^Private endpoints/)).label, 'Private endpoints (0)');
      assert.equal((await section('hub-private', /^Public access/)).label, 'Public access: Disabled');
    });
  });

  it('Add Private Endpoints to Dependencies from the storage node: blob and file endpoints, zones and links, shown in the tree', async () => {
    const ui = await scripted([
      { pickMany: ['blob endpoint of stfoundrydev', 'file endpoint of stfoundrydev'] },
      { pick: 'vnet-hub' },
      { confirm: true },
      { pick: 'snet-pe' },
      { pick: 'Use these names' },
      { pick: 'Azure Private DNS zones' },
      { pick: 'Keep public access' },
      { pick: /Run these 8 operations/ },
    ]);
    const storage = await tree.child(await section('hub-private', /^Dependent resources/), /^Storage: stfoundrydev/);
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.addDependencyPrivateEndpoints', storage),
      'succeeded',
      JSON.stringify(ui.messages),
    );
    assert.deepEqual(ui.prompts[0]?.picked, ['blob endpoint of stfoundrydev', 'file endpoint of stfoundrydev']);
    for (const groupId of ['blob', 'file']) {
      const endpoint = endpointIdOf(DEV_GROUP, `pe-stfoundrydev-${groupId}`);
      const zone = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.${groupId}.core.windows.net`;
      assert.equal((await admin.getResource(endpoint))?.properties?.provisioningState, 'Succeeded');
      assert.equal(
        (await admin.getResource(`${zone}/virtualNetworkLinks/link-vnet-hub`))?.properties?.registrationEnabled,
        false,
      );
      assert.ok(await admin.getResource(`${zone}/A/stfoundrydev`), `an A record in privatelink.${groupId}`);
    }
    await eventually(async () => {
      const after = await tree.child(await section('hub-private', /^Dependent resources/), /^Storage: stfoundrydev/);
      assert.match(after.description ?? '', /endpoints: blob ✓ file ✓/);
    });
  });

  it('Edit IP Rules then Set Public Network Access: selected IPs, then back to all networks with the rules saved', async () => {
    await scripted([
      { pick: 'Add rules' },
      { input: ['192.168.1.1', '52.1.2.0/24 20.30.40.50'] },
      { pick: /Run this/ },
    ]);
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.editIpRules', hubIdOf(DEV_GROUP, 'hub-public')),
      'succeeded',
    );
    await eventually(async () =>
      assert.equal(
        (await section('hub-public', /^Public access/)).label,
        'Public access: Enabled (selected IPs: 2 rules)',
      ),
    );
    const access = await section('hub-public', /^Public access/);

    const ui = await scripted([
      { pick: 'Enabled from all networks' },
      { pick: 'Save the current rules' },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    assert.equal(await vscode.commands.executeCommand('foundryNetwork.setPublicNetworkAccess', access), 'succeeded');
    assert.match(ui.documents[0]?.content ?? '', /52\.1\.2\.0\/24\n20\.30\.40\.50/);
    await eventually(async () =>
      assert.equal((await section('hub-public', /^Public access/)).label, 'Public access: Enabled (all networks)'),
    );
  });

  it('a write re-reads the hub it touched, expanded or not: its line shows the new verdict, its sections keep their ids', async () => {
    const hub = await tree.hub('hub-selected-ips');
    assert.match((await services.hubsView.getTreeItem(hub)).description as string, /^Restricted \(selected IPs\) · /);
    const sectionIds = (await tree.children(hub)).map((node) => node.id);
    const ui = await scripted([
      { pick: 'Disabled' },
      { pick: 'Continue without saving' },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    // Started from the palette with the hub's id, as a finding's fix does: the tree node is not involved.
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.setPublicNetworkAccess', hub.id),
      'succeeded',
      JSON.stringify(ui.messages),
    );
    await eventually(async () =>
      assert.match((await services.hubsView.getTreeItem(hub)).description as string, /^Broken · eastus/),
    );
    assert.deepEqual(
      (await tree.children(hub)).map((node) => node.id),
      sectionIds,
    );
  });

  it('Set Public Network Access from the AI Services account node: Disabled, and the account redraws', async () => {
    const accountNode = async () =>
      tree.child(await tree.child(undefined, /^Contoso AI \(prod\)$/), /^ais-foundry-prod$/);
    const ui = await scripted([
      { pick: 'Disabled' },
      { pick: 'Continue without saving' },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.setPublicNetworkAccess', await accountNode()),
      'succeeded',
      JSON.stringify(ui.messages),
    );
    assert.match(
      ui.prompts[0]?.placeholder ?? '',
      /^ais-foundry-prod now: Enabled from selected networks \(1 IP rule\)/,
    );
    assert.equal(
      (await admin.getResource(`${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`))
        ?.properties?.publicNetworkAccess,
      'Disabled',
    );
    await eventually(async () => {
      const [access] = await tree.children(await accountNode());
      assert.equal(access?.label, 'Public access: Disabled');
      assert.match((await accountNode()).description ?? '', /^AI Services · Broken · westeurope/);
    });
  });

  it("Configure Private Storage Access from a project node grants the developers' group Storage Blob Data Reader; a second run has nothing to do", async () => {
    const developers = 'd0000000-0000-4000-8000-0000000000d1';
    const answers: ScriptedAnswer[] = [
      { pick: 'ais-foundry-prod' },
      { input: '' },
      { input: developers },
      { pick: 'Groups' },
    ];
    const project = await tree.child(await section('hub-dns-incomplete', /^Projects/), /^proj-dns-incomplete$/);
    const ui = await scripted([...answers, { pick: /Run this operation/ }]);
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.configurePrivateStorageAccess', project),
      'succeeded',
      JSON.stringify(ui.messages),
    );
    const storage = `${PROD_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundryprod`;
    const reader = ui.logLines.find((line) => line.startsWith('✓ Give group'));
    assert.match(
      reader ?? '',
      new RegExp(`Give group ${developers} the Storage Blob Data Reader role on stfoundryprod`),
    );
    const created = (await admin.requests()).filter(
      (entry) =>
        entry.method === 'PUT' &&
        entry.path.startsWith(`${storage}/providers/Microsoft.Authorization/roleAssignments/`),
    );
    assert.equal(created.length, 1, 'one role assignment written');
    const name = created[0]!.path.split('?')[0]!.split('/').pop()!;
    assert.deepEqual(
      (await admin.getResource(`${storage}/providers/Microsoft.Authorization/roleAssignments/${name}`))?.properties
        ?.principalId,
      developers,
    );

    const again = await scripted(answers);
    assert.equal(
      await vscode.commands.executeCommand('foundryNetwork.configurePrivateStorageAccess', project),
      'nothingToDo',
      JSON.stringify(again.messages),
    );
  });

  it("Export Custom DNS Records through the real QuickInput opens the hosts file with the endpoint's IP", async () => {
    const ui = new WatchedQuickInput(services.log);
    (await services.hubsView.hubs()).wizards.useUi(ui);
    try {
      const hub = await tree.hub('hub-private');
      const shown = ui.nextPick();
      const running = vscode.commands.executeCommand('foundryNetwork.exportCustomDnsRecords', hub);
      // The format picker: accept its first item (hosts file) once the wizard has shown it. Each accept is a round trip
      // to the workbench, so the loop ends as soon as the quick pick it reaches takes the answer.
      const { answered } = await shown;
      let done = false;
      void answered.then(
        () => (done = true),
        () => (done = true),
      );
      for (let attempt = 0; attempt < 50 && !done; attempt++) {
        await new Promise((resolve) => setImmediate(resolve));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      await answered;
      assert.equal(await running, 'finished');
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.match(text, /^172\.17\.1\.\d+\s+[0-9a-f-]+\.workspace\.eastus\.api\.azureml\.ms$/m);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      (await services.hubsView.hubs()).wizards.useUi(undefined);
    }
  });
});
