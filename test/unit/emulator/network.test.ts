import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NetworkManagementClient } from '@azure/arm-network';
import { DEV, DEV_GROUP, FAST_POLL, Harness, PROD, PROD_GROUP, WORKSPACES } from './helpers';

const NETWORK = 'api-version=2025-03-01';
const subnetId = `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`;

describe('emulator: Microsoft.Network virtual networks, private endpoints and zone groups', () => {
  let harness: Harness;
  let network: NetworkManagementClient;
  before(async () => {
    harness = await Harness.start();
    network = new NetworkManagementClient(harness.credential, DEV, harness.clientOptions);
  });
  after(() => harness.close());

  it('serves the demo VNet on 172.17.0.0/16 with its subnets and the endpoints in them', async () => {
    const vnet = await network.virtualNetworks.get('rg-foundry-dev', 'vnet-hub');
    assert.deepEqual(vnet.addressSpace?.addressPrefixes, ['172.17.0.0/16']);
    const subnet = await network.subnets.get('rg-foundry-dev', 'vnet-hub', 'snet-pe');
    assert.equal(subnet.addressPrefix, '172.17.1.0/24');
    assert.equal(subnet.privateEndpointNetworkPolicies, 'Disabled');
    assert.equal(subnet.privateEndpoints?.length, 2);
  });

  it('creates VNets and subnets through the SDK poller, and rejects subnets outside the address space', async () => {
    const vnet = await network.virtualNetworks.beginCreateOrUpdateAndWait(
      'rg-foundry-dev',
      'vnet-sdk',
      {
        location: 'eastus',
        addressSpace: { addressPrefixes: ['10.9.0.0/16'] },
        subnets: [{ name: 'a', addressPrefix: '10.9.1.0/24' }],
      },
      FAST_POLL,
    );
    assert.equal(vnet.provisioningState, 'Succeeded');
    const subnet = await network.subnets.beginCreateOrUpdateAndWait(
      'rg-foundry-dev',
      'vnet-sdk',
      'b',
      { addressPrefix: '10.9.2.0/24', privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled' },
      FAST_POLL,
    );
    assert.equal(subnet.privateEndpointNetworkPolicies, 'NetworkSecurityGroupEnabled');
    const outside = await harness.arm(
      'PUT',
      `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-sdk/subnets/c?${NETWORK}`,
      { properties: { addressPrefix: '10.10.0.0/24' } },
    );
    assert.equal(outside.status, 400);
    assert.equal(outside.body.error.code, 'NetcfgSubnetRangeOutsideVnet');
  });

  it('answers a private endpoint PUT with 201, Azure-AsyncOperation and an integer Retry-After', async () => {
    const put = await harness.arm(
      'PUT',
      `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-raw?${NETWORK}`,
      {
        location: 'eastus',
        properties: {
          subnet: { id: subnetId },
          privateLinkServiceConnections: [
            {
              name: 'c',
              properties: {
                privateLinkServiceId: `${DEV_GROUP}/providers/Microsoft.KeyVault/vaults/kv-foundry-dev`,
                groupIds: ['vault'],
              },
            },
          ],
        },
      },
    );
    assert.equal(put.status, 201);
    assert.equal(put.body.properties.provisioningState, 'Updating');
    assert.match(String(put.headers['retry-after']), /^[1-9]\d*$/);
    const status = await harness.follow(String(put.headers['azure-asyncoperation']));
    assert.equal(status.body.status, 'Succeeded');
    const deletion = await harness.arm(
      'DELETE',
      `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-raw?${NETWORK}`,
    );
    assert.equal(deletion.status, 202);
    assert.ok(deletion.headers.location && deletion.headers['azure-asyncoperation']);
    assert.equal((await harness.follow(String(deletion.headers.location))).status, 204);
  });

  it('creates an endpoint to a hub: free IP, NIC, FQDNs with the workspace GUID, Approved connection', async () => {
    const hub = (await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-public?api-version=2025-12-01`)).body;
    const guid = hub.properties.workspaceId;
    const endpoint = await network.privateEndpoints.beginCreateOrUpdateAndWait(
      'rg-foundry-dev',
      'pe-hub-public',
      {
        location: 'eastus',
        subnet: { id: subnetId },
        privateLinkServiceConnections: [{ name: 'hub', privateLinkServiceId: hub.id, groupIds: ['amlworkspace'] }],
      },
      FAST_POLL,
    );
    assert.equal(endpoint.provisioningState, 'Succeeded');
    assert.equal(endpoint.privateLinkServiceConnections?.[0].privateLinkServiceConnectionState?.status, 'Approved');
    const fqdns = endpoint.customDnsConfigs?.map((config) => config.fqdn);
    assert.ok(fqdns?.includes(`${guid}.workspace.eastus.api.azureml.ms`));
    assert.ok(fqdns?.includes(`${guid}.workspace.eastus.cert.api.azureml.ms`));
    assert.ok(fqdns?.includes(`ml-hub-public-eastus-${guid}.eastus.notebooks.azure.net`));
    const address = endpoint.customDnsConfigs?.[0].ipAddresses?.[0];
    assert.equal(address, '172.17.1.6', 'the demo endpoints hold .4 and .5');
    const nicName = endpoint.networkInterfaces?.[0].id?.split('/').pop() ?? '';
    const nic = await network.networkInterfaces.get('rg-foundry-dev', nicName);
    assert.equal(nic.ipConfigurations?.[0].privateIPAddress, address);
    const connections = (await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-public?api-version=2025-12-01`)).body
      .properties.privateEndpointConnections;
    assert.equal(connections[0].properties.privateEndpoint.id, endpoint.id);
  });

  it('truncates the workspace name so the notebooks label stays within 63 characters', async () => {
    const longName = 'hub-with-a-really-long-name-for-testing';
    await harness.arm('PUT', `${DEV_GROUP}/${WORKSPACES}/${longName}?api-version=2025-12-01`, {
      location: 'eastus',
      kind: 'Hub',
      properties: {},
    });
    const hub = (await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/${longName}?api-version=2025-12-01`)).body;
    const endpoint = await network.privateEndpoints.beginCreateOrUpdateAndWait(
      'rg-foundry-dev',
      'pe-long',
      {
        location: 'eastus',
        subnet: { id: subnetId },
        privateLinkServiceConnections: [{ name: 'c', privateLinkServiceId: hub.id, groupIds: ['amlworkspace'] }],
      },
      FAST_POLL,
    );
    const notebook =
      endpoint.customDnsConfigs?.find((config) => config.fqdn?.endsWith('.notebooks.azure.net'))?.fqdn ?? '';
    const label = notebook.split('.')[0];
    assert.equal(label.length, 63);
    assert.equal(label, `ml-hub-with-a-reall-eastus-${hub.properties.workspaceId}`);
  });

  it('makes a manual connection Pending on the target', async () => {
    const endpoint = await network.privateEndpoints.get('rg-foundry-dev', 'pe-hub-pending');
    assert.equal(
      endpoint.manualPrivateLinkServiceConnections?.[0].privateLinkServiceConnectionState?.status,
      'Pending',
    );
    assert.equal(endpoint.privateLinkServiceConnections?.length, 0);
  });

  it('rejects a missing subnet, a missing target and a group id the target does not offer', async () => {
    const put = (properties: unknown, name = 'pe-bad') =>
      harness.arm('PUT', `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/${name}?${NETWORK}`, {
        location: 'eastus',
        properties,
      });
    const target = `${DEV_GROUP}/${WORKSPACES}/hub-public`;
    const noSubnet = await put({
      subnet: { id: `${subnetId}-nope` },
      privateLinkServiceConnections: [
        { name: 'c', properties: { privateLinkServiceId: target, groupIds: ['amlworkspace'] } },
      ],
    });
    assert.equal(noSubnet.body.error.code, 'InvalidResourceReference');
    const noTarget = await put({
      subnet: { id: subnetId },
      privateLinkServiceConnections: [
        { name: 'c', properties: { privateLinkServiceId: `${target}-nope`, groupIds: ['amlworkspace'] } },
      ],
    });
    assert.equal(noTarget.body.error.code, 'InvalidResourceReference');
    const badGroup = await put({
      subnet: { id: subnetId },
      privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: target, groupIds: ['blob'] } }],
    });
    assert.equal(badGroup.status, 400);
    assert.match(badGroup.body.error.message, /group id 'blob'/);
    for (const [resource, groupId] of [
      ['Microsoft.Storage/storageAccounts/stfoundrydev', 'file'],
      ['Microsoft.ContainerRegistry/registries/crfoundrydev', 'registry'],
    ]) {
      const good = await put(
        {
          subnet: { id: subnetId },
          privateLinkServiceConnections: [
            {
              name: 'c',
              properties: { privateLinkServiceId: `${DEV_GROUP}/providers/${resource}`, groupIds: [groupId] },
            },
          ],
        },
        `pe-${groupId}`,
      );
      assert.equal(good.status, 201, groupId);
    }
  });

  it('writes A records through a zone group, and removes them and the connection when the endpoint goes', async () => {
    const prod = new NetworkManagementClient(harness.credential, PROD, harness.clientOptions);
    const account = `${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`;
    const zone = `${PROD_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com`;
    await harness.arm('PUT', `${zone}?api-version=2024-06-01`, { location: 'global' });
    const endpoint = await prod.privateEndpoints.beginCreateOrUpdateAndWait(
      'rg-foundry-prod',
      'pe-ais',
      {
        location: 'westeurope',
        subnet: { id: `${PROD_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-pe` },
        privateLinkServiceConnections: [{ name: 'c', privateLinkServiceId: account, groupIds: ['account'] }],
      },
      FAST_POLL,
    );
    const group = await prod.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      'rg-foundry-prod',
      'pe-ais',
      'default',
      { privateDnsZoneConfigs: [{ name: 'cog', privateDnsZoneId: zone }] },
      FAST_POLL,
    );
    const address = endpoint.customDnsConfigs?.[0].ipAddresses?.[0];
    assert.deepEqual(
      group.privateDnsZoneConfigs?.[0].recordSets?.map((record) => [record.recordSetName, record.ipAddresses?.[0]]),
      [['ais-foundry-prod', address]],
    );
    const record = await harness.arm('GET', `${zone}/A/ais-foundry-prod?api-version=2024-06-01`);
    assert.equal(record.body.properties.aRecords[0].ipv4Address, address);
    await prod.privateEndpoints.beginDeleteAndWait('rg-foundry-prod', 'pe-ais', FAST_POLL);
    assert.equal((await harness.arm('GET', `${zone}/A/ais-foundry-prod?api-version=2024-06-01`)).status, 404);
    const connections = await harness.arm('GET', `${account}/privateEndpointConnections?api-version=2024-10-01`);
    assert.equal(connections.body.value.length, 0);
    assert.equal(
      await harness.admin.getResource(endpoint.networkInterfaces?.[0].id ?? ''),
      undefined,
      'the NIC goes with the endpoint',
    );
  });

  it('refuses a second zone group and a zone group pointing to a missing zone', async () => {
    const path = `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub-private/privateDnsZoneGroups`;
    const second = await harness.arm('PUT', `${path}/other?${NETWORK}`, {
      properties: {
        privateDnsZoneConfigs: [
          {
            name: 'a',
            properties: {
              privateDnsZoneId: `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`,
            },
          },
        ],
      },
    });
    assert.equal(second.status, 400);
    const missing = await harness.arm(
      'PUT',
      `${PROD_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub-dns-incomplete/privateDnsZoneGroups/default?${NETWORK}`,
      {
        properties: {
          privateDnsZoneConfigs: [
            {
              name: 'nb',
              properties: {
                privateDnsZoneId: `${PROD_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.notebooks.azure.net`,
              },
            },
          ],
        },
      },
    );
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'InvalidPrivateDnsZoneIds');
  });

  it('refuses to delete a subnet that endpoints use', async () => {
    const answer = await harness.arm('DELETE', `${subnetId}?${NETWORK}`);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'InUseSubnetCannotBeDeleted');
  });
});
