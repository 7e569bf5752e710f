/** "Dependent resources": the hub's Storage, Key Vault, Container Registry (and AI Services), and how isolated each is. */
import type { DependentResource, DependentResourceKind } from '../../model/hubState';
import { approvedGroupIds, isPubliclyReachable } from '../../model/hubState';
import type { NodeView, Tone } from '../nodeView';

const KIND: Readonly<Record<DependentResourceKind, { label: string; codicon: string; groupIds: readonly string[] }>> = {
  storage: { label: 'Storage', codicon: 'database', groupIds: ['blob', 'file'] },
  keyVault: { label: 'Key Vault', codicon: 'key', groupIds: ['vault'] },
  containerRegistry: { label: 'Container Registry', codicon: 'package', groupIds: ['registry'] },
  aiServices: { label: 'AI Services', codicon: 'sparkle', groupIds: ['account'] },
};

export function dependentResourcesNode(hubId: string, resources: readonly DependentResource[]): NodeView {
  const children = resources.map((resource) => dependentResourceNode(hubId, resource));
  const exposed = children.filter((child) => child.icon?.tone === 'exposed').length;
  return {
    id: `${hubId}/dependents`,
    label: 'Dependent resources',
    description: resources.length === 0 ? 'none' : exposed ? `${exposed} public` : 'isolated',
    context: 'dependentResources',
    hubId,
    icon: { codicon: 'references', tone: exposed ? 'exposed' : resources.length ? 'secure' : 'neutral' },
    expandable: children.length > 0,
    children,
  };
}

export function dependentResourceNode(hubId: string, resource: DependentResource): NodeView {
  const kind = KIND[resource.kind];
  const base = {
    id: `${hubId}/dependents/${resource.id}`,
    label: `${kind.label}: ${resource.name}`,
    context: 'dependentResource' as const,
    contextFlags: [resource.kind],
    hubId,
    resourceId: resource.id,
  };
  if (resource.readError !== undefined) {
    return {
      ...base,
      description: 'could not be read',
      icon: { codicon: kind.codicon, tone: 'error' },
      tooltip: resource.readError,
    };
  }
  const approved = approvedGroupIds(resource);
  const endpoints = kind.groupIds.map((groupId) => `${groupId} ${approved.has(groupId) ? '✓' : '✗'}`).join(' ');
  const access =
    resource.publicNetworkAccess === 'Disabled'
      ? 'public access disabled'
      : resource.networkDefaultAction === 'Deny'
        ? 'selected networks'
        : 'public';
  const missingEndpoint = kind.groupIds.some((groupId) => !approved.has(groupId));
  const tone: Tone = isPubliclyReachable(resource) ? 'exposed' : missingEndpoint ? 'warning' : 'secure';
  const sku = resource.sku ? ` · ${resource.sku}` : '';
  return {
    ...base,
    description: `${access} · endpoints: ${endpoints}${sku}`,
    icon: { codicon: kind.codicon, tone },
    tooltip: [
      `**${kind.label} ${resource.name}**`,
      `Public network access: ${resource.publicNetworkAccess ?? 'not set (Enabled)'}`,
      `Default action: ${resource.networkDefaultAction ?? 'Allow'}`,
      ...(resource.networkDefaultAction === 'Deny' ? [networkRulesLine(resource)] : []),
      `Private endpoints: ${kind.groupIds.map((g) => `${g}: ${approved.has(g) ? 'present' : 'missing'}`).join(', ')}`,
    ].join('\n\n'),
  };
}

/** With a Deny default action, the rules say who still gets in from outside the private endpoints. */
function networkRulesLine(resource: DependentResource): string {
  const ipRules = resource.ipRules ?? [];
  const subnets = resource.virtualNetworkSubnetIds?.length ?? 0;
  const ips = ipRules.length ? `IP rules: ${ipRules.join(', ')}` : 'No IP rules';
  return subnets ? `${ips}; ${subnets === 1 ? '1 VNet rule' : `${subnets} VNet rules`}` : ips;
}
