import {
  type ArmJson,
  type DefaultAction,
  type PublicNetworkAccess,
  DEMO_TENANT_ID,
  ResourceBuilder,
  guidFrom,
} from './base';

/** Public access and firewall, shared by storage, key vault, registry and AI Services builders. */
abstract class NetworkedResourceBuilder extends ResourceBuilder {
  protected publicNetworkAccess: PublicNetworkAccess = 'Enabled';
  protected defaultAction: DefaultAction = 'Allow';
  protected ipRules: string[] = [];

  withPublicAccess(access: PublicNetworkAccess): this {
    this.publicNetworkAccess = access;
    return this;
  }

  /** Enabled from the given IPs only (defaultAction Deny). */
  withSelectedIps(...values: string[]): this {
    this.publicNetworkAccess = 'Enabled';
    this.defaultAction = 'Deny';
    this.ipRules = values;
    return this;
  }
}

export class StorageAccountBuilder extends NetworkedResourceBuilder {
  constructor(name: string) {
    super(name, 'Microsoft.Storage/storageAccounts');
  }

  build(): ArmJson {
    return {
      ...this.base(),
      kind: 'StorageV2',
      sku: { name: 'Standard_LRS', tier: 'Standard' },
      properties: {
        publicNetworkAccess: this.publicNetworkAccess,
        allowBlobPublicAccess: false,
        minimumTlsVersion: 'TLS1_2',
        networkAcls: {
          bypass: 'AzureServices',
          defaultAction: this.defaultAction,
          ipRules: this.ipRules.map((value) => ({ value, action: 'Allow' })),
          virtualNetworkRules: [],
        },
      },
    };
  }
}

export class KeyVaultBuilder extends NetworkedResourceBuilder {
  constructor(name: string) {
    super(name, 'Microsoft.KeyVault/vaults');
  }

  build(): ArmJson {
    return {
      ...this.base(),
      properties: {
        tenantId: DEMO_TENANT_ID,
        sku: { family: 'A', name: 'standard' },
        enableRbacAuthorization: true,
        publicNetworkAccess: this.publicNetworkAccess,
        networkAcls: {
          bypass: 'AzureServices',
          defaultAction: this.defaultAction,
          ipRules: this.ipRules.map((value) => ({ value })),
          virtualNetworkRules: [],
        },
      },
    };
  }
}

export class ContainerRegistryBuilder extends NetworkedResourceBuilder {
  private sku: 'Basic' | 'Standard' | 'Premium' = 'Premium';

  constructor(name: string) {
    super(name, 'Microsoft.ContainerRegistry/registries');
  }

  withSku(sku: 'Basic' | 'Standard' | 'Premium'): this {
    this.sku = sku;
    return this;
  }

  build(): ArmJson {
    return {
      ...this.base(),
      sku: { name: this.sku, tier: this.sku },
      properties: {
        adminUserEnabled: false,
        publicNetworkAccess: this.publicNetworkAccess,
        ...(this.sku === 'Premium'
          ? {
              networkRuleSet: {
                defaultAction: this.defaultAction,
                ipRules: this.ipRules.map((value) => ({ action: 'Allow', value })),
              },
            }
          : {}),
      },
    };
  }
}

/** An AI Services (Foundry) account: `Microsoft.CognitiveServices/accounts`, kind AIServices, with a managed identity. */
export class AiServicesAccountBuilder extends NetworkedResourceBuilder {
  private principalId: string;

  constructor(name: string) {
    super(name, 'Microsoft.CognitiveServices/accounts');
    this.principalId = guidFrom(`principal:account:${name}`);
  }

  get systemPrincipalId(): string {
    return this.principalId;
  }

  build(): ArmJson {
    return {
      ...this.base(),
      kind: 'AIServices',
      sku: { name: 'S0' },
      identity: { type: 'SystemAssigned', principalId: this.principalId, tenantId: DEMO_TENANT_ID },
      properties: {
        customSubDomainName: this.name,
        publicNetworkAccess: this.publicNetworkAccess,
        networkAcls: {
          defaultAction: this.defaultAction,
          ipRules: this.ipRules.map((value) => ({ value })),
          virtualNetworkRules: [],
        },
      },
    };
  }
}

export const aStorageAccount = (name: string): StorageAccountBuilder => new StorageAccountBuilder(name);
export const aKeyVault = (name: string): KeyVaultBuilder => new KeyVaultBuilder(name);
export const aContainerRegistry = (name: string): ContainerRegistryBuilder => new ContainerRegistryBuilder(name);
export const anAiServicesAccount = (name: string): AiServicesAccountBuilder => new AiServicesAccountBuilder(name);
