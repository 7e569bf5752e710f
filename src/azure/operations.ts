/**
 * The network writes the wizards call: private endpoints, private DNS zones, VNet links, zone groups, and the
 * workspace side of a private endpoint connection. Each is thin and typed, awaited through the SDK's own LRO poller,
 * and maps failures to actionable errors (403 names the role that is missing).
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { PrivateEndpoint as ArmPrivateEndpoint, PrivateDnsZoneGroup } from '@azure/arm-network';
import type { PrivateZone, VirtualNetworkLink } from '@azure/arm-privatedns';
import { isRestError } from '@azure/core-rest-pipeline';
import { parseResourceId } from '../model/armIds';
import { zoneConfigName } from '../model/dnsZones';
import { isPreconditionFailed } from '../model/concurrency';
import { roleNeededFor } from '../model/roles';
import type { ArmConnection } from './clients';
import { mapAzureErrors } from './errors';
import { zoneIdOf, zoneLocationOf } from './privateDnsRead';
import { deletePrivateEndpointConnection, setPrivateEndpointConnectionStatus } from './workspaceApi';
import type { ArmPrivateEndpointConnection } from './workspaceModels';

const writeNetwork = { access: 'write', requiredRole: roleNeededFor('createPrivateEndpoint').name } as const;
const changeWorkspace = { access: 'write', requiredRole: roleNeededFor('changeWorkspace').name } as const;

function locate(id: string): { subscriptionId: string; resourceGroup: string; names: string[] } {
  const parsed = parseResourceId(id);
  return { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup ?? '', names: parsed.resources.map((resource) => resource.name) };
}

export interface CreatePrivateEndpointInput {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly subnetId: string;
  /** The hub, storage account, vault... the endpoint connects to. */
  readonly targetResourceId: string;
  /** E.g. ['amlworkspace']. */
  readonly groupIds: readonly string[];
  /** Manual: the target's owner must approve the connection (another tenant, or no rights on the target). */
  readonly manualApproval?: boolean;
  readonly requestMessage?: string;
  /** Defaults to the endpoint's name. */
  readonly connectionName?: string;
  readonly abortSignal?: AbortSignalLike;
}

export async function createPrivateEndpoint(connection: ArmConnection, input: CreatePrivateEndpointInput): Promise<ArmPrivateEndpoint> {
  const linkConnection = {
    name: input.connectionName ?? input.name,
    privateLinkServiceId: input.targetResourceId,
    groupIds: [...input.groupIds],
    ...(input.requestMessage ? { requestMessage: input.requestMessage } : {}),
  };
  const endpoint: ArmPrivateEndpoint = {
    location: input.location,
    subnet: { id: input.subnetId },
    ...(input.manualApproval ? { manualPrivateLinkServiceConnections: [linkConnection] } : { privateLinkServiceConnections: [linkConnection] }),
  };
  const resourceId = `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.Network/privateEndpoints/${input.name}`;
  return mapAzureErrors({ ...writeNetwork, resourceId }, () =>
    connection
      .forSubscription(input.subscriptionId)
      .network.privateEndpoints.beginCreateOrUpdateAndWait(input.resourceGroup, input.name, endpoint, connection.lroOptions(input.abortSignal)),
  );
}

export async function deletePrivateEndpoint(connection: ArmConnection, endpointId: string, abortSignal?: AbortSignalLike): Promise<void> {
  const { subscriptionId, resourceGroup, names } = locate(endpointId);
  await mapAzureErrors({ ...writeNetwork, resourceId: endpointId }, () =>
    connection.forSubscription(subscriptionId).network.privateEndpoints.beginDeleteAndWait(resourceGroup, names[0] ?? '', connection.lroOptions(abortSignal)),
  );
}

export interface EnsuredResource<T> {
  readonly resource: T;
  /** False when it already existed and was reused as it is. */
  readonly created: boolean;
}

/**
 * Creates the zone, or reuses the one that is there: `If-None-Match: *` makes ARM refuse (412) rather than overwrite
 * an existing zone and its records.
 */
export async function ensurePrivateDnsZone(
  connection: ArmConnection,
  zone: { subscriptionId: string; resourceGroup: string; zoneName: string },
  abortSignal?: AbortSignalLike,
): Promise<EnsuredResource<PrivateZone>> {
  const privateDns = connection.forSubscription(zone.subscriptionId).privateDns;
  return mapAzureErrors({ ...writeNetwork, resourceId: zoneIdOf(zone) }, async () => {
    try {
      const created = await privateDns.privateZones.beginCreateOrUpdateAndWait(zone.resourceGroup, zone.zoneName, { location: 'global' }, { ...connection.lroOptions(abortSignal), ifNoneMatch: '*' });
      return { resource: created, created: true };
    } catch (error) {
      if (!isRestError(error) || !isPreconditionFailed(error)) {
        throw error;
      }
      return { resource: await privateDns.privateZones.get(zone.resourceGroup, zone.zoneName, { abortSignal }), created: false };
    }
  });
}

export interface VirtualNetworkLinkInput {
  readonly zoneId: string;
  readonly linkName: string;
  readonly virtualNetworkId: string;
  /** Auto-registration is for VM records; private endpoint zones must not use it. */
  readonly registrationEnabled?: boolean;
  readonly abortSignal?: AbortSignalLike;
}

/** Creates the link, or reuses an existing link of that name (never overwritten: it may carry registration). */
export async function ensureVirtualNetworkLink(connection: ArmConnection, input: VirtualNetworkLinkInput): Promise<EnsuredResource<VirtualNetworkLink>> {
  const { subscriptionId, resourceGroup, zoneName } = zoneLocationOf(input.zoneId);
  const links = connection.forSubscription(subscriptionId).privateDns.virtualNetworkLinks;
  const body: VirtualNetworkLink = { location: 'global', virtualNetwork: { id: input.virtualNetworkId }, registrationEnabled: input.registrationEnabled ?? false };
  return mapAzureErrors({ ...writeNetwork, resourceId: `${input.zoneId}/virtualNetworkLinks/${input.linkName}` }, async () => {
    try {
      const created = await links.beginCreateOrUpdateAndWait(resourceGroup, zoneName, input.linkName, body, { ...connection.lroOptions(input.abortSignal), ifNoneMatch: '*' });
      return { resource: created, created: true };
    } catch (error) {
      if (!isRestError(error) || !isPreconditionFailed(error)) {
        throw error;
      }
      return { resource: await links.get(resourceGroup, zoneName, input.linkName, { abortSignal: input.abortSignal }), created: false };
    }
  });
}

/** Creates or replaces the endpoint's zone group with one config per zone (a hub needs api and notebooks). */
export async function upsertDnsZoneGroup(
  connection: ArmConnection,
  input: { endpointId: string; zoneIds: readonly string[]; groupName?: string; abortSignal?: AbortSignalLike },
): Promise<PrivateDnsZoneGroup> {
  const { subscriptionId, resourceGroup, names } = locate(input.endpointId);
  const groupName = input.groupName ?? 'default';
  const group: PrivateDnsZoneGroup = {
    privateDnsZoneConfigs: input.zoneIds.map((zoneId) => ({ name: zoneConfigName(zoneLocationOf(zoneId).zoneName), privateDnsZoneId: zoneId })),
  };
  return mapAzureErrors({ ...writeNetwork, resourceId: `${input.endpointId}/privateDnsZoneGroups/${groupName}` }, () =>
    connection
      .forSubscription(subscriptionId)
      .network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(resourceGroup, names[0] ?? '', groupName, group, connection.lroOptions(input.abortSignal)),
  );
}

/** Approve or reject a pending connection on the workspace side. */
export async function setWorkspaceConnectionStatus(
  connection: ArmConnection,
  input: { connectionId: string; status: 'Approved' | 'Rejected'; description?: string; abortSignal?: AbortSignalLike },
): Promise<ArmPrivateEndpointConnection> {
  const { subscriptionId } = locate(input.connectionId);
  const description = input.description ?? (input.status === 'Approved' ? 'Approved with Foundry Network' : 'Rejected with Foundry Network');
  return mapAzureErrors({ ...changeWorkspace, resourceId: input.connectionId }, () =>
    setPrivateEndpointConnectionStatus(connection.forSubscription(subscriptionId).machineLearning, input.connectionId, input.status, description, input.abortSignal),
  );
}

export async function deleteWorkspaceConnection(connection: ArmConnection, connectionId: string, abortSignal?: AbortSignalLike): Promise<void> {
  const { subscriptionId } = locate(connectionId);
  await mapAzureErrors({ ...changeWorkspace, resourceId: connectionId }, () =>
    deletePrivateEndpointConnection(connection.forSubscription(subscriptionId).machineLearning, connectionId, connection.lroOptions(abortSignal)),
  );
}

export interface SubnetChoice {
  readonly id: string;
  readonly name: string;
  readonly addressPrefixes: readonly string[];
  /** Disabled / Enabled / NetworkSecurityGroupEnabled / RouteTableEnabled. */
  readonly privateEndpointNetworkPolicies: string | undefined;
}

export interface VirtualNetworkChoice {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly addressPrefixes: readonly string[];
  readonly subnets: readonly SubnetChoice[];
}

/** Every VNet of a subscription with its subnets, for the pickers. */
export async function listVirtualNetworks(connection: ArmConnection, subscriptionId: string, abortSignal?: AbortSignalLike): Promise<VirtualNetworkChoice[]> {
  return mapAzureErrors({ access: 'read', resourceId: `/subscriptions/${subscriptionId}` }, async () => {
    const result: VirtualNetworkChoice[] = [];
    for await (const vnet of connection.forSubscription(subscriptionId).network.virtualNetworks.listAll({ abortSignal })) {
      result.push({
        id: vnet.id ?? '',
        name: vnet.name ?? '',
        location: vnet.location ?? '',
        subscriptionId,
        resourceGroup: vnet.id ? locate(vnet.id).resourceGroup : '',
        addressPrefixes: vnet.addressSpace?.addressPrefixes ?? [],
        subnets: (vnet.subnets ?? []).map((subnet) => ({
          id: subnet.id ?? '',
          name: subnet.name ?? '',
          addressPrefixes: subnet.addressPrefixes?.length ? subnet.addressPrefixes : subnet.addressPrefix ? [subnet.addressPrefix] : [],
          privateEndpointNetworkPolicies: subnet.privateEndpointNetworkPolicies,
        })),
      });
    }
    return result;
  });
}
