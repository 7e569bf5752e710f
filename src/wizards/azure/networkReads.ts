/** The reads the wizards' pickers need beyond the hub state and the VNet list: private DNS zones anywhere the user can see. */
import type { ArmConnection } from '../../azure/clients';
import { readPrivateDnsZone } from '../../azure/privateDnsRead';
import { parseResourceId } from '../../model/armIds';
import { privateDnsZonesFor } from '../../model/dnsZones';
import type { Cloud } from '../../model/clouds';
import type { PrivateDnsZoneStatus } from '../../model/hubState';

export interface ZoneLocation {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}

/** The hub's two zones in one resource group: whether each exists, and what it links and holds. */
export function workspaceZonesIn(connection: ArmConnection, cloud: Cloud, location: ZoneLocation): Promise<PrivateDnsZoneStatus[]> {
  return Promise.all(privateDnsZonesFor(cloud, 'amlworkspace').map((zoneName) => readPrivateDnsZone(connection, { ...location, zoneName }, 'amlworkspace')));
}

/** Resource groups (in these subscriptions) that hold every workspace zone: candidates for central, shared zones. */
export async function centralZoneLocations(connection: ArmConnection, cloud: Cloud, subscriptionIds: readonly string[]): Promise<ZoneLocation[]> {
  const wanted = privateDnsZonesFor(cloud, 'amlworkspace');
  const found = new Map<string, { location: ZoneLocation; zones: Set<string> }>();
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
