/**
 * A hub's dependent resources (storage, key vault, registry, connected AI Services): how isolated each is, and what a
 * hub that is not public needs of them.
 */
import { isRegistryBelowPremium, requiredGroupIds } from '../dependencyEndpoints';
import { approvedGroupIds, type DependentResource, type DependentResourceKind } from '../hubState';
import { WIZARD_COMMANDS } from '../../wizards/ids';
import type { Finding } from './types';

export const DEPENDENCY_LABEL: Readonly<Record<DependentResourceKind, string>> = {
  storage: 'Storage account',
  keyVault: 'Key vault',
  containerRegistry: 'Container registry',
  aiServices: 'AI Services account',
};

/** How one dependency is reached: the tree's icon and the findings both come from this. */
export type DependencyIsolation = 'private' | 'selectedNetworks' | 'public' | 'unknown';

export interface DependencyAssessment {
  readonly resource: DependentResource;
  readonly isolation: DependencyIsolation;
  /** Group ids it needs an approved endpoint for, and which of them it has. */
  readonly endpoints: readonly { readonly groupId: string; readonly approved: boolean }[];
}

export function assessDependency(resource: DependentResource): DependencyAssessment {
  const approved = approvedGroupIds(resource);
  const endpoints = requiredGroupIds(resource).map((groupId) => ({ groupId, approved: approved.has(groupId) }));
  const isolation: DependencyIsolation =
    resource.readError !== undefined
      ? 'unknown'
      : resource.publicNetworkAccess === 'Disabled'
        ? 'private'
        : resource.networkDefaultAction === 'Deny'
          ? 'selectedNetworks'
          : 'public';
  return { resource, isolation, endpoints };
}

/**
 * `hubIsPublic`: a public hub's dependencies being public is the hub's own choice, so only their unreadability is
 * reported. `hubIsPrivate`: public access Disabled, so the dependencies need their endpoints.
 */
export function dependencyFindings(
  hubId: string,
  hubName: string,
  dependencies: readonly DependencyAssessment[],
  options: { readonly hubIsPublic: boolean; readonly hubIsPrivate: boolean },
): Finding[] {
  return dependencies.flatMap((dependency) => {
    const { resource } = dependency;
    const label = `${DEPENDENCY_LABEL[resource.kind]} ${resource.name}`;
    if (dependency.isolation === 'unknown') {
      return [
        {
          id: 'dependency-unreadable' as const,
          severity: 'information' as const,
          resourceId: resource.id,
          message: `${label} could not be checked`,
          detail: `${resource.readError ?? ''} Ask for the Reader role on it to see whether it is private.`.trim(),
        },
      ];
    }
    if (options.hubIsPublic) return [];
    const findings: Finding[] = [];
    if (dependency.isolation === 'public') {
      findings.push({
        id: 'dependency-public',
        severity: 'warning',
        resourceId: resource.id,
        message: `${label} is reachable from all networks`,
        detail: `${hubName} is not public, but ${resource.name} accepts connections from all networks, so its data is not behind the hub's private endpoint. Disable its public access (or deny by default) and reach it through a private endpoint.`,
        fix: {
          command: WIZARD_COMMANDS.disableDependencyPublicAccess.command,
          args: [resource.id],
          title: 'Disable public access',
        },
      });
    }
    if (isRegistryBelowPremium(resource)) {
      findings.push({
        id: 'registry-not-premium',
        severity: 'warning',
        resourceId: resource.id,
        message: `${label} is ${resource.sku}`,
        detail:
          'Only Premium registries can have private endpoints or turn off public access; Basic and Standard are always reachable from the internet. Upgrade it to Premium.',
      });
    } else if (options.hubIsPrivate) {
      findings.push(...missingEndpointFindings(hubId, dependency, label));
    }
    return findings;
  });
}

function missingEndpointFindings(hubId: string, dependency: DependencyAssessment, label: string): Finding[] {
  const { resource } = dependency;
  return dependency.endpoints
    .filter((endpoint) => !endpoint.approved)
    .map((endpoint) => {
      // The detail ends with the fix button's words, so the two read the same.
      const title = `Add the ${endpoint.groupId} private endpoint`;
      return {
        id: 'dependency-endpoint-missing' as const,
        severity: 'warning' as const,
        resourceId: resource.id,
        subject: endpoint.groupId,
        message: `${label} has no ${endpoint.groupId} private endpoint`,
        detail:
          resource.kind === 'storage'
            ? `A hub uses both blob and file storage; without a ${endpoint.groupId} endpoint, clients in your network cannot reach it once public access is off. ${title}.`
            : `Without a ${endpoint.groupId} private endpoint, clients in your network cannot reach it once public access is off. ${title}.`,
        // The hub id too: the wizard places the endpoint next to the hub's network.
        fix: {
          command: WIZARD_COMMANDS.addDependencyPrivateEndpoints.command,
          args: [resource.id, endpoint.groupId, hubId],
          title,
        },
      };
    });
}
