/**
 * The sections under a hub, each mapped from the hub's assessment (and its state for what is only shown): public
 * access, private endpoints, DNS, outbound, dependent resources, findings. Nothing here judges isolation.
 */
import type { AccessMode, HubAssessment } from '../../model/assessment';
import { resourceNameOf, sameResourceId } from '../../model/armIds';
import type {
  ConnectionStatus,
  HubNetworkState,
  ManagedNetwork,
  PrivateEndpointConnection,
} from '../../model/hubState';
import type { NodeView, Tone } from '../nodeView';
import { plural } from '../nodeView';
import { dependentResourcesNode } from './dependentNodes';
import { dnsNode, recordNodes } from './dnsNodes';
import { findingsNode } from './findingNodes';

export function hubSections(state: HubNetworkState, assessment: HubAssessment): NodeView[] {
  const hubId = state.workspace.id;
  return [
    publicAccessNode(hubId, assessment.access, state.workspace.networkAclsRead.succeeded),
    privateEndpointsNode(state, assessment),
    dnsNode(hubId, assessment.dns),
    outboundNode(hubId, state.workspace.managedNetwork),
    dependentResourcesNode(hubId, assessment.dependencies),
    findingsNode(hubId, assessment.findings),
  ];
}

const PREVIEW_NOTE = 'IP rules are read with a preview api-version: Azure has them in no stable version.';

export function publicAccessNode(hubId: string, access: AccessMode, rulesRead: boolean): NodeView {
  const base = { id: `${hubId}/publicAccess`, context: 'publicAccess' as const, hubId, resourceId: hubId };
  const ruleNodes = (rules: readonly string[], description?: string) =>
    rules.map((rule) => ({
      id: `${hubId}/publicAccess/${rule}`,
      label: rule,
      ...(description ? { description } : {}),
      context: 'ipRule' as const,
      hubId,
      icon: { codicon: 'circle-small-filled', tone: 'neutral' as const },
    }));
  switch (access.kind) {
    case 'disabled':
      return {
        ...base,
        label: 'Public access: Disabled',
        description: 'private endpoints only',
        icon: { codicon: 'lock', tone: 'secure' },
        tooltip: '**Public network access is Disabled.** The hub answers only through its private endpoints.',
        expandable: access.ignoredIpRules.length > 0,
        children: ruleNodes(access.ignoredIpRules, 'stored, no effect while Disabled'),
      };
    case 'allNetworks':
      return {
        ...base,
        label: 'Public access: Enabled (all networks)',
        description: 'anyone on the internet',
        icon: { codicon: 'globe', tone: 'exposed' },
        tooltip: `**Public network access is Enabled from all networks.** Any address on the internet can reach the hub (with valid credentials).\n\n${rulesRead ? PREVIEW_NOTE : ''}`,
        expandable: access.ignoredIpRules.length > 0,
        children: ruleNodes(access.ignoredIpRules, 'stored, no effect: the default action is Allow'),
      };
    case 'unknown':
      return {
        ...base,
        label: 'Public access: Enabled (rules unknown)',
        description: 'IP rules unreadable',
        icon: { codicon: 'globe', tone: 'warning' },
        tooltip: `**Public network access is Enabled, and the IP rules could not be read.** ${access.reason}`,
      };
    case 'selectedNetworks':
      return {
        ...base,
        label: `Public access: Enabled (selected IPs: ${plural(access.ipRules.length, 'rule')})`,
        description: access.ipRules.length ? 'only these addresses reach it' : 'no rule lets anyone in',
        icon: { codicon: 'shield', tone: 'warning' },
        tooltip: `**Public network access is Enabled from selected IPs.** Only these addresses reach the hub from the internet.\n\n${PREVIEW_NOTE}`,
        expandable: access.ipRules.length > 0,
        children: ruleNodes(access.ipRules),
      };
  }
}

export const CONNECTION_TONE: Readonly<Record<ConnectionStatus, Tone>> = {
  Approved: 'secure',
  Pending: 'warning',
  Rejected: 'error',
  Disconnected: 'error',
  Timeout: 'error',
};

export const CONNECTION_ICON: Readonly<Record<ConnectionStatus, string>> = {
  Approved: 'pass',
  Pending: 'clock',
  Rejected: 'circle-slash',
  Disconnected: 'debug-disconnect',
  Timeout: 'watch',
};

export function privateEndpointsNode(state: HubNetworkState, assessment: HubAssessment): NodeView {
  const hubId = state.workspace.id;
  const connections = state.privateEndpointConnections;
  const approved = connections.filter((c) => c.status === 'Approved').length;
  const tone: Tone = connections.length === 0 ? 'neutral' : approved === connections.length ? 'secure' : 'warning';
  return {
    id: `${hubId}/privateEndpoints`,
    label: `Private endpoints (${connections.length})`,
    description: connections.length === 0 ? 'none' : `${approved} approved`,
    context: 'privateEndpoints',
    hubId,
    icon: { codicon: 'plug', tone },
    expandable: connections.length > 0,
    children: connections.map((connection) => connectionNode(hubId, connection, assessment)),
  };
}

function connectionNode(hubId: string, connection: PrivateEndpointConnection, assessment: HubAssessment): NodeView {
  const endpoint = connection.privateEndpoint;
  const endpointName = endpoint?.name ?? resourceNameOf(connection.privateEndpointId);
  const where = endpoint
    ? `${resourceNameOf(endpoint.virtualNetworkId)}/${resourceNameOf(endpoint.subnetId)}`
    : 'endpoint not readable';
  const ips = endpoint?.privateIpAddresses.join(', ') || 'no private IP';
  const dns = assessment.dns.find((judgement) => sameResourceId(judgement.endpoint.id, connection.privateEndpointId));
  const records = dns ? recordNodes(`${connection.id}/dns`, hubId, dns.records, 'fqdn') : [];
  return {
    id: connection.id,
    label: endpointName,
    description: `${connection.status} · ${where} · ${ips}`,
    context: 'privateEndpointConnection',
    contextFlags: [connection.status.toLowerCase()],
    hubId,
    resourceId: connection.id,
    icon: { codicon: CONNECTION_ICON[connection.status], tone: CONNECTION_TONE[connection.status] },
    tooltip: [
      `**${endpointName}**: connection ${connection.status}`,
      connection.description ? `> ${connection.description}` : '',
      `VNet/subnet: ${where}`,
      `Private IPs: ${ips}`,
      endpoint ? `Zone groups: ${endpoint.dnsZoneGroups.map((g) => g.name).join(', ') || 'none'}` : '',
      connection.status === 'Approved' ? '' : 'Not approved: it carries no traffic, and its DNS is not judged.',
    ]
      .filter(Boolean)
      .join('\n\n'),
    expandable: records.length > 0,
    children: records,
  };
}

const ISOLATION_LABEL: Readonly<Record<ManagedNetwork['isolationMode'], string>> = {
  Disabled: 'Disabled (no managed network)',
  AllowInternetOutbound: 'Allow internet outbound',
  AllowOnlyApprovedOutbound: 'Allow only approved outbound',
};

export function outboundNode(hubId: string, managedNetwork: ManagedNetwork | undefined): NodeView {
  const mode = managedNetwork?.isolationMode ?? 'Disabled';
  const rules = managedNetwork?.outboundRules ?? [];
  return {
    id: `${hubId}/outbound`,
    label: `Outbound: ${ISOLATION_LABEL[mode]}`,
    description: rules.length ? plural(rules.length, 'rule') : undefined,
    context: 'outbound',
    hubId,
    icon: {
      codicon: 'arrow-up',
      tone: mode === 'AllowOnlyApprovedOutbound' ? 'secure' : mode === 'AllowInternetOutbound' ? 'warning' : 'neutral',
    },
    tooltip: `**Managed network isolation: ${ISOLATION_LABEL[mode]}**${managedNetwork?.status ? `\n\nStatus: ${managedNetwork.status}` : ''}`,
    expandable: rules.length > 0,
    children: rules.map((rule) => ({
      id: `${hubId}/outbound/${rule.name}`,
      label: rule.name,
      description: `${rule.type} → ${rule.destination}${rule.status ? ` (${rule.status})` : ''}`,
      context: 'outboundRule' as const,
      hubId,
      icon: {
        codicon: rule.type === 'FQDN' ? 'link' : rule.type === 'ServiceTag' ? 'tag' : 'plug',
        tone: 'neutral' as const,
      },
      tooltip: rule.category ? `Category: ${rule.category}` : undefined,
    })),
  };
}
