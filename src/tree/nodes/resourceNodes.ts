/** Subscriptions, hubs, projects and AI Services accounts: the upper levels of the tree, from discovery. */
import type { AzureAccessError } from '../../azure/errors';
import type { DiscoveredHub, DiscoveredResource } from '../../azure/discovery';
import type { DependentResource, HubNetworkState } from '../../model/hubState';
import { describePublicAccessMode, publicAccessModeOf } from '../../model/publicAccess';
import type { NodeView, Tone } from '../nodeView';
import { plural } from '../nodeView';

/** Hubs shown per subscription before "Load more…". */
export const HUBS_PAGE_SIZE = 50;

export interface SubscriptionSummaryView {
  readonly subscriptionId: string;
  readonly name: string;
  readonly hubCount: number;
  readonly aiServicesCount: number;
  readonly error?: AzureAccessError;
}

export function subscriptionNode(subscription: SubscriptionSummaryView): NodeView {
  const counts = `${plural(subscription.hubCount, 'hub')}${subscription.aiServicesCount ? `, ${plural(subscription.aiServicesCount, 'AI Services account')}` : ''}`;
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    label: subscription.name,
    description: subscription.error ? 'could not be listed' : counts,
    context: 'subscription',
    resourceId: `/subscriptions/${subscription.subscriptionId}`,
    icon: { codicon: 'key', tone: subscription.error ? 'error' : 'neutral' },
    tooltip: `**${subscription.name}**\n\n${subscription.subscriptionId}${subscription.error ? `\n\n${subscription.error.message}` : ''}`,
    expandable: true,
    expanded: true,
  };
}

/** A hub before its details are read: Resource Graph gives only public network access. */
export function hubNode(hub: DiscoveredHub, details: HubNetworkState | undefined): NodeView {
  const posture = details ? postureOfDetails(details) : postureOfDiscovery(hub.publicNetworkAccess);
  const projects = hub.projects.length ? ` · ${plural(hub.projects.length, 'project')}` : '';
  return {
    id: hub.id,
    label: hub.name,
    description: `${posture.summary} · ${hub.location}${projects}`,
    context: 'hub',
    resourceId: hub.id,
    hubId: hub.id,
    icon: { codicon: posture.codicon, tone: posture.tone },
    tooltip: `**Foundry hub ${hub.name}**\n\n${posture.summary}\n\nResource group: ${hub.resourceGroup} · Region: ${hub.location}`,
    expandable: true,
  };
}

interface Posture {
  readonly summary: string;
  readonly codicon: string;
  readonly tone: Tone;
}

function postureOfDiscovery(publicNetworkAccess: string | undefined): Posture {
  return publicNetworkAccess?.toLowerCase() === 'disabled'
    ? { summary: 'Private', codicon: 'lock', tone: 'secure' }
    : { summary: 'Public access enabled', codicon: 'globe', tone: 'exposed' };
}

function postureOfDetails(state: HubNetworkState): Posture {
  const mode = publicAccessModeOf(state.workspace.publicNetworkAccess, state.workspace.networkAcls);
  const endpoints = state.privateEndpointConnections.filter((c) => c.status === 'Approved').length;
  const withEndpoints = endpoints ? ` · ${plural(endpoints, 'private endpoint')}` : '';
  switch (mode.kind) {
    case 'disabled':
      return { summary: `Private${withEndpoints}`, codicon: 'lock', tone: endpoints ? 'secure' : 'warning' };
    case 'selectedIps':
      return { summary: `${describePublicAccessMode(mode)}${withEndpoints}`, codicon: 'shield', tone: 'warning' };
    case 'allNetworks':
      return { summary: `Public (all networks)${withEndpoints}`, codicon: 'globe', tone: 'exposed' };
  }
}

export function projectsNode(hub: DiscoveredHub): NodeView {
  return {
    id: `${hub.id}/projects`,
    label: `Projects (${hub.projects.length})`,
    context: 'info',
    hubId: hub.id,
    icon: { codicon: 'folder-library', tone: 'neutral' },
    expandable: hub.projects.length > 0,
    children: hub.projects.map((project) => projectNode(project)),
  };
}

export function projectNode(project: DiscoveredResource): NodeView {
  return {
    id: project.id,
    label: project.name,
    description: `project · ${project.location}`,
    context: 'project',
    resourceId: project.id,
    hubId: project.hubResourceId,
    icon: { codicon: 'folder', tone: 'neutral' },
    tooltip: `**Foundry project ${project.name}**\n\nIts network isolation is its hub's.`,
  };
}

/** An account from discovery; `details` (read from ARM) win, since Resource Graph lags behind our own writes. */
export function aiServicesNode(account: DiscoveredResource, details?: DependentResource): NodeView {
  const publicNetworkAccess = details && !details.readError ? details.publicNetworkAccess : account.publicNetworkAccess;
  const networkDefaultAction =
    details && !details.readError ? details.networkDefaultAction : account.networkDefaultAction;
  const disabled = publicNetworkAccess?.toLowerCase() === 'disabled';
  const selected = !disabled && networkDefaultAction?.toLowerCase() === 'deny';
  const access = disabled ? 'public access disabled' : selected ? 'selected networks' : 'public access enabled';
  return {
    id: account.id,
    label: account.name,
    description: `AI Services · ${access} · ${account.location}`,
    context: 'aiServices',
    resourceId: account.id,
    expandable: true,
    icon: { codicon: 'sparkle', tone: disabled ? 'secure' : selected ? 'warning' : 'exposed' },
    tooltip: `**Foundry / AI Services resource ${account.name}**\n\nPublic network access: ${publicNetworkAccess ?? 'Enabled'}\n\nDefault action: ${networkDefaultAction ?? 'Allow'}`,
  };
}

export function loadMoreNode(subscriptionId: string, shown: number, total: number): NodeView {
  return {
    id: `/subscriptions/${subscriptionId}/loadMore/${shown}`,
    label: 'Load more…',
    description: `${shown} of ${total} hubs shown`,
    context: 'loadMore',
    icon: { codicon: 'ellipsis', tone: 'neutral' },
    command: { id: 'foundryNetwork.loadMore', title: 'Load more', args: [subscriptionId] },
  };
}

export function errorNode(id: string, message: string, retryArgs: readonly unknown[] = []): NodeView {
  return {
    id: `${id}/error`,
    label: message,
    description: 'Retry',
    context: 'error',
    icon: { codicon: 'error', tone: 'error' },
    tooltip: `${message}\n\nClick to retry.`,
    command: { id: 'foundryNetwork.refresh', title: 'Retry', args: retryArgs },
  };
}

export function loadingNode(id: string): NodeView {
  return {
    id: `${id}/loading`,
    label: 'Loading…',
    context: 'info',
    icon: { codicon: 'loading~spin', tone: 'neutral' },
  };
}
