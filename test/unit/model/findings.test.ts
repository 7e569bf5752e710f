import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIX_COMMANDS, findingsFor, sortFindings, type Finding } from '../../../src/model/findings';
import { rangesOverlap } from '../../../src/model/ipRules';
import type { DependentResource, HubNetworkState } from '../../../src/model/hubState';
import {
  HUB_GUID,
  VNET_ID,
  approvedConnection,
  healthyEndpoint,
  healthyPrivateHub,
  healthyZones,
  privateDependents,
  privateWorkspace,
} from '../../builders/hubState';

function codes(state: HubNetworkState, checkIpRule?: (value: string) => string | undefined): string[] {
  return findingsFor(state, { checkIpRule }).map((finding) => finding.code);
}

function only(state: HubNetworkState, code: string): Finding {
  const matches = findingsFor(state).filter((finding) => finding.code === code);
  assert.equal(matches.length, 1, `expected one ${code}, got ${matches.length}`);
  return matches[0] as Finding;
}

function withDependent(
  change: (resource: DependentResource) => DependentResource,
  kind: DependentResource['kind'],
): HubNetworkState {
  return healthyPrivateHub({
    dependentResources: privateDependents().map((resource) => (resource.kind === kind ? change(resource) : resource)),
  });
}

describe('findings', () => {
  it('finds nothing on a healthy private hub', () => {
    assert.deepEqual(findingsFor(healthyPrivateHub()), []);
  });

  describe('public access', () => {
    it('flags a hub open to all networks, with the fix', () => {
      const state = healthyPrivateHub({ workspace: { ...privateWorkspace(), publicNetworkAccess: 'Enabled' } });
      const finding = only(state, 'public-access-all-networks');
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.fix?.command, FIX_COMMANDS.changePublicAccess);
      assert.match(finding.detail, /Disable public access/);
    });

    it('does not call selected IPs "all networks", and checks rules only with a validator', () => {
      const workspace = {
        ...privateWorkspace(),
        publicNetworkAccess: 'Enabled' as const,
        networkAcls: { defaultAction: 'Deny' as const, ipRules: ['52.1.2.3', '10.0.0.0/8'] },
      };
      const state = healthyPrivateHub({ workspace });
      assert.deepEqual(codes(state), []);
      const check = (value: string) =>
        value.startsWith('10.') ? `${value} is in 10.0.0.0/8 (private network).` : undefined;
      const findings = findingsFor(state, { checkIpRule: check });
      assert.deepEqual(
        findings.map((finding) => [finding.code, finding.severity, finding.title]),
        [['ip-rule-rejected', 'error', 'IP rule 10.0.0.0/8 is not accepted']],
      );
      assert.match(findings[0]?.detail ?? '', /^10\.0\.0\.0\/8 is in 10\.0\.0\.0\/8/);
    });

    it('says when the preview read of the rules failed instead of guessing', () => {
      const workspace = {
        ...privateWorkspace(),
        publicNetworkAccess: 'Enabled' as const,
        networkAclsRead: { succeeded: false as const, message: 'api-version not supported' },
      };
      assert.deepEqual(codes(healthyPrivateHub({ workspace })), ['ip-rules-unreadable']);
    });
  });

  describe('connections', () => {
    for (const status of ['Pending', 'Rejected', 'Disconnected', 'Timeout'] as const) {
      it(`flags a ${status} connection`, () => {
        const state = healthyPrivateHub({
          privateEndpointConnections: [approvedConnection(), { ...approvedConnection(), name: 'c2', id: 'c2', status }],
        });
        const finding = only(state, `connection-${status.toLowerCase()}`);
        assert.equal(
          finding.fix?.command,
          status === 'Pending' ? FIX_COMMANDS.approveConnection : FIX_COMMANDS.deletePrivateEndpoint,
        );
      });
    }

    it('flags a private hub nobody can reach', () => {
      const state = healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), status: 'Pending' }] });
      assert.deepEqual(codes(state), ['connection-pending', 'private-hub-without-endpoint']);
      assert.equal(only(state, 'private-hub-without-endpoint').severity, 'error');
    });
  });

  describe('DNS', () => {
    it('flags a missing zone', () => {
      const [api, notebooks] = healthyZones();
      const state = healthyPrivateHub({
        dnsZones: [api!, { ...notebooks!, exists: false, linkedVirtualNetworkIds: [], aRecords: [] }],
      });
      assert.deepEqual(codes(state), ['dns-zone-missing']);
      assert.equal(only(state, 'dns-zone-missing').fix?.command, FIX_COMMANDS.fixPrivateDns);
    });

    it('flags a zone not linked to the endpoint VNet, and passes the VNet to the fix', () => {
      const [api, notebooks] = healthyZones();
      const other = VNET_ID.replace('vnet-hub', 'vnet-other');
      const state = healthyPrivateHub({ dnsZones: [{ ...api!, linkedVirtualNetworkIds: [other] }, notebooks!] });
      const finding = only(state, 'dns-zone-not-linked');
      assert.equal(finding.title, 'privatelink.api.azureml.ms is not linked to vnet-hub');
      assert.deepEqual(finding.fix?.args.at(-1), VNET_ID);
    });

    it('flags missing and wrong A records', () => {
      const [api, notebooks] = healthyZones();
      const state = healthyPrivateHub({
        dnsZones: [
          { ...api!, aRecords: api!.aRecords.slice(0, 1) },
          {
            ...notebooks!,
            aRecords: [{ relativeName: `ml-hub-sales-eastus-${HUB_GUID}.eastus`, ipAddresses: ['10.9.9.9'] }],
          },
        ],
      });
      assert.deepEqual(codes(state), ['dns-records-missing', 'dns-records-wrong-ip']);
      assert.match(
        only(state, 'dns-records-missing').detail,
        new RegExp(`${HUB_GUID}\\.workspace\\.eastus\\.cert\\.api\\.azureml\\.ms`),
      );
    });

    it('does not check DNS when no endpoint is approved', () => {
      const state = healthyPrivateHub({
        workspace: { ...privateWorkspace(), publicNetworkAccess: 'Enabled' },
        privateEndpointConnections: [],
        dnsZones: healthyZones().map((zone) => ({ ...zone, exists: false })),
      });
      assert.deepEqual(codes(state), ['public-access-all-networks']);
    });
  });

  describe('Docker bridge', () => {
    it('flags an endpoint VNet in 172.17.0.0/16 once per VNet', () => {
      const endpoint = {
        ...healthyEndpoint(),
        virtualNetworkAddressPrefixes: ['172.16.0.0/12'],
        subnetAddressPrefixes: ['172.17.1.0/24'],
      };
      const state = healthyPrivateHub({
        privateEndpointConnections: [approvedConnection(endpoint), { ...approvedConnection(endpoint), id: 'c2' }],
      });
      const finding = only(state, 'docker-bridge-overlap');
      assert.match(finding.detail, /^172\.16\.0\.0\/12, 172\.17\.1\.0\/24 overlaps/);
    });

    it('does not flag neighbouring ranges', () => {
      const endpoint = {
        ...healthyEndpoint(),
        virtualNetworkAddressPrefixes: ['172.16.0.0/16', '172.18.0.0/16'],
        subnetAddressPrefixes: ['172.18.0.0/24'],
        privateIpAddresses: ['172.18.0.4'],
      };
      assert.deepEqual(codes(healthyPrivateHub({ privateEndpointConnections: [approvedConnection(endpoint)] })), []);
    });

    it('computes overlaps at the shorter prefix', () => {
      assert.ok(rangesOverlap('172.17.255.255', '172.17.0.0/16'));
      assert.ok(!rangesOverlap('172.18.0.0', '172.17.0.0/16'));
      assert.ok(rangesOverlap('172.0.0.0/8', '172.17.0.0/16'));
      assert.ok(!rangesOverlap('not an ip', '172.17.0.0/16'));
      assert.ok(!rangesOverlap('fd00::/8', '172.17.0.0/16'));
    });
  });

  describe('dependent resources', () => {
    it('flags public storage, key vault and registry behind a private hub', () => {
      for (const kind of ['storage', 'keyVault', 'containerRegistry'] as const) {
        const state = withDependent(
          (resource) => ({ ...resource, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Allow' }),
          kind,
        );
        const finding = only(state, 'dependency-public');
        assert.equal(finding.fix?.command, FIX_COMMANDS.restrictPublicAccess);
      }
    });

    it('does not flag public access limited by a Deny default action', () => {
      const state = withDependent(
        (resource) => ({ ...resource, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Deny' }),
        'storage',
      );
      assert.deepEqual(codes(state), []);
    });

    it('does not look at dependents of a public hub', () => {
      const state = withDependent(
        (resource) => ({ ...resource, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Allow' }),
        'storage',
      );
      const publicHub = { ...state, workspace: { ...state.workspace, publicNetworkAccess: 'Enabled' as const } };
      assert.deepEqual(codes(publicHub), ['public-access-all-networks']);
    });

    it('flags storage missing its file endpoint, and a pending blob endpoint', () => {
      const state = withDependent(
        (resource) => ({
          ...resource,
          privateEndpoints: [{ id: 'pe-blob', groupIds: ['Blob'], status: 'Pending' }],
        }),
        'storage',
      );
      const findings = findingsFor(state).filter((finding) => finding.code === 'storage-endpoint-missing');
      assert.deepEqual(
        findings.map((finding) => / has no (\w+) private endpoint$/.exec(finding.title)?.[1]),
        ['blob', 'file'],
      );
      // The fix starts "Add Private Endpoints to Dependencies" on that resource and group id, near the hub.
      const storageId = state.dependentResources.find((resource) => resource.kind === 'storage')?.id;
      assert.deepEqual(
        findings.map((finding) => finding.fix?.command),
        [FIX_COMMANDS.addDependencyPrivateEndpoints, FIX_COMMANDS.addDependencyPrivateEndpoints],
      );
      assert.deepEqual(
        findings.map((finding) => finding.fix?.args),
        [
          [storageId, 'blob', state.workspace.id],
          [storageId, 'file', state.workspace.id],
        ],
      );
      // The finding's text and its fix button say the same thing.
      assert.deepEqual(
        findings.map((finding) => finding.detail.endsWith(` ${finding.fix?.title ?? '?'}.`)),
        [true, true],
      );
    });

    it('flags a registry that is not Premium, without also asking for an endpoint it cannot have', () => {
      const state = withDependent(
        (resource) => ({ ...resource, sku: 'Standard', publicNetworkAccess: 'Enabled', privateEndpoints: [] }),
        'containerRegistry',
      );
      assert.deepEqual(codes(state).sort(), ['dependency-public', 'registry-not-premium']);
    });

    it('flags a key vault without a vault endpoint', () => {
      const state = withDependent((resource) => ({ ...resource, privateEndpoints: [] }), 'keyVault');
      assert.equal(
        only(state, 'dependency-endpoint-missing').title,
        'Key vault kv-sales has no vault private endpoint',
      );
    });

    it('says when a dependent could not be read, and nothing else about it', () => {
      const state = withDependent(
        (resource) => ({ ...resource, readError: 'Forbidden.', publicNetworkAccess: undefined, privateEndpoints: [] }),
        'storage',
      );
      assert.deepEqual(codes(state), ['dependency-unreadable']);
    });
  });

  describe('managed network', () => {
    const rule = { name: 'pypi', type: 'FQDN' as const, category: 'UserDefined' as const, destination: 'pypi.org' };

    it('flags FQDN rules outside allow_only_approved_outbound', () => {
      const workspace = {
        ...privateWorkspace(),
        managedNetwork: {
          isolationMode: 'AllowInternetOutbound' as const,
          outboundRules: [rule],
          status: 'Active' as const,
        },
      };
      const finding = only(healthyPrivateHub({ workspace }), 'fqdn-rules-ignored');
      assert.match(finding.detail, /\(pypi\)/);
    });

    it('does not flag them in allow_only_approved_outbound, nor other rule types', () => {
      const approved = {
        ...privateWorkspace(),
        managedNetwork: {
          isolationMode: 'AllowOnlyApprovedOutbound' as const,
          outboundRules: [rule],
          status: 'Active' as const,
        },
      };
      assert.deepEqual(codes(healthyPrivateHub({ workspace: approved })), []);
      const serviceTag = {
        ...privateWorkspace(),
        managedNetwork: {
          isolationMode: 'Disabled' as const,
          outboundRules: [{ ...rule, type: 'ServiceTag' as const }],
          status: undefined,
        },
      };
      assert.deepEqual(codes(healthyPrivateHub({ workspace: serviceTag })), []);
    });
  });

  it('sorts errors first', () => {
    const state = healthyPrivateHub({
      privateEndpointConnections: [approvedConnection(), { ...approvedConnection(), id: 'c2', status: 'Pending' }],
      dnsZones: [healthyZones()[0]!, { ...healthyZones()[1]!, exists: false }],
    });
    assert.deepEqual(
      sortFindings(findingsFor(state)).map((finding) => finding.severity),
      ['error', 'warning'],
    );
  });
});
