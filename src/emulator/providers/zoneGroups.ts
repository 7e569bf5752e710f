import { type ArmResource, type Reply, ArmError, isRecord } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  checkPreconditions,
  itemReply,
  listReply,
  propertiesOf,
  requestBody,
  requireParent,
  resourceIdOf,
} from '../context';
import { groupDefinition } from '../privateLinks';
import type { ResourceStore } from '../store';
import { networkDelete, networkWrite } from './network';

const ZONE_GROUP_TYPE = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
const RECORD_TTL = 10;

interface RecordSetEntry {
  recordType: 'A';
  recordSetName: string;
  fqdn: string;
  ttl: number;
  ipAddresses: string[];
  provisioningState: 'Succeeded';
}

/** The names this endpoint needs in DNS, with its private IP, from its target's private-link group. */
function endpointNames(
  store: ResourceStore,
  endpoint: ArmResource,
): { fqdn: string; zone: string; recordName: string; address: string }[] {
  const properties = endpoint.properties ?? {};
  const connections = [
    ...((properties.privateLinkServiceConnections as unknown[]) ?? []),
    ...((properties.manualPrivateLinkServiceConnections as unknown[]) ?? []),
  ];
  const settings = propertiesOf((connections[0] ?? {}) as Record<string, unknown>);
  const target = store.get(String(settings.privateLinkServiceId ?? ''));
  const groupId = Array.isArray(settings.groupIds) ? String(settings.groupIds[0]) : '';
  const configs = (properties.customDnsConfigs as { fqdn: string; ipAddresses: string[] }[] | undefined) ?? [];
  if (!target) return [];
  return (groupDefinition(target, groupId)?.names(target) ?? []).map((name) => ({
    ...name,
    address: configs.find((config) => config.fqdn === name.fqdn)?.ipAddresses[0] ?? configs[0]?.ipAddresses[0] ?? '',
  }));
}

function writeRecord(
  store: ResourceStore,
  zone: ArmResource,
  name: string,
  address: string,
  endpoint: ArmResource,
): void {
  const id = `${zone.id}/A/${name}`;
  store.put({
    id,
    name,
    type: 'Microsoft.Network/privateDnsZones/A',
    properties: {
      ttl: RECORD_TTL,
      aRecords: [{ ipv4Address: address }],
      fqdn: `${name}.${zone.name}.`,
      isAutoRegistered: false,
      metadata: {
        creator: `created by private endpoint ${endpoint.name} with resource guid ${String(endpoint.properties?.resourceGuid ?? '')}`,
      },
    },
  });
}

/** Removes the A records a zone group wrote (the record set, or just its address if others share it). */
export function removeZoneGroupRecords(store: ResourceStore, group: ArmResource): void {
  for (const config of (group.properties?.privateDnsZoneConfigs as Record<string, unknown>[] | undefined) ?? []) {
    const settings = propertiesOf(config);
    for (const recordSet of (settings.recordSets as RecordSetEntry[] | undefined) ?? []) {
      const id = `${String(settings.privateDnsZoneId)}/A/${recordSet.recordSetName}`;
      const existing = store.get(id);
      if (!existing) continue;
      const remaining = ((existing.properties?.aRecords as { ipv4Address: string }[]) ?? []).filter(
        (record) => !recordSet.ipAddresses.includes(record.ipv4Address),
      );
      if (remaining.length === 0) store.delete(id);
      else store.put({ ...existing, properties: { ...existing.properties, aRecords: remaining } });
    }
  }
}

function putZoneGroup(context: RequestContext, endpointDefinition: ResourceTypeDefinition): Reply {
  const endpoint = requireParent(context, endpointDefinition);
  const id = resourceIdOf(context, zoneGroupDefinition(endpointDefinition));
  const existing = context.store.get(id);
  checkPreconditions(context, existing);
  const others = context.store
    .children(endpoint.id, ZONE_GROUP_TYPE)
    .filter((group) => group.id.toLowerCase() !== id.toLowerCase());
  if (others.length > 0)
    throw new ArmError(
      400,
      'OnlyOnePrivateDnsZoneGroupPerPrivateEndpointAllowed',
      `Private endpoint ${endpoint.name} already has the zone group '${others[0].name}'; only one is allowed.`,
    );
  const configs = propertiesOf(requestBody(context)).privateDnsZoneConfigs;
  if (!Array.isArray(configs) || configs.length === 0 || configs.length > 5)
    throw new ArmError(400, 'InvalidRequestFormat', 'privateDnsZoneConfigs needs between 1 and 5 zones.');
  const names = endpointNames(context.store, endpoint);
  const zones = configs.map((config) => {
    const entry = isRecord(config) ? config : {};
    const zoneId = String(propertiesOf(entry).privateDnsZoneId ?? '');
    const zone = context.store.get(zoneId);
    if (!zone || zone.type !== 'Microsoft.Network/privateDnsZones') {
      throw new ArmError(
        400,
        'InvalidPrivateDnsZoneIds',
        `Private DNS zone '${zoneId}' referenced by zone group '${context.path.names[1]}' was not found.`,
      );
    }
    return { entry, zone };
  });
  if (existing) removeZoneGroupRecords(context.store, existing);
  const zoneConfigs = zones.map(({ entry, zone }) => {
    const matching = names.filter((name) => name.zone.toLowerCase() === zone.name.toLowerCase());
    matching.forEach((name) => writeRecord(context.store, zone, name.recordName, name.address, endpoint));
    const recordSets: RecordSetEntry[] = matching.map((name) => ({
      recordType: 'A',
      recordSetName: name.recordName,
      fqdn: `${name.recordName}.${zone.name}`,
      ttl: RECORD_TTL,
      ipAddresses: [name.address],
      provisioningState: 'Succeeded',
    }));
    return {
      name: String(entry.name ?? zone.name.replace(/\./g, '-')),
      properties: { privateDnsZoneId: zone.id, recordSets },
    };
  });
  const group: ArmResource = {
    id,
    name: context.path.names[1],
    type: ZONE_GROUP_TYPE,
    properties: { privateDnsZoneConfigs: zoneConfigs },
  };
  return networkWrite(context, group, Boolean(existing));
}

/** `{endpoint}/privateDnsZoneGroups[/{name}]`: writes and removes the endpoint's A records in the zones. */
export function zoneGroupDefinition(endpointDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  const definition: ResourceTypeDefinition = {
    type: ZONE_GROUP_TYPE,
    list: (context) =>
      listReply(context.store.children(requireParent(context, endpointDefinition).id, ZONE_GROUP_TYPE)),
    get: (context) => {
      requireParent(context, endpointDefinition);
      const group = context.store.get(resourceIdOf(context, definition));
      if (!group) throw new ArmError(404, 'NotFound', `Resource ${context.path.segments.join('/')} not found.`);
      return itemReply(group);
    },
    put: (context) => putZoneGroup(context, endpointDefinition),
    delete: (context) => {
      const group = context.store.get(resourceIdOf(context, definition));
      if (!group) return { status: 204 };
      return networkDelete(context, group, () => {
        removeZoneGroupRecords(context.store, group);
        context.store.delete(group.id);
      });
    },
  };
  return definition;
}
