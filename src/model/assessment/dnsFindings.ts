/** Findings from the per-resource DNS judgement, and from the endpoints' virtual networks. */
import { resourceNameOf } from '../armIds';
import { dockerBridgeOverlaps } from '../ipRules';
import type { PrivateEndpoint } from '../hubState';
import { DOCKER_BRIDGE_RANGE } from '../reservedRanges';
import { WIZARD_COMMANDS } from '../../wizards/ids';
import type { EndpointDnsJudgement, RecordJudgement } from './endpointDns';
import type { Finding, FindingFix } from './types';

export function dnsFindings(
  resourceId: string,
  resourceName: string,
  judgements: readonly EndpointDnsJudgement[],
): Finding[] {
  return judgements.flatMap((judgement) =>
    judgement.status === 'customDns'
      ? [customDnsFinding(judgement)]
      : endpointDnsFindings(resourceId, resourceName, judgement),
  );
}

function endpointDnsFindings(resourceId: string, resourceName: string, judgement: EndpointDnsJudgement): Finding[] {
  const { endpoint } = judgement;
  const vnet = resourceNameOf(endpoint.virtualNetworkId);
  const fix: FindingFix = {
    command: WIZARD_COMMANDS.configurePrivateDns.command,
    args: [resourceId, endpoint.id],
    title: 'Configure private DNS',
  };
  const findings: Finding[] = [];
  const byZone = groupBy(judgement.records, (record) => `${record.zoneName}|${record.zoneId ?? ''}`);
  for (const records of byZone.values()) {
    const first = records[0]!;
    // Where no zone of that name was found anywhere, the finding belongs to the resource itself.
    const zoneRef = first.zoneId ?? resourceId;
    if (first.status === 'zoneMissing') {
      findings.push({
        id: 'dns-zone-missing',
        severity: 'error',
        resourceId: zoneRef,
        subject: `${first.zoneName}|${endpoint.id}`,
        message: `Private DNS zone ${first.zoneName} is missing`,
        detail: `${names(records)} of ${resourceName} need${records.length === 1 ? 's' : ''} ${first.zoneName}${first.zoneId ? ` (the zone group of ${endpoint.name} points at ${first.zoneId})` : ''}, and it does not exist. Clients in ${vnet} resolve ${records.length === 1 ? 'it' : 'them'} to the public address. Create the zone, link it to ${vnet} and add the records, or hand the records to your own DNS (Export Custom DNS Records).`,
        fix,
      });
      continue;
    }
    if (first.status === 'notLinked') {
      findings.push({
        id: 'dns-zone-not-linked',
        severity: 'error',
        resourceId: zoneRef,
        subject: endpoint.virtualNetworkId,
        message: `${first.zoneName} is not linked to ${vnet}`,
        detail: `Machines in ${vnet} (where ${endpoint.name} is) do not see the zone's records, so ${names(records)} resolve${records.length === 1 ? 's' : ''} to the public address. Add a virtual network link (auto-registration off).`,
        fix: { ...fix, args: [...fix.args, endpoint.virtualNetworkId] },
      });
    }
    for (const record of records) findings.push(...recordFinding(record, endpoint, resourceName, fix, zoneRef));
  }
  return findings;
}

function recordFinding(
  record: RecordJudgement,
  endpoint: PrivateEndpoint,
  resourceName: string,
  fix: FindingFix,
  zoneRef: string,
): Finding[] {
  if (record.status === 'recordMissing') {
    return [
      {
        id: 'dns-record-missing',
        severity: 'error',
        resourceId: zoneRef,
        subject: record.fqdn,
        message: `No A record for ${record.fqdn}`,
        detail: `${record.zoneName} has no record ${record.relativeName}, so ${record.fqdn} (a name of ${resourceName}) resolves to the public address. It should point at ${record.expectedIps.join(' or ')} (${endpoint.name}). A DNS zone group on the endpoint writes it.`,
        fix,
      },
    ];
  }
  if (record.status === 'mismatch') {
    const stale = (record.actualIps ?? []).filter((ip) => !record.expectedIps.includes(ip));
    return [
      {
        id: 'dns-record-mismatch',
        severity: 'error',
        resourceId: zoneRef,
        subject: record.fqdn,
        message: `${record.fqdn} points at ${(record.actualIps ?? []).join(', ')}, not at ${endpoint.name}`,
        detail: `The A record ${record.relativeName} in ${record.zoneName} holds ${stale.join(', ')}, which ${stale.length === 1 ? 'is' : 'are'} not an IP of ${endpoint.name} (${record.expectedIps.join(', ')}). Clients reach another endpoint, or nothing. Another endpoint may own the record: keep one endpoint per zone and VNet, or correct the record.`,
        fix,
      },
    ];
  }
  return [];
}

function customDnsFinding(judgement: EndpointDnsJudgement): Finding {
  const { endpoint } = judgement;
  const servers = endpoint.virtualNetworkDnsServers.join(', ');
  const unresolved = judgement.records.filter((record) => record.status !== 'ok');
  return {
    id: 'dns-servers-custom',
    severity: 'warning',
    resourceId: endpoint.virtualNetworkId,
    subject: endpoint.id,
    message: `${resourceNameOf(endpoint.virtualNetworkId)} uses its own DNS servers (${servers}): DNS cannot be verified from Azure`,
    detail: `The Azure private DNS zones do not answer ${names(unresolved)} for ${endpoint.name}, and ${resourceNameOf(endpoint.virtualNetworkId)} resolves through ${servers}. Those servers must hold the A records or forward the privatelink zones to Azure DNS (168.63.129.16). Run Diagnose Connectivity from a machine in the VNet to see what they answer.`,
  };
}

export function dockerBridgeFindings(endpoints: readonly PrivateEndpoint[]): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const endpoint of endpoints) {
    const key = endpoint.virtualNetworkId.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const ranges = [
      ...endpoint.virtualNetworkAddressPrefixes,
      ...endpoint.subnetAddressPrefixes,
      ...endpoint.privateIpAddresses,
    ];
    const colliding = [...new Set(dockerBridgeOverlaps(ranges))];
    if (colliding.length === 0) continue;
    findings.push({
      id: 'docker-bridge-range',
      severity: 'warning',
      resourceId: endpoint.virtualNetworkId,
      message: `${resourceNameOf(endpoint.virtualNetworkId)} overlaps Docker's ${DOCKER_BRIDGE_RANGE}`,
      detail: `${colliding.join(', ')} overlaps the default Docker bridge of compute instances, so containers there cannot reach those addresses. Use another address space for the virtual network.`,
    });
  }
  return findings;
}

function names(records: readonly RecordJudgement[]): string {
  const fqdns = records.map((record) => record.fqdn);
  return fqdns.length <= 3 ? fqdns.join(', ') : `${fqdns.slice(0, 3).join(', ')} and ${fqdns.length - 3} more`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
