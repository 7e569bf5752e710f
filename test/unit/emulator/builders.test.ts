import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BUILT_IN_ROLES,
  DEV_SUBSCRIPTION_ID,
  PROD_SUBSCRIPTION_ID,
  aDnsZoneGroup,
  aHub,
  aKeyVault,
  aPrivateDnsZone,
  aPrivateEndpoint,
  aProject,
  aRoleAssignment,
  aVirtualNetwork,
} from '../../../src/emulator/builders';

describe('builders: typed ARM resources', () => {
  it('builds a hub with its placement, access and stable GUIDs', () => {
    const hub = aHub('hub-a')
      .inSubscription(PROD_SUBSCRIPTION_ID)
      .inResourceGroup('rg-x')
      .inRegion('westeurope')
      .withPublicAccess('Disabled');
    const json = hub.build();
    assert.equal(
      json.id,
      `/subscriptions/${PROD_SUBSCRIPTION_ID}/resourceGroups/rg-x/providers/Microsoft.MachineLearningServices/workspaces/hub-a`,
    );
    assert.equal(json.kind, 'Hub');
    assert.equal(json.location, 'westeurope');
    assert.equal(json.properties?.publicNetworkAccess, 'Disabled');
    assert.equal(json.properties?.workspaceId, aHub('hub-a').workspaceGuid, 'the same name gives the same GUID');
    assert.notEqual(aHub('hub-b').workspaceGuid, hub.workspaceGuid);
  });

  it('builds selected IPs as Enabled + networkAcls Deny, and projects under their hub', () => {
    const hub = aHub('hub-ips').withSelectedIps('52.1.2.0/24', '20.1.1.1');
    assert.deepEqual(hub.build().properties?.networkAcls, {
      defaultAction: 'Deny',
      ipRules: [{ value: '52.1.2.0/24' }, { value: '20.1.1.1' }],
    });
    const project = aProject('proj').underHub(hub).build();
    assert.equal(project.kind, 'Project');
    assert.equal(project.properties?.hubResourceId, hub.id);
    assert.ok(project.id.startsWith(`/subscriptions/${DEV_SUBSCRIPTION_ID}/resourceGroups/rg-foundry-dev/`));
  });

  it('builds endpoints (automatic or manual), zone groups, VNets and role assignments', () => {
    const vnet = aVirtualNetwork('vnet').withAddressSpace('172.17.0.0/16').withSubnet('pe', '172.17.1.0/24');
    const endpoint = aPrivateEndpoint('pe-1').inSubnet(vnet.subnetId('pe')).connectingTo('/x/hub', 'amlworkspace');
    assert.equal((endpoint.build().properties?.privateLinkServiceConnections as unknown[]).length, 1);
    const manual = aPrivateEndpoint('pe-2')
      .inSubnet(vnet.subnetId('pe'))
      .connectingTo('/x/hub', 'amlworkspace')
      .manual()
      .build();
    assert.equal((manual.properties?.manualPrivateLinkServiceConnections as unknown[]).length, 1);
    const zone = aPrivateDnsZone('privatelink.api.azureml.ms');
    assert.equal(zone.build().location, 'global');
    assert.equal(aDnsZoneGroup(endpoint).withZone(zone.id).id, `${endpoint.id}/privateDnsZoneGroups/default`);
    const assignment = aRoleAssignment(aKeyVault('kv').id).ofRole(BUILT_IN_ROLES.reader).toPrincipal('p');
    assert.match(assignment.name, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(String(assignment.build().properties?.roleDefinitionId).endsWith(BUILT_IN_ROLES.reader));
  });
});
