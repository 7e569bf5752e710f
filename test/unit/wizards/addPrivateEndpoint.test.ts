import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { addPrivateEndpointWizard } from '../../../src/wizards/flows/addPrivateEndpoint';
import { runWizard } from '../../../src/wizards/framework/wizard';
import {
  API_ZONE,
  DEV_GROUP,
  NOTEBOOKS_ZONE,
  PROD_GROUP,
  endpointIdOf,
  hubIdOf,
  startWizardHarness,
  zoneNamesOf,
  zoneIdOf,
  type WizardHarness,
} from './support';

describe('Add Private Endpoint', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness();
  });
  after(() => harness.close());
  beforeEach(() => harness.admin.reset());

  const hubPublic = hubIdOf(DEV_GROUP, 'hub-public');

  it('adds an approved endpoint with both zones registered, reusing the existing zones and links, and makes the hub private', async () => {
    const services = harness.services([
      { pick: 'vnet-hub' },
      { confirm: true }, // vnet-hub overlaps the Docker bridge
      { pick: 'snet-pe' },
      { input: ['pe hub!', 'pe-hub-public'] },
      { pick: 'Azure Private DNS zones' },
      { pick: 'Disable public network access' },
      { pick: /Run these/ },
    ]);
    const result = await runWizard(addPrivateEndpointWizard, [hubPublic], services);
    assert.equal(result, 'succeeded', JSON.stringify(services.ui.messages));
    assert.deepEqual(services.ui.unusedAnswers, []);
    assert.match(services.ui.validationMessages[0]?.message ?? '', /not " "/);
    assert.equal(services.ui.validationMessages[1]?.message, undefined);
    // The hub's VNets first, with the way to the other subscriptions' VNets last.
    assert.equal(services.ui.prompts[0]?.placeholder, 'A VNet in eastus for the endpoint of hub-public');
    assert.match(services.ui.prompts[0]?.title ?? '', /Step 1 of \d/);
    assert.deepEqual(
      services.ui.prompts[0]?.items.map((item) => item.split(' — ')[0]),
      ['vnet-hub', '$(list-tree) VNets in other subscriptions…'],
    );
    assert.equal(services.ui.prompts[1]?.placeholder, 'The subnet the endpoint gets its private IP from');

    const endpoint = await harness.admin.getProperties(endpointIdOf(DEV_GROUP, 'pe-hub-public'));
    assert.equal(endpoint?.provisioningState, 'Succeeded');
    const group = await harness.admin.getProperties(
      `${endpointIdOf(DEV_GROUP, 'pe-hub-public')}/privateDnsZoneGroups/default`,
    );
    assert.deepEqual(zoneNamesOf(group), [API_ZONE, NOTEBOOKS_ZONE]);
    const state = await services.directory.readHub(hubPublic);
    assert.equal(state.workspace.publicNetworkAccess, 'Disabled');
    assert.deepEqual(
      state.privateEndpointConnections.map((connection) => connection.status),
      ['Approved'],
    );
    const ip = state.privateEndpointConnections[0]?.privateEndpoint?.privateIpAddresses[0];
    for (const zone of [API_ZONE, NOTEBOOKS_ZONE]) {
      const status = state.dnsZones.find((candidate) => candidate.zoneName === zone);
      assert.ok(
        status?.aRecords.some((record) => record.ipAddresses.includes(ip ?? '')),
        `${zone} has a record for ${ip}`,
      );
    }
    // Existing zones and links were reused, not created again.
    assert.equal(
      (await harness.admin.getResource(`${zoneIdOf(DEV_GROUP, API_ZONE)}/virtualNetworkLinks/link-vnet-hub`)) !==
        undefined,
      true,
    );
    assert.ok(
      services.ui.messages.some((message) => /works: provisioning Succeeded/.test(message.text)),
      JSON.stringify(services.ui.messages),
    );
    assert.deepEqual(services.directory.changedHubs, [hubPublic]);
  });

  it('puts the endpoint in a spoke VNet of another subscription: endpoint, zones and links there, the hub approved here', async () => {
    const services = harness.services([
      { pick: /VNets in other subscriptions/ },
      { pick: 'vnet-prod' },
      { confirm: true }, // vnet-prod is in westeurope, the hub in eastus; its one subnet is taken without asking
      { input: 'pe-hub-public-spoke' },
      { pick: 'Azure Private DNS zones' },
      { pick: 'Disable public network access' },
      { pick: /Run these/ },
    ]);
    assert.equal(
      await runWizard(addPrivateEndpointWizard, [hubPublic], services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    assert.deepEqual(services.ui.unusedAnswers, []);
    const vnetPrompt = services.ui.prompts[1];
    assert.ok(
      vnetPrompt?.items.some((item) => item.startsWith('vnet-prod') && /Contoso AI \(prod\)/.test(item)),
      vnetPrompt?.items.join(' | '),
    );

    const endpointId = endpointIdOf(PROD_GROUP, 'pe-hub-public-spoke');
    assert.equal((await harness.admin.getProperties(endpointId))?.provisioningState, 'Succeeded');
    assert.deepEqual(zoneNamesOf(await harness.admin.getProperties(`${endpointId}/privateDnsZoneGroups/default`)), [
      API_ZONE,
      NOTEBOOKS_ZONE,
    ]);
    assert.equal(
      (await harness.admin.getProperties(`${zoneIdOf(PROD_GROUP, NOTEBOOKS_ZONE)}/virtualNetworkLinks/link-vnet-prod`))
        ?.registrationEnabled,
      false,
      'the missing prod zone was created and linked',
    );
    assert.equal(
      await harness.admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-public-spoke')),
      undefined,
      "nothing in the hub's subscription",
    );
    const state = await services.directory.readHub(hubPublic);
    assert.deepEqual(
      state.privateEndpointConnections.map((connection) => [
        connection.privateEndpointId.toLowerCase(),
        connection.status,
      ]),
      [[endpointId.toLowerCase(), 'Approved']],
    );
    assert.equal(
      state.workspace.publicNetworkAccess,
      'Disabled',
      'the hub in its own subscription was closed by the same run',
    );
  });
});
