/** Subscriptions, hubs, projects and AI Services accounts: the upper levels of the tree. */
import type { AzureAccessError } from '../../azure/errors';
import type { DiscoveredHub, DiscoveredResource } from '../../azure/discovery';
import { discoveredAccess, worstSeverity, type Finding } from '../../model/assessment';
import type { ResourceEntry } from '../model';
import type { NodeView } from '../nodeView';
import { plural } from '../nodeView';
import { CHECKING_ICON, VERDICT_ICON } from './verdictView';

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

/**
 * A hub's line: the assessment's verdict once read (with "checking…" while a re-read runs), and before that only
 * what discovery says of public access, with "checking…".
 */
export function hubNode(hub: DiscoveredHub, entry: ResourceEntry | undefined): NodeView {
  const projects = hub.projects.length ? ` · ${plural(hub.projects.length, 'project')}` : '';
  const line = resourceLine(entry, hub);
  return {
    id: hub.id,
    label: hub.name,
    description: `${line.summary} · ${hub.location}${projects}`,
    context: 'hub',
    resourceId: hub.id,
    hubId: hub.id,
    icon: line.icon,
    tooltip: `**Foundry hub ${hub.name}**\n\n${line.tooltip}\n\nResource group: ${hub.resourceGroup} · Region: ${hub.location}`,
    expandable: true,
    ...(line.badge ? { badge: line.badge } : {}),
  };
}

/** An AI Services (Foundry) account's line, the same way as a hub's. */
export function aiServicesNode(account: DiscoveredResource, entry: ResourceEntry | undefined): NodeView {
  const line = resourceLine(entry, account);
  return {
    id: account.id,
    label: account.name,
    description: `AI Services · ${line.summary} · ${account.location}`,
    context: 'aiServices',
    resourceId: account.id,
    expandable: true,
    icon: line.icon,
    tooltip: `**Foundry / AI Services resource ${account.name}**\n\n${line.tooltip}\n\nResource group: ${account.resourceGroup} · Region: ${account.location}`,
    ...(line.badge ? { badge: line.badge } : {}),
  };
}

interface ResourceLine {
  readonly summary: string;
  readonly icon: NodeView['icon'];
  readonly tooltip: string;
  readonly badge?: NodeView['badge'];
}

function resourceLine(entry: ResourceEntry | undefined, discovered: DiscoveredResource): ResourceLine {
  const details = entry?.details;
  if (!details) {
    const access = discoveredAccess(discovered.publicNetworkAccess, discovered.networkDefaultAction);
    if (entry?.failure !== undefined) {
      return {
        summary: `${access} · could not be checked`,
        icon: { codicon: 'warning', tone: 'warning' },
        tooltip: `Reading the details failed: ${entry.failure}`,
      };
    }
    return { summary: `${access} · checking…`, icon: CHECKING_ICON, tooltip: 'Checking its network isolation…' };
  }
  const { verdict, findings } = details.assessment;
  const checking = entry?.reading ? ' · checking…' : '';
  const badge = badgeOf(findings);
  return {
    summary: `${verdict.label}${checking}`,
    icon: VERDICT_ICON[verdict.kind],
    tooltip: `**${verdict.label}**: ${verdict.reason}${findings.length ? `\n\n${badge?.tooltip ?? ''}` : ''}${entry?.failure !== undefined ? `\n\nThe last re-read failed: ${entry.failure}` : ''}`,
    ...(badge ? { badge } : {}),
  };
}

/** The worst severity and how many findings have it. */
export function badgeOf(findings: readonly Finding[]): NodeView['badge'] | undefined {
  const worst = worstSeverity(findings);
  if (!worst) return undefined;
  const counts = (['error', 'warning', 'information'] as const)
    .map((severity) => ({ severity, count: findings.filter((finding) => finding.severity === severity).length }))
    .filter((entry) => entry.count > 0);
  const tooltip = counts
    .map((entry) => plural(entry.count, entry.severity === 'information' ? 'note' : entry.severity))
    .join(', ');
  return { severity: worst, count: counts[0]!.count, tooltip };
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
