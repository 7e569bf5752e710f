/** The reads the wizards' pickers need beyond the hub state and the VNet list: private DNS zones anywhere the user can see. */
import type { ArmConnection } from '../../azure/clients';
import { readPrivateDnsZone, type ZoneResourceGroup } from '../../azure/privateDnsRead';
import {
  privateEndpointOf,
  readPrivateEndpointAndZoneGroups,
  readPrivateEndpointNetwork,
} from '../../azure/privateEndpointRead';
import { connectionStatusOf } from '../../azure/workspaceModels';
import { parseResourceId } from '../../model/armIds';
import { privateDnsZonesFor, type GroupId } from '../../model/dnsZones';
import type { Cloud } from '../../model/clouds';
import type { ConnectionStatus, PrivateDnsZoneStatus, PrivateEndpoint } from '../../model/hubState';

/** The hub's two zones in one resource group: whether each exists, and what it links and holds. */
export function workspaceZonesIn(
  connection: ArmConnection,
  cloud: Cloud,
  location: ZoneResourceGroup,
): Promise<PrivateDnsZoneStatus[]> {
  return privateLinkZonesIn(connection, cloud, location, ['amlworkspace']);
}

/** Every zone these group ids need, once each, in one resource group. */
export function privateLinkZonesIn(
  connection: ArmConnection,
  cloud: Cloud,
  location: ZoneResourceGroup,
  groupIds: readonly GroupId[],
): Promise<PrivateDnsZoneStatus[]> {
  const zones = [
    ...new Map(
      groupIds.flatMap((groupId) => privateDnsZonesFor(cloud, groupId).map((zoneName) => [zoneName, groupId] as const)),
    ).entries(),
  ];
  return Promise.all(
    zones.map(([zoneName, groupId]) => readPrivateDnsZone(connection, { ...location, zoneName }, groupId)),
  );
}

export interface EndpointReading {
  readonly endpoint: PrivateEndpoint;
  /** The connection's state as the target holds it. */
  readonly status: ConnectionStatus;
}

/** A private endpoint just created, read back for the finish's checks: provisioning, approval, IPs and zone groups. */
export async function readEndpointForChecks(connection: ArmConnection, endpointId: string): Promise<EndpointReading> {
  const first = await readPrivateEndpointAndZoneGroups(connection, endpointId);
  const network = await readPrivateEndpointNetwork(connection, first.endpoint);
  const [link] = [
    ...(first.endpoint.privateLinkServiceConnections ?? []),
    ...(first.endpoint.manualPrivateLinkServiceConnections ?? []),
  ];
  return {
    endpoint: privateEndpointOf(first, network),
    status: connectionStatusOf(link?.privateLinkServiceConnectionState?.status),
  };
}

/** Resource groups (in these subscriptions) that hold every workspace zone: candidates for central, shared zones. */
export async function centralZoneResourceGroups(
  connection: ArmConnection,
  cloud: Cloud,
  subscriptionIds: readonly string[],
): Promise<ZoneResourceGroup[]> {
  const wanted = privateDnsZonesFor(cloud, 'amlworkspace');
  const found = new Map<string, { location: ZoneResourceGroup; zones: Set<string> }>();
  for (const subscriptionId of subscriptionIds) {
    for await (const zone of connection.forSubscription(subscriptionId).privateDns.privateZones.list()) {
      const name = (zone.name ?? '').toLowerCase();
      if (!zone.id || !wanted.includes(name)) continue;
      const resourceGroup = parseResourceId(zone.id).resourceGroup ?? '';
      const key = `${subscriptionId}/${resourceGroup}`.toLowerCase();
      const entry = found.get(key) ?? { location: { subscriptionId, resourceGroup }, zones: new Set<string>() };
      entry.zones.add(name);
      found.set(key, entry);
    }
  }
  return [...found.values()].filter((entry) => entry.zones.size === wanted.length).map((entry) => entry.location);
}
