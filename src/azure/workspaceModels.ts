/**
 * Our typed models of the workspace resources, as ARM sends them at 2025-12-01 (and 2025-10-01-preview for
 * networkAcls). @azure/arm-machinelearning 2.1.1 stops at 2022-10-01 and its deserializer drops the nested fields we
 * need, so these are read as plain JSON through its pipeline (armRequest.ts) and mapped to the domain here.
 */
import type {
  ConnectionStatus,
  IsolationMode,
  ManagedNetwork,
  NetworkAclsDefaultAction,
  NetworkAclsRead,
  OutboundRule,
  OutboundRuleType,
  PublicNetworkAccess,
  Workspace,
  WorkspaceNetworkAcls,
} from '../model/hubState';
import { workspaceKindOf } from '../model/hubState';

export interface ArmIpRule {
  readonly value: string;
}

export interface ArmWorkspaceNetworkAcls {
  readonly defaultAction?: NetworkAclsDefaultAction;
  readonly ipRules?: readonly ArmIpRule[];
}

export interface ArmOutboundRule {
  readonly type?: string;
  readonly category?: string;
  readonly status?: string;
  readonly destination?: unknown;
}

export interface ArmManagedNetwork {
  readonly isolationMode?: string;
  readonly outboundRules?: Readonly<Record<string, ArmOutboundRule>>;
  readonly status?: { readonly status?: string; readonly sparkReady?: boolean };
}

export interface ArmPrivateLinkServiceConnectionState {
  readonly status?: string;
  readonly description?: string;
  readonly actionsRequired?: string;
}

export interface ArmPrivateEndpointConnection {
  readonly id: string;
  /** Absent on the connections a workspace embeds (they carry `privateEndpoint.subnetArmId` instead). */
  readonly name?: string;
  readonly properties?: {
    readonly privateEndpoint?: { readonly id?: string };
    readonly privateLinkServiceConnectionState?: ArmPrivateLinkServiceConnectionState;
    readonly provisioningState?: string;
  };
}

export interface ArmWorkspaceProperties {
  readonly workspaceId?: string;
  readonly friendlyName?: string;
  readonly publicNetworkAccess?: PublicNetworkAccess;
  /** Preview api-versions only. */
  readonly networkAcls?: ArmWorkspaceNetworkAcls;
  readonly managedNetwork?: ArmManagedNetwork;
  readonly privateEndpointConnections?: readonly ArmPrivateEndpointConnection[];
  readonly storageAccount?: string;
  readonly keyVault?: string;
  readonly containerRegistry?: string;
  readonly applicationInsights?: string;
  /** On projects: their hub. */
  readonly hubResourceId?: string;
  readonly provisioningState?: string;
}

export interface ArmWorkspace {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  readonly kind?: string;
  readonly location: string;
  /** ML shows `null`. */
  readonly etag?: string | null;
  readonly identity?: { readonly principalId?: string; readonly type?: string };
  readonly properties?: ArmWorkspaceProperties;
}

/** A workspace connection (`…/connections`): hubs reach AI Services and AI Search through them. */
export interface ArmWorkspaceConnection {
  readonly id: string;
  readonly name: string;
  readonly properties?: {
    readonly category?: string;
    readonly target?: string;
    readonly authType?: string;
    readonly metadata?: Readonly<Record<string, string>>;
  };
}

export interface ArmCompute {
  readonly id: string;
  readonly name: string;
  readonly properties?: { readonly computeType?: string };
}

export interface ArmList<T> {
  readonly value?: readonly T[];
  readonly nextLink?: string;
}

/**
 * A connection's name as the id ends: workspaces embed connections without a name, and Cognitive Services names them
 * `<account>/<endpoint>.<guid>` (with a slash).
 */
export function connectionNameOf(connection: { readonly id: string; readonly name?: string }): string {
  return connection.id.split('/').filter(Boolean).pop() ?? connection.name ?? '';
}

const CONNECTION_STATUSES: readonly ConnectionStatus[] = ['Pending', 'Approved', 'Rejected', 'Disconnected', 'Timeout'];

export function connectionStatusOf(status: string | undefined): ConnectionStatus {
  const found = CONNECTION_STATUSES.find((known) => known.toLowerCase() === (status ?? '').toLowerCase());
  // ARM sends Disconnected for an endpoint deleted on the other side; unknown words are treated the same way.
  return found ?? 'Disconnected';
}

function isolationModeOf(mode: string | undefined): IsolationMode {
  const known: IsolationMode[] = ['Disabled', 'AllowInternetOutbound', 'AllowOnlyApprovedOutbound'];
  return known.find((entry) => entry.toLowerCase() === (mode ?? '').toLowerCase()) ?? 'Disabled';
}

function outboundRuleOf(name: string, rule: ArmOutboundRule): OutboundRule {
  const types: OutboundRuleType[] = ['FQDN', 'ServiceTag', 'PrivateEndpoint'];
  const type = types.find((entry) => entry.toLowerCase() === (rule.type ?? '').toLowerCase()) ?? 'FQDN';
  return {
    name,
    type,
    ...(rule.category ? { category: rule.category as OutboundRule['category'] } : {}),
    ...(rule.status ? { status: rule.status as OutboundRule['status'] } : {}),
    destination: destinationSummary(rule.destination),
  };
}

function destinationSummary(destination: unknown): string {
  if (typeof destination === 'string') {
    return destination;
  }
  if (destination && typeof destination === 'object') {
    const { serviceResourceId, serviceTag, subresourceTarget } = destination as Record<string, unknown>;
    if (typeof serviceTag === 'string') {
      return serviceTag;
    }
    if (typeof serviceResourceId === 'string') {
      return typeof subresourceTarget === 'string' ? `${serviceResourceId} (${subresourceTarget})` : serviceResourceId;
    }
  }
  return '';
}

export function managedNetworkOf(managedNetwork: ArmManagedNetwork | undefined): ManagedNetwork | undefined {
  if (!managedNetwork) {
    return undefined;
  }
  const status = managedNetwork.status?.status;
  return {
    isolationMode: isolationModeOf(managedNetwork.isolationMode),
    outboundRules: Object.entries(managedNetwork.outboundRules ?? {}).map(([name, rule]) => outboundRuleOf(name, rule)),
    status: status === 'Active' || status === 'Inactive' ? status : undefined,
  };
}

export function networkAclsOf(networkAcls: ArmWorkspaceNetworkAcls | undefined): WorkspaceNetworkAcls | undefined {
  if (!networkAcls) {
    return undefined;
  }
  return {
    defaultAction: networkAcls.defaultAction === 'Deny' ? 'Deny' : 'Allow',
    ipRules: (networkAcls.ipRules ?? []).map((rule) => rule.value),
  };
}

/** `networkAclsRead` says whether the preview read worked; when it did not, networkAcls is unknown. */
export function workspaceOf(arm: ArmWorkspace, networkAclsRead: NetworkAclsRead, etag?: string | null): Workspace {
  const properties = arm.properties ?? {};
  const resolvedEtag = etag ?? arm.etag;
  return {
    id: arm.id,
    name: arm.name,
    kind: workspaceKindOf(arm.kind) ?? 'default',
    location: arm.location,
    workspaceId: properties.workspaceId ?? '',
    // ARM omits it on workspaces created before the property existed; they are public.
    publicNetworkAccess: properties.publicNetworkAccess === 'Disabled' ? 'Disabled' : 'Enabled',
    networkAcls: networkAclsRead.succeeded ? networkAclsOf(properties.networkAcls) : undefined,
    networkAclsRead,
    managedNetwork: managedNetworkOf(properties.managedNetwork),
    ...(resolvedEtag ? { etag: resolvedEtag } : {}),
  };
}
