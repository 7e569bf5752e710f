import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PrivateDnsManagementClient } from '@azure/arm-privatedns';
import { DEV, DEV_GROUP, FAST_POLL, Harness, PROD_GROUP } from './helpers';

const ZONES = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones`;
const VERSION = 'api-version=2024-06-01';

describe('emulator: Microsoft.Network/privateDnsZones, links and record sets', () => {
  let harness: Harness;
  let dns: PrivateDnsManagementClient;
  before(async () => {
    harness = await Harness.start();
    dns = new PrivateDnsManagementClient(harness.credential, DEV, {
      ...harness.clientOptions,
      apiVersion: '2024-06-01',
    });
  });
  after(() => harness.close());

  it('holds the demo A records of hub-private in both zones', async () => {
    const hub = (
      await harness.arm(
        'GET',
        `${DEV_GROUP}/providers/Microsoft.MachineLearningServices/workspaces/hub-private?api-version=2025-12-01`,
      )
    ).body;
    const guid = hub.properties.workspaceId;
    const api = [];
    for await (const record of dns.recordSets.listByType('rg-foundry-dev', 'privatelink.api.azureml.ms', 'A'))
      api.push(`${record.name}=${record.aRecords?.[0].ipv4Address}`);
    assert.ok(api.includes(`${guid}.workspace.eastus=172.17.1.4`));
    assert.ok(api.includes(`${guid}.workspace.eastus.cert=172.17.1.4`));
    const notebooks = await dns.recordSets.get(
      'rg-foundry-dev',
      'privatelink.notebooks.azure.net',
      'A',
      `ml-hub-private-eastus-${guid}.eastus`,
    );
    assert.equal(notebooks.aRecords?.[0].ipv4Address, '172.17.1.4');
    assert.equal(notebooks.fqdn, `ml-hub-private-eastus-${guid}.eastus.privatelink.notebooks.azure.net.`);
  });

  it('creates a zone and a VNet link through the SDK poller (202 + Location + Azure-AsyncOperation)', async () => {
    const zone = await dns.privateZones.beginCreateOrUpdateAndWait(
      'rg-foundry-dev',
      'privatelink.vaultcore.azure.net',
      { location: 'global' },
      FAST_POLL,
    );
    assert.equal(zone.provisioningState, 'Succeeded');
    assert.equal(zone.numberOfRecordSets, 1, 'the SOA record');
    const link = await dns.virtualNetworkLinks.beginCreateOrUpdateAndWait(
      'rg-foundry-dev',
      'privatelink.vaultcore.azure.net',
      'link-vnet-hub',
      {
        location: 'global',
        virtualNetwork: { id: `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub` },
        registrationEnabled: false,
      },
      FAST_POLL,
    );
    assert.equal(link.virtualNetworkLinkState, 'Completed');
    assert.equal(
      (await dns.privateZones.get('rg-foundry-dev', 'privatelink.vaultcore.azure.net')).numberOfVirtualNetworkLinks,
      1,
    );
  });

  it('answers zone writes with 202 and both polling headers, also with the SDK default api-version', async () => {
    const put = await harness.arm('PUT', `${ZONES}/privatelink.queue.core.windows.net?api-version=2020-06-01`, {
      location: 'global',
    });
    assert.equal(put.status, 202);
    assert.ok(put.headers.location && put.headers['azure-asyncoperation']);
    assert.match(String(put.headers['retry-after']), /^[1-9]\d*$/);
    assert.equal((await harness.follow(String(put.headers['azure-asyncoperation']))).body.status, 'Succeeded');
    const result = await harness.follow(String(put.headers.location));
    assert.equal(result.status, 200);
    assert.equal(result.body.name, 'privatelink.queue.core.windows.net');
  });

  it('refuses to delete a zone that still has links, and deletes it once they are gone', async () => {
    const refused = await harness.arm('DELETE', `${ZONES}/privatelink.vaultcore.azure.net?${VERSION}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /virtual network links/);
    await dns.virtualNetworkLinks.beginDeleteAndWait(
      'rg-foundry-dev',
      'privatelink.vaultcore.azure.net',
      'link-vnet-hub',
      FAST_POLL,
    );
    await dns.privateZones.beginDeleteAndWait('rg-foundry-dev', 'privatelink.vaultcore.azure.net', FAST_POLL);
    assert.equal((await harness.arm('GET', `${ZONES}/privatelink.vaultcore.azure.net?${VERSION}`)).status, 404);
  });

  it('creates, updates and deletes A record sets synchronously', async () => {
    const created = await dns.recordSets.createOrUpdate('rg-foundry-dev', 'privatelink.api.azureml.ms', 'A', 'myhost', {
      ttl: 300,
      aRecords: [{ ipv4Address: '172.17.2.10' }],
    });
    assert.equal(created.ttl, 300);
    const raw = await harness.arm('PUT', `${ZONES}/privatelink.api.azureml.ms/A/myhost?${VERSION}`, {
      properties: { ttl: 60, aRecords: [{ ipv4Address: '172.17.2.11' }] },
    });
    assert.equal(raw.status, 200);
    assert.equal(
      (await dns.recordSets.get('rg-foundry-dev', 'privatelink.api.azureml.ms', 'A', 'myhost')).aRecords?.[0]
        .ipv4Address,
      '172.17.2.11',
    );
    await dns.recordSets.delete('rg-foundry-dev', 'privatelink.api.azureml.ms', 'A', 'myhost');
    assert.equal((await harness.arm('GET', `${ZONES}/privatelink.api.azureml.ms/A/myhost?${VERSION}`)).status, 404);
  });

  it('shows the prod hub DNS as incomplete: the notebooks zone does not exist', async () => {
    const zones = await harness.arm('GET', `${PROD_GROUP}/providers/Microsoft.Network/privateDnsZones?${VERSION}`);
    assert.deepEqual(zones.body.value.map((zone: { name: string }) => zone.name).sort(), [
      'privatelink.api.azureml.ms',
      'privatelink.blob.core.windows.net',
    ]);
  });

  it('links a VNet to a zone once only', async () => {
    const again = await harness.arm(
      'PUT',
      `${ZONES}/privatelink.api.azureml.ms/virtualNetworkLinks/second?${VERSION}`,
      {
        location: 'global',
        properties: { virtualNetwork: { id: `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub` } },
      },
    );
    assert.equal(again.status, 409);
  });
});
