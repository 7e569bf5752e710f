/**
 * Reads a private endpoint in two rounds: the endpoint and its zone groups together, then (once their ids are known)
 * its network interfaces and its VNet. The caller runs each round for every endpoint in parallel.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { PrivateDnsZoneGroup, PrivateEndpoint as ArmPrivateEndpoint } from '@azure/arm-network';
import type { DnsZoneGroup, PrivateEndpoint } from '../model/hubState';
import { parseResourceId, sameResourceId, virtualNetworkIdOfSubnet } from '../model/armIds';
import type { ArmConnection } from './clients';
import { collect } from './collect';

export interface PrivateEndpointFirstRead {
  readonly endpoint: ArmPrivateEndpoint;
  readonly zoneGroups: readonly PrivateDnsZoneGroup[];
}

export interface PrivateEndpointNetworkRead {
  readonly privateIpAddresses: readonly string[];
  readonly subnetAddressPrefixes: readonly string[];
  readonly virtualNetworkAddressPrefixes: readonly string[];
  readonly virtualNetworkDnsServers: readonly string[];
}

function locate(id: string): { subscriptionId: string; resourceGroup: string; name: string } {
  const parsed = parseResourceId(id);
  return {
    subscriptionId: parsed.subscriptionId,
    resourceGroup: parsed.resourceGroup ?? '',
    name: parsed.resources[0]?.name ?? '',
  };
}

export async function readPrivateEndpointAndZoneGroups(
  connection: ArmConnection,
  endpointId: string,
  abortSignal?: AbortSignalLike,
): Promise<PrivateEndpointFirstRead> {
  const { subscriptionId, resourceGroup, name } = locate(endpointId);
  const network = connection.forSubscription(subscriptionId).network;
  const [endpoint, zoneGroups] = await Promise.all([
    network.privateEndpoints.get(resourceGroup, name, { abortSignal }),
    collect(network.privateDnsZoneGroups.list(name, resourceGroup, { abortSignal })),
  ]);
  return { endpoint, zoneGroups };
}

/** NICs and the VNet (which carries its subnets' prefixes), read in parallel. */
export async function readPrivateEndpointNetwork(
  connection: ArmConnection,
  endpoint: ArmPrivateEndpoint,
  abortSignal?: AbortSignalLike,
): Promise<PrivateEndpointNetworkRead> {
  const subnetId = endpoint.subnet?.id;
  const nicIds = (endpoint.networkInterfaces ?? []).flatMap((nic) => (nic.id ? [nic.id] : []));
  const nicReads = nicIds.map(async (nicId) => {
    const { subscriptionId, resourceGroup, name } = locate(nicId);
    return connection
      .forSubscription(subscriptionId)
      .network.networkInterfaces.get(resourceGroup, name, { abortSignal });
  });
  const vnetRead = subnetId
    ? readVirtualNetwork(connection, virtualNetworkIdOfSubnet(subnetId), abortSignal)
    : Promise.resolve(undefined);
  const [nics, vnet] = await Promise.all([Promise.all(nicReads), vnetRead]);
  const subnet = vnet?.subnets?.find((candidate) => sameResourceId(candidate.id, subnetId));
  return {
    privateIpAddresses: nics.flatMap((nic) =>
      (nic.ipConfigurations ?? []).flatMap((config) => (config.privateIPAddress ? [config.privateIPAddress] : [])),
    ),
    subnetAddressPrefixes: subnet ? subnetPrefixes(subnet) : [],
    virtualNetworkAddressPrefixes: vnet?.addressSpace?.addressPrefixes ?? [],
    virtualNetworkDnsServers: vnet?.dhcpOptions?.dnsServers ?? [],
  };
}

function subnetPrefixes(subnet: { addressPrefix?: string; addressPrefixes?: string[] }): string[] {
  return subnet.addressPrefixes?.length ? subnet.addressPrefixes : subnet.addressPrefix ? [subnet.addressPrefix] : [];
}

async function readVirtualNetwork(connection: ArmConnection, vnetId: string, abortSignal?: AbortSignalLike) {
  const { subscriptionId, resourceGroup, name } = locate(vnetId);
  return connection.forSubscription(subscriptionId).network.virtualNetworks.get(resourceGroup, name, { abortSignal });
}

export function dnsZoneGroupOf(group: PrivateDnsZoneGroup): DnsZoneGroup {
  return {
    id: group.id ?? '',
    name: group.name ?? '',
    zoneConfigs: (group.privateDnsZoneConfigs ?? []).map((config) => ({
      name: config.name ?? '',
      privateDnsZoneId: config.privateDnsZoneId ?? '',
      recordSets: (config.recordSets ?? []).map((recordSet) => ({
        fqdn: recordSet.fqdn ?? '',
        ipAddresses: recordSet.ipAddresses ?? [],
      })),
    })),
  };
}

export function privateEndpointOf(
  first: PrivateEndpointFirstRead,
  network: PrivateEndpointNetworkRead | undefined,
): PrivateEndpoint {
  const { endpoint } = first;
  const subnetId = endpoint.subnet?.id ?? '';
  return {
    id: endpoint.id ?? '',
    name: endpoint.name ?? '',
    subnetId,
    virtualNetworkId: subnetId ? virtualNetworkIdOfSubnet(subnetId) : '',
    subnetAddressPrefixes: network?.subnetAddressPrefixes ?? [],
    virtualNetworkAddressPrefixes: network?.virtualNetworkAddressPrefixes ?? [],
    virtualNetworkDnsServers: network?.virtualNetworkDnsServers ?? [],
    privateIpAddresses: network?.privateIpAddresses ?? [],
    customDnsConfigs: (endpoint.customDnsConfigs ?? []).map((config) => ({
      fqdn: config.fqdn ?? '',
      ipAddresses: config.ipAddresses ?? [],
    })),
    dnsZoneGroups: first.zoneGroups.map(dnsZoneGroupOf),
    ...(endpoint.provisioningState ? { provisioningState: endpoint.provisioningState } : {}),
  };
}

/** The group ids an endpoint connects to (from automatic or manual connections). */
export function groupIdsOf(endpoint: ArmPrivateEndpoint): string[] {
  const connections = [
    ...(endpoint.privateLinkServiceConnections ?? []),
    ...(endpoint.manualPrivateLinkServiceConnections ?? []),
  ];
  return connections.flatMap((connection) => connection.groupIds ?? []);
}
