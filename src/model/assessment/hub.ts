/** The assessment of a Foundry hub: its verdict and findings, from its gathered network state. */
import { resourceNameOf } from '../armIds';
import { notebookHostLabel, privateZoneRecordOf } from '../dnsRecords';
import { dnsNamesOf } from '../dnsZones';
import type { HubNetworkState, PrivateEndpoint, PrivateEndpointConnection } from '../hubState';
import {
  accessFindings,
  accessModeOf,
  count,
  describeAccessMode,
  type AccessMode,
  type AccessSettings,
} from './access';
import { connectionFindings, isWorking, type ConnectionFacts } from './connections';
import { assessDependency, dependencyFindings, type DependencyAssessment } from './dependencies';
import { dnsFindings, dockerBridgeFindings } from './dnsFindings';
import { endpointIpsFor, judgeEndpointDns, type EndpointDnsJudgement, type NeededName } from './endpointDns';
import { storageAccessFindings } from './storageAccess';
import { findingKey, sortFindings, type Finding, type Verdict } from './types';
import { WIZARD_COMMANDS } from '../../wizards/ids';

export interface HubAssessment {
  readonly kind: 'hub';
  readonly resourceId: string;
  readonly resourceName: string;
  readonly verdict: Verdict;
  readonly access: AccessMode;
  /** Per approved, readable endpoint: this hub's names and what the DNS answers for them. */
  readonly dns: readonly EndpointDnsJudgement[];
  readonly dependencies: readonly DependencyAssessment[];
  /** Worst first. */
  readonly findings: readonly Finding[];
}

export function assessHub(state: HubNetworkState): HubAssessment {
  const workspace = state.workspace;
  const settings = accessSettingsOf(state);
  const access = accessModeOf(settings);
  const connections = state.privateEndpointConnections.map(connectionFactsOf);
  const working = state.privateEndpointConnections.filter((_connection, index) => isWorking(connections[index]!));
  const readable = working.flatMap((connection) => (connection.privateEndpoint ? [connection.privateEndpoint] : []));
  const dns = readable.map((endpoint) => judgeEndpointDns(endpoint, hubNeededNames(state, endpoint), state.dnsZones));
  const dependencies = state.dependentResources.map(assessDependency);
  const verdict = hubVerdict(state, access, working, dns);
  const findings = [
    ...accessFindings(settings, access),
    ...connectionFindings(workspace.name, connections),
    ...noEndpointFindings(state, access, working.length),
    ...dnsFindings(workspace.id, workspace.name, dns),
    ...dockerBridgeFindings(readable),
    ...dependencyFindings(workspace.id, workspace.name, dependencies, {
      hubIsPublic: verdict.kind === 'public',
      hubIsPrivate: access.kind === 'disabled',
    }),
    ...(verdict.kind === 'public' ? [] : storageAccessFindings(state, dependencies)),
    ...managedNetworkFindings(state),
  ];
  return {
    kind: 'hub',
    resourceId: workspace.id,
    resourceName: workspace.name,
    verdict,
    access,
    dns,
    dependencies,
    findings: sortFindings(unique(findings)),
  };
}

export function accessSettingsOf(state: HubNetworkState): AccessSettings {
  const workspace = state.workspace;
  return {
    resourceId: workspace.id,
    resourceName: workspace.name,
    publicNetworkAccess: workspace.publicNetworkAccess,
    defaultAction: workspace.networkAcls?.defaultAction,
    ipRules: workspace.networkAcls?.ipRules ?? [],
    virtualNetworkRules: [],
    ...(workspace.networkAclsRead.succeeded
      ? {}
      : {
          rulesUnreadable: `Workspace IP rules exist only in preview API versions, and reading them failed (${workspace.networkAclsRead.message}).`,
        }),
  };
}

function connectionFactsOf(connection: PrivateEndpointConnection): ConnectionFacts {
  return {
    connectionId: connection.id,
    privateEndpointId: connection.privateEndpointId,
    status: connection.status,
    ...(connection.description ? { description: connection.description } : {}),
    ...(connection.privateEndpoint?.provisioningState
      ? { provisioningState: connection.privateEndpoint.provisioningState }
      : {}),
  };
}

/**
 * The names a hub answers on, each with the zone and record that serve it and this endpoint's IPs: the API and
 * certificate names and the notebooks name (from its GUID, region and name, as the custom-DNS export computes them),
 * and every other name the endpoint publishes in its customDnsConfigs (projects, the inference wildcard).
 */
export function hubNeededNames(state: HubNetworkState, endpoint: PrivateEndpoint): NeededName[] {
  const { workspace, cloud } = state;
  const region = workspace.location.toLowerCase();
  const domains = dnsNamesOf(cloud).workspaceDomains;
  const computed = workspace.workspaceId
    ? [
        `${workspace.workspaceId}.workspace.${region}.${domains.api}`,
        `${workspace.workspaceId}.workspace.${region}.cert.${domains.api}`,
        `${notebookHostLabel(workspace.name, region, workspace.workspaceId)}.${region}.${domains.notebooks}`,
      ]
    : [];
  const published = endpoint.customDnsConfigs.map((config) => config.fqdn);
  const names = new Map<string, NeededName>();
  for (const fqdn of [...computed, ...published]) {
    const location = privateZoneRecordOf(cloud, fqdn, workspace.workspaceId || undefined);
    if (!location) continue;
    const key = `${location.zoneName}|${location.relativeName}`;
    if (names.has(key)) continue;
    names.set(key, { fqdn: fqdn.toLowerCase(), ...location, expectedIps: endpointIpsFor(endpoint, fqdn) });
  }
  return [...names.values()];
}

function hubVerdict(
  state: HubNetworkState,
  access: AccessMode,
  working: readonly PrivateEndpointConnection[],
  dns: readonly EndpointDnsJudgement[],
): Verdict {
  const endpoints = working.length > 0 ? ` · ${count(working.length, 'private endpoint')}` : '';
  switch (access.kind) {
    case 'unknown':
      return { kind: 'unknown', label: 'Unknown', reason: access.reason };
    case 'allNetworks':
      return { kind: 'public', label: 'Public', reason: `Public access from all networks${endpoints}.` };
    case 'selectedNetworks':
      if (access.ipRules.length === 0 && working.length === 0) {
        return {
          kind: 'broken',
          label: 'Broken',
          reason:
            'Public access is limited to selected IPs, but no rule lets anyone in and no private endpoint is approved: nobody can reach this hub.',
        };
      }
      return {
        kind: 'restricted',
        label: 'Restricted (selected IPs)',
        reason: `Public access only from ${describeAccessMode(access)}${endpoints}.`,
      };
    case 'disabled':
      return privateOrBroken(state, working, dns);
  }
}

function privateOrBroken(
  state: HubNetworkState,
  working: readonly PrivateEndpointConnection[],
  dns: readonly EndpointDnsJudgement[],
): Verdict {
  if (working.length === 0) {
    return {
      kind: 'broken',
      label: 'Broken',
      reason: 'Public access is disabled and no private endpoint is approved: nobody can reach this hub.',
    };
  }
  const unreadable = working.filter((connection) => !connection.privateEndpoint);
  if (unreadable.length > 0 && unreadable.length === working.length) {
    return {
      kind: 'unknown',
      label: 'Unknown',
      reason: `Private endpoint ${resourceNameOf(unreadable[0]!.privateEndpointId)} could not be read (another tenant, or no Reader role on it), so its DNS is not judged.`,
    };
  }
  const broken = dns.find((judgement) => judgement.status === 'incomplete');
  if (broken) {
    const problem = broken.records.find((record) => record.status !== 'ok')!;
    return {
      kind: 'broken',
      label: 'Broken',
      reason: `Public access is disabled, and the private DNS of ${broken.endpoint.name} is incomplete (${problem.fqdn}: ${RECORD_PROBLEM[problem.status]}): clients in ${resourceNameOf(broken.endpoint.virtualNetworkId)} cannot reach ${state.workspace.name} by name.`,
    };
  }
  const custom = dns.find((judgement) => judgement.status === 'customDns');
  if (custom) {
    return {
      kind: 'unknown',
      label: 'Unknown',
      reason: `${resourceNameOf(custom.endpoint.virtualNetworkId)} resolves through its own DNS servers (${custom.endpoint.virtualNetworkDnsServers.join(', ')}), which ARM cannot see: run Diagnose Connectivity from a machine in that VNet.`,
    };
  }
  return {
    kind: 'private',
    label: 'Private',
    reason: `Public access is disabled; ${count(working.length, 'approved private endpoint')} with complete private DNS.`,
  };
}

const RECORD_PROBLEM = {
  ok: 'resolves',
  zoneMissing: 'its zone is missing',
  notLinked: 'its zone is not linked to the VNet',
  recordMissing: 'no A record',
  mismatch: 'the record points elsewhere',
} as const;

function noEndpointFindings(state: HubNetworkState, access: AccessMode, working: number): Finding[] {
  if (working > 0 || (access.kind !== 'disabled' && access.kind !== 'selectedNetworks')) return [];
  const workspace = state.workspace;
  return [
    {
      id: 'no-private-endpoint',
      severity: access.kind === 'disabled' ? 'error' : 'warning',
      resourceId: workspace.id,
      message:
        access.kind === 'disabled'
          ? 'Nobody can reach this hub: no approved private endpoint'
          : 'No approved private endpoint',
      detail:
        access.kind === 'disabled'
          ? `Public access to ${workspace.name} is disabled and it has no approved private endpoint. Add a private endpoint in a virtual network your users reach (or approve a pending one).`
          : `Only the selected IPs reach ${workspace.name}; clients in your virtual networks have no private path to it. Add a private endpoint.`,
      fix: {
        command: WIZARD_COMMANDS.addPrivateEndpoint.command,
        args: [workspace.id],
        title: 'Add a private endpoint',
      },
    },
  ];
}

function managedNetworkFindings(state: HubNetworkState): Finding[] {
  const network = state.workspace.managedNetwork;
  if (!network || network.isolationMode === 'AllowOnlyApprovedOutbound') return [];
  const ignored = network.outboundRules.filter((rule) => rule.type === 'FQDN');
  if (ignored.length === 0) return [];
  return [
    {
      id: 'fqdn-rules-ignored',
      severity: 'warning',
      resourceId: state.workspace.id,
      message: `${count(ignored.length, 'FQDN outbound rule')} ${ignored.length === 1 ? 'has' : 'have'} no effect`,
      detail: `FQDN rules (${ignored.map((rule) => rule.name).join(', ')}) apply only when the managed network allows only approved outbound traffic; the isolation mode is ${network.isolationMode}. Switch the mode, or remove the rules to avoid confusion.`,
    },
  ];
}

function unique(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = findingKey(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
