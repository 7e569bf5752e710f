import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { readHubNetworkState } from '../../../src/azure/hubDetails';
import { HubStateCache } from '../../../src/azure/hubStateCache';
import { CancelledError, ResourceNotFoundError } from '../../../src/azure/errors';
import { DEV_GROUP, PROD_GROUP, hangReached, hubIdOf, useHarness } from './support';
import { inRounds } from './roundTrips';

describe('hub details for each demo hub', () => {
  const harness = useHarness();

  /** Reads a hub whose requests must come in rounds of these sizes (roundTrips.ts: no clock involved). */
  async function readInRounds(t: TestContext, hubId: string, roundSizes: number[]) {
    const connection = harness.connect();
    const { result, rounds } = await inRounds(t, harness.admin, roundSizes, () =>
      readHubNetworkState(connection, hubId),
    );
    return { state: result, rounds };
  }

  it('hub-public: public, no endpoint, dependents read, its project listed', async (t) => {
    const { state } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-public'), [10, 4]);
    assert.equal(state.workspace.kind, 'hub');
    assert.equal(state.workspace.publicNetworkAccess, 'Enabled');
    assert.deepEqual(state.workspace.networkAcls, { defaultAction: 'Allow', ipRules: [] });
    assert.deepEqual(state.workspace.networkAclsRead, { succeeded: true });
    assert.ok(state.workspace.etag);
    assert.deepEqual(state.privateEndpointConnections, []);
    assert.deepEqual(
      state.projects.map((project) => project.name),
      ['proj-public'],
    );
    assert.ok(state.projects[0]?.principalId, 'the project identity, for the storage roles');
    const byKind = Object.fromEntries(state.dependentResources.map((resource) => [resource.kind, resource]));
    assert.equal(byKind.storage?.publicNetworkAccess, 'Enabled');
    assert.equal(byKind.keyVault?.networkDefaultAction, 'Deny');
    assert.equal(byKind.containerRegistry?.publicNetworkAccess, 'Disabled');
    assert.equal(byKind.containerRegistry?.sku, 'Premium');
    assert.equal(state.cloud.dnsCloud, 'AzureCloud');
  });

  it('hub-selected-ips: the preview read brings the IP rules', async (t) => {
    const { state } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-selected-ips'), [10, 4]);
    assert.equal(state.workspace.publicNetworkAccess, 'Enabled');
    assert.deepEqual(state.workspace.networkAcls, {
      defaultAction: 'Deny',
      ipRules: ['52.174.12.0/24', '20.42.11.5', '20.50.64.0/20'],
    });
  });

  it('hub-private: approved endpoint with IPs, zone group, both zones linked and their A records', async (t) => {
    // The hub and what its id names, in parallel; then its endpoint and dependents; then the endpoint's NIC and VNet.
    const { state, rounds } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-private'), [10, 6, 2]);
    assert.deepEqual(rounds[2]!.map((path) => path.split('/').at(-2)).sort(), ['networkInterfaces', 'virtualNetworks']);
    assert.equal(state.workspace.publicNetworkAccess, 'Disabled');
    assert.equal(state.workspace.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
    assert.deepEqual(
      state.workspace.managedNetwork?.outboundRules.map((rule) => [rule.name, rule.destination]),
      [['allow-pypi', 'pypi.org']],
    );
    assert.equal(state.privateEndpointConnections.length, 1);
    const connection = state.privateEndpointConnections[0];
    assert.equal(connection?.status, 'Approved');
    const endpoint = connection?.privateEndpoint;
    assert.ok(endpoint, 'the endpoint was read');
    assert.equal(endpoint.name, 'pe-hub-private');
    assert.match(endpoint.subnetId, /\/virtualNetworks\/vnet-hub\/subnets\/snet-pe$/);
    assert.deepEqual(endpoint.subnetAddressPrefixes, ['172.17.1.0/24']);
    assert.deepEqual(endpoint.virtualNetworkAddressPrefixes, ['172.17.0.0/16']);
    assert.equal(endpoint.privateIpAddresses.length > 0, true);
    assert.ok(endpoint.privateIpAddresses.every((ip) => ip.startsWith('172.17.1.')));
    assert.ok(endpoint.customDnsConfigs.some((config) => config.fqdn.includes(state.workspace.workspaceId)));
    assert.equal(endpoint.dnsZoneGroups.length, 1);
    assert.equal(endpoint.dnsZoneGroups[0]?.zoneConfigs.length, 2);
    assert.deepEqual(
      state.dnsZones.map((zone) => [zone.zoneName, zone.exists]),
      [
        ['privatelink.api.azureml.ms', true],
        ['privatelink.notebooks.azure.net', true],
      ],
    );
    for (const zone of state.dnsZones) {
      assert.ok(
        zone.linkedVirtualNetworkIds.some((id) => id === endpoint.virtualNetworkId),
        `${zone.zoneName} is linked to the endpoint's VNet`,
      );
    }
    const apiRecord = state.dnsZones[0]?.aRecords.find(
      (record) => record.relativeName === `${state.workspace.workspaceId}.workspace.eastus`,
    );
    assert.deepEqual(apiRecord?.ipAddresses.filter((ip) => endpoint.privateIpAddresses.includes(ip)).length, 1);
  });

  it('hub-pending: a manual connection waiting for approval', async (t) => {
    const { state } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-pending'), [10, 5, 2]);
    assert.equal(state.privateEndpointConnections[0]?.status, 'Pending');
    assert.equal(state.privateEndpointConnections[0]?.description, 'Requested by the network team');
    assert.equal(state.privateEndpointConnections[0]?.privateEndpoint?.name, 'pe-hub-pending');
  });

  it('hub-dns-incomplete: the notebooks zone is missing; storage is private behind a blob endpoint', async (t) => {
    const { state } = await readInRounds(t, hubIdOf(PROD_GROUP, 'hub-dns-incomplete'), [10, 7, 3]);
    assert.equal(state.workspace.kind, 'hub');
    assert.equal(state.workspace.location, 'westeurope');
    assert.deepEqual(
      state.dnsZones.map((zone) => [zone.zoneName, zone.exists]),
      [
        ['privatelink.api.azureml.ms', true],
        ['privatelink.notebooks.azure.net', false],
      ],
    );
    assert.equal(state.privateEndpointConnections[0]?.privateEndpoint?.dnsZoneGroups[0]?.zoneConfigs.length, 1);
    const storage = state.dependentResources.find((resource) => resource.kind === 'storage');
    assert.equal(storage?.publicNetworkAccess, 'Disabled');
    assert.deepEqual(
      storage?.privateEndpoints.map((endpoint) => [endpoint.status, endpoint.groupIds]),
      [['Approved', ['blob']]],
    );
    assert.equal(state.dependentResources.find((resource) => resource.kind === 'containerRegistry')?.sku, 'Basic');
    assert.deepEqual(
      state.projects.map((project) => project.name),
      ['proj-dns-incomplete'],
    );
  });

  it('an unreadable dependent resource carries its error instead of failing the hub', async () => {
    await harness.admin.injectFault({
      method: 'GET',
      pathPattern: 'vaults/kv-foundry-dev$',
      kind: 'status',
      status: 403,
    });
    const state = await readHubNetworkState(harness.connect(), hubIdOf(DEV_GROUP, 'hub-public'));
    const vault = state.dependentResources.find((resource) => resource.kind === 'keyVault');
    assert.match(vault?.readError ?? '', /Reader role on kv-foundry-dev/);
    assert.equal(state.dependentResources.find((resource) => resource.kind === 'storage')?.readError, undefined);
  });

  it('a deleted hub reads as gone', async () => {
    await assert.rejects(
      readHubNetworkState(harness.connect(), hubIdOf(DEV_GROUP, 'hub-nowhere')),
      ResourceNotFoundError,
    );
  });

  it('cancels while a request hangs', async () => {
    await harness.admin.injectFault({
      method: 'GET',
      pathPattern: 'privateEndpoints/pe-hub-private$',
      kind: 'hang',
      hangMs: 30_000,
    });
    const controller = new AbortController();
    const pending = readHubNetworkState(harness.connect(), hubIdOf(DEV_GROUP, 'hub-private'), {
      abortSignal: controller.signal,
    });
    await hangReached(harness.admin);
    controller.abort();
    await assert.rejects(pending, CancelledError);
  });
});

describe('hub state cache', () => {
  const harness = useHarness();

  it('serves repeated reads from the cache and re-reads after invalidating a related resource', async () => {
    const connection = harness.connect();
    let loads = 0;
    const cache = new HubStateCache((hubId, abortSignal) => {
      loads += 1;
      return readHubNetworkState(connection, hubId, { abortSignal });
    });
    const hubPrivate = hubIdOf(DEV_GROUP, 'hub-private');
    const hubPublic = hubIdOf(DEV_GROUP, 'hub-public');
    const [first, again] = await Promise.all([cache.get(hubPrivate), cache.get(hubPrivate.toUpperCase())]);
    assert.equal(first, again);
    await cache.get(hubPublic);
    assert.equal(loads, 2);

    const link = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms/virtualNetworkLinks/link-vnet-hub`;
    // Both hubs show the API zone: a change to its link drops both.
    assert.deepEqual(cache.invalidate(link).length, 2);
    const endpointOnly = `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub-private`;
    await cache.get(hubPrivate);
    await cache.get(hubPublic);
    assert.deepEqual(cache.invalidate(endpointOnly), [hubPrivate.toLowerCase()]);
    assert.equal(cache.has(hubPublic), true);
    cache.invalidateAll();
    assert.equal(cache.has(hubPublic), false);
    assert.equal(loads, 4);
  });
});
