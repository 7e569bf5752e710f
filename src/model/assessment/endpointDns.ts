/**
 * Private DNS judged per resource: start from the names THIS resource needs and the IPs of ITS private endpoints,
 * and check, for each name and each approved endpoint, that the zone exists where the endpoint's zone group (or a
 * link) points, that it is linked to the endpoint's VNet, and that it holds an A record for that name with that IP.
 * Records of other resources in a shared zone are never counted.
 */
import { sameResourceId } from '../armIds';
import type { PrivateDnsZoneStatus, PrivateEndpoint } from '../hubState';

/** One name the resource answers on, where its A record lives, and the IPs it must hold. */
export interface NeededName {
  readonly fqdn: string;
  readonly zoneName: string;
  /** Relative to the zone, as a private DNS zone stores it (`*` labels kept). */
  readonly relativeName: string;
  /** This endpoint's IPs for the name; any of them satisfies the record. */
  readonly expectedIps: readonly string[];
}

export type RecordStatus = 'ok' | 'zoneMissing' | 'notLinked' | 'recordMissing' | 'mismatch';

export interface RecordJudgement extends NeededName {
  /** The zone judged: where it is, or where it would be created. */
  readonly zoneId: string | undefined;
  readonly status: RecordStatus;
  /** What the record holds now, when it exists. */
  readonly actualIps: readonly string[] | undefined;
}

/** Complete, incomplete, or served by the VNet's own DNS servers (which ARM cannot see). */
export type EndpointDnsStatus = 'complete' | 'incomplete' | 'customDns';

export interface EndpointDnsJudgement {
  readonly endpoint: PrivateEndpoint;
  readonly records: readonly RecordJudgement[];
  readonly status: EndpointDnsStatus;
}

export function judgeEndpointDns(
  endpoint: PrivateEndpoint,
  names: readonly NeededName[],
  zones: readonly PrivateDnsZoneStatus[],
): EndpointDnsJudgement {
  const records = names.map((name) => judgeRecord(endpoint, name, zoneFor(endpoint, name.zoneName, zones)));
  const complete = records.every((record) => record.status === 'ok');
  const status: EndpointDnsStatus = complete
    ? 'complete'
    : endpoint.virtualNetworkDnsServers.length > 0
      ? 'customDns'
      : 'incomplete';
  return { endpoint, records, status };
}

/**
 * The zone an endpoint relies on for a zone name: the one its zone group points at; else one linked to its VNet; else
 * one that exists; else the first place it was looked for (where it would be created).
 */
export function zoneFor(
  endpoint: PrivateEndpoint,
  zoneName: string,
  zones: readonly PrivateDnsZoneStatus[],
): PrivateDnsZoneStatus | undefined {
  const named = zones.filter((zone) => zone.zoneName.toLowerCase() === zoneName.toLowerCase());
  const groupZoneIds = endpoint.dnsZoneGroups.flatMap((group) =>
    group.zoneConfigs.map((config) => config.privateDnsZoneId),
  );
  const fromGroup = groupZoneIds.find((id) => zoneNameOf(id) === zoneName.toLowerCase());
  if (fromGroup) {
    return (
      named.find((zone) => sameResourceId(zone.id, fromGroup)) ?? {
        zoneName,
        groupId: named[0]?.groupId ?? 'amlworkspace',
        id: fromGroup,
        exists: false,
        linkedVirtualNetworkIds: [],
        aRecords: [],
      }
    );
  }
  const existing = named.filter((zone) => zone.exists);
  return existing.find((zone) => isLinkedTo(zone, endpoint.virtualNetworkId)) ?? existing[0] ?? named[0];
}

function judgeRecord(
  endpoint: PrivateEndpoint,
  name: NeededName,
  zone: PrivateDnsZoneStatus | undefined,
): RecordJudgement {
  const base = { ...name, zoneId: zone?.id };
  if (!zone?.exists) return { ...base, status: 'zoneMissing', actualIps: undefined };
  const record = zone.aRecords.find((candidate) => candidate.relativeName.toLowerCase() === name.relativeName);
  const actualIps = record?.ipAddresses;
  if (!isLinkedTo(zone, endpoint.virtualNetworkId)) return { ...base, status: 'notLinked', actualIps };
  if (!record) return { ...base, status: 'recordMissing', actualIps: undefined };
  // Any of the endpoint's IPs for the name will do; an extra IP is a stale one that clients get part of the time.
  const right = record.ipAddresses.some((ip) => name.expectedIps.includes(ip));
  const stale = record.ipAddresses.some((ip) => !name.expectedIps.includes(ip));
  return { ...base, status: right && !stale ? 'ok' : 'mismatch', actualIps };
}

export function isLinkedTo(zone: PrivateDnsZoneStatus, virtualNetworkId: string): boolean {
  return zone.linkedVirtualNetworkIds.some((linked) => sameResourceId(linked, virtualNetworkId));
}

function zoneNameOf(zoneId: string): string {
  return (zoneId.split('/').pop() ?? '').toLowerCase();
}

/** The IPs an endpoint gives a name: its customDnsConfigs entry (exact, then wildcard), else every IP it has. */
export function endpointIpsFor(endpoint: PrivateEndpoint, fqdn: string): readonly string[] {
  const wanted = fqdn.toLowerCase();
  const exact = endpoint.customDnsConfigs.find((config) => config.fqdn.toLowerCase() === wanted);
  if (exact && exact.ipAddresses.length > 0) return exact.ipAddresses;
  return endpoint.privateIpAddresses;
}
