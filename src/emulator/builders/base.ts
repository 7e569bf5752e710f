import { createHash } from 'node:crypto';
import type { ArmResource } from '../arm';

/** The JSON of an ARM resource as the builders produce it: the emulator's resource shape, which seeds take as is. */
export type ArmJson = ArmResource;

export const DEMO_TENANT_ID = '72f988bf-0000-4000-8000-00000000e1a0';
export const DEV_SUBSCRIPTION_ID = '00000000-0000-4000-8000-000000000001';
export const PROD_SUBSCRIPTION_ID = '00000000-0000-4000-8000-000000000002';

/** A stable GUID derived from text, so builders give the same ids on every run. */
export function guidFrom(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const resourceGroupIdOf = (subscriptionId: string, resourceGroup: string): string =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;

/** Placement shared by every top-level resource builder: subscription, resource group, region, tags. */
export abstract class ResourceBuilder {
  protected subscriptionId = DEV_SUBSCRIPTION_ID;
  protected resourceGroup = 'rg-foundry-dev';
  protected region = 'eastus';
  protected tags: Record<string, string> = {};

  constructor(
    readonly name: string,
    protected readonly type: string,
  ) {}

  inSubscription(subscriptionId: string): this {
    this.subscriptionId = subscriptionId;
    return this;
  }

  inResourceGroup(resourceGroup: string): this {
    this.resourceGroup = resourceGroup;
    return this;
  }

  inRegion(region: string): this {
    this.region = region;
    return this;
  }

  /** Subscription, resource group and region of another builder or id. */
  besides(other: ResourceBuilder): this {
    this.subscriptionId = other.subscriptionId;
    this.resourceGroup = other.resourceGroup;
    this.region = other.region;
    return this;
  }

  withTags(tags: Record<string, string>): this {
    this.tags = { ...this.tags, ...tags };
    return this;
  }

  get id(): string {
    return `${resourceGroupIdOf(this.subscriptionId, this.resourceGroup)}/providers/${this.type}/${this.name}`;
  }

  protected base(): ArmJson {
    return { id: this.id, name: this.name, type: this.type, location: this.region, tags: { ...this.tags } };
  }

  abstract build(): ArmJson;
}

export class ResourceGroupBuilder extends ResourceBuilder {
  constructor(name: string) {
    super(name, 'Microsoft.Resources/resourceGroups');
    this.resourceGroup = name;
  }

  override get id(): string {
    return resourceGroupIdOf(this.subscriptionId, this.name);
  }

  build(): ArmJson {
    return { ...this.base(), properties: { provisioningState: 'Succeeded' } };
  }
}

export const aResourceGroup = (name: string): ResourceGroupBuilder => new ResourceGroupBuilder(name);

export type PublicNetworkAccess = 'Enabled' | 'Disabled';
export type DefaultAction = 'Allow' | 'Deny';
