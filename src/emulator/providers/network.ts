import { randomUUID } from 'node:crypto';
import ipaddr from 'ipaddr.js';
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
  requireParent,
  requireResource,
  resourceIdOf,
} from '../context';
import { beginDelete, beginWrite, networkUrls } from '../lroReplies';
import type { ResourceStore } from '../store';

export const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';
export const NIC_TYPE = 'Microsoft.Network/networkInterfaces';
/** Network RPs answer a PUT with the resource (201/200) and Azure-AsyncOperation; a DELETE with 202 and both headers. */
export const NETWORK_PUT_LRO = {
  createdStatus: 201,
  updatedStatus: 200,
  withBody: true,
  asyncOperation: true,
  location: false,
} as const;
export const NETWORK_DELETE_LRO = {
  createdStatus: 202,
  updatedStatus: 202,
  withBody: false,
  asyncOperation: true,
  location: true,
} as const;

/** Network RPs mark a write Updating, whether it creates or changes the resource. */
export function networkWrite(context: RequestContext, resource: ArmResource, existed: boolean): Reply {
  return beginWrite(context, resource, {
    method: 'PUT',
    existed,
    shape: NETWORK_PUT_LRO,
    urls: networkUrls,
    runningState: 'Updating',
  });
}

export function networkDelete(context: RequestContext, resource: ArmResource, remove?: () => void): Reply {
  return beginDelete(context, resource, { shape: NETWORK_DELETE_LRO, urls: networkUrls, remove });
}

const prefixesOf = (properties: Record<string, unknown>): string[] =>
  Array.isArray(properties.addressPrefixes)
    ? properties.addressPrefixes.map(String)
    : typeof properties.addressPrefix === 'string'
      ? [properties.addressPrefix]
      : [];

function parseCidr(cidr: string, what: string): [ipaddr.IPv4, number] {
  try {
    const [address, prefix] = ipaddr.parseCIDR(cidr);
    if (address.kind() !== 'ipv4') throw new Error('IPv6');
    return [address as ipaddr.IPv4, prefix];
  } catch {
    throw new ArmError(400, 'InvalidAddressPrefixFormat', `${what} '${cidr}' is not a valid IPv4 CIDR.`);
  }
}

const contains = (outer: string, inner: string): boolean => {
  const [outerAddress, outerPrefix] = parseCidr(outer, 'Address prefix');
  const [innerAddress, innerPrefix] = parseCidr(inner, 'Address prefix');
  return innerPrefix >= outerPrefix && innerAddress.match(outerAddress, outerPrefix);
};

const overlaps = (a: string, b: string): boolean => contains(a, b) || contains(b, a);

/** The subnets of a VNet, endpoints and IP configurations filled in from the resources that use them. */
export function subnetView(store: ResourceStore, subnet: ArmResource): ArmResource {
  const endpoints = store
    .ofType('Microsoft.Network/privateEndpoints')
    .filter((endpoint) => sameId((endpoint.properties?.subnet as { id?: string })?.id, subnet.id));
  const ipConfigurations = nicsInSubnet(store, subnet.id).flatMap((nic) =>
    ipConfigurationsOf(nic)
      .filter((configuration) => sameId(configuration.subnetId, subnet.id))
      .map((configuration) => ({ id: configuration.id })),
  );
  return {
    ...subnet,
    properties: {
      ...subnet.properties,
      privateEndpoints: endpoints.map((endpoint) => ({ id: endpoint.id })),
      ipConfigurations,
    },
  };
}

function vnetView(store: ResourceStore, vnet: ArmResource): ArmResource {
  const subnets = store.children(vnet.id, SUBNET_TYPE).map((subnet) => subnetView(store, subnet));
  return { ...vnet, properties: { ...vnet.properties, subnets } };
}

interface IpConfiguration {
  id: string;
  subnetId: string;
  address: string;
}

function ipConfigurationsOf(nic: ArmResource): IpConfiguration[] {
  const configurations = Array.isArray(nic.properties?.ipConfigurations)
    ? (nic.properties.ipConfigurations as Record<string, unknown>[])
    : [];
  return configurations.map((configuration) => {
    const properties = isRecord(configuration.properties) ? configuration.properties : {};
    return {
      id: String(configuration.id),
      subnetId: String((properties.subnet as { id?: string })?.id ?? ''),
      address: String(properties.privateIPAddress ?? ''),
    };
  });
}

const nicsInSubnet = (store: ResourceStore, subnetId: string): ArmResource[] =>
  store
    .ofType(NIC_TYPE)
    .filter((nic) => ipConfigurationsOf(nic).some((configuration) => sameId(configuration.subnetId, subnetId)));

/** The first free address of the subnet; Azure keeps the first four and the last one. */
export function allocatePrivateIp(store: ResourceStore, subnet: ArmResource): string {
  const [network, prefix] = parseCidr(prefixesOf(subnet.properties ?? {})[0] ?? '', 'Subnet prefix');
  const used = new Set(
    nicsInSubnet(store, subnet.id).flatMap((nic) =>
      ipConfigurationsOf(nic).map((configuration) => configuration.address),
    ),
  );
  const base = network.toByteArray().reduce((value, byte) => value * 256 + byte, 0);
  const size = 2 ** (32 - prefix);
  for (let offset = 4; offset < size - 1; offset++) {
    const value = base + offset;
    const address = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
    if (!used.has(address)) return address;
  }
  throw new ArmError(400, 'SubnetIsFull', `Subnet '${subnet.name}' has no free address left.`);
}

function validateSubnet(
  store: ResourceStore,
  vnet: ArmResource,
  subnetId: string,
  properties: Record<string, unknown>,
): void {
  const prefixes = prefixesOf(properties);
  if (prefixes.length === 0)
    throw new ArmError(
      400,
      'InvalidRequestFormat',
      `Subnet '${subnetId.split('/').pop()}' needs addressPrefix or addressPrefixes.`,
    );
  const space = (vnet.properties?.addressSpace as { addressPrefixes?: string[] })?.addressPrefixes ?? [];
  for (const prefix of prefixes) {
    if (!space.some((range) => contains(range, prefix))) {
      throw new ArmError(
        400,
        'NetcfgSubnetRangeOutsideVnet',
        `Subnet '${subnetId.split('/').pop()}' is not valid because its IP address range ${prefix} is outside the VNet's address space ${space.join(', ')}.`,
      );
    }
    for (const sibling of store.children(vnet.id, SUBNET_TYPE).filter((candidate) => !sameId(candidate.id, subnetId))) {
      if (prefixesOf(sibling.properties ?? {}).some((other) => overlaps(other, prefix))) {
        throw new ArmError(
          400,
          'NetcfgSubnetRangesOverlap',
          `Subnet '${subnetId.split('/').pop()}' (${prefix}) overlaps subnet '${sibling.name}'.`,
        );
      }
    }
  }
  const policies = properties.privateEndpointNetworkPolicies ?? 'Disabled';
  if (!['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'].includes(String(policies))) {
    throw new ArmError(
      400,
      'InvalidRequestFormat',
      `privateEndpointNetworkPolicies must be Disabled, Enabled, NetworkSecurityGroupEnabled or RouteTableEnabled.`,
    );
  }
}

function storeSubnet(
  store: ResourceStore,
  vnet: ArmResource,
  name: string,
  properties: Record<string, unknown>,
): ArmResource {
  const id = `${vnet.id}/subnets/${name}`;
  validateSubnet(store, vnet, id, properties);
  const {
    privateEndpoints: _endpoints,
    ipConfigurations: _configurations,
    provisioningState: _state,
    ...settable
  } = properties;
  return store.put({
    id,
    name,
    type: SUBNET_TYPE,
    properties: {
      privateEndpointNetworkPolicies: 'Disabled',
      privateLinkServiceNetworkPolicies: 'Enabled',
      ...settable,
      provisioningState: 'Succeeded',
    },
  });
}

function assertSubnetUnused(store: ResourceStore, subnet: ArmResource): void {
  if (nicsInSubnet(store, subnet.id).length > 0) {
    throw new ArmError(
      400,
      'InUseSubnetCannotBeDeleted',
      `Subnet ${subnet.name} is in use by private endpoints or network interfaces and cannot be deleted. Delete them first.`,
    );
  }
}

function putVirtualNetwork(context: RequestContext): Reply {
  const id = resourceIdOf(context, vnetDefinition);
  const existing = context.store.get(id);
  checkPreconditions(context, existing);
  const body = requestBody(context);
  const { subnets, provisioningState: _state, ...properties } = propertiesOf(body);
  const space = (properties.addressSpace as { addressPrefixes?: string[] })?.addressPrefixes;
  if (!Array.isArray(space) || space.length === 0)
    throw new ArmError(400, 'InvalidRequestFormat', 'A virtual network needs properties.addressSpace.addressPrefixes.');
  space.forEach((prefix) => parseCidr(prefix, 'Address space'));
  const vnet: ArmResource = {
    id,
    name: context.path.names[0],
    type: VNET_TYPE,
    location: existing?.location ?? normalizeLocation(requireLocation(body)),
    tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (existing?.tags ?? {}),
    properties: {
      enableDdosProtection: false,
      ...properties,
      resourceGuid: existing?.properties?.resourceGuid ?? randomUUID(),
    },
  };
  context.store.put(vnet);
  if (Array.isArray(subnets)) {
    const wanted = subnets.map((subnet) => subnet as Record<string, unknown>);
    for (const old of context.store.children(id, SUBNET_TYPE)) {
      if (!wanted.some((subnet) => String(subnet.name).toLowerCase() === old.name.toLowerCase())) {
        assertSubnetUnused(context.store, old);
        context.store.delete(old.id);
      }
    }
    for (const subnet of wanted) storeSubnet(context.store, vnet, String(subnet.name), propertiesOf(subnet));
  }
  return networkWrite(context, vnet, Boolean(existing));
}

export const vnetDefinition: ResourceTypeDefinition = {
  type: VNET_TYPE,
  get: (context) => itemReply(vnetView(context.store, requireResource(context, resourceIdOf(context, vnetDefinition)))),
  list: (context) => listReply(inScope(context, VNET_TYPE).map((vnet) => vnetView(context.store, vnet))),
  put: putVirtualNetwork,
  delete: (context) => {
    const vnet = context.store.get(resourceIdOf(context, vnetDefinition));
    if (!vnet) return { status: 204 };
    context.store.children(vnet.id, SUBNET_TYPE).forEach((subnet) => assertSubnetUnused(context.store, subnet));
    return networkDelete(context, vnet);
  },
};

export const subnetDefinition: ResourceTypeDefinition = {
  type: SUBNET_TYPE,
  get: (context) =>
    itemReply(subnetView(context.store, requireResource(context, resourceIdOf(context, subnetDefinition)))),
  list: (context) =>
    listReply(
      context.store
        .children(requireParent(context, vnetDefinition).id, SUBNET_TYPE)
        .map((subnet) => subnetView(context.store, subnet)),
    ),
  put: (context) => {
    const vnet = requireParent(context, vnetDefinition);
    const id = resourceIdOf(context, subnetDefinition);
    const existing = context.store.get(id);
    checkPreconditions(context, existing);
    const subnet = storeSubnet(context.store, vnet, context.path.names[1], propertiesOf(requestBody(context)));
    return networkWrite(context, subnet, Boolean(existing));
  },
  delete: (context) => {
    const subnet = context.store.get(resourceIdOf(context, subnetDefinition));
    if (!subnet) return { status: 204 };
    assertSubnetUnused(context.store, subnet);
    return networkDelete(context, subnet);
  },
};

/** Network interfaces exist here only as the ones private endpoints create: readable, not writable. */
export const nicDefinition: ResourceTypeDefinition = {
  type: NIC_TYPE,
  get: (context) => itemReply(requireResource(context, resourceIdOf(context, nicDefinition))),
  list: (context) => listReply(inScope(context, NIC_TYPE)),
};

export const networkDefinitions: ResourceTypeDefinition[] = [vnetDefinition, subnetDefinition, nicDefinition];
