import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listVirtualNetworks } from '../../../src/azure/virtualNetworks';
import { DEV_SUBSCRIPTION, useHarness } from './support';

describe('VNets for the pickers', () => {
  const harness = useHarness();

  it('lists VNets with subnet prefixes and private endpoint network policies', async () => {
    const vnets = await listVirtualNetworks(harness.connect(), DEV_SUBSCRIPTION);
    const hubVnet = vnets.find((vnet) => vnet.name === 'vnet-hub');
    assert.deepEqual(hubVnet?.addressPrefixes, ['172.17.0.0/16']);
    assert.deepEqual(
      hubVnet?.subnets.map((subnet) => [subnet.name, subnet.addressPrefixes, subnet.privateEndpointNetworkPolicies]),
      [
        ['snet-pe', ['172.17.1.0/24'], 'Disabled'],
        ['snet-workload', ['172.17.2.0/24'], 'Enabled'],
      ],
    );
    assert.equal(hubVnet?.resourceGroup, 'rg-foundry-dev');
  });
});
