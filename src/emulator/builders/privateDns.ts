import { type ArmJson, ResourceBuilder } from './base';

/** `aPrivateDnsZone('privatelink.api.azureml.ms')`: a global private zone. */
export class PrivateDnsZoneBuilder extends ResourceBuilder {
  constructor(zoneName: string) {
    super(zoneName, 'Microsoft.Network/privateDnsZones');
    this.region = 'global';
  }

  build(): ArmJson {
    return { ...this.base(), location: 'global', properties: {} };
  }
}

export const aPrivateDnsZone = (zoneName: string): PrivateDnsZoneBuilder => new PrivateDnsZoneBuilder(zoneName);

/** `aVirtualNetworkLink(zone, 'link-vnet-hub').toVirtualNetwork(vnet.id)`. */
export class VirtualNetworkLinkBuilder {
  private virtualNetworkId = '';
  private registrationEnabled = false;

  constructor(
    private readonly zone: PrivateDnsZoneBuilder,
    readonly name: string,
  ) {}

  toVirtualNetwork(id: string): this {
    this.virtualNetworkId = id;
    return this;
  }

  withRegistration(): this {
    this.registrationEnabled = true;
    return this;
  }

  get id(): string {
    return `${this.zone.id}/virtualNetworkLinks/${this.name}`;
  }

  build(): ArmJson {
    return {
      id: this.id,
      name: this.name,
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      location: 'global',
      properties: { virtualNetwork: { id: this.virtualNetworkId }, registrationEnabled: this.registrationEnabled },
    };
  }
}

export const aVirtualNetworkLink = (zone: PrivateDnsZoneBuilder, name: string): VirtualNetworkLinkBuilder =>
  new VirtualNetworkLinkBuilder(zone, name);

/** `anARecordSet(zone, 'myhost').withAddresses('10.0.0.4')`. */
export class ARecordSetBuilder {
  private addresses: string[] = [];
  private ttl = 10;

  constructor(
    private readonly zone: PrivateDnsZoneBuilder,
    readonly name: string,
  ) {}

  withAddresses(...addresses: string[]): this {
    this.addresses = addresses;
    return this;
  }

  withTtl(ttl: number): this {
    this.ttl = ttl;
    return this;
  }

  get id(): string {
    return `${this.zone.id}/A/${this.name}`;
  }

  build(): ArmJson {
    return {
      id: this.id,
      name: this.name,
      type: 'Microsoft.Network/privateDnsZones/A',
      properties: { ttl: this.ttl, aRecords: this.addresses.map((ipv4Address) => ({ ipv4Address })) },
    };
  }
}

export const anARecordSet = (zone: PrivateDnsZoneBuilder, name: string): ARecordSetBuilder =>
  new ARecordSetBuilder(zone, name);
