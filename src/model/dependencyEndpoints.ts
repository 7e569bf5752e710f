/**
 * The private endpoints a hub's dependent resources still need: storage `blob` and `file`, key vault `vault`, registry
 * `registry`, AI Services `account`. A private hub reaches them only through these.
 */
import { sameResourceId } from './armIds';
import { PRIVATE_LINK_TARGETS, type GroupId } from './dnsZones';
import { approvedGroupIds, type DependentResource, type HubNetworkState } from './hubState';

export interface MissingDependencyEndpoint {
  readonly resource: DependentResource;
  readonly groupId: GroupId;
  /** Why it cannot have one (a registry that is not Premium); undefined when it can. */
  readonly blocker?: string;
}

/** The group ids a dependent resource needs endpoints for (a hub's storage needs both blob and file). */
export function requiredGroupIds(resource: DependentResource): readonly GroupId[] {
  return PRIVATE_LINK_TARGETS[resource.kind].groupIds;
}

/** Only Premium registries take private endpoints (and network rules); an unknown SKU is not held against it. */
export function isRegistryBelowPremium(resource: DependentResource): boolean {
  return (
    resource.kind === 'containerRegistry' && resource.sku !== undefined && resource.sku.toLowerCase() !== 'premium'
  );
}

/** Every (resource, group id) without an Approved endpoint; unreadable resources are left out (nothing is known). */
export function missingDependencyEndpoints(state: HubNetworkState): MissingDependencyEndpoint[] {
  return state.dependentResources.flatMap((resource) => {
    if (resource.readError !== undefined) return [];
    const approved = approvedGroupIds(resource);
    const blocker = isRegistryBelowPremium(resource)
      ? `${resource.sku ?? ''} SKU: only Premium registries can have private endpoints. Upgrade ${resource.name} to Premium first.`
      : undefined;
    return requiredGroupIds(resource)
      .filter((groupId) => !approved.has(groupId))
      .map((groupId) => ({ resource, groupId, ...(blocker ? { blocker } : {}) }));
  });
}

/** Resources that have every endpoint they need once `added` exist, and still accept public traffic. */
export function resourcesToClose(
  state: HubNetworkState,
  added: readonly { readonly resourceId: string; readonly groupId: GroupId }[],
): DependentResource[] {
  return state.dependentResources.filter((resource) => {
    if (resource.readError !== undefined || resource.publicNetworkAccess === 'Disabled') return false;
    const approved = approvedGroupIds(resource);
    const addedHere = added.filter((pair) => sameResourceId(pair.resourceId, resource.id)).map((pair) => pair.groupId);
    return (
      addedHere.length > 0 &&
      requiredGroupIds(resource).every((groupId) => approved.has(groupId) || addedHere.includes(groupId))
    );
  });
}

const DEPENDENCY_GROUP_IDS: ReadonlySet<string> = new Set(
  Object.values(PRIVATE_LINK_TARGETS).flatMap((target) =>
    target.groupIds.filter((groupId) => groupId !== 'amlworkspace'),
  ),
);

/** A group id a finding's fix passes as a plain string argument. */
export function isDependencyGroupId(value: unknown): value is GroupId {
  return typeof value === 'string' && DEPENDENCY_GROUP_IDS.has(value);
}
