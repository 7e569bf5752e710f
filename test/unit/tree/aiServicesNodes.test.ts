import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessAccount } from '../../../src/model/assessment';
import { assessDependency } from '../../../src/model/assessment/dependencies';
import type { DependentResource } from '../../../src/model/hubState';
import { aiServicesSections as sectionsOf } from '../../../src/tree/nodes/aiServicesNodes';

const aiServicesSections = (resource: DependentResource) => sectionsOf(resource, assessAccount(resource));
import { dependentResourceNode } from '../../../src/tree/nodes/dependentNodes';

const ACCOUNT_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ais';
const SUBNET_ID =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-a/subnets/snet-b';

function account(overrides: Partial<DependentResource> = {}): DependentResource {
  return {
    kind: 'aiServices',
    id: ACCOUNT_ID,
    name: 'ais',
    publicNetworkAccess: 'Enabled',
    networkDefaultAction: 'Allow',
    privateEndpoints: [],
    ...overrides,
  };
}

describe('AI Services account sections', () => {
  it('shows an open account as exposed, with no endpoints', () => {
    const [access, endpoints] = aiServicesSections(account());
    assert.equal(access!.label, 'Public access: Enabled (all networks)');
    assert.equal(access!.icon?.tone, 'exposed');
    assert.equal(endpoints!.label, 'Private endpoints (0)');
    assert.equal(endpoints!.expandable, false);
  });

  it('lists the IP and VNet rules of selected networks as children', () => {
    const [access] = aiServicesSections(
      account({
        networkDefaultAction: 'Deny',
        ipRules: ['20.61.0.0/16', '52.1.2.3'],
        virtualNetworkSubnetIds: [SUBNET_ID],
      }),
    );
    assert.equal(access!.label, 'Public access: Enabled (selected networks: 2 IP rules, 1 VNet rule)');
    assert.equal(access!.icon?.tone, 'warning');
    assert.deepEqual(
      access!.children?.map((child) => `${child.label}${child.description ? ` (${child.description})` : ''}`),
      ['20.61.0.0/16', '52.1.2.3', 'vnet-a/snet-b (VNet rule)'],
    );
  });

  it('says that selected networks without rules let no network in, apart from trusted Azure services', () => {
    const [access] = aiServicesSections(account({ networkDefaultAction: 'Deny', ipRules: [] }));
    assert.equal(access!.label, 'Public access: Enabled (selected networks: 0 IP rules)');
    assert.equal(access!.description, 'no rule lets a network in (trusted Azure services may still, if allowed)');
    assert.equal(access!.expandable, false);
  });

  it('shows Disabled as secure whatever the rules say, and each endpoint with its status', () => {
    const [access, endpoints] = aiServicesSections(
      account({
        publicNetworkAccess: 'Disabled',
        networkDefaultAction: 'Deny',
        privateEndpoints: [
          {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe-ais',
            groupIds: [],
            status: 'Approved',
          },
          {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe-other',
            groupIds: [],
            status: 'Pending',
          },
        ],
      }),
    );
    assert.equal(access!.label, 'Public access: Disabled');
    assert.equal(access!.icon?.tone, 'secure');
    assert.equal(endpoints!.description, '1 approved');
    assert.equal(endpoints!.icon?.tone, 'warning');
    assert.deepEqual(
      endpoints!.children?.map((child) => [child.label, child.description, child.icon?.tone]),
      [
        ['pe-ais', 'Approved', 'secure'],
        ['pe-other', 'Pending', 'warning'],
      ],
    );
  });
});

describe('dependent resource node', () => {
  it('lists the network rules in the tooltip when the default action is Deny', () => {
    const storage: DependentResource = {
      kind: 'storage',
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st',
      name: 'st',
      publicNetworkAccess: 'Enabled',
      networkDefaultAction: 'Deny',
      ipRules: ['20.1.2.0/24', '52.1.1.1'],
      virtualNetworkSubnetIds: [SUBNET_ID],
      privateEndpoints: [],
    };
    const node = dependentResourceNode('hub', assessDependency(storage));
    assert.match(node.tooltip ?? '', /IP rules: 20\.1\.2\.0\/24, 52\.1\.1\.1; 1 VNet rule/);
    assert.doesNotMatch(
      dependentResourceNode('hub', assessDependency({ ...storage, networkDefaultAction: 'Allow' })).tooltip ?? '',
      /IP rules/,
    );
    assert.match(
      dependentResourceNode('hub', assessDependency({ ...storage, ipRules: [], virtualNetworkSubnetIds: [] }))
        .tooltip ?? '',
      /No IP rules/,
    );
  });
});
