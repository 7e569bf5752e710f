/** Reads a private DNS zone, its VNet links and its A records in one parallel round trip. */
import type { AbortSignalLike } from '@azure/abort-controller';
import { isRestError } from '@azure/core-rest-pipeline';
import type { GroupId } from '../model/dnsZones';
import type { DnsARecord, PrivateDnsZoneStatus } from '../model/hubState';
import { buildResourceId, parseResourceId } from '../model/armIds';
import type { ArmConnection } from './clients';
import { collect } from './collect';

/** A resource group that holds (or would hold) private DNS zones. */
export interface ZoneResourceGroup {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}

/** Where one private DNS zone lives. */
export interface ZoneLocation extends ZoneResourceGroup {
  readonly zoneName: string;
}

export function zoneLocationOf(zoneId: string): ZoneLocation {
  const parsed = parseResourceId(zoneId);
  return {
    subscriptionId: parsed.subscriptionId,
    resourceGroup: parsed.resourceGroup ?? '',
    zoneName: parsed.resources[0]?.name ?? '',
  };
}

export function zoneIdOf(location: ZoneLocation): string {
  return buildResourceId(location.subscriptionId, location.resourceGroup, 'Microsoft.Network', {
    type: 'privateDnsZones',
    name: location.zoneName,
  });
}

/** A missing zone (or resource group) reads as "not there", not as an error. */
async function orEmptyWhenMissing<T>(read: Promise<T>, empty: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isRestError(error) && error.statusCode === 404) {
      return empty;
    }
    throw error;
  }
}

export async function readPrivateDnsZone(
  connection: ArmConnection,
  location: ZoneLocation,
  groupId: GroupId,
  abortSignal?: AbortSignalLike,
): Promise<PrivateDnsZoneStatus> {
  const privateDns = connection.forSubscription(location.subscriptionId).privateDns;
  const { resourceGroup, zoneName } = location;
  const [zone, links, records] = await Promise.all([
    orEmptyWhenMissing(
      privateDns.privateZones
        .get(resourceGroup, zoneName, { abortSignal })
        .then((found) => found as object | undefined),
      undefined,
    ),
    orEmptyWhenMissing(collect(privateDns.virtualNetworkLinks.list(resourceGroup, zoneName, { abortSignal })), []),
    orEmptyWhenMissing(collect(privateDns.recordSets.listByType(resourceGroup, zoneName, 'A', { abortSignal })), []),
  ]);
  const aRecords: DnsARecord[] = records.map((record) => ({
    relativeName: record.name ?? '',
    ipAddresses: (record.aRecords ?? []).flatMap((entry) => (entry.ipv4Address ? [entry.ipv4Address] : [])),
  }));
  return {
    zoneName,
    groupId,
    id: zoneIdOf(location),
    exists: zone !== undefined,
    linkedVirtualNetworkIds: links.flatMap((link) => (link.virtualNetwork?.id ? [link.virtualNetwork.id] : [])),
    aRecords,
  };
}
