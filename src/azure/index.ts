/**
 * The Azure access layer: the one module the extension loads lazily (on the first tree expansion) and the CLI imports.
 * No vscode import: the extension hands in a TokenCredential adapted from VS Code's authentication.
 */
export { API_VERSIONS } from './apiVersions';
export type { ApiVersionName } from './apiVersions';

export { ArmConnection } from './clients';
export type { ArmConnectionOptions, RetrySettings } from './clients';
export type { ArmRequestEvent, ArmRequestLogger } from './requestLog';

/** Generic ARM requests through an SDK client's pipeline, for plan steps and "View Properties". */
export { sendArm, sendArmLongRunning } from './armRequest';
export type { ArmMethod, ArmRequest, ArmResponse, LongRunningOptions } from './armRequest';

export { listSubscriptions, listTenants } from './subscriptions';
export type { SubscriptionSummary, TenantSummary } from './subscriptions';

export { discoverHubs, DISCOVERY_QUERY } from './discovery';
export type { DiscoveredHub, DiscoveredKind, DiscoveredResource, DiscoveryOptions, DiscoveryResult, SubscriptionFailure } from './discovery';

export { readHubNetworkState } from './hubDetails';
export type { HubDetailsOptions } from './hubDetails';
export { readPrivateDnsZone, zoneIdOf, zoneLocationOf } from './privateDnsRead';
export type { ZoneLocation } from './privateDnsRead';
export { HubStateCache } from './hubStateCache';
export type { HubStateLoader } from './hubStateCache';

export {
  createPrivateEndpoint,
  deletePrivateEndpoint,
  deleteWorkspaceConnection,
  ensurePrivateDnsZone,
  ensureVirtualNetworkLink,
  listVirtualNetworks,
  setWorkspaceConnectionStatus,
  upsertDnsZoneGroup,
} from './operations';
export type { CreatePrivateEndpointInput, EnsuredResource, SubnetChoice, VirtualNetworkChoice, VirtualNetworkLinkInput } from './operations';
export { createRoleAssignment, updateDependentAccess, updateWorkspaceNetwork } from './accessOperations';
export type { DependentAccessUpdate, RoleAssignmentInput, WorkspaceNetworkUpdate } from './accessOperations';
export type { WorkspaceNetworkPatch } from './workspaceModels';

export {
  AzureAccessError,
  CancelledError,
  ConcurrentChangeError,
  NetworkError,
  PermissionDeniedError,
  PrivateLinkOnlyError,
  RequestRejectedError,
  ResourceNotFoundError,
  ServiceUnavailableError,
  SignInRequiredError,
  ThrottledError,
  isAzureAccessError,
  toAzureAccessError,
  toDataPlaneError,
} from './errors';
export type { AzureErrorKind, ErrorContext } from './errors';
