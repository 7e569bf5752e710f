import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  InvalidResourceIdError,
  buildResourceId,
  childResourceId,
  isResourceType,
  parentResourceId,
  parseResourceId,
  resourceGroupId,
  resourceNameOf,
  resourceTypeOf,
  sameResourceId,
  tryParseResourceId,
  virtualNetworkIdOfSubnet,
} from '../../../src/model/armIds';

const SUBNET = '/subscriptions/s1/resourcegroups/rg-net/providers/microsoft.network/virtualNetworks/vnet/subnets/snet';

describe('armIds', () => {
  it('parses subscription, group, provider and the child chain, whatever the case of the keywords', () => {
    const parsed = parseResourceId(SUBNET);
    assert.equal(parsed.subscriptionId, 's1');
    assert.equal(parsed.resourceGroup, 'rg-net');
    assert.equal(parsed.provider, 'microsoft.network');
    assert.deepEqual(parsed.resources, [
      { type: 'virtualNetworks', name: 'vnet' },
      { type: 'subnets', name: 'snet' },
    ]);
    assert.equal(resourceTypeOf(parsed), 'microsoft.network/virtualNetworks/subnets');
  });

  it('parses subscription and resource group ids', () => {
    assert.deepEqual(parseResourceId('/subscriptions/s1/'), {
      subscriptionId: 's1',
      resourceGroup: undefined,
      provider: undefined,
      resources: [],
    });
    assert.equal(parseResourceId('subscriptions/s1/resourceGroups/rg').resourceGroup, 'rg');
    assert.equal(resourceGroupId('s1', 'rg'), '/subscriptions/s1/resourceGroups/rg');
  });

  it('rejects what is not an id, saying why', () => {
    assert.throws(() => parseResourceId('/tenants/x'), InvalidResourceIdError);
    assert.throws(
      () => parseResourceId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints'),
      /needs a name/,
    );
    assert.throws(() => parseResourceId('/subscriptions/s1/resourceGroups//providers/x/y/z'), /empty segment/);
    assert.throws(() => parseResourceId('/subscriptions/s1/resourceGroups/rg/things/x'), /providers/);
    assert.equal(tryParseResourceId('nope'), undefined);
  });

  it('builds canonical ids and children', () => {
    const endpoint = buildResourceId('s1', 'rg', 'Microsoft.Network', { type: 'privateEndpoints', name: 'pe' });
    assert.equal(endpoint, '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe');
    const group = childResourceId(endpoint, 'privateDnsZoneGroups', 'default');
    assert.equal(group, `${endpoint}/privateDnsZoneGroups/default`);
    assert.equal(parentResourceId(group), endpoint);
    assert.equal(parentResourceId(endpoint), undefined);
    assert.equal(resourceNameOf(group), 'default');
  });

  it('compares ids and types case-insensitively', () => {
    assert.ok(sameResourceId(SUBNET, SUBNET.toUpperCase().replace('/SUBSCRIPTIONS/S1', '/subscriptions/S1') + '/'));
    assert.ok(!sameResourceId(SUBNET, undefined));
    assert.ok(!sameResourceId(SUBNET, SUBNET.replace('snet', 'snet2')));
    assert.ok(isResourceType(SUBNET, 'Microsoft.Network/virtualNetworks/subnets'));
    assert.ok(!isResourceType(SUBNET, 'Microsoft.Network/virtualNetworks'));
    assert.ok(!isResourceType('garbage', 'Microsoft.Network/virtualNetworks'));
  });

  it('finds the virtual network of a subnet', () => {
    assert.equal(
      virtualNetworkIdOfSubnet(SUBNET),
      '/subscriptions/s1/resourceGroups/rg-net/providers/microsoft.network/virtualNetworks/vnet',
    );
    assert.throws(
      () =>
        virtualNetworkIdOfSubnet(
          '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet',
        ),
      /not a subnet/,
    );
  });
});
