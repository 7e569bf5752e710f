/**
 * What we know about one hub's network isolation. The Azure layer fills it from ARM reads; the tree renders it and
 * findings.ts checks it. Plain data (JSON round-trips), so the tree model can cache it and tests can build it.
 */
import type { Cloud } from './clouds';
import type { GroupId } from './dnsZones';
import type { ExistingRoleAssignment } from './roles';
import type { StorageConnectionCandidate } from './storageConnections';

export type WorkspaceKind = 'hub' | 'project' | 'default' | 'featureStore';
export type PublicNetworkAccess = 'Enabled' | 'Disabled';
export type NetworkAclsDefaultAction = 'Allow' | 'Deny';

export interface WorkspaceNetworkAcls {
  readonly defaultAction: NetworkAclsDefaultAction;
  /** The rule values as Azure returns them: an IPv4 address or CIDR. */
  readonly ipRules: readonly string[];
}

/** The workspace IP rules exist only in preview api-versions, so reading them can fail on its own. */
export type NetworkAclsRead = { readonly succeeded: true } | { readonly succeeded: false; readonly message: string };

export type IsolationMode = 'Disabled' | 'AllowInternetOutbound' | 'AllowOnlyApprovedOutbound';
export type OutboundRuleType = 'FQDN' | 'ServiceTag' | 'PrivateEndpoint';

export interface OutboundRule {
  readonly name: string;
  readonly type: OutboundRuleType;
  /** Required and Recommended rules are Azure's; UserDefined are the user's. */
  readonly category?: 'Required' | 'Recommended' | 'UserDefined' | 'Dependency';
  readonly status?: 'Active' | 'Inactive';
  /** A host name for FQDN rules; a service tag or resource id summary otherwise. */
  readonly destination: string;
}

export interface ManagedNetwork {
  readonly isolationMode: IsolationMode;
  readonly outboundRules: readonly OutboundRule[];
  /** Whether the managed network has been provisioned. */
  readonly status: 'Active' | 'Inactive' | undefined;
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly kind: WorkspaceKind;
  readonly location: string;
  /** The workspace GUID used in its DNS names (`properties.workspaceId`). */
  readonly workspaceId: string;
  readonly publicNetworkAccess: PublicNetworkAccess;
  /** Undefined when the workspace has none, or when the preview read failed (see networkAclsRead). */
  readonly networkAcls: WorkspaceNetworkAcls | undefined;
  readonly networkAclsRead: NetworkAclsRead;
  readonly managedNetwork: ManagedNetwork | undefined;
  readonly etag?: string;
}

export type ConnectionStatus = 'Pending' | 'Approved' | 'Rejected' | 'Disconnected' | 'Timeout';

export interface CustomDnsConfig {
  readonly fqdn: string;
  readonly ipAddresses: readonly string[];
}

export interface DnsRecordSet {
  /** The FQDN the record answers, e.g. `<guid>.workspace.eastus.privatelink.api.azureml.ms`. */
  readonly fqdn: string;
  readonly ipAddresses: readonly string[];
}

export interface DnsZoneConfig {
  readonly name: string;
  readonly privateDnsZoneId: string;
  readonly recordSets: readonly DnsRecordSet[];
}

export interface DnsZoneGroup {
  readonly id: string;
  readonly name: string;
  readonly zoneConfigs: readonly DnsZoneConfig[];
}

export interface PrivateEndpoint {
  readonly id: string;
  readonly name: string;
  readonly subnetId: string;
  readonly virtualNetworkId: string;
  /** The subnet's prefixes and the VNet's address space, when they could be read. */
  readonly subnetAddressPrefixes: readonly string[];
  readonly virtualNetworkAddressPrefixes: readonly string[];
  /**
   * The VNet's own DNS servers (`dhcpOptions.dnsServers`); empty means Azure DNS. With its own servers, the private
   * zones count only if those servers forward to Azure DNS, which ARM cannot show.
   */
  readonly virtualNetworkDnsServers: readonly string[];
  /** From the network interface(s). */
  readonly privateIpAddresses: readonly string[];
  readonly customDnsConfigs: readonly CustomDnsConfig[];
  readonly dnsZoneGroups: readonly DnsZoneGroup[];
  readonly provisioningState?: string;
}

export interface PrivateEndpointConnection {
  readonly id: string;
  readonly name: string;
  readonly status: ConnectionStatus;
  readonly description: string | undefined;
  readonly privateEndpointId: string;
  /** Undefined when the endpoint could not be read (another tenant, or no Reader role on it). */
  readonly privateEndpoint: PrivateEndpoint | undefined;
}

export interface DnsARecord {
  /** The name relative to the zone, e.g. `<guid>.workspace.eastus`; `*` labels kept as they are. */
  readonly relativeName: string;
  readonly ipAddresses: readonly string[];
}

export interface PrivateDnsZoneStatus {
  readonly zoneName: string;
  readonly groupId: GroupId;
  /** Where it is, or where we looked for it (a zone group's zone, the hub's resource group, a wizard's choice). */
  readonly id: string | undefined;
  readonly exists: boolean;
  readonly linkedVirtualNetworkIds: readonly string[];
  readonly aRecords: readonly DnsARecord[];
}

export type DependentResourceKind = 'storage' | 'keyVault' | 'containerRegistry' | 'aiServices';

export interface DependentPrivateEndpoint {
  readonly id: string;
  readonly groupIds: readonly string[];
  readonly status: ConnectionStatus;
}

export interface DependentResource {
  readonly kind: DependentResourceKind;
  readonly id: string;
  readonly name: string;
  readonly publicNetworkAccess: PublicNetworkAccess | undefined;
  /** Storage and Key Vault `networkAcls`, ACR `networkRuleSet`, AI Services `networkAcls`. */
  readonly networkDefaultAction: NetworkAclsDefaultAction | undefined;
  /** The addresses or CIDR ranges of the network rules (they matter only with a Deny default action). */
  readonly ipRules?: readonly string[];
  /** The subnets of the network rules' VNet rules (ACR has none). */
  readonly virtualNetworkSubnetIds?: readonly string[];
  readonly privateEndpoints: readonly DependentPrivateEndpoint[];
  /** ACR: Basic, Standard or Premium. */
  readonly sku?: string;
  /** The system-assigned managed identity (AI Services: it reads and writes the hub's storage). */
  readonly principalId?: string;
  /** Set when the resource could not be read; the other fields are then unknown. */
  readonly readError?: string;
}

export interface ProjectSummary {
  readonly id: string;
  readonly name: string;
  readonly workspaceId: string;
  /** The project's managed identity, for the private storage roles. */
  readonly principalId?: string;
}

export interface HubNetworkState {
  /** Where the hub lives: decides the DNS names. */
  readonly cloud: Cloud;
  readonly workspace: Workspace;
  readonly privateEndpointConnections: readonly PrivateEndpointConnection[];
  /**
   * The private DNS zones that can serve the hub's names: those its endpoints' zone groups point at, and those in the
   * hub's resource group (or other resource groups asked for). A zone name missing everywhere has one entry with
   * `exists: false`, where it would be created. The assessment picks each endpoint's zone from these.
   */
  readonly dnsZones: readonly PrivateDnsZoneStatus[];
  readonly dependentResources: readonly DependentResource[];
  readonly projects: readonly ProjectSummary[];
  readonly computeInstanceNames: readonly string[];
  /** What decides private storage access: connections and role assignments; undefined when not read. */
  readonly storageAccess?: StorageAccessFacts;
}

/** The connections (hub's and projects') and role assignments that decide whether projects reach private storage. */
export interface StorageAccessFacts {
  readonly connections: readonly StorageConnectionCandidate[];
  /** Role assignments at (or above) the storage account and at each of its private endpoints. */
  readonly roleAssignments: readonly ExistingRoleAssignment[];
  /** Set when the role assignments could not be read: roles are then not judged. */
  readonly roleAssignmentsReadError?: string;
}

/** Endpoints we could read behind Approved connections: the ones that carry traffic. */
export function approvedPrivateEndpoints(state: HubNetworkState): PrivateEndpoint[] {
  return state.privateEndpointConnections
    .filter((connection) => connection.status === 'Approved')
    .flatMap((connection) => (connection.privateEndpoint ? [connection.privateEndpoint] : []));
}

/** A hub is private when public network access is Disabled. */
export function isHubPrivate(state: HubNetworkState): boolean {
  return state.workspace.publicNetworkAccess === 'Disabled';
}

/**
 * Whether a dependent resource answers from the internet: public access not Disabled and no Deny default action.
 * Unknown (unreadable) resources are not called public.
 */
export function isPubliclyReachable(resource: DependentResource): boolean {
  if (resource.readError !== undefined || resource.publicNetworkAccess === 'Disabled') {
    return false;
  }
  return resource.networkDefaultAction !== 'Deny';
}

/** Group ids with an Approved private endpoint on a dependent resource, lower-cased. */
export function approvedGroupIds(resource: DependentResource): Set<string> {
  return new Set(
    resource.privateEndpoints
      .filter((endpoint) => endpoint.status === 'Approved')
      .flatMap((endpoint) => endpoint.groupIds.map((groupId) => groupId.toLowerCase())),
  );
}

/** `kind` is a free string in ARM ("Hub", "hub"): map it, or undefined for kinds we do not handle. */
export function workspaceKindOf(kind: string | undefined): WorkspaceKind | undefined {
  switch ((kind ?? 'default').toLowerCase()) {
    case 'hub':
      return 'hub';
    case 'project':
      return 'project';
    case 'default':
      return 'default';
    case 'featurestore':
      return 'featureStore';
    default:
      return undefined;
  }
}

/** Every resource id the hub's state was built from: a write to any of them (or to a parent or child) stales it. */
export function resourceIdsOf(state: HubNetworkState): string[] {
  const ids = [state.workspace.id];
  for (const connection of state.privateEndpointConnections) {
    ids.push(connection.id, connection.privateEndpointId);
    const endpoint = connection.privateEndpoint;
    if (!endpoint) continue;
    ids.push(endpoint.subnetId, endpoint.virtualNetworkId);
    for (const group of endpoint.dnsZoneGroups) {
      ids.push(group.id, ...group.zoneConfigs.map((config) => config.privateDnsZoneId));
    }
  }
  for (const zone of state.dnsZones) if (zone.id) ids.push(zone.id);
  for (const dependent of state.dependentResources) {
    ids.push(dependent.id, ...dependent.privateEndpoints.map((endpoint) => endpoint.id));
  }
  ids.push(...state.projects.map((project) => project.id));
  return ids.filter((id) => id !== '');
}
