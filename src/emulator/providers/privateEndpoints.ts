import { type ArmResource, type Reply, ArmError, isRecord, sameId } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  checkPreconditions,
  inScope,
  itemReply,
  listReply,
  normalizeLocation,
  propertiesOf,
  requestBody,
  requireLocation,
  requireResource,
  resourceIdOf,
} from '../context';
import {
  type PrivateDnsName,
  addConnection,
  connectionFor,
  deterministicGuid,
  groupDefinition,
  removeConnectionsOf,
} from '../privateLinks';
import { NIC_TYPE, SUBNET_TYPE, allocatePrivateIp, networkDelete, networkWrite } from './network';
import { zoneGroupDefinition, removeZoneGroupRecords } from './zoneGroups';

const ENDPOINT_TYPE = 'Microsoft.Network/privateEndpoints';

interface ConnectionRequest {
  name: string;
  targetId: string;
  groupIds: string[];
  requestMessage: string;
  manual: boolean;
}

function connectionRequests(properties: Record<string, unknown>): ConnectionRequest[] {
  const read = (list: unknown, manual: boolean): ConnectionRequest[] =>
    (Array.isArray(list) ? list : []).map((item) => {
      const connection = isRecord(item) ? item : {};
      const settings = propertiesOf(connection);
      return {
        name: String(connection.name ?? ''),
        targetId: String(settings.privateLinkServiceId ?? ''),
        groupIds: Array.isArray(settings.groupIds) ? settings.groupIds.map(String) : [],
        requestMessage: String(settings.requestMessage ?? ''),
        manual,
      };
    });
  return [
    ...read(properties.privateLinkServiceConnections, false),
    ...read(properties.manualPrivateLinkServiceConnections, true),
  ];
}

const invalidReference = (id: string, endpointId: string): ArmError =>
  new ArmError(
    400,
    'InvalidResourceReference',
    `Resource ${id} referenced by resource ${endpointId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
  );

/** Checks the subnet, the single connection, its target and its group id; returns the target. */
function validateEndpoint(
  context: RequestContext,
  endpointId: string,
  subnetId: string,
  requests: ConnectionRequest[],
): { subnet: ArmResource; target: ArmResource; request: ConnectionRequest } {
  const subnet = context.store.get(subnetId);
  if (!subnet || subnet.type !== SUBNET_TYPE) throw invalidReference(subnetId || '(no subnet.id)', endpointId);
  if (requests.length !== 1) {
    throw new ArmError(
      400,
      'PrivateEndpointMustHaveExactlyOneConnection',
      'A private endpoint needs exactly one entry in privateLinkServiceConnections or manualPrivateLinkServiceConnections.',
    );
  }
  const request = requests[0];
  const target = context.store.get(request.targetId);
  if (!target) throw invalidReference(request.targetId || '(no privateLinkServiceId)', endpointId);
  if (request.groupIds.length !== 1 || !groupDefinition(target, request.groupIds[0])) {
    throw new ArmError(
      400,
      'PrivateEndpointBadRequest',
      `Call to ${target.type} failed. Error message: the group id '${request.groupIds.join(',')}' is not valid for ${target.name}. Use the groupId of one of its private link resources.`,
    );
  }
  return { subnet, target, request };
}

function createNic(
  context: RequestContext,
  endpointId: string,
  endpoint: { name: string; location: string },
  subnet: ArmResource,
  groupId: string,
  names: PrivateDnsName[],
): { nicId: string; address: string } {
  const resourceGroupId = endpointId.split('/providers/')[0];
  const nicName = `${endpoint.name}.nic.${deterministicGuid(`nic:${endpointId.toLowerCase()}`)}`;
  const nicId = `${resourceGroupId}/providers/Microsoft.Network/networkInterfaces/${nicName}`;
  const address = allocatePrivateIp(context.store, subnet);
  context.store.put({
    id: nicId,
    name: nicName,
    type: NIC_TYPE,
    location: endpoint.location,
    properties: {
      provisioningState: 'Succeeded',
      ipConfigurations: [
        {
          id: `${nicId}/ipConfigurations/privateEndpointIpConfig.${deterministicGuid(`ipconfig:${endpointId.toLowerCase()}`)}`,
          name: `privateEndpointIpConfig.${deterministicGuid(`ipconfig:${endpointId.toLowerCase()}`)}`,
          type: 'Microsoft.Network/networkInterfaces/ipConfigurations',
          properties: {
            provisioningState: 'Succeeded',
            privateIPAddress: address,
            privateIPAllocationMethod: 'Dynamic',
            privateIPAddressVersion: 'IPv4',
            subnet: { id: subnet.id },
            primary: true,
            privateLinkConnectionProperties: {
              groupId,
              requiredMemberName: 'default',
              fqdns: names.map((name) => name.fqdn),
            },
          },
        },
      ],
      privateEndpoint: { id: endpointId },
      nicType: 'Standard',
      enableAcceleratedNetworking: false,
      enableIPForwarding: false,
      vnetEncryptionSupported: false,
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
    },
  });
  return { nicId, address };
}

/** The endpoint as GET shows it: each connection's state is the one its target holds now. */
export function endpointView(context: RequestContext, endpoint: ArmResource): ArmResource {
  const withState = (list: unknown): unknown[] =>
    (Array.isArray(list) ? list : []).map((item) => {
      const connection = item as Record<string, unknown>;
      const settings = propertiesOf(connection);
      const onTarget = connectionFor(context.store, String(settings.privateLinkServiceId ?? ''), endpoint.id);
      const state = onTarget?.properties?.privateLinkServiceConnectionState ?? {
        status: 'Disconnected',
        description: 'The connection was removed by the owner of the target.',
        actionsRequired: 'None',
      };
      return { ...connection, properties: { ...settings, privateLinkServiceConnectionState: state } };
    });
  const properties = endpoint.properties ?? {};
  return {
    ...endpoint,
    properties: {
      ...properties,
      privateLinkServiceConnections: withState(properties.privateLinkServiceConnections),
      manualPrivateLinkServiceConnections: withState(properties.manualPrivateLinkServiceConnections),
    },
  };
}

function connectionEntries(endpointId: string, requests: ConnectionRequest[], manual: boolean): unknown[] {
  return requests
    .filter((request) => request.manual === manual)
    .map((request) => ({
      id: `${endpointId}/${manual ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections'}/${request.name}`,
      name: request.name,
      type: 'Microsoft.Network/privateEndpoints/privateLinkServiceConnections',
      properties: {
        provisioningState: 'Succeeded',
        privateLinkServiceId: request.targetId,
        groupIds: request.groupIds,
        ...(manual ? { requestMessage: request.requestMessage } : {}),
      },
    }));
}

function putEndpoint(context: RequestContext): Reply {
  const id = resourceIdOf(context, endpointDefinition);
  const existing = context.store.get(id);
  checkPreconditions(context, existing);
  const body = requestBody(context);
  const properties = propertiesOf(body);
  const subnetId = String((properties.subnet as { id?: string } | undefined)?.id ?? '');
  const requests = connectionRequests(properties);
  const { subnet, target, request } = validateEndpoint(context, id, subnetId, requests);
  if (existing && !sameId(String((existing.properties?.subnet as { id?: string })?.id), subnetId)) {
    throw new ArmError(
      400,
      'CannotChangeSubnetOfPrivateEndpoint',
      'The subnet of a private endpoint cannot be changed: create a new endpoint.',
    );
  }
  const location = existing?.location ?? normalizeLocation(requireLocation(body));
  const names = groupDefinition(target, request.groupIds[0])?.names(target) ?? [];
  let nicId = String(((existing?.properties?.networkInterfaces as { id: string }[] | undefined) ?? [])[0]?.id ?? '');
  let address = String(
    ((existing?.properties?.customDnsConfigs as { ipAddresses: string[] }[] | undefined) ?? [])[0]?.ipAddresses?.[0] ??
      '',
  );
  if (!existing)
    ({ nicId, address } = createNic(
      context,
      id,
      { name: context.path.names[0], location },
      subnet,
      request.groupIds[0],
      names,
    ));
  if (!connectionFor(context.store, target.id, id)) {
    addConnection(
      context.store,
      target,
      id,
      request.manual ? 'Pending' : 'Approved',
      request.manual ? request.requestMessage : 'Auto-Approved',
      request.groupIds,
    );
  }
  const endpoint: ArmResource = {
    id,
    name: context.path.names[0],
    type: ENDPOINT_TYPE,
    location,
    tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (existing?.tags ?? {}),
    properties: {
      resourceGuid: existing?.properties?.resourceGuid ?? deterministicGuid(`endpoint:${id.toLowerCase()}`),
      subnet: { id: subnet.id },
      privateLinkServiceConnections: connectionEntries(id, requests, false),
      manualPrivateLinkServiceConnections: connectionEntries(id, requests, true),
      networkInterfaces: [{ id: nicId }],
      customNetworkInterfaceName: String(properties.customNetworkInterfaceName ?? ''),
      customDnsConfigs: names.map((name) => ({ fqdn: name.fqdn, ipAddresses: [address] })),
      ipConfigurations: [],
      applicationSecurityGroups: [],
      isIPv6EnabledPrivateEndpoint: false,
    },
  };
  const reply = networkWrite(context, endpoint, Boolean(existing));
  if (!reply.body) return reply;
  const view = endpointView(context, reply.body as ArmResource);
  // A new endpoint's PUT answer has no DNS configs yet: Azure fills them in by the time a GET reads it.
  if (!existing && !context.seeding) view.properties = { ...view.properties, customDnsConfigs: [] };
  return { ...reply, body: view };
}

function deleteEndpoint(context: RequestContext): Reply {
  const endpoint = context.store.get(resourceIdOf(context, endpointDefinition));
  if (!endpoint) return { status: 204 };
  const targets = connectionRequests(endpoint.properties ?? {}).map((request) => request.targetId);
  const nics = ((endpoint.properties?.networkInterfaces as { id: string }[] | undefined) ?? []).map((nic) => nic.id);
  return networkDelete(context, endpoint, () => {
    for (const group of context.store.children(endpoint.id, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups'))
      removeZoneGroupRecords(context.store, group);
    removeConnectionsOf(context.store, endpoint.id, targets);
    nics.forEach((nic) => context.store.delete(nic));
    context.store.delete(endpoint.id);
  });
}

export const endpointDefinition: ResourceTypeDefinition = {
  type: ENDPOINT_TYPE,
  get: (context) =>
    itemReply(endpointView(context, requireResource(context, resourceIdOf(context, endpointDefinition)))),
  list: (context) => listReply(inScope(context, ENDPOINT_TYPE).map((endpoint) => endpointView(context, endpoint))),
  put: putEndpoint,
  delete: deleteEndpoint,
};

export const privateEndpointDefinitions: ResourceTypeDefinition[] = [
  endpointDefinition,
  zoneGroupDefinition(endpointDefinition),
];
