import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsFor } from '../../../src/model/findings';
import type { HubNetworkState } from '../../../src/model/hubState';
import { contextValueOf } from '../../../src/tree/nodeView';
import {
  dnsNode,
  hubSections,
  outboundNode,
  privateEndpointsNode,
  publicAccessNode,
} from '../../../src/tree/nodes/hubNodes';
import { HUB_ID, approvedConnection, healthyPrivateHub, healthyZones, privateWorkspace } from '../../builders/hubState';

function withWorkspace(overrides: Partial<HubNetworkState['workspace']>, state = healthyPrivateHub()): HubNetworkState {
  return { ...state, workspace: { ...privateWorkspace(), ...overrides } };
}

describe('hub sections', () => {
  it('lists the six sections in order for a healthy private hub, with nothing to fix', () => {
    const state = healthyPrivateHub();
    const sections = hubSections(state, findingsFor(state));
    assert.deepEqual(
      sections.map((s) => s.label),
      [
        'Public access: Disabled',
        'Private endpoints (1)',
        'DNS',
        'Outbound: Allow only approved outbound',
        'Dependent resources',
        'Findings (0)',
      ],
    );
    assert.deepEqual(
      sections.map((s) => s.icon?.tone),
      ['secure', 'secure', 'secure', 'secure', 'secure', 'secure'],
    );
  });

  it('shows "all networks" as exposed, and selected IPs with each rule as a child', () => {
    const open = publicAccessNode(withWorkspace({ publicNetworkAccess: 'Enabled' }));
    assert.equal(open.label, 'Public access: Enabled (all networks)');
    assert.equal(open.icon?.tone, 'exposed');
    const selected = publicAccessNode(
      withWorkspace({
        publicNetworkAccess: 'Enabled',
        networkAcls: { defaultAction: 'Deny', ipRules: ['52.1.2.0/24', '20.1.1.1'] },
      }),
    );
    assert.equal(selected.label, 'Public access: Enabled (selected IPs: 2 rules)');
    assert.deepEqual(
      selected.children?.map((c) => c.label),
      ['52.1.2.0/24', '20.1.1.1'],
    );
    assert.equal(selected.icon?.tone, 'warning');
  });

  it('says the rules are unknown when the preview read failed, instead of calling the hub open to all', () => {
    const node = publicAccessNode(
      withWorkspace({
        publicNetworkAccess: 'Enabled',
        networkAclsRead: { succeeded: false, message: 'preview refused' },
      }),
    );
    assert.equal(node.label, 'Public access: Enabled (rules unknown)');
    assert.match(node.tooltip ?? '', /preview refused/);
  });

  it('gives each connection status its own icon, tone and context flag', () => {
    for (const [status, tone] of [
      ['Approved', 'secure'],
      ['Pending', 'warning'],
      ['Rejected', 'error'],
      ['Disconnected', 'error'],
    ] as const) {
      const state = healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), status }] });
      const [connection] = privateEndpointsNode(state).children ?? [];
      assert.equal(connection?.icon?.tone, tone, status);
      assert.equal(contextValueOf(connection!), `privateEndpointConnection ${status.toLowerCase()}`);
      assert.match(connection?.description ?? '', new RegExp(`^${status} · vnet-hub/`));
    }
  });

  it('marks a missing zone as an error and an unlinked zone as a warning', () => {
    const [api, notebooks] = healthyZones();
    const state = healthyPrivateHub({
      dnsZones: [
        { ...api!, linkedVirtualNetworkIds: [] },
        { ...notebooks!, exists: false, linkedVirtualNetworkIds: [], aRecords: [] },
      ],
    });
    const node = dnsNode(state);
    assert.equal(node.description, 'incomplete');
    const [apiNode, notebooksNode] = node.children ?? [];
    assert.equal(apiNode?.icon?.tone, 'warning');
    assert.match(apiNode?.description ?? '', /not linked to vnet-hub/);
    assert.equal(notebooksNode?.icon?.tone, 'error');
    assert.equal(notebooksNode?.description, 'missing');
  });

  it('does not call DNS incomplete when there is no private endpoint to resolve', () => {
    const node = dnsNode(healthyPrivateHub({ privateEndpointConnections: [] }));
    assert.equal(node.description, 'no private endpoint');
    assert.equal(node.icon?.tone, 'neutral');
  });

  it('shows outbound mode and rules', () => {
    const node = outboundNode(HUB_ID, {
      isolationMode: 'AllowInternetOutbound',
      outboundRules: [{ name: 'pypi', type: 'FQDN', destination: 'pypi.org', status: 'Active' }],
      status: 'Active',
    });
    assert.equal(node.label, 'Outbound: Allow internet outbound');
    assert.equal(node.children?.[0]?.description, 'FQDN → pypi.org (Active)');
    assert.equal(outboundNode(HUB_ID, undefined).label, 'Outbound: Disabled (no managed network)');
  });

  it('expands findings when one is an error, and links each to its fix command', () => {
    const state = withWorkspace({ publicNetworkAccess: 'Enabled' });
    const findings = hubSections(state, findingsFor(state)).at(-1)!;
    assert.match(findings.label, /^Findings \([1-9]\d*\)$/);
    const first = findings.children?.[0];
    assert.ok(first?.command?.id.startsWith('foundryNetwork.'), 'a finding runs its fix');
  });
});
