/**
 * Set Public Network Access… and Edit IP Rules… on the AI Services (Foundry) account ais-foundry-prod (selected
 * networks, 20.61.0.0/16), given a VNet rule first: each mode's final state in the emulator, the VNet rule kept by
 * every change, and a change made meanwhile stopping the run.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sendArm } from '../../../src/azure/armRequest';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { startWizard } from '../../../src/wizards/catalog';
import { ScriptedWizardUi, type ScriptedAnswer } from '../../../src/wizards/framework/scriptedUi';
import type { ProgressReporter } from '../../../src/wizards/framework/ui';
import { PROD_GROUP, RecordingRunStore, startWizardHarness, type WizardHarness } from './support';

const ACCOUNT_ID = `${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`;
const SUBNET_ID = `${PROD_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-app`;
const VNET_RULE = { id: SUBNET_ID, ignoreMissingVnetServiceEndpoint: true };
/** The account's node in the tree, as the command receives it. */
const ACCOUNT_NODE = { id: ACCOUNT_ID, context: 'aiServices', resourceId: ACCOUNT_ID };

interface StoredAcls {
  defaultAction: string;
  ipRules: { value: string }[];
  virtualNetworkRules: unknown[];
}

describe('the access wizards on an AI Services account', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness();
  });
  after(() => harness.close());
  beforeEach(async () => {
    await harness.admin.reset();
    await patchAccount({
      networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.61.0.0/16' }], virtualNetworkRules: [VNET_RULE] },
    });
  });

  function patchAccount(properties: Record<string, unknown>) {
    return sendArm(harness.connection.arm, {
      method: 'PATCH',
      path: ACCOUNT_ID,
      apiVersion: API_VERSIONS.cognitiveServices,
      body: { properties },
    });
  }

  async function stored(): Promise<{ publicNetworkAccess: string; networkAcls: StoredAcls }> {
    return (await harness.admin.getProperties(ACCOUNT_ID)) as { publicNetworkAccess: string; networkAcls: StoredAcls };
  }

  const ruleValues = (acls: StoredAcls) => acls.ipRules.map((rule) => rule.value);

  it('Disabled from the account node: marks the current mode, offers to save the rules, keeps the VNet rule', async () => {
    const runs = new RecordingRunStore();
    const services = harness.services(
      [
        { pick: 'Disabled' },
        { pick: 'Save the current rules' },
        { pick: 'Show the ARM operations' },
        { pick: /Run this/ },
        { confirm: true },
      ],
      runs,
    );
    assert.equal(
      await startWizard('setPublicNetworkAccess', [ACCOUNT_NODE], services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    assert.match(
      services.ui.prompts[0]?.placeholder ?? '',
      /^ais-foundry-prod now: Enabled from selected networks \(1 IP rule, 1 VNet rule\) · its 1 VNet rule stays as it is$/,
    );
    assert.match(services.ui.prompts[0]?.items.join('|') ?? '', /Enabled from selected networks — \(current\)/);
    assert.match(services.ui.documents[0]?.content ?? '', /^# IP rules of ais-foundry-prod[^\n]*\n20\.61\.0\.0\/16\n$/);
    assert.match(
      services.ui.documents[1]?.content ?? '',
      /VNet rules of ais-foundry-prod \(kept as they are\):\n {2}vnet-prod\/snet-app/,
    );
    assert.equal(runs.seen[0]?.plan.steps[0]?.operation.apiVersion, '2024-10-01');
    const after = await stored();
    assert.equal(after.publicNetworkAccess, 'Disabled');
    assert.deepEqual(ruleValues(after.networkAcls), []);
    assert.deepEqual(after.networkAcls.virtualNetworkRules, [VNET_RULE]);
    assert.deepEqual(services.directory.changedHubs, [ACCOUNT_ID], 'the tree is told to redraw the account');
  });

  it('Selected networks from the palette: the account is listed with the hubs, rules are checked with its limits', async () => {
    await patchAccount({ publicNetworkAccess: 'Disabled' });
    const services = harness.services([
      { pick: 'Contoso AI (prod)' },
      { pick: 'ais-foundry-prod' },
      { pick: 'Enabled from selected networks' },
      { input: ['52.1.2.3/32', '52.1.2.2/31', '52.1.2.3 52.1.2.3', '52.1.2.3, 20.61.0.0/16'] },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    assert.equal(
      await startWizard('setPublicNetworkAccess', [], services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    const targets = services.ui.prompts[1]?.items.join('|') ?? '';
    assert.match(targets, /hub-dns-incomplete — hub · rg-foundry-prod/);
    assert.match(targets, /ais-foundry-prod — AI Services account · rg-foundry-prod · westeurope/);
    const messages = services.ui.validationMessages.map((entry) => entry.message ?? 'ok');
    assert.match(messages[0]!, /does not accept \/32 prefixes\. Write 52\.1\.2\.3 instead/);
    assert.match(messages[1]!, /Write 52\.1\.2\.2 and 52\.1\.2\.3 instead/);
    assert.match(messages[2]!, /listed twice/);
    assert.equal(messages[3], 'ok');
    assert.match(services.ui.confirmations[0]?.detail ?? '', /The listed public IPs can reach ais-foundry-prod/);
    const after = await stored();
    assert.equal(after.publicNetworkAccess, 'Enabled');
    assert.equal(after.networkAcls.defaultAction, 'Deny');
    assert.deepEqual(ruleValues(after.networkAcls), ['52.1.2.3', '20.61.0.0/16']);
    assert.deepEqual(after.networkAcls.virtualNetworkRules, [VNET_RULE]);
  });

  it('All networks asks before exposing and turns the default action to Allow, the VNet rule kept', async () => {
    const services = harness.services([
      { pick: 'Enabled from all networks' },
      { pick: 'Continue without saving' },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    assert.equal(await startWizard('setPublicNetworkAccess', [ACCOUNT_ID], services), 'succeeded');
    assert.equal(services.ui.confirmations.length, 1);
    assert.match(services.ui.confirmations[0]?.detail ?? '', /Anyone on the internet can reach ais-foundry-prod again/);
    const after = await stored();
    assert.equal(after.publicNetworkAccess, 'Enabled');
    assert.equal(after.networkAcls.defaultAction, 'Allow');
    assert.deepEqual(ruleValues(after.networkAcls), []);
    assert.deepEqual(after.networkAcls.virtualNetworkRules, [VNET_RULE]);
  });

  it('Edit IP Rules adds and removes rules and keeps the VNet rule; the last IP rule may go since the VNet rule remains', async () => {
    const add = harness.services([{ pick: 'Add rules' }, { input: '40.1.1.1' }, { pick: /Run this/ }]);
    assert.equal(await startWizard('editIpRules', [ACCOUNT_NODE], add), 'succeeded', JSON.stringify(add.ui.messages));
    assert.match(
      add.ui.prompts[0]?.placeholder ?? '',
      /^ais-foundry-prod: 1 IP rule\(s\) · its 1 VNet rule stays as it is\.$/,
    );
    assert.deepEqual(ruleValues((await stored()).networkAcls), ['20.61.0.0/16', '40.1.1.1']);

    const remove = harness.services([
      { pick: 'Remove rules' },
      { pickMany: ['20.61.0.0/16', '40.1.1.1'] },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    assert.equal(
      await startWizard('editIpRules', [ACCOUNT_ID], remove),
      'succeeded',
      JSON.stringify(remove.ui.messages),
    );
    const after = await stored();
    assert.equal(after.networkAcls.defaultAction, 'Deny');
    assert.deepEqual(ruleValues(after.networkAcls), []);
    assert.deepEqual(after.networkAcls.virtualNetworkRules, [VNET_RULE]);
  });

  it('stops when the account changed between the read and the write, and overwrites nothing', async () => {
    const answers: ScriptedAnswer[] = [{ pick: 'Add rules' }, { input: '40.1.1.1' }, { pick: /Run this/ }];
    const ui = new (class extends ScriptedWizardUi {
      override async progress<T>(
        title: string,
        task: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>,
      ): Promise<T> {
        // Someone else adds a VNet rule after the wizard read the account: writing our networkAcls would drop it.
        await patchAccount({
          networkAcls: {
            defaultAction: 'Deny',
            ipRules: [{ value: '20.61.0.0/16' }],
            virtualNetworkRules: [VNET_RULE, { id: `${SUBNET_ID}-2` }],
          },
        });
        return super.progress(title, task);
      }
    })(answers);
    const services = { ...harness.services([]), ui };
    assert.equal(await startWizard('editIpRules', [ACCOUNT_ID], services), 'failed');
    assert.match(
      ui.messages[0]?.text ?? '',
      /ais-foundry-prod was changed by someone else since you started \(properties\.networkAcls\.virtualNetworkRules\)\. Nothing was written/,
    );
    const after = await stored();
    assert.deepEqual(ruleValues(after.networkAcls), ['20.61.0.0/16']);
    assert.equal(after.networkAcls.virtualNetworkRules.length, 2);
  });

  it('the emulator refuses /32 and more than 100 rules on an account, as the service does', async () => {
    await assert.rejects(
      patchAccount({ networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.2.3/32' }] } }),
      /52\.1\.2\.3\/32.*\/32 prefix/,
    );
    const many = Array.from({ length: 101 }, (_, index) => ({ value: `20.${index}.0.0/16` }));
    await assert.rejects(
      patchAccount({ networkAcls: { defaultAction: 'Deny', ipRules: many } }),
      /101 rules; at most 100/,
    );
    assert.deepEqual((await stored()).networkAcls.virtualNetworkRules, [VNET_RULE], 'nothing was written');
  });
});
