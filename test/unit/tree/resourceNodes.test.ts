import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiscoveredHub } from '../../../src/azure/discovery';
import {
  HUBS_PAGE_SIZE,
  aiServicesNode,
  hubNode,
  loadMoreNode,
  subscriptionNode,
} from '../../../src/tree/nodes/resourceNodes';
import { HUB_ID, healthyPrivateHub } from '../../builders/hubState';

const discovered: DiscoveredHub = {
  id: HUB_ID,
  name: 'hub-sales',
  kind: 'hub',
  location: 'eastus',
  resourceGroup: 'rg-ai',
  subscriptionId: '00000000-0000-0000-0000-000000000001',
  publicNetworkAccess: 'Enabled',
  networkDefaultAction: undefined,
  hubResourceId: undefined,
  workspaceId: undefined,
  projects: [],
};

describe('resource nodes', () => {
  it('describes a hub from discovery until its details are read, then from the details', () => {
    assert.equal(hubNode(discovered, undefined).description, 'Public access enabled · eastus');
    assert.equal(hubNode(discovered, undefined).icon?.tone, 'exposed');
    const detailed = hubNode(discovered, healthyPrivateHub());
    assert.equal(detailed.description, 'Private · 1 private endpoint · eastus');
    assert.equal(detailed.icon?.tone, 'secure');
  });

  it('counts hubs and AI Services accounts per subscription, and shows a listing failure', () => {
    assert.equal(
      subscriptionNode({ subscriptionId: 's', name: 'Dev', hubCount: 1, aiServicesCount: 2 }).description,
      '1 hub, 2 AI Services accounts',
    );
    assert.equal(
      subscriptionNode({ subscriptionId: 's', name: 'Dev', hubCount: 0, aiServicesCount: 0 }).description,
      '0 hubs',
    );
  });

  it('tells an AI Services account restricted to selected networks from an open one', () => {
    const account = { ...discovered, kind: 'aiServices' as const, name: 'ais', networkDefaultAction: 'Deny' };
    assert.equal(aiServicesNode(account).description, 'AI Services · selected networks · eastus');
    assert.equal(aiServicesNode({ ...account, networkDefaultAction: undefined }).icon?.tone, 'exposed');
  });

  it('describes an AI Services account as last read from ARM, since Resource Graph lags behind our writes', () => {
    const account = { ...discovered, kind: 'aiServices' as const, name: 'ais', networkDefaultAction: 'Deny' };
    const read = {
      kind: 'aiServices' as const,
      id: account.id,
      name: 'ais',
      publicNetworkAccess: 'Disabled' as const,
      networkDefaultAction: 'Deny' as const,
      privateEndpoints: [],
    };
    assert.equal(aiServicesNode(account, read).description, 'AI Services · public access disabled · eastus');
    assert.equal(
      aiServicesNode(account, { ...read, readError: 'Forbidden' }).description,
      'AI Services · selected networks · eastus',
    );
  });

  it('pages hubs with a Load more node that runs the paging command', () => {
    const node = loadMoreNode('sub-1', HUBS_PAGE_SIZE, 120);
    assert.equal(node.description, '50 of 120 hubs shown');
    assert.deepEqual(node.command?.args, ['sub-1']);
  });
});
