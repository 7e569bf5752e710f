import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEV_GROUP, Harness, PROD_GROUP, WORKSPACES } from './helpers';
import { SWAGGER_FILES, SwaggerValidator } from './swaggerValidator';

const ML = 'api-version=2025-12-01';
const NET = 'api-version=2025-03-01';
const DNS = 'api-version=2024-06-01';
const HUB = `${DEV_GROUP}/${WORKSPACES}/hub-private`;
const ZONES = `${DEV_GROUP}/providers/Microsoft.Network/privateDnsZones`;
const ENDPOINTS = `${DEV_GROUP}/providers/Microsoft.Network/privateEndpoints`;
const subnet = `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`;

/** One request per covered operation, in an order that leaves each one something to act on. */
type Case = [operationId: string, method: string, path: string, body?: unknown];

const machineLearningCases = (connectionName: () => string): Case[] => [
  ['Workspaces_Get', 'GET', `${HUB}?${ML}`],
  ['Workspaces_ListByResourceGroup', 'GET', `${DEV_GROUP}/${WORKSPACES}?${ML}`],
  ['Workspaces_ListBySubscription', 'GET', `/subscriptions/00000000-0000-4000-8000-000000000001/${WORKSPACES}?${ML}`],
  [
    'Workspaces_CreateOrUpdate',
    'PUT',
    `${DEV_GROUP}/${WORKSPACES}/hub-swagger?${ML}`,
    {
      location: 'eastus',
      kind: 'Hub',
      identity: { type: 'SystemAssigned' },
      properties: { publicNetworkAccess: 'Disabled' },
    },
  ],
  [
    'Workspaces_Update',
    'PATCH',
    `${DEV_GROUP}/${WORKSPACES}/hub-swagger?${ML}`,
    { properties: { publicNetworkAccess: 'Enabled' } },
  ],
  ['Workspaces_Delete', 'DELETE', `${DEV_GROUP}/${WORKSPACES}/hub-swagger?${ML}`],
  ['PrivateEndpointConnections_List', 'GET', `${HUB}/privateEndpointConnections?${ML}`],
  ['PrivateEndpointConnections_Get', 'GET', `${HUB}/privateEndpointConnections/${connectionName()}?${ML}`],
  [
    'PrivateEndpointConnections_CreateOrUpdate',
    'PUT',
    `${HUB}/privateEndpointConnections/${connectionName()}?${ML}`,
    { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'ok' } } },
  ],
  ['PrivateLinkResources_List', 'GET', `${HUB}/privateLinkResources?${ML}`],
  ['ManagedNetworkSettingsRule_List', 'GET', `${HUB}/outboundRules?${ML}`],
  [
    'ManagedNetworkSettingsRule_CreateOrUpdate',
    'PUT',
    `${HUB}/outboundRules/allow-github?${ML}`,
    { properties: { type: 'FQDN', destination: 'github.com' } },
  ],
  ['ManagedNetworkSettingsRule_Get', 'GET', `${HUB}/outboundRules/allow-github?${ML}`],
  ['ManagedNetworkSettingsRule_Delete', 'DELETE', `${HUB}/outboundRules/allow-github?${ML}`],
  [
    'WorkspaceConnections_Create',
    'PUT',
    `${HUB}/connections/blob-swagger?${ML}`,
    { properties: { authType: 'AAD', category: 'AzureBlob', target: 'https://stfoundrydev.blob.core.windows.net/' } },
  ],
  [
    'WorkspaceConnections_Update',
    'PATCH',
    `${HUB}/connections/blob-swagger?${ML}`,
    { properties: { authType: 'AAD', category: 'AzureBlob', target: 'https://stfoundrydev.blob.core.windows.net/x' } },
  ],
  ['WorkspaceConnections_Get', 'GET', `${HUB}/connections/blob-swagger?${ML}`],
  ['WorkspaceConnections_List', 'GET', `${HUB}/connections?${ML}`],
  ['WorkspaceConnections_Delete', 'DELETE', `${HUB}/connections/blob-swagger?${ML}`],
  ['PrivateEndpointConnections_Delete', 'DELETE', `${HUB}/privateEndpointConnections/${connectionName()}?${ML}`],
];

const networkCases: Case[] = [
  ['PrivateEndpoints_Get', 'GET', `${ENDPOINTS}/pe-hub-private?${NET}`],
  ['PrivateEndpoints_List', 'GET', `${ENDPOINTS}?${NET}`],
  [
    'PrivateEndpoints_ListBySubscription',
    'GET',
    `/subscriptions/00000000-0000-4000-8000-000000000001/providers/Microsoft.Network/privateEndpoints?${NET}`,
  ],
  [
    'PrivateEndpoints_CreateOrUpdate',
    'PUT',
    `${ENDPOINTS}/pe-swagger?${NET}`,
    {
      location: 'eastus',
      properties: {
        subnet: { id: subnet },
        privateLinkServiceConnections: [
          {
            name: 'c',
            properties: { privateLinkServiceId: `${DEV_GROUP}/${WORKSPACES}/hub-public`, groupIds: ['amlworkspace'] },
          },
        ],
      },
    },
  ],
  [
    'PrivateDnsZoneGroups_CreateOrUpdate',
    'PUT',
    `${ENDPOINTS}/pe-swagger/privateDnsZoneGroups/default?${NET}`,
    {
      properties: {
        privateDnsZoneConfigs: [
          { name: 'api', properties: { privateDnsZoneId: `${ZONES}/privatelink.api.azureml.ms` } },
        ],
      },
    },
  ],
  ['PrivateDnsZoneGroups_Get', 'GET', `${ENDPOINTS}/pe-swagger/privateDnsZoneGroups/default?${NET}`],
  ['PrivateDnsZoneGroups_List', 'GET', `${ENDPOINTS}/pe-swagger/privateDnsZoneGroups?${NET}`],
  ['PrivateDnsZoneGroups_Delete', 'DELETE', `${ENDPOINTS}/pe-swagger/privateDnsZoneGroups/default?${NET}`],
  ['PrivateEndpoints_Delete', 'DELETE', `${ENDPOINTS}/pe-swagger?${NET}`],
];

const privateDnsCases: Case[] = [
  ['PrivateZones_CreateOrUpdate', 'PUT', `${ZONES}/privatelink.dfs.core.windows.net?${DNS}`, { location: 'global' }],
  ['PrivateZones_Update', 'PATCH', `${ZONES}/privatelink.dfs.core.windows.net?${DNS}`, { tags: { team: 'network' } }],
  ['PrivateZones_Get', 'GET', `${ZONES}/privatelink.api.azureml.ms?${DNS}`],
  ['PrivateZones_ListByResourceGroup', 'GET', `${ZONES}?${DNS}`],
  [
    'PrivateZones_List',
    'GET',
    `/subscriptions/00000000-0000-4000-8000-000000000001/providers/Microsoft.Network/privateDnsZones?${DNS}`,
  ],
  [
    'VirtualNetworkLinks_CreateOrUpdate',
    'PUT',
    `${ZONES}/privatelink.dfs.core.windows.net/virtualNetworkLinks/link?${DNS}`,
    {
      location: 'global',
      properties: {
        virtualNetwork: { id: `${DEV_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-hub` },
        registrationEnabled: false,
      },
    },
  ],
  [
    'VirtualNetworkLinks_Update',
    'PATCH',
    `${ZONES}/privatelink.dfs.core.windows.net/virtualNetworkLinks/link?${DNS}`,
    { properties: { registrationEnabled: false } },
  ],
  ['VirtualNetworkLinks_Get', 'GET', `${ZONES}/privatelink.api.azureml.ms/virtualNetworkLinks/link-vnet-hub?${DNS}`],
  ['VirtualNetworkLinks_List', 'GET', `${ZONES}/privatelink.api.azureml.ms/virtualNetworkLinks?${DNS}`],
  [
    'RecordSets_CreateOrUpdate',
    'PUT',
    `${ZONES}/privatelink.dfs.core.windows.net/A/host?${DNS}`,
    { properties: { ttl: 3600, aRecords: [{ ipv4Address: '172.17.1.50' }] } },
  ],
  [
    'RecordSets_Update',
    'PATCH',
    `${ZONES}/privatelink.dfs.core.windows.net/A/host?${DNS}`,
    { properties: { metadata: { owner: 'test' } } },
  ],
  ['RecordSets_Get', 'GET', `${ZONES}/privatelink.dfs.core.windows.net/A/host?${DNS}`],
  ['RecordSets_ListByType', 'GET', `${ZONES}/privatelink.api.azureml.ms/A?${DNS}`],
  ['RecordSets_List', 'GET', `${ZONES}/privatelink.api.azureml.ms/ALL?${DNS}`],
  ['RecordSets_Delete', 'DELETE', `${ZONES}/privatelink.dfs.core.windows.net/A/host?${DNS}`],
  ['VirtualNetworkLinks_Delete', 'DELETE', `${ZONES}/privatelink.dfs.core.windows.net/virtualNetworkLinks/link?${DNS}`],
  ['PrivateZones_Delete', 'DELETE', `${ZONES}/privatelink.dfs.core.windows.net?${DNS}`],
];

describe('emulator: responses conform to the Azure REST swaggers', () => {
  let harness: Harness;
  const validator = new SwaggerValidator();
  before(async () => {
    harness = await Harness.start();
  });
  after(() => {
    console.log(
      `swagger conformance: ${validator.validated.size} operations validated; external definitions checked: ${[...validator.externalDefinitions].sort().join(', ')}`,
    );
    return harness.close();
  });

  const run = async (cases: Case[]): Promise<void> => {
    for (const [operationId, method, path, body] of cases) {
      const response = await harness.arm(method, path, body);
      assert.ok(response.status < 400, `${operationId}: ${response.status} ${JSON.stringify(response.body)}`);
      validator.check(operationId, response.status, response.body, response.headers);
    }
  };

  it('Microsoft.MachineLearningServices 2025-12-01: workspaces, connections, private link, outbound rules', async () => {
    let connection = '';
    const list = await harness.arm('GET', `${HUB}/privateEndpointConnections?${ML}`);
    connection = list.body.value[0].name;
    await run(machineLearningCases(() => connection));
  });

  it('workspace networkAcls (preview) match the preview NetworkAcls definition', async () => {
    const hub = await harness.arm('GET', `${DEV_GROUP}/${WORKSPACES}/hub-selected-ips?api-version=2025-10-01-preview`);
    validator.checkDefinition(SWAGGER_FILES.networkAclsPreview, 'NetworkAcls', hub.body.properties.networkAcls);
  });

  it('Microsoft.Network 2025-03-01: private endpoints and zone groups', async () => {
    await run(networkCases);
  });

  it('Microsoft.Network private DNS 2024-06-01: zones, links, record sets', async () => {
    await run(privateDnsCases);
  });

  it('Microsoft.ResourceGraph 2024-04-01: Resources', async () => {
    const answer = await harness.arm('POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
      subscriptions: ['00000000-0000-4000-8000-000000000002'],
      query: "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, name",
      options: { $top: 1, resultFormat: 'objectArray' },
    });
    validator.check('Resources', answer.status, answer.body, answer.headers);
  });

  it('error bodies match the default responses', async () => {
    const zone = await harness.arm('GET', `${ZONES}/missing.example?${DNS}`);
    assert.equal(zone.status, 404);
    validator.check('PrivateZones_Get', 404, zone.body);
    const query = await harness.arm('POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
      query: 'resources | summarize count()',
    });
    validator.check('Resources', query.status, query.body);
    const endpoint = await harness.arm(
      'GET',
      `${PROD_GROUP}/providers/Microsoft.Network/privateEndpoints/missing?${NET}`,
    );
    validator.check('PrivateEndpoints_Get', endpoint.status, endpoint.body);
  });

  it('is not vacuous: bodies that break the schemas are rejected', () => {
    const probe = new SwaggerValidator();
    assert.throws(
      () => probe.check('Workspaces_Get', 200, { properties: { publicNetworkAccess: 'Sometimes' } }),
      /publicNetworkAccess|enum/,
    );
    assert.throws(
      () => probe.check('PrivateEndpoints_Get', 200, { properties: { customDnsConfigs: [{ fqdn: 7 }] } }),
      /fqdn|string/,
    );
    assert.throws(() => probe.check('RecordSets_Get', 200, { properties: { aRecords: 'none' } }), /aRecords|array/);
    assert.throws(() => probe.check('Resources', 200, { count: 1, data: [] }), /totalRecords/);
    assert.throws(() => probe.check('Workspaces_CreateOrUpdate', 202, undefined, {}), /missing header/);
  });

  it('checks what the swaggers take from files that were not copied, instead of accepting anything there', () => {
    const probe = new SwaggerValidator();
    // network.json SubResource and ProvisioningState, virtualNetwork.json Subnet, networkInterface.json NetworkInterface
    for (const properties of [
      { subnet: { id: 42 } },
      { provisioningState: 'Creating' },
      { networkInterfaces: [{ id: ['not', 'a', 'string'] }] },
      { privateLinkServiceConnections: [{ properties: { privateLinkServiceConnectionState: { status: 1 } } }] },
    ])
      assert.throws(() => probe.check('PrivateEndpoints_Get', 200, { properties }), JSON.stringify(properties));
    // common-types ManagedServiceIdentity and Sku
    assert.throws(() => probe.check('Workspaces_Get', 200, { identity: { type: 'Everyone' } }), /identity|enum/);
    assert.throws(() => probe.check('Workspaces_Get', 200, { sku: { tier: 'Basic' } }), /sku|name/);
    // common-types ErrorResponse
    assert.throws(() => probe.check('Workspaces_Get', 404, { error: { code: 404 } }), /code|string/);
  });

  it('covers every operation of the copied swaggers that the emulator implements', () => {
    const notImplemented = new Set([
      'Operations_List',
      'Workspaces_Diagnose',
      'Workspaces_ListKeys',
      'Workspaces_ResyncKeys',
      'Workspaces_ListNotebookAccessToken',
      'Workspaces_PrepareNotebook',
      'Workspaces_ListStorageAccountKeys',
      'Workspaces_ListNotebookKeys',
      'WorkspaceConnections_ListSecrets',
      'Workspaces_ListOutboundNetworkDependenciesEndpoints',
      'ManagedNetworkProvisions_ProvisionManagedNetwork',
      'AvailablePrivateEndpointTypes_List',
      'AvailablePrivateEndpointTypes_ListByResourceGroup',
    ]);
    const expected = Object.values(SWAGGER_FILES)
      .flatMap((file) => validator.operationIds(file))
      .filter((id) => !notImplemented.has(id));
    assert.deepEqual(
      expected.filter((id) => !validator.validated.has(id)),
      [],
    );
    assert.ok(validator.validated.size >= 47);
  });
});
