import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HUBS_PAGE_SIZE } from '../../../src/tree/model';
import { aiServicesNode, hubNode, loadMoreNode, subscriptionNode } from '../../../src/tree/nodes/resourceNodes';
import { approvedConnection, healthyPrivateHub } from '../../builders/hubState';
import {
  discoveredAccount,
  discoveredHub,
  readAccountEntry,
  readHubEntry,
  unreadEntry,
} from '../../builders/treeEntries';

describe('resource lines', () => {
  it('says what discovery knows and "checking…" until the details are read: never a verdict', () => {
    const disabled = hubNode(discoveredHub({ publicNetworkAccess: 'Disabled' }), undefined);
    assert.equal(disabled.description, 'public access disabled · checking… · eastus');
    assert.equal(disabled.icon?.codicon, 'loading~spin');
    const selected = discoveredHub({ publicNetworkAccess: 'Enabled', networkDefaultAction: 'Deny' });
    assert.equal(hubNode(selected, unreadEntry(selected)).description, 'selected networks only · checking… · eastus');
    assert.equal(
      hubNode(discoveredHub({ publicNetworkAccess: 'Enabled' }), undefined).description,
      'public access enabled · checking… · eastus',
    );
  });

  it('shows the verdict once read, with a badge of the worst findings', () => {
    const healthy = hubNode(discoveredHub(), readHubEntry(healthyPrivateHub()));
    assert.equal(healthy.description, 'Private · eastus');
    assert.deepEqual([healthy.icon?.codicon, healthy.icon?.tone], ['lock', 'secure']);
    assert.equal(healthy.badge, undefined);
    const nobody = hubNode(
      discoveredHub(),
      readHubEntry(healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), status: 'Pending' }] })),
    );
    assert.equal(nobody.description, 'Broken · eastus');
    assert.deepEqual([nobody.icon?.codicon, nobody.icon?.tone], ['error', 'error']);
    assert.deepEqual(nobody.badge, { severity: 'error', count: 1, tooltip: '1 error, 1 warning' });
    assert.match(nobody.tooltip ?? '', /nobody can reach this hub/);
  });

  it('keeps the last verdict with "checking…" while a re-read runs, and says when a read failed', () => {
    assert.equal(
      hubNode(discoveredHub(), readHubEntry(healthyPrivateHub(), { reading: true })).description,
      'Private · checking… · eastus',
    );
    const failed = hubNode(
      discoveredHub(),
      unreadEntry(discoveredHub(), { failure: 'You need the Reader role on hub-sales.' }),
    );
    assert.equal(failed.description, 'public access disabled · could not be checked · eastus');
    assert.match(failed.tooltip ?? '', /Reader role/);
  });

  it('counts hubs and AI Services accounts per subscription', () => {
    assert.equal(
      subscriptionNode({ subscriptionId: 's', name: 'Dev', hubCount: 1, aiServicesCount: 2 }).description,
      '1 hub, 2 AI Services accounts',
    );
    assert.equal(
      subscriptionNode({ subscriptionId: 's', name: 'Dev', hubCount: 0, aiServicesCount: 0 }).description,
      '0 hubs',
    );
  });

  it("shows an AI Services account's verdict as last read from ARM, since Resource Graph lags behind our writes", () => {
    const discovered = discoveredAccount({ networkDefaultAction: 'Deny' });
    const closed = readAccountEntry(
      {
        kind: 'aiServices',
        id: discovered.id,
        name: 'ais',
        publicNetworkAccess: 'Disabled',
        networkDefaultAction: 'Deny',
        privateEndpoints: [],
      },
      discovered,
    );
    const node = aiServicesNode(discovered, closed);
    assert.equal(node.description, 'AI Services · Broken · eastus');
    assert.match(node.tooltip ?? '', /nobody can reach this account/);
    assert.equal(
      aiServicesNode(discovered, undefined).description,
      'AI Services · selected networks only · checking… · eastus',
    );
  });

  it('pages hubs with a Load more node that runs the paging command', () => {
    const node = loadMoreNode('sub-1', HUBS_PAGE_SIZE, 120);
    assert.equal(node.description, '50 of 120 hubs shown');
    assert.deepEqual(node.command?.args, ['sub-1']);
  });
});
