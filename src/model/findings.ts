/**
 * Posture findings: what is wrong or risky in a hub's network isolation, and what to do next. Pure rules over
 * HubNetworkState; the tree shows them and the fix commands act on them.
 */
import { FIX_COMMANDS, type Finding, type FindingFix, type FindingSeverity, type IpRuleCheck } from './findingTypes';
import type { HubNetworkState } from './hubState';
import { dependencyFindings } from './findingsDependencies';
import { dnsFindings, virtualNetworkFindings } from './findingsDns';
import { publicAccessModeOf } from './publicAccess';

export { FIX_COMMANDS, type Finding, type FindingFix, type FindingSeverity, type IpRuleCheck };

export interface FindingOptions {
  /** Without it, IP rules are not checked. */
  readonly checkIpRule?: IpRuleCheck;
}

export function findingsFor(state: HubNetworkState, options: FindingOptions = {}): Finding[] {
  return [
    ...publicAccessFindings(state, options),
    ...connectionFindings(state),
    ...dnsFindings(state),
    ...virtualNetworkFindings(state),
    ...dependencyFindings(state),
    ...managedNetworkFindings(state),
  ];
}

const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, information: 2 };

/** Errors first, then warnings, then information; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function publicAccessFindings(state: HubNetworkState, options: FindingOptions = {}): Finding[] {
  const workspace = state.workspace;
  const changeAccess = {
    command: FIX_COMMANDS.changePublicAccess,
    args: [workspace.id],
    title: 'Change public access',
  };
  const findings: Finding[] = [];
  if (!workspace.networkAclsRead.succeeded && workspace.publicNetworkAccess === 'Enabled') {
    findings.push({
      code: 'ip-rules-unreadable',
      severity: 'information',
      title: 'IP rules could not be read',
      detail: `Workspace IP rules exist only in a preview API, and reading them failed (${workspace.networkAclsRead.message}). Whether access is limited to selected IPs is unknown; check the Networking page in the portal.`,
      resourceId: workspace.id,
    });
  }
  const mode = publicAccessModeOf(workspace.publicNetworkAccess, workspace.networkAcls);
  if (mode.kind === 'allNetworks' && workspace.networkAclsRead.succeeded) {
    findings.push({
      code: 'public-access-all-networks',
      severity: 'warning',
      title: 'Reachable from all networks',
      detail: `${workspace.name} accepts connections from any internet address. Disable public access and use a private endpoint, or allow only selected IPs.`,
      resourceId: workspace.id,
      fix: changeAccess,
    });
  }
  if (mode.kind === 'selectedIps' && options.checkIpRule) {
    for (const rule of mode.ipRules) {
      const problem = options.checkIpRule(rule);
      if (problem !== undefined) {
        findings.push({
          code: 'ip-rule-rejected',
          severity: 'error',
          title: `IP rule ${rule} is not accepted`,
          detail: `${problem} Azure rejects the whole update while this rule is in the list: remove or correct it.`,
          resourceId: workspace.id,
          fix: changeAccess,
        });
      }
    }
  }
  return findings;
}

const CONNECTION_ADVICE: Readonly<Record<string, { severity: FindingSeverity; detail: string }>> = {
  Pending: {
    severity: 'warning',
    detail:
      'Traffic does not flow until a hub owner approves it. Approve it if you expect this endpoint, or reject it.',
  },
  Rejected: {
    severity: 'warning',
    detail:
      'A rejected connection cannot be approved again. Delete the private endpoint and create a new one if it is still needed.',
  },
  Disconnected: {
    severity: 'warning',
    detail:
      'The hub side removed the connection. Delete the private endpoint and create a new one if it is still needed.',
  },
  Timeout: {
    severity: 'warning',
    detail: 'Nobody approved the request in time. Delete the private endpoint and create a new one.',
  },
};

export function connectionFindings(state: HubNetworkState): Finding[] {
  const findings: Finding[] = [];
  for (const connection of state.privateEndpointConnections) {
    const advice = CONNECTION_ADVICE[connection.status];
    if (!advice) {
      continue;
    }
    const endpointName = connection.privateEndpointId.split('/').pop() ?? connection.name;
    const fix: FindingFix =
      connection.status === 'Pending'
        ? { command: FIX_COMMANDS.approveConnection, args: [connection.id], title: 'Approve or reject' }
        : {
            command: FIX_COMMANDS.deletePrivateEndpoint,
            args: [connection.privateEndpointId],
            title: 'Delete the private endpoint',
          };
    findings.push({
      code: `connection-${connection.status.toLowerCase()}`,
      severity: advice.severity,
      title: `Private endpoint ${endpointName} is ${connection.status}`,
      detail: advice.detail,
      resourceId: connection.id,
      fix,
    });
  }
  const approved = state.privateEndpointConnections.some((connection) => connection.status === 'Approved');
  if (state.workspace.publicNetworkAccess === 'Disabled' && !approved) {
    findings.push({
      code: 'private-hub-without-endpoint',
      severity: 'error',
      title: 'Nobody can reach this hub',
      detail:
        'Public access is disabled and the hub has no approved private endpoint. Add a private endpoint in a virtual network your users reach.',
      resourceId: state.workspace.id,
      fix: { command: FIX_COMMANDS.addPrivateEndpoint, args: [state.workspace.id], title: 'Add a private endpoint' },
    });
  }
  return findings;
}

export function managedNetworkFindings(state: HubNetworkState): Finding[] {
  const network = state.workspace.managedNetwork;
  if (!network || network.isolationMode === 'AllowOnlyApprovedOutbound') {
    return [];
  }
  const ignored = network.outboundRules.filter((rule) => rule.type === 'FQDN');
  if (ignored.length === 0) {
    return [];
  }
  const names = ignored.map((rule) => rule.name).join(', ');
  return [
    {
      code: 'fqdn-rules-ignored',
      severity: 'warning',
      title: `${ignored.length} FQDN outbound ${ignored.length === 1 ? 'rule has' : 'rules have'} no effect`,
      detail: `FQDN rules (${names}) apply only when the managed network allows only approved outbound traffic; the isolation mode is ${network.isolationMode}. Switch the mode, or remove the rules to avoid confusion.`,
      resourceId: state.workspace.id,
    },
  ];
}
