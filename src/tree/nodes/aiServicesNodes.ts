/**
 * Under a top-level AI Services (Foundry) account: its public access with the network rules, its private endpoints,
 * and its findings, from its assessment.
 */
import { resourceNameOf, tryParseResourceId } from '../../model/armIds';
import type { AccountAssessment } from '../../model/assessment';
import type { DependentResource } from '../../model/hubState';
import type { NodeView, Tone } from '../nodeView';
import { plural } from '../nodeView';
import { findingsNode } from './findingNodes';
import { CONNECTION_ICON, CONNECTION_TONE } from './hubNodes';

export function aiServicesSections(account: DependentResource, assessment: AccountAssessment): NodeView[] {
  return [
    accountAccessNode(account, assessment),
    accountEndpointsNode(account),
    findingsNode(account.id, assessment.findings),
  ];
}

function accountAccessNode(account: DependentResource, assessment: AccountAssessment): NodeView {
  const access = assessment.access;
  const id = `${account.id}/publicAccess`;
  const base = { id, context: 'info' as const, resourceId: account.id };
  if (access.kind === 'disabled') {
    return {
      ...base,
      label: 'Public access: Disabled',
      description: 'private endpoints only',
      icon: { codicon: 'lock', tone: 'secure' },
      tooltip: `**Public network access is Disabled.** ${account.name} answers only through its private endpoints.`,
    };
  }
  if (access.kind !== 'selectedNetworks') {
    return {
      ...base,
      label: 'Public access: Enabled (all networks)',
      description: 'anyone on the internet',
      icon: { codicon: 'globe', tone: 'exposed' },
      tooltip: `**Public network access is Enabled from all networks.** Any address on the internet can reach ${account.name} (with a key or token).`,
    };
  }
  const ipRules = access.ipRules;
  const subnets = access.virtualNetworkRules;
  const children: NodeView[] = [
    ...ipRules.map((rule) => ({
      id: `${id}/ip/${rule}`,
      label: rule,
      context: 'info' as const,
      icon: { codicon: 'circle-small-filled', tone: 'neutral' as const },
    })),
    ...subnets.map((subnetId) => ({
      id: `${id}/subnet/${subnetId}`,
      label:
        tryParseResourceId(subnetId)
          ?.resources.map((resource) => resource.name)
          .join('/') ?? subnetId,
      description: 'VNet rule',
      context: 'info' as const,
      resourceId: subnetId,
      icon: { codicon: 'type-hierarchy-sub', tone: 'neutral' as const },
    })),
  ];
  const counts = [
    plural(ipRules.length, 'IP rule'),
    ...(subnets.length ? [plural(subnets.length, 'VNet rule')] : []),
  ].join(', ');
  return {
    ...base,
    label: `Public access: Enabled (selected networks: ${counts})`,
    description: children.length
      ? 'only these reach it'
      : 'no rule lets a network in (trusted Azure services may still, if allowed)',
    icon: { codicon: 'shield', tone: 'warning' },
    tooltip: `**Public network access is Enabled from selected networks.** Only these addresses and subnets reach ${account.name} from outside its private endpoints.`,
    expandable: children.length > 0,
    children,
  };
}

function accountEndpointsNode(account: DependentResource): NodeView {
  const endpoints = account.privateEndpoints;
  const approved = endpoints.filter((endpoint) => endpoint.status === 'Approved').length;
  const tone: Tone = endpoints.length === 0 ? 'neutral' : approved === endpoints.length ? 'secure' : 'warning';
  return {
    id: `${account.id}/privateEndpoints`,
    label: `Private endpoints (${endpoints.length})`,
    description: endpoints.length === 0 ? 'none' : `${approved} approved`,
    context: 'info',
    resourceId: account.id,
    icon: { codicon: 'plug', tone },
    expandable: endpoints.length > 0,
    children: endpoints.map((endpoint) => ({
      id: `${account.id}/privateEndpoints/${endpoint.id}`,
      label: resourceNameOf(endpoint.id),
      description: endpoint.status,
      context: 'info',
      resourceId: endpoint.id,
      icon: { codicon: CONNECTION_ICON[endpoint.status], tone: CONNECTION_TONE[endpoint.status] },
    })),
  };
}
