import { type ArmJson, ResourceBuilder } from './base';

export type EndpointNetworkPolicies = 'Disabled' | 'Enabled' | 'NetworkSecurityGroupEnabled' | 'RouteTableEnabled';

interface SubnetSpec {
  name: string;
  addressPrefix: string;
  privateEndpointNetworkPolicies: EndpointNetworkPolicies;
}

/** `aVirtualNetwork('vnet-hub').withAddressSpace('172.17.0.0/16').withSubnet('snet-pe', '172.17.1.0/24')`. */
export class VirtualNetworkBuilder extends ResourceBuilder {
  private addressPrefixes: string[] = ['10.0.0.0/16'];
  private subnets: SubnetSpec[] = [];

  constructor(name: string) {
    super(name, 'Microsoft.Network/virtualNetworks');
  }

  withAddressSpace(...prefixes: string[]): this {
    this.addressPrefixes = prefixes;
    return this;
  }

  withSubnet(
    name: string,
    addressPrefix: string,
    privateEndpointNetworkPolicies: EndpointNetworkPolicies = 'Disabled',
  ): this {
    this.subnets.push({ name, addressPrefix, privateEndpointNetworkPolicies });
    return this;
  }

  subnetId(name: string): string {
    return `${this.id}/subnets/${name}`;
  }

  build(): ArmJson {
    return {
      ...this.base(),
      properties: {
        addressSpace: { addressPrefixes: this.addressPrefixes },
        subnets: this.subnets.map((subnet) => ({
          id: this.subnetId(subnet.name),
          name: subnet.name,
          type: 'Microsoft.Network/virtualNetworks/subnets',
          properties: {
            addressPrefix: subnet.addressPrefix,
            privateEndpointNetworkPolicies: subnet.privateEndpointNetworkPolicies,
            privateLinkServiceNetworkPolicies: 'Enabled',
          },
        })),
      },
    };
  }
}

export const aVirtualNetwork = (name: string): VirtualNetworkBuilder => new VirtualNetworkBuilder(name);

/**
 * `aPrivateEndpoint('pe-hub').inSubnet(vnet.subnetId('snet-pe')).connectingTo(hub.id, 'amlworkspace')`; `.manual()` makes
 * the connection a manual one (Pending until the target approves it).
 */
export class PrivateEndpointBuilder extends ResourceBuilder {
  private subnet = '';
  private targetId = '';
  private groupIds: string[] = [];
  private isManual = false;
  private requestMessage = '';

  constructor(name: string) {
    super(name, 'Microsoft.Network/privateEndpoints');
  }

  inSubnet(subnetId: string): this {
    this.subnet = subnetId;
    return this;
  }

  connectingTo(targetId: string, ...groupIds: string[]): this {
    this.targetId = targetId;
    this.groupIds = groupIds;
    return this;
  }

  manual(requestMessage = 'Please approve this connection.'): this {
    this.isManual = true;
    this.requestMessage = requestMessage;
    return this;
  }

  build(): ArmJson {
    const connection = {
      name: this.name,
      properties: {
        privateLinkServiceId: this.targetId,
        groupIds: this.groupIds,
        ...(this.isManual ? { requestMessage: this.requestMessage } : {}),
      },
    };
    return {
      ...this.base(),
      properties: {
        subnet: { id: this.subnet },
        privateLinkServiceConnections: this.isManual ? [] : [connection],
        manualPrivateLinkServiceConnections: this.isManual ? [connection] : [],
      },
    };
  }
}

export const aPrivateEndpoint = (name: string): PrivateEndpointBuilder => new PrivateEndpointBuilder(name);

/** `aDnsZoneGroup(endpoint).withZone(zoneId)`: the zone group that writes the endpoint's A records into the zones. */
export class DnsZoneGroupBuilder {
  private zoneIds: string[] = [];

  constructor(
    private readonly endpointId: string,
    readonly name: string,
  ) {}

  withZone(...zoneIds: string[]): this {
    this.zoneIds.push(...zoneIds);
    return this;
  }

  get id(): string {
    return `${this.endpointId}/privateDnsZoneGroups/${this.name}`;
  }

  build(): ArmJson {
    return {
      id: this.id,
      name: this.name,
      type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
      properties: {
        privateDnsZoneConfigs: this.zoneIds.map((zoneId) => ({
          name: (zoneId.split('/').pop() ?? '').replace(/\./g, '-'),
          properties: { privateDnsZoneId: zoneId },
        })),
      },
    };
  }
}

export const aDnsZoneGroup = (endpoint: PrivateEndpointBuilder | string, name = 'default'): DnsZoneGroupBuilder =>
  new DnsZoneGroupBuilder(typeof endpoint === 'string' ? endpoint : endpoint.id, name);
