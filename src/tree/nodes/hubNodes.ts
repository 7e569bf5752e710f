/** The sections under a hub: public access, private endpoints, DNS, outbound, dependent resources, findings. */
import { resourceNameOf, sameResourceId } from '../../model/armIds';
import type { Finding } from '../../model/findings';
import type {
  ConnectionStatus,
  HubNetworkState,
  ManagedNetwork,
  PrivateEndpointConnection,
  PrivateDnsZoneStatus,
} from '../../model/hubState';
import { publicAccessModeOf } from '../../model/publicAccess';
import type { NodeView, Tone } from '../nodeView';
import { plural } from '../nodeView';
import { dependentResourcesNode } from './dependentNodes';
import { findingsNode } from './findingNodes';

export function hubSections(state: HubNetworkState, findings: readonly Finding[]): NodeView[] {
  const hubId = state.workspace.id;
  return [
    publicAccessNode(state),
    privateEndpointsNode(state),
    dnsNode(state),
    outboundNode(hubId, state.workspace.managedNetwork),
    dependentResourcesNode(hubId, state.dependentResources),
    findingsNode(hubId, findings),
  ];
}

export function publicAccessNode(state: HubNetworkState): NodeView {
  const { workspace } = state;
  const mode = publicAccessModeOf(workspace.publicNetworkAccess, workspace.networkAcls);
  const hubId = workspace.id;
  const base = { id: `${hubId}/publicAccess`, context: 'publicAccess' as const, hubId, resourceId: hubId };
  const rulesUnknown = !workspace.networkAclsRead.succeeded && workspace.publicNetworkAccess === 'Enabled';
  const aclNote = workspace.networkAclsRead.succeeded
    ? 'IP rules are read with a preview api-version: Azure has them in no stable version.'
    : `The IP rules could not be read (preview api-version): ${workspace.networkAclsRead.message}`;
  switch (mode.kind) {
    case 'disabled':
      return {
        ...base,
        label: 'Public access: Disabled',
        description: 'private endpoints only',
        icon: { codicon: 'lock', tone: 'secure' },
        tooltip: '**Public network access is Disabled.** The hub answers only through its private endpoints.',
      };
    case 'allNetworks':
      return {
        ...base,
        label: rulesUnknown ? 'Public access: Enabled (rules unknown)' : 'Public access: Enabled (all networks)',
        description: rulesUnknown ? 'IP rules unreadable' : 'anyone on the internet',
        icon: { codicon: 'globe', tone: rulesUnknown ? 'warning' : 'exposed' },
        tooltip: `**Public network access is Enabled from all networks.** Any address on the internet can reach the hub (with valid credentials).\n\n${aclNote}`,
      };
    case 'selectedIps':
      return {
        ...base,
        label: `Public access: Enabled (selected IPs: ${plural(mode.ipRules.length, 'rule')})`,
        description: 'only these addresses reach it',
        icon: { codicon: 'shield', tone: 'warning' },
        tooltip: `**Public network access is Enabled from selected IPs.** Only these addresses reach the hub from the internet.\n\n${aclNote}`,
        expandable: mode.ipRules.length > 0,
        children: mode.ipRules.map((rule) => ({
          id: `${hubId}/publicAccess/${rule}`,
          label: rule,
          context: 'ipRule' as const,
          hubId,
          icon: { codicon: 'circle-small-filled', tone: 'neutral' as const },
        })),
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

export function privateEndpointsNode(state: HubNetworkState): NodeView {
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
    children: connections.map((connection) => connectionNode(hubId, connection)),
  };
}

function connectionNode(hubId: string, connection: PrivateEndpointConnection): NodeView {
  const endpoint = connection.privateEndpoint;
  const endpointName = endpoint?.name ?? resourceNameOf(connection.privateEndpointId);
  const where = endpoint
    ? `${resourceNameOf(endpoint.virtualNetworkId)}/${resourceNameOf(endpoint.subnetId)}`
    : 'endpoint not readable';
  const ips = endpoint?.privateIpAddresses.join(', ') || 'no private IP';
  const records =
    endpoint?.dnsZoneGroups.flatMap((group) => group.zoneConfigs.flatMap((zone) => zone.recordSets)) ?? [];
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
    ]
      .filter(Boolean)
      .join('\n\n'),
    expandable: records.length > 0,
    children: records.map((record) =>
      dnsRecordNode(hubId, `${connection.id}/record/${record.fqdn}`, record.fqdn, record.ipAddresses),
    ),
  };
}

export function dnsNode(state: HubNetworkState): NodeView {
  const hubId = state.workspace.id;
  const endpointVnets = state.privateEndpointConnections.flatMap((c) =>
    c.privateEndpoint ? [c.privateEndpoint.virtualNetworkId] : [],
  );
  const zones = state.dnsZones.map((zone) => zoneNode(hubId, zone, endpointVnets));
  const complete = zones.every((zone) => zone.icon?.tone === 'secure');
  const needed = endpointVnets.length > 0;
  return {
    id: `${hubId}/dns`,
    label: 'DNS',
    description: !needed ? 'no private endpoint' : complete ? 'complete' : 'incomplete',
    context: 'dns',
    hubId,
    icon: { codicon: 'symbol-namespace', tone: !needed ? 'neutral' : complete ? 'secure' : 'warning' },
    expandable: zones.length > 0,
    children: zones,
  };
}

function zoneNode(hubId: string, zone: PrivateDnsZoneStatus, endpointVnets: readonly string[]): NodeView {
  const unlinked = endpointVnets.filter(
    (vnet) => !zone.linkedVirtualNetworkIds.some((linked) => sameResourceId(linked, vnet)),
  );
  const problems: string[] = [];
  if (!zone.exists) problems.push('missing');
  else {
    if (unlinked.length) problems.push(`not linked to ${[...new Set(unlinked.map(resourceNameOf))].join(', ')}`);
    if (endpointVnets.length && zone.aRecords.length === 0) problems.push('no A records');
  }
  const status = problems.length
    ? problems.join(', ')
    : `${plural(zone.linkedVirtualNetworkIds.length, 'link')}, ${plural(zone.aRecords.length, 'record')}`;
  return {
    id: `${hubId}/dns/${zone.zoneName}`,
    label: zone.zoneName,
    description: status,
    context: 'dnsZone',
    contextFlags: problems.length ? ['incomplete'] : [],
    hubId,
    resourceId: zone.exists ? zone.id : undefined,
    icon: {
      codicon: zone.exists ? 'globe' : 'question',
      tone: problems.length ? (zone.exists ? 'warning' : 'error') : 'secure',
    },
    tooltip: `**${zone.zoneName}** (${zone.groupId})\n\n${zone.exists ? `Linked VNets: ${zone.linkedVirtualNetworkIds.map(resourceNameOf).join(', ') || 'none'}` : 'The zone does not exist where the endpoint needs it.'}`,
    expandable: zone.aRecords.length > 0,
    children: zone.aRecords.map((record) =>
      dnsRecordNode(
        hubId,
        `${hubId}/dns/${zone.zoneName}/${record.relativeName}`,
        record.relativeName,
        record.ipAddresses,
      ),
    ),
  };
}

/** An A record, under its endpoint (by FQDN) or under its zone (by relative name). */
function dnsRecordNode(hubId: string, id: string, label: string, ipAddresses: readonly string[]): NodeView {
  return {
    id,
    label,
    description: ipAddresses.join(', '),
    context: 'dnsRecord',
    hubId,
    icon: { codicon: 'symbol-constant', tone: 'neutral' },
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
