/**
 * Findings about name resolution and the endpoint's virtual network: the private DNS zones, their VNet links, the
 * A records the zone group should have written, and the Docker bridge range.
 */
import { dockerBridgeOverlaps } from './ipRules';
import { DOCKER_BRIDGE_RANGE } from './reservedRanges';
import { parseResourceId, sameResourceId } from './armIds';
import { privateZoneRecordOf } from './dnsRecords';
import { FIX_COMMANDS, type Finding } from './findingTypes';
import {
  approvedPrivateEndpoints,
  type HubNetworkState,
  type PrivateDnsZoneStatus,
  type PrivateEndpoint,
} from './hubState';

export function dnsFindings(state: HubNetworkState): Finding[] {
  const endpoints = approvedPrivateEndpoints(state);
  if (endpoints.length === 0) {
    return [];
  }
  const fix = { command: FIX_COMMANDS.fixPrivateDns, args: [state.workspace.id], title: 'Fix private DNS' };
  const findings: Finding[] = [];
  for (const zone of state.dnsZones) {
    if (!zone.exists) {
      findings.push({
        code: 'dns-zone-missing',
        severity: 'error',
        title: `Private DNS zone ${zone.zoneName} is missing`,
        detail: `Without it, clients resolve ${state.workspace.name} to its public address and fail once public access is off. Create the zone and link it to the endpoint's virtual network, or, if you run your own DNS, add the A records yourself.`,
        resourceId: zone.id ?? state.workspace.id,
        fix,
      });
      continue;
    }
    findings.push(...unlinkedZoneFindings(zone, endpoints, fix));
  }
  for (const endpoint of endpoints) {
    findings.push(...recordFindings(state, endpoint));
  }
  return findings;
}

function unlinkedZoneFindings(
  zone: PrivateDnsZoneStatus,
  endpoints: readonly PrivateEndpoint[],
  fix: Finding['fix'],
): Finding[] {
  const virtualNetworkIds = uniqueIds(endpoints.map((endpoint) => endpoint.virtualNetworkId));
  return virtualNetworkIds
    .filter((vnetId) => !zone.linkedVirtualNetworkIds.some((linked) => sameResourceId(linked, vnetId)))
    .map((vnetId) => ({
      code: 'dns-zone-not-linked',
      severity: 'error' as const,
      title: `${zone.zoneName} is not linked to ${nameOf(vnetId)}`,
      detail: `Machines in ${nameOf(vnetId)} do not see the zone's records and get the public address. Add a virtual network link (auto-registration off).`,
      resourceId: zone.id ?? vnetId,
      fix: fix && { ...fix, args: [...fix.args, vnetId] },
    }));
}

/** Every name the endpoint publishes (customDnsConfigs) must have an A record with its IPs in the private zone. */
function recordFindings(state: HubNetworkState, endpoint: PrivateEndpoint): Finding[] {
  const missing: string[] = [];
  const wrongIp: string[] = [];
  for (const config of endpoint.customDnsConfigs) {
    const location = privateZoneRecordOf(state.cloud, config.fqdn, state.workspace.workspaceId);
    const zone = location && state.dnsZones.find((candidate) => candidate.zoneName.toLowerCase() === location.zoneName);
    if (!location || !zone?.exists) {
      continue;
    }
    const record = zone.aRecords.find((candidate) => candidate.relativeName.toLowerCase() === location.relativeName);
    if (!record) {
      missing.push(config.fqdn);
    } else if (!config.ipAddresses.every((ip) => record.ipAddresses.includes(ip))) {
      wrongIp.push(config.fqdn);
    }
  }
  const findings: Finding[] = [];
  const fix = {
    command: FIX_COMMANDS.fixPrivateDns,
    args: [state.workspace.id, endpoint.id],
    title: 'Fix private DNS',
  };
  if (missing.length > 0) {
    findings.push({
      code: 'dns-records-missing',
      severity: 'error',
      title: `${missing.length} A ${missing.length === 1 ? 'record is' : 'records are'} missing for ${endpoint.name}`,
      detail: `No private DNS record for ${missing.join(', ')}. Add a DNS zone group to the endpoint so Azure writes them, or create them by hand.`,
      resourceId: endpoint.id,
      fix,
    });
  }
  if (wrongIp.length > 0) {
    findings.push({
      code: 'dns-records-wrong-ip',
      severity: 'error',
      title: `${wrongIp.length} A ${wrongIp.length === 1 ? 'record points' : 'records point'} elsewhere`,
      detail: `The records for ${wrongIp.join(', ')} do not hold the IPs of ${endpoint.name}; another endpoint may own them. Keep one endpoint per zone and VNet, or update the records.`,
      resourceId: endpoint.id,
      fix,
    });
  }
  return findings;
}

export function virtualNetworkFindings(state: HubNetworkState): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const connection of state.privateEndpointConnections) {
    const endpoint = connection.privateEndpoint;
    if (!endpoint || seen.has(endpoint.virtualNetworkId.toLowerCase())) {
      continue;
    }
    seen.add(endpoint.virtualNetworkId.toLowerCase());
    const ranges = [
      ...endpoint.virtualNetworkAddressPrefixes,
      ...endpoint.subnetAddressPrefixes,
      ...endpoint.privateIpAddresses,
    ];
    const colliding = dockerBridgeOverlaps(ranges);
    if (colliding.length > 0) {
      findings.push({
        code: 'docker-bridge-overlap',
        severity: 'warning',
        title: `${nameOf(endpoint.virtualNetworkId)} overlaps Docker's ${DOCKER_BRIDGE_RANGE}`,
        detail: `${colliding.join(', ')} overlaps the default Docker bridge of compute instances, so containers cannot reach those addresses. Use another address space for the virtual network.`,
        resourceId: endpoint.virtualNetworkId,
      });
    }
  }
  return findings;
}

function uniqueIds(ids: readonly string[]): string[] {
  const result: string[] = [];
  for (const id of ids) {
    if (!result.some((existing) => sameResourceId(existing, id))) {
      result.push(id);
    }
  }
  return result;
}

function nameOf(resourceId: string): string {
  try {
    return parseResourceId(resourceId).resources.at(-1)?.name ?? resourceId;
  } catch {
    return resourceId;
  }
}
