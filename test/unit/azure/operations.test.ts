import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createPrivateEndpoint,
  deletePrivateEndpoint,
  deleteWorkspaceConnection,
  ensurePrivateDnsZone,
  ensureVirtualNetworkLink,
  listVirtualNetworks,
  setWorkspaceConnectionStatus,
  upsertDnsZoneGroup,
} from '../../../src/azure/operations';
import { readHubNetworkState } from '../../../src/azure/hubDetails';
import { zoneIdOf } from '../../../src/azure/privateDnsRead';
import { DEV_GROUP, DEV_SUBSCRIPTION, PROD_GROUP, PROD_SUBSCRIPTION, hubIdOf, useHarness } from './support';

const SUBNET_PE = `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`;
const VNET_PROD = `${PROD_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-prod`;
const endpointIdOf = (group: string, name: string) => `${group}/providers/Microsoft.Network/privateEndpoints/${name}`;

describe('network write operations, checked in the emulator state', () => {
  const harness = useHarness();

  const newEndpoint = (name: string, hub: string, manualApproval = false) =>
    createPrivateEndpoint(harness.connect(), {
      subscriptionId: DEV_SUBSCRIPTION,
      resourceGroup: 'rg-foundry-dev',
      name,
      location: 'eastus',
      subnetId: SUBNET_PE,
      targetResourceId: hubIdOf(DEV_GROUP, hub),
      groupIds: ['amlworkspace'],
      manualApproval,
      requestMessage: 'For the data team',
    });

  it('creates an automatically approved workspace endpoint, then deletes it', async () => {
    const created = await newEndpoint('pe-hub-public', 'hub-public');
    assert.equal(created.provisioningState, 'Succeeded');
    assert.ok((created.customDnsConfigs ?? []).length > 0, 'the service filled customDnsConfigs');
    const stored = await harness.admin.getProperties(endpointIdOf(DEV_GROUP, 'pe-hub-public'));
    assert.equal(stored?.privateLinkServiceConnections[0].properties.groupIds[0], 'amlworkspace');
    const state = await readHubNetworkState(harness.connect(), hubIdOf(DEV_GROUP, 'hub-public'));
    assert.deepEqual(state.privateEndpointConnections.map((connection) => connection.status), ['Approved']);

    await deletePrivateEndpoint(harness.connect(), endpointIdOf(DEV_GROUP, 'pe-hub-public'));
    assert.equal(await harness.admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-public')), undefined);
  });

  it('creates a manual endpoint that waits; approving and rejecting change the connection on the hub', async () => {
    await newEndpoint('pe-manual-a', 'hub-selected-ips', true);
    await newEndpoint('pe-manual-b', 'hub-selected-ips', true);
    const hubId = hubIdOf(DEV_GROUP, 'hub-selected-ips');
    const pending = (await readHubNetworkState(harness.connect(), hubId)).privateEndpointConnections;
    assert.deepEqual(pending.map((connection) => connection.status), ['Pending', 'Pending']);
    assert.equal(pending[0]?.description, 'For the data team');
    const byEndpoint = (name: string) => pending.find((connection) => connection.privateEndpointId.endsWith(`/${name}`));

    await setWorkspaceConnectionStatus(harness.connect(), { connectionId: byEndpoint('pe-manual-a')?.id ?? '', status: 'Approved' });
    await setWorkspaceConnectionStatus(harness.connect(), { connectionId: byEndpoint('pe-manual-b')?.id ?? '', status: 'Rejected', description: 'Not this VNet' });
    const stored = await harness.admin.getProperties(byEndpoint('pe-manual-a')?.id ?? '');
    assert.equal(stored?.privateLinkServiceConnectionState.status, 'Approved');
    const after = (await readHubNetworkState(harness.connect(), hubId)).privateEndpointConnections;
    assert.deepEqual(after.map((connection) => [connection.privateEndpointId.split('/').pop(), connection.status]).sort(), [['pe-manual-a', 'Approved'], ['pe-manual-b', 'Rejected']]);

    await deleteWorkspaceConnection(harness.connect(), byEndpoint('pe-manual-b')?.id ?? '');
    assert.equal(await harness.admin.getResource(byEndpoint('pe-manual-b')?.id ?? ''), undefined);
  });

  it('reuses an existing zone untouched (If-None-Match: *) and creates a missing one', async () => {
    const api = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'rg-foundry-prod', zoneName: 'privatelink.api.azureml.ms' };
    const before = await readHubNetworkState(harness.connect(), hubIdOf(PROD_GROUP, 'hub-dns-incomplete'));
    const reused = await ensurePrivateDnsZone(harness.connect(), api);
    assert.equal(reused.created, false);
    const after = await readHubNetworkState(harness.connect(), hubIdOf(PROD_GROUP, 'hub-dns-incomplete'));
    assert.deepEqual(after.dnsZones[0]?.aRecords, before.dnsZones[0]?.aRecords);
    assert.ok((after.dnsZones[0]?.aRecords.length ?? 0) > 0, 'the records are still there');

    const notebooks = { ...api, zoneName: 'privatelink.notebooks.azure.net' };
    const created = await ensurePrivateDnsZone(harness.connect(), notebooks);
    assert.equal(created.created, true);
    assert.equal((await harness.admin.getResource(zoneIdOf(notebooks)))?.location, 'global');
  });

  it('links a zone to a VNet without registration, and reuses a link of the same name', async () => {
    const zone = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'rg-foundry-prod', zoneName: 'privatelink.notebooks.azure.net' };
    await ensurePrivateDnsZone(harness.connect(), zone);
    const link = await ensureVirtualNetworkLink(harness.connect(), { zoneId: zoneIdOf(zone), linkName: 'link-vnet-prod', virtualNetworkId: VNET_PROD });
    assert.equal(link.created, true);
    const stored = await harness.admin.getProperties(`${zoneIdOf(zone)}/virtualNetworkLinks/link-vnet-prod`);
    assert.equal(stored?.registrationEnabled, false);
    assert.equal(stored?.virtualNetwork.id.toLowerCase(), VNET_PROD.toLowerCase());
    const again = await ensureVirtualNetworkLink(harness.connect(), { zoneId: zoneIdOf(zone), linkName: 'link-vnet-prod', virtualNetworkId: VNET_PROD });
    assert.equal(again.created, false);
  });

  it('completes DNS for hub-dns-incomplete: zone, link, and a zone group with both zones', async () => {
    const hubId = hubIdOf(PROD_GROUP, 'hub-dns-incomplete');
    const notebooks = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'rg-foundry-prod', zoneName: 'privatelink.notebooks.azure.net' };
    await ensurePrivateDnsZone(harness.connect(), notebooks);
    await ensureVirtualNetworkLink(harness.connect(), { zoneId: zoneIdOf(notebooks), linkName: 'link-vnet-prod', virtualNetworkId: VNET_PROD });
    const apiZoneId = zoneIdOf({ ...notebooks, zoneName: 'privatelink.api.azureml.ms' });
    const group = await upsertDnsZoneGroup(harness.connect(), { endpointId: endpointIdOf(PROD_GROUP, 'pe-hub-dns-incomplete'), zoneIds: [apiZoneId, zoneIdOf(notebooks)] });
    assert.equal(group.privateDnsZoneConfigs?.length, 2);
    const state = await readHubNetworkState(harness.connect(), hubId);
    assert.deepEqual(state.dnsZones.map((zone) => zone.exists), [true, true]);
    assert.ok(state.dnsZones[1]?.linkedVirtualNetworkIds.some((id) => id.toLowerCase() === VNET_PROD.toLowerCase()));
    assert.ok((state.dnsZones[1]?.aRecords.length ?? 0) > 0, 'the zone group wrote the notebooks A record');
    assert.deepEqual(state.privateEndpointConnections[0]?.privateEndpoint?.dnsZoneGroups[0]?.zoneConfigs.map((config) => config.name), ['privatelink-api-azureml-ms', 'privatelink-notebooks-azure-net']);
  });

  it('lists VNets with subnet prefixes and private endpoint network policies', async () => {
    const vnets = await listVirtualNetworks(harness.connect(), DEV_SUBSCRIPTION);
    const hubVnet = vnets.find((vnet) => vnet.name === 'vnet-hub');
    assert.deepEqual(hubVnet?.addressPrefixes, ['172.17.0.0/16']);
    assert.deepEqual(hubVnet?.subnets.map((subnet) => [subnet.name, subnet.addressPrefixes, subnet.privateEndpointNetworkPolicies]), [
      ['snet-pe', ['172.17.1.0/24'], 'Disabled'],
      ['snet-workload', ['172.17.2.0/24'], 'Enabled'],
    ]);
    assert.equal(hubVnet?.resourceGroup, 'rg-foundry-dev');
  });
});
