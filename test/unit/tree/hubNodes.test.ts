import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHub } from '../../../src/model/assessment';
import type { HubNetworkState } from '../../../src/model/hubState';
import { contextValueOf } from '../../../src/tree/nodeView';
import { dnsNode } from '../../../src/tree/nodes/dnsNodes';
import { hubSections, outboundNode, privateEndpointsNode, publicAccessNode } from '../../../src/tree/nodes/hubNodes';
import { REVEAL_COMMAND } from '../../../src/tree/nodes/findingNodes';
import { WIZARD_COMMANDS } from '../../../src/wizards/ids';
import {
  HUB_GUID,
  HUB_ID,
  approvedConnection,
  healthyPrivateHub,
  healthyZones,
  privateWorkspace,
} from '../../builders/hubState';

function withWorkspace(overrides: Partial<HubNetworkState['workspace']>, state = healthyPrivateHub()): HubNetworkState {
  return { ...state, workspace: { ...privateWorkspace(), ...overrides } };
}

const sections = (state: HubNetworkState) => hubSections(state, assessHub(state));
const access = (state: HubNetworkState) =>
  publicAccessNode(HUB_ID, assessHub(state).access, state.workspace.networkAclsRead.succeeded);
const dns = (state: HubNetworkState) => dnsNode(HUB_ID, assessHub(state).dns);

describe('hub sections', () => {
  it('lists the six sections in order for a healthy private hub, with nothing to fix', () => {
    const nodes = sections(healthyPrivateHub());
    assert.deepEqual(
      nodes.map((s) => s.label),
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
      nodes.map((s) => s.icon?.tone),
      ['secure', 'secure', 'secure', 'secure', 'secure', 'secure'],
    );
  });

  it('shows "all networks" as exposed, and selected IPs with each rule as a child', () => {
    const open = access(withWorkspace({ publicNetworkAccess: 'Enabled' }));
    assert.equal(open.label, 'Public access: Enabled (all networks)');
    assert.equal(open.icon?.tone, 'exposed');
    const selected = access(
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

  it('lists rules that are stored but inert, and says so', () => {
    const node = access(
      withWorkspace({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow', ipRules: ['52.1.2.3'] } }),
    );
    assert.deepEqual(
      node.children?.map((c) => [c.label, c.description]),
      [['52.1.2.3', 'stored, no effect: the default action is Allow']],
    );
  });

  it('says the rules are unknown when the preview read failed, instead of calling the hub open to all', () => {
    const node = access(
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
      const [connection] = privateEndpointsNode(state, assessHub(state)).children ?? [];
      assert.equal(connection?.icon?.tone, tone, status);
      assert.equal(contextValueOf(connection!), `privateEndpointConnection ${status.toLowerCase()}`);
      assert.match(connection?.description ?? '', new RegExp(`^${status} · vnet-hub/`));
    }
  });

  it("lists under an approved endpoint only this hub's names, each judged", () => {
    const state = healthyPrivateHub();
    const [connection] = privateEndpointsNode(state, assessHub(state)).children ?? [];
    assert.deepEqual(
      connection?.children?.map((record) => [record.label, record.description, record.icon?.tone]),
      [
        [`${HUB_GUID}.workspace.eastus.api.azureml.ms`, '10.1.0.5', 'secure'],
        [`${HUB_GUID}.workspace.eastus.cert.api.azureml.ms`, '10.1.0.5', 'secure'],
        [`ml-hub-sales-eastus-${HUB_GUID}.eastus.notebooks.azure.net`, '10.1.0.6', 'secure'],
      ],
    );
  });
});

describe('DNS section', () => {
  it('marks a missing zone as an error and an unlinked zone as a warning', () => {
    const [api, notebooks] = healthyZones();
    const node = dns(
      healthyPrivateHub({
        dnsZones: [
          { ...api!, linkedVirtualNetworkIds: [] },
          { ...notebooks!, exists: false, linkedVirtualNetworkIds: [], aRecords: [] },
        ],
      }),
    );
    assert.equal(node.description, 'incomplete (3 names unresolved)');
    assert.equal(node.icon?.tone, 'error');
    const [apiNode, notebooksNode] = node.children ?? [];
    assert.equal(apiNode?.icon?.tone, 'warning');
    assert.equal(apiNode?.description, 'not linked to vnet-hub');
    assert.equal(notebooksNode?.icon?.tone, 'error');
    assert.equal(notebooksNode?.description, 'missing');
  });

  it("never lists another hub's records in a shared zone, and calls DNS incomplete when none is this hub's", () => {
    const [api, notebooks] = healthyZones();
    const other = { relativeName: '99999999-8888-4777-8666-555555555555.workspace.eastus', ipAddresses: ['10.1.0.9'] };
    const node = dns(healthyPrivateHub({ dnsZones: [{ ...api!, aRecords: [other] }, notebooks!] }));
    assert.match(node.description ?? '', /^incomplete/);
    const apiZone = node.children?.find((zone) => zone.label === 'privatelink.api.azureml.ms');
    assert.deepEqual(
      apiZone?.children?.map((record) => [record.label, record.description]),
      [
        [`${HUB_GUID}.workspace.eastus`, 'no record (expected 10.1.0.5)'],
        [`${HUB_GUID}.workspace.eastus.cert`, 'no record (expected 10.1.0.5)'],
      ],
    );
    assert.equal(apiZone?.description, '0 of 2 records right');
  });

  it('does not call DNS anything when there is no approved endpoint, and lists nothing', () => {
    const node = dns(
      healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), status: 'Pending' }] }),
    );
    assert.equal(node.description, 'no approved private endpoint');
    assert.equal(node.icon?.tone, 'neutral');
    assert.equal(node.children, undefined);
  });

  it('says when the endpoint VNet resolves through its own servers', () => {
    const endpoint = { ...approvedConnection().privateEndpoint!, virtualNetworkDnsServers: ['10.1.0.4'] };
    const node = dns(healthyPrivateHub({ privateEndpointConnections: [approvedConnection(endpoint)], dnsZones: [] }));
    assert.equal(node.description, 'own DNS servers: not verifiable');
  });
});

describe('outbound and findings sections', () => {
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

  it('gives a fixable finding a fix button, and its row reveals the resource instead of starting a change', () => {
    const findings = sections(withWorkspace({ publicNetworkAccess: 'Enabled' })).at(-1)!;
    assert.equal(findings.label, 'Findings (1)');
    const [finding] = findings.children ?? [];
    assert.equal(contextValueOf(finding!), 'finding fixable');
    assert.deepEqual(finding?.fix, {
      command: WIZARD_COMMANDS.setPublicNetworkAccess.command,
      title: 'Set public network access',
      args: [HUB_ID],
    });
    assert.deepEqual(finding?.command, { id: REVEAL_COMMAND, title: 'Show the resource', args: [HUB_ID, HUB_ID] });
  });

  it('expands the findings when one is an error', () => {
    const state = healthyPrivateHub({ privateEndpointConnections: [] });
    assert.equal(sections(state).at(-1)?.expanded, true);
    assert.equal(sections(withWorkspace({ publicNetworkAccess: 'Enabled' })).at(-1)?.expanded, false);
  });
});
