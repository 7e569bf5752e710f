import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { readHubNetworkState } from '../../../src/azure/hubDetails';
import { CancelledError, ResourceNotFoundError } from '../../../src/azure/errors';
import { relatedResourceIds } from '../../../src/model/armIds';
import { resourceIdsOf, type HubNetworkState } from '../../../src/model/hubState';
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
    // The hub, its connections, computes, projects and DNS zones together; then what they point at.
    const { state } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-public'), [10, 6]);
    assert.equal(state.workspace.kind, 'hub');
    assert.equal(state.workspace.publicNetworkAccess, 'Enabled');
    assert.deepEqual(state.workspace.networkAcls, { defaultAction: 'Allow', ipRules: [] });
    assert.deepEqual(state.workspace.networkAclsRead, { succeeded: true });
    assert.equal(state.workspace.etag, undefined, 'ML shows no etag (`null`, as recorded): writes re-read instead');
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
    const { state } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-selected-ips'), [10, 6]);
    assert.equal(state.workspace.publicNetworkAccess, 'Enabled');
    assert.deepEqual(state.workspace.networkAcls, {
      defaultAction: 'Deny',
      ipRules: ['52.174.12.0/24', '20.42.11.5', '20.50.64.0/20'],
    });
  });

  it('hub-private: approved endpoint with IPs, zone group, both zones linked and their A records', async (t) => {
    // The hub and what its id names, in parallel; then its endpoint and dependents; then the endpoint's NIC and VNet.
    const { state, rounds } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-private'), [10, 8, 2]);
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
    const { state } = await readInRounds(t, hubIdOf(DEV_GROUP, 'hub-pending'), [10, 6, 2]);
    assert.equal(state.privateEndpointConnections[0]?.status, 'Pending');
    assert.equal(state.privateEndpointConnections[0]?.description, 'Requested by the network team');
    assert.equal(state.privateEndpointConnections[0]?.privateEndpoint?.name, 'pe-hub-pending');
  });

  it('hub-dns-incomplete: the notebooks zone is missing; storage is private behind a blob endpoint', async (t) => {
    const { state } = await readInRounds(t, hubIdOf(PROD_GROUP, 'hub-dns-incomplete'), [10, 9, 4]);
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
    // Private storage: the roles granted on the account and on its blob endpoint were read.
    assert.equal(state.storageAccess?.roleAssignmentsReadError, undefined);
    assert.equal(state.storageAccess?.roleAssignments.length, 3);
    assert.equal(
      state.dependentResources.find((resource) => resource.kind === 'aiServices')?.principalId !== undefined,
      true,
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

  it('reads the projects discovery listed by id, in the first round, leaving out one deleted since', async (t) => {
    const hubId = hubIdOf(DEV_GROUP, 'hub-public');
    const listed = await readHubNetworkState(harness.connect(), hubId);
    const projectIds = listed.projects.map((project) => project.id);
    assert.ok(projectIds.length > 0, 'hub-public has a project');
    const deletedId = `${DEV_GROUP}/providers/Microsoft.MachineLearningServices/workspaces/proj-deleted`;
    const connection = harness.connect();
    // Round 1: the hub, its connections and computes, the DNS zones, and both projects by id (no subscription list).
    const { result: state, rounds } = await inRounds(t, harness.admin, [11, 6], () =>
      readHubNetworkState(connection, hubId, { projectIds: [...projectIds, deletedId] }),
    );
    const firstRound = rounds[0]!.map((path) => path.toLowerCase());
    for (const id of [...projectIds, deletedId]) assert.ok(firstRound.includes(id.toLowerCase()), `${id} in round 1`);
    assert.ok(
      !rounds.flat().some((path) => /\/providers\/Microsoft.MachineLearningServices\/workspaces$/i.test(path)),
      'the subscription is not listed again',
    );
    assert.deepEqual(state.projects, listed.projects);
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

describe('what a hub state depends on', () => {
  const harness = useHarness();

  it('names every resource it was read from, so a write to a link stales the hubs that show its zone and no other', async () => {
    const connection = harness.connect();
    const hubPrivate = await readHubNetworkState(connection, hubIdOf(DEV_GROUP, 'hub-private'));
    const hubPublic = await readHubNetworkState(connection, hubIdOf(DEV_GROUP, 'hub-public'));
    const stales = (state: HubNetworkState, written: string) =>
      resourceIdsOf(state).some((id) => relatedResourceIds(id, written));
    const link = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms/virtualNetworkLinks/link-vnet-hub`;
    // Both hubs read the API zone of their resource group: a change to its link stales both.
    assert.ok(stales(hubPrivate, link) && stales(hubPublic, link));
    const endpoint = `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints/pe-hub-private`;
    assert.ok(stales(hubPrivate, endpoint));
    assert.ok(!stales(hubPublic, endpoint));
  });
});
