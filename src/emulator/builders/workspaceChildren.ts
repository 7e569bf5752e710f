import type { ArmJson } from './base';

/** `aConnection(hub.id, 'ais').toAiServices(account.id)`: a workspace connection (no secrets). */
export class ConnectionBuilder {
  private properties: Record<string, unknown> = { authType: 'AAD', category: 'AIServices', target: '', metadata: {} };

  constructor(
    private readonly workspaceId: string,
    readonly name: string,
  ) {}

  /** A hub's link to its AI Services account: category AIServices, metadata.ResourceId the account id. */
  toAiServices(
    accountId: string,
    endpoint = `https://${accountId.split('/').pop()}.cognitiveservices.azure.com/`,
  ): this {
    this.properties = {
      authType: 'AAD',
      category: 'AIServices',
      target: endpoint,
      isSharedToAll: true,
      metadata: { ApiType: 'Azure', ResourceId: accountId },
    };
    return this;
  }

  withCategory(category: string, target: string, metadata: Record<string, string> = {}): this {
    this.properties = { ...this.properties, category, target, metadata };
    return this;
  }

  /** ConnectionAuthType: AAD (the default), AccountKey, SAS, ManagedIdentity, … */
  withAuthType(authType: string): this {
    this.properties = { ...this.properties, authType };
    return this;
  }

  get id(): string {
    return `${this.workspaceId}/connections/${this.name}`;
  }

  build(): ArmJson {
    return {
      id: this.id,
      name: this.name,
      type: 'Microsoft.MachineLearningServices/workspaces/connections',
      properties: { ...this.properties },
    };
  }
}

export const aConnection = (workspaceId: string, name: string): ConnectionBuilder =>
  new ConnectionBuilder(workspaceId, name);

/** `aComputeInstance(project.id, 'ci-alice')`. */
export class ComputeBuilder {
  private computeType = 'ComputeInstance';
  private vmSize = 'Standard_DS3_v2';

  constructor(
    private readonly workspaceId: string,
    readonly name: string,
  ) {}

  ofType(computeType: 'ComputeInstance' | 'AmlCompute'): this {
    this.computeType = computeType;
    return this;
  }

  withVmSize(vmSize: string): this {
    this.vmSize = vmSize;
    return this;
  }

  get id(): string {
    return `${this.workspaceId}/computes/${this.name}`;
  }

  build(): ArmJson {
    return {
      id: this.id,
      name: this.name,
      type: 'Microsoft.MachineLearningServices/workspaces/computes',
      properties: { computeType: this.computeType, properties: { vmSize: this.vmSize } },
    };
  }
}

export const aComputeInstance = (workspaceId: string, name: string): ComputeBuilder =>
  new ComputeBuilder(workspaceId, name);
