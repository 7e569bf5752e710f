/** The hub state's helpers: which endpoints carry traffic, which hub and dependents count as private, ARM's kinds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  approvedGroupIds,
  approvedPrivateEndpoints,
  isHubPrivate,
  isPubliclyReachable,
  resourceIdsOf,
  workspaceKindOf,
  type ConnectionStatus,
  type DependentResource,
} from '../../../src/model/hubState';
import {
  HUB_ID,
  PE_ID,
  VNET_ID,
  approvedConnection,
  healthyEndpoint,
  healthyPrivateHub,
  privateDependents,
  privateWorkspace,
} from '../../builders/hubState';

const storage = (overrides: Partial<DependentResource> = {}): DependentResource => ({
  ...privateDependents()[0]!,
  ...overrides,
});

describe('approvedPrivateEndpoints', () => {
  it('keeps the endpoints behind Approved connections, and only those that could be read', () => {
    const other = { ...healthyEndpoint(), id: `${PE_ID}-2`, name: 'pe-hub-2' };
    const statuses: ConnectionStatus[] = ['Pending', 'Rejected', 'Disconnected', 'Timeout'];
    const state = healthyPrivateHub({
      privateEndpointConnections: [
        approvedConnection(),
        ...statuses.map((status) => ({ ...approvedConnection(other), status })),
        { ...approvedConnection(), privateEndpoint: undefined },
      ],
    });
    assert.deepEqual(
      approvedPrivateEndpoints(state).map((endpoint) => endpoint.id),
      [PE_ID],
    );
  });

  it('is empty for a hub with no connection', () => {
    assert.deepEqual(approvedPrivateEndpoints(healthyPrivateHub({ privateEndpointConnections: [] })), []);
  });
});

describe('isHubPrivate', () => {
  it('is true only when public network access is Disabled, whatever the IP rules or endpoints say', () => {
    assert.equal(isHubPrivate(healthyPrivateHub()), true);
    const withAccess = (publicNetworkAccess: 'Enabled' | 'Disabled') =>
      healthyPrivateHub({
        workspace: {
          ...privateWorkspace(),
          publicNetworkAccess,
          networkAcls: { defaultAction: 'Deny', ipRules: ['20.42.11.5'] },
        },
      });
    assert.equal(isHubPrivate(withAccess('Enabled')), false, 'selected IPs are still public');
    assert.equal(isHubPrivate(withAccess('Disabled')), true);
  });
});

describe('isPubliclyReachable', () => {
  it('is reachable unless public access is Disabled or the default action is Deny', () => {
    const cases: [Partial<DependentResource>, boolean][] = [
      [{ publicNetworkAccess: 'Enabled', networkDefaultAction: 'Allow' }, true],
      [{ publicNetworkAccess: 'Enabled', networkDefaultAction: undefined }, true],
      [{ publicNetworkAccess: undefined, networkDefaultAction: undefined }, true],
      [{ publicNetworkAccess: 'Enabled', networkDefaultAction: 'Deny' }, false],
      [{ publicNetworkAccess: 'Disabled', networkDefaultAction: 'Allow' }, false],
      [{ publicNetworkAccess: 'Disabled', networkDefaultAction: 'Deny' }, false],
    ];
    for (const [overrides, reachable] of cases) {
      assert.equal(isPubliclyReachable(storage(overrides)), reachable, JSON.stringify(overrides));
    }
  });

  it('does not call an unreadable resource public', () => {
    const unreadable = storage({ publicNetworkAccess: 'Enabled', networkDefaultAction: 'Allow', readError: 'denied' });
    assert.equal(isPubliclyReachable(unreadable), false);
  });
});

describe('approvedGroupIds', () => {
  it('lists the group ids of Approved endpoints only, lower-cased', () => {
    const resource = storage({
      privateEndpoints: [
        { id: `${PE_ID}-blob`, groupIds: ['Blob'], status: 'Approved' },
        { id: `${PE_ID}-file`, groupIds: ['file'], status: 'Pending' },
        { id: `${PE_ID}-dfs`, groupIds: ['dfs', 'BLOB'], status: 'Approved' },
        { id: `${PE_ID}-queue`, groupIds: ['queue'], status: 'Rejected' },
      ],
    });
    assert.deepEqual([...approvedGroupIds(resource)].sort(), ['blob', 'dfs']);
    assert.equal(approvedGroupIds(storage({ privateEndpoints: [] })).size, 0);
  });
});

describe('workspaceKindOf', () => {
  it("maps ARM's free-text kinds whatever their case, absent meaning Default", () => {
    const cases: [string | undefined, ReturnType<typeof workspaceKindOf>][] = [
      ['Hub', 'hub'],
      ['hub', 'hub'],
      ['Project', 'project'],
      ['Default', 'default'],
      [undefined, 'default'],
      ['FeatureStore', 'featureStore'],
      ['featurestore', 'featureStore'],
    ];
    for (const [kind, expected] of cases) assert.equal(workspaceKindOf(kind), expected, String(kind));
  });

  it('returns undefined for kinds it does not handle', () => {
    for (const kind of ['', 'hubs', 'AIServices', 'registry']) assert.equal(workspaceKindOf(kind), undefined, kind);
  });
});

describe('resourceIdsOf', () => {
  it('names the hub, its connection, endpoint, subnet, VNet, zones and dependents, and no empty id', () => {
    const ids = resourceIdsOf(healthyPrivateHub());
    assert.equal(ids[0], HUB_ID);
    for (const id of [PE_ID, VNET_ID, `${VNET_ID}/subnets/snet-pe`, `${HUB_ID}/privateEndpointConnections/conn-1`]) {
      assert.ok(ids.includes(id), id);
    }
    for (const dependent of privateDependents()) assert.ok(ids.includes(dependent.id), dependent.name);
    assert.ok(ids.some((id) => id.endsWith('/privateDnsZones/privatelink.api.azureml.ms')));
    assert.ok(!ids.includes(''));
  });

  it("leaves out an unread endpoint's subnet and VNet but keeps the endpoint's id", () => {
    const ids = resourceIdsOf(
      healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), privateEndpoint: undefined }] }),
    );
    assert.ok(ids.includes(PE_ID));
    assert.ok(!ids.includes(VNET_ID));
  });
});
