/** Subscriptions, hubs, projects and AI Services accounts: the upper levels of the tree. */
import * as l10n from '@vscode/l10n';
import type { AzureAccessError } from '../../azure/errors';
import type { DiscoveredHub, DiscoveredResource } from '../../azure/discovery';
import { discoveredAccess, worstSeverity, type Finding } from '../../model/assessment';
import type { ResourceEntry } from '../model';
import type { NodeView } from '../nodeView';
import { CHECKING_ICON, VERDICT_ICON } from './verdictView';

export interface SubscriptionSummaryView {
  readonly subscriptionId: string;
  readonly name: string;
  readonly hubCount: number;
  readonly aiServicesCount: number;
  readonly error?: AzureAccessError;
}

export function subscriptionNode(subscription: SubscriptionSummaryView): NodeView {
  const hubs = subscription.hubCount === 1 ? l10n.t('1 hub') : l10n.t('{0} hubs', subscription.hubCount);
  const accounts = !subscription.aiServicesCount
    ? ''
    : subscription.aiServicesCount === 1
      ? l10n.t(', 1 AI Services account')
      : l10n.t(', {0} AI Services accounts', subscription.aiServicesCount);
  const counts = `${hubs}${accounts}`;
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    label: subscription.name,
    description: subscription.error ? l10n.t('could not be listed') : counts,
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
  const projects = !hub.projects.length
    ? ''
    : hub.projects.length === 1
      ? l10n.t(' · 1 project')
      : l10n.t(' · {0} projects', hub.projects.length);
  const line = resourceLine(entry, hub);
  return {
    id: hub.id,
    label: hub.name,
    description: `${line.summary} · ${hub.location}${projects}`,
    context: 'hub',
    resourceId: hub.id,
    hubId: hub.id,
    icon: line.icon,
    tooltip: `**${l10n.t('Foundry hub {0}', hub.name)}**\n\n${line.tooltip}\n\n${l10n.t('Resource group: {0} · Region: {1}', hub.resourceGroup, hub.location)}`,
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
    description: l10n.t('AI Services · {0} · {1}', line.summary, account.location),
    context: 'aiServices',
    resourceId: account.id,
    expandable: true,
    icon: line.icon,
    tooltip: `**${l10n.t('Foundry / AI Services resource {0}', account.name)}**\n\n${line.tooltip}\n\n${l10n.t('Resource group: {0} · Region: {1}', account.resourceGroup, account.location)}`,
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
        summary: l10n.t('{0} · could not be checked', access),
        icon: { codicon: 'warning', tone: 'warning' },
        tooltip: l10n.t('Reading the details failed: {0}', entry.failure),
      };
    }
    return {
      summary: l10n.t('{0} · checking…', access),
      icon: CHECKING_ICON,
      tooltip: l10n.t('Checking its network isolation…'),
    };
  }
  const { verdict, findings } = details.assessment;
  const checking = entry?.reading ? l10n.t(' · checking…') : '';
  const badge = badgeOf(findings);
  return {
    summary: `${verdict.label}${checking}`,
    icon: VERDICT_ICON[verdict.kind],
    tooltip: `**${verdict.label}**: ${verdict.reason}${findings.length ? `\n\n${badge?.tooltip ?? ''}` : ''}${entry?.failure !== undefined ? `\n\n${l10n.t('The last re-read failed: {0}', entry.failure)}` : ''}`,
    ...(badge ? { badge } : {}),
  };
}

const SEVERITY_COUNT: Readonly<Record<Finding['severity'], (count: number) => string>> = {
  error: (count) => (count === 1 ? l10n.t('1 error') : l10n.t('{0} errors', count)),
  warning: (count) => (count === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', count)),
  information: (count) => (count === 1 ? l10n.t('1 note') : l10n.t('{0} notes', count)),
};

/** The worst severity and how many findings have it. */
export function badgeOf(findings: readonly Finding[]): NodeView['badge'] | undefined {
  const worst = worstSeverity(findings);
  if (!worst) return undefined;
  const counts = (['error', 'warning', 'information'] as const)
    .map((severity) => ({ severity, count: findings.filter((finding) => finding.severity === severity).length }))
    .filter((entry) => entry.count > 0);
  const tooltip = counts.map((entry) => SEVERITY_COUNT[entry.severity](entry.count)).join(', ');
  return { severity: worst, count: counts[0]!.count, tooltip };
}

export function projectsNode(hub: DiscoveredHub): NodeView {
  return {
    id: `${hub.id}/projects`,
    label: l10n.t('Projects ({0})', hub.projects.length),
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
    description: l10n.t('project · {0}', project.location),
    context: 'project',
    resourceId: project.id,
    hubId: project.hubResourceId,
    icon: { codicon: 'folder', tone: 'neutral' },
    tooltip: `**${l10n.t('Foundry project {0}', project.name)}**\n\n${l10n.t("Its network isolation is its hub's.")}`,
  };
}

export function loadMoreNode(subscriptionId: string, shown: number, total: number): NodeView {
  return {
    id: `/subscriptions/${subscriptionId}/loadMore/${shown}`,
    label: l10n.t('Load more…'),
    description: l10n.t('{0} of {1} hubs shown', shown, total),
    context: 'loadMore',
    icon: { codicon: 'ellipsis', tone: 'neutral' },
    command: { id: 'foundryNetwork.loadMore', title: l10n.t('Load more'), args: [subscriptionId] },
  };
}

export function errorNode(id: string, message: string, retryArgs: readonly unknown[] = []): NodeView {
  return {
    id: `${id}/error`,
    label: message,
    description: l10n.t('Retry'),
    context: 'error',
    icon: { codicon: 'error', tone: 'error' },
    tooltip: `${message}\n\n${l10n.t('Click to retry.')}`,
    command: { id: 'foundryNetwork.refresh', title: l10n.t('Retry'), args: retryArgs },
  };
}

export function loadingNode(id: string): NodeView {
  return {
    id: `${id}/loading`,
    label: l10n.t('Loading…'),
    context: 'info',
    icon: { codicon: 'loading~spin', tone: 'neutral' },
  };
}
