import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { addPrivateEndpointWizard } from '../../../src/wizards/flows/addPrivateEndpoint';
import { runWizard } from '../../../src/wizards/framework/wizard';
import { API_ZONE, DEV_GROUP, NOTEBOOKS_ZONE, endpointIdOf, hubIdOf, startWizardHarness, zoneNamesOf, zoneIdOf, type WizardHarness } from './support';

describe('Add Private Endpoint to Hub', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness();
  });
  after(() => harness.close());
  beforeEach(() => harness.admin.reset());

  const hubPublic = hubIdOf(DEV_GROUP, 'hub-public');

  it('adds an approved endpoint with both zones registered, reusing the existing zones and links, and makes the hub private', async () => {
    const services = harness.services([
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
    // The single VNet was answered without asking; the subnet question is the first one shown.
    assert.equal(services.ui.prompts[0]?.placeholder, 'The subnet the endpoint gets its private IP from');
    assert.match(services.ui.prompts[0]?.title ?? '', /Step 1 of \d/);

    const endpoint = await harness.admin.getProperties(endpointIdOf(DEV_GROUP, 'pe-hub-public'));
    assert.equal(endpoint?.provisioningState, 'Succeeded');
    const group = await harness.admin.getProperties(`${endpointIdOf(DEV_GROUP, 'pe-hub-public')}/privateDnsZoneGroups/default`);
    assert.deepEqual(zoneNamesOf(group), [API_ZONE, NOTEBOOKS_ZONE]);
    const state = await services.directory.readHub(hubPublic);
    assert.equal(state.workspace.publicNetworkAccess, 'Disabled');
    assert.deepEqual(state.privateEndpointConnections.map((connection) => connection.status), ['Approved']);
    const ip = state.privateEndpointConnections[0]?.privateEndpoint?.privateIpAddresses[0];
    for (const zone of [API_ZONE, NOTEBOOKS_ZONE]) {
      const status = state.dnsZones.find((candidate) => candidate.zoneName === zone);
      assert.ok(status?.aRecords.some((record) => record.ipAddresses.includes(ip ?? '')), `${zone} has a record for ${ip}`);
    }
    // Existing zones and links were reused, not created again.
    assert.equal((await harness.admin.getResource(`${zoneIdOf(DEV_GROUP, API_ZONE)}/virtualNetworkLinks/link-vnet-hub`)) !== undefined, true);
    assert.ok(services.ui.messages.some((message) => /works: provisioning Succeeded/.test(message.text)), JSON.stringify(services.ui.messages));
    assert.deepEqual(services.directory.changedHubs, [hubPublic]);
  });
});
