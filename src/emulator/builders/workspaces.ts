import {
  type ArmJson,
  type DefaultAction,
  type PublicNetworkAccess,
  DEMO_TENANT_ID,
  ResourceBuilder,
  guidFrom,
} from './base';

export type WorkspaceKind = 'Hub' | 'Project' | 'Default' | 'FeatureStore' | string;
export type IsolationMode = 'Disabled' | 'AllowInternetOutbound' | 'AllowOnlyApprovedOutbound';

export interface OutboundRule {
  type: 'FQDN' | 'PrivateEndpoint' | 'ServiceTag';
  category?: 'Required' | 'Recommended' | 'UserDefined';
  status?: 'Active' | 'Inactive';
  destination: unknown;
}

export interface ConnectionSummary {
  name: string;
  privateEndpointId: string;
  status: 'Approved' | 'Pending' | 'Rejected' | 'Disconnected';
}

/** A `Microsoft.MachineLearningServices/workspaces`: `aHub('hub-a').inRegion('eastus').withPublicAccess('Disabled')`. */
export class WorkspaceBuilder extends ResourceBuilder {
  private kind: WorkspaceKind = 'Default';
  private properties: Record<string, unknown> = {};
  private workspaceId: string;
  private principalId: string;
  private systemIdentity = true;
  private connections: ConnectionSummary[] = [];

  constructor(name: string) {
    super(name, 'Microsoft.MachineLearningServices/workspaces');
    this.workspaceId = guidFrom(`workspace:${name}`);
    this.principalId = guidFrom(`principal:workspace:${name}`);
  }

  withKind(kind: WorkspaceKind): this {
    this.kind = kind;
    return this;
  }

  withPublicAccess(access: PublicNetworkAccess): this {
    this.properties.publicNetworkAccess = access;
    if (access === 'Disabled') this.properties.networkAcls = { defaultAction: 'Deny', ipRules: [] };
    return this;
  }

  /** Public access from the given IPs only: Enabled + networkAcls Deny (a preview-only property). */
  withSelectedIps(...values: string[]): this {
    this.properties.publicNetworkAccess = 'Enabled';
    return this.withNetworkAcls('Deny', values);
  }

  withNetworkAcls(defaultAction: DefaultAction, values: string[]): this {
    this.properties.networkAcls = { defaultAction, ipRules: values.map((value) => ({ value })) };
    return this;
  }

  withManagedNetwork(isolationMode: IsolationMode, outboundRules: Record<string, OutboundRule> = {}): this {
    this.properties.managedNetwork = { isolationMode, outboundRules };
    return this;
  }

  withWorkspaceId(workspaceId: string): this {
    this.workspaceId = workspaceId;
    return this;
  }

  withPrincipalId(principalId: string): this {
    this.principalId = principalId;
    return this;
  }

  /** No managed identity (identity type None), as a workspace created with it turned off. */
  withoutIdentity(): this {
    this.systemIdentity = false;
    return this;
  }

  withStorage(id: string): this {
    this.properties.storageAccount = id;
    return this;
  }

  withKeyVault(id: string): this {
    this.properties.keyVault = id;
    return this;
  }

  withContainerRegistry(id: string): this {
    this.properties.containerRegistry = id;
    return this;
  }

  withApplicationInsights(id: string): this {
    this.properties.applicationInsights = id;
    return this;
  }

  withFriendlyName(friendlyName: string): this {
    this.properties.friendlyName = friendlyName;
    return this;
  }

  /** Makes this a project of the hub (kind Project, `hubResourceId`, the hub's placement). */
  underHub(hub: WorkspaceBuilder | string): this {
    this.kind = 'Project';
    if (typeof hub === 'string') this.properties.hubResourceId = hub;
    else {
      this.besides(hub);
      this.properties.hubResourceId = hub.id;
    }
    return this;
  }

  /** For unit tests that fake a GET: a connection in `properties.privateEndpointConnections` (the emulator computes its own). */
  withConnection(connection: ConnectionSummary): this {
    this.connections.push(connection);
    return this;
  }

  get workspaceGuid(): string {
    return this.workspaceId;
  }

  get systemPrincipalId(): string {
    return this.principalId;
  }

  build(): ArmJson {
    return {
      ...this.base(),
      kind: this.kind,
      sku: { name: 'Basic', tier: 'Basic' },
      identity: this.systemIdentity
        ? { type: 'SystemAssigned', principalId: this.principalId, tenantId: DEMO_TENANT_ID }
        : { type: 'None' },
      properties: {
        friendlyName: this.name,
        publicNetworkAccess: 'Enabled',
        ...this.properties,
        workspaceId: this.workspaceId,
        ...(this.kind.toLowerCase() === 'hub'
          ? {
              workspaceHubConfig: {
                defaultWorkspaceResourceGroup: `/subscriptions/${this.subscriptionId}/resourceGroups/${this.resourceGroup}`,
              },
            }
          : {}),
        ...(this.connections.length > 0
          ? {
              privateEndpointConnections: this.connections.map((connection) => ({
                id: `${this.id}/privateEndpointConnections/${connection.name}`,
                name: connection.name,
                type: 'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections',
                properties: {
                  privateEndpoint: { id: connection.privateEndpointId },
                  privateLinkServiceConnectionState: {
                    status: connection.status,
                    description: connection.status,
                    actionsRequired: 'None',
                  },
                  provisioningState: 'Succeeded',
                },
              })),
            }
          : {}),
      },
    };
  }
}

export const aWorkspace = (name: string): WorkspaceBuilder => new WorkspaceBuilder(name);
export const aHub = (name: string): WorkspaceBuilder => new WorkspaceBuilder(name).withKind('Hub');
export const aProject = (name: string): WorkspaceBuilder => new WorkspaceBuilder(name).withKind('Project');
