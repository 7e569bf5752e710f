/**
 * Findings about a private hub's dependent resources: a hub behind a private endpoint is only as private as the
 * storage, key vault, registry and AI Services it uses.
 */
import { isRegistryBelowPremium, requiredGroupIds } from './dependencyEndpoints';
import { FIX_COMMANDS, type Finding } from './findingTypes';
import {
  approvedGroupIds,
  isHubPrivate,
  isPubliclyReachable,
  type DependentResource,
  type DependentResourceKind,
  type HubNetworkState,
} from './hubState';

const KIND_LABEL: Readonly<Record<DependentResourceKind, string>> = {
  storage: 'Storage account',
  keyVault: 'Key vault',
  containerRegistry: 'Container registry',
  aiServices: 'AI Services account',
};

export function dependencyFindings(state: HubNetworkState): Finding[] {
  if (!isHubPrivate(state)) {
    return [];
  }
  return state.dependentResources.flatMap((resource) => {
    if (resource.readError !== undefined) {
      return [unreadable(resource)];
    }
    return [...publicFindings(state, resource), ...skuFindings(resource), ...endpointFindings(state, resource)];
  });
}

function unreadable(resource: DependentResource): Finding {
  return {
    code: 'dependency-unreadable',
    severity: 'information',
    title: `${KIND_LABEL[resource.kind]} ${resource.name} could not be checked`,
    detail: `${resource.readError ?? ''} Ask for the Reader role on it to see whether it is private.`.trim(),
    resourceId: resource.id,
  };
}

function publicFindings(state: HubNetworkState, resource: DependentResource): Finding[] {
  if (!isPubliclyReachable(resource)) {
    return [];
  }
  return [
    {
      code: 'dependency-public',
      severity: 'warning',
      title: `${KIND_LABEL[resource.kind]} ${resource.name} is reachable from the internet`,
      detail: `${state.workspace.name} is private, but ${resource.name} accepts connections from all networks, so its data is not behind the hub's private endpoint. Disable public access (or deny by default) and reach it through a private endpoint.`,
      resourceId: resource.id,
      fix: { command: FIX_COMMANDS.restrictPublicAccess, args: [resource.id], title: 'Restrict public access' },
    },
  ];
}

/** Only Premium registries support private endpoints and network rules. */
function skuFindings(resource: DependentResource): Finding[] {
  if (!isRegistryBelowPremium(resource)) {
    return [];
  }
  return [
    {
      code: 'registry-not-premium',
      severity: 'warning',
      title: `Container registry ${resource.name} is ${resource.sku}`,
      detail:
        'Only Premium registries can have private endpoints or turn off public access; Basic and Standard are always reachable from the internet. Upgrade it to Premium.',
      resourceId: resource.id,
    },
  ];
}

function endpointFindings(state: HubNetworkState, resource: DependentResource): Finding[] {
  if (isRegistryBelowPremium(resource)) {
    return []; // registry-not-premium says it all
  }
  const present = approvedGroupIds(resource);
  const missing = requiredGroupIds(resource).filter((groupId) => !present.has(groupId));
  // The detail ends with the fix button's words, so the two read the same.
  const fixTitle = (groupId: string) => `Add the ${groupId} private endpoint`;
  return missing.map((groupId) => ({
    code: resource.kind === 'storage' ? 'storage-endpoint-missing' : 'dependency-endpoint-missing',
    severity: 'warning' as const,
    title: `${KIND_LABEL[resource.kind]} ${resource.name} has no ${groupId} private endpoint`,
    detail:
      resource.kind === 'storage'
        ? `A hub uses both blob and file storage; without a ${groupId} endpoint, clients in your network cannot reach it once public access is off. ${fixTitle(groupId)}.`
        : `Without a ${groupId} private endpoint, clients in your network cannot reach it once public access is off. ${fixTitle(groupId)}.`,
    resourceId: resource.id,
    // The hub id too: the wizard places the endpoint next to the hub's network.
    fix: {
      command: FIX_COMMANDS.addDependencyPrivateEndpoints,
      args: [resource.id, groupId, state.workspace.id],
      title: fixTitle(groupId),
    },
  }));
}
