/** "Dependent resources": the hub's Storage, Key Vault, Container Registry (and AI Services), as the assessment judged them. */
import type { DependencyAssessment, DependencyIsolation } from '../../model/assessment';
import type { DependentResourceKind } from '../../model/hubState';
import type { NodeView, Tone } from '../nodeView';

const KIND: Readonly<Record<DependentResourceKind, { label: string; codicon: string }>> = {
  storage: { label: 'Storage', codicon: 'database' },
  keyVault: { label: 'Key Vault', codicon: 'key' },
  containerRegistry: { label: 'Container Registry', codicon: 'package' },
  aiServices: { label: 'AI Services', codicon: 'sparkle' },
};

const ISOLATION: Readonly<Record<DependencyIsolation, { text: string; tone: Tone }>> = {
  private: { text: 'public access disabled', tone: 'secure' },
  selectedNetworks: { text: 'selected networks', tone: 'warning' },
  public: { text: 'public', tone: 'exposed' },
  unknown: { text: 'could not be read', tone: 'error' },
};

export function dependentResourcesNode(hubId: string, dependencies: readonly DependencyAssessment[]): NodeView {
  const children = dependencies.map((dependency) => dependentResourceNode(hubId, dependency));
  const exposed = dependencies.filter((dependency) => dependency.isolation === 'public').length;
  return {
    id: `${hubId}/dependents`,
    label: 'Dependent resources',
    description: dependencies.length === 0 ? 'none' : exposed ? `${exposed} public` : 'none public',
    context: 'dependentResources',
    hubId,
    icon: { codicon: 'references', tone: exposed ? 'exposed' : dependencies.length ? 'secure' : 'neutral' },
    expandable: children.length > 0,
    children,
  };
}

export function dependentResourceNode(hubId: string, dependency: DependencyAssessment): NodeView {
  const { resource } = dependency;
  const kind = KIND[resource.kind];
  const isolation = ISOLATION[dependency.isolation];
  const base = {
    id: `${hubId}/dependents/${resource.id}`,
    label: `${kind.label}: ${resource.name}`,
    context: 'dependentResource' as const,
    contextFlags: [resource.kind],
    hubId,
    resourceId: resource.id,
  };
  if (dependency.isolation === 'unknown') {
    return {
      ...base,
      description: isolation.text,
      icon: { codicon: kind.codicon, tone: 'error' },
      tooltip: resource.readError,
    };
  }
  const endpoints = dependency.endpoints
    .map((endpoint) => `${endpoint.groupId} ${endpoint.approved ? '✓' : '✗'}`)
    .join(' ');
  const missingEndpoint = dependency.endpoints.some((endpoint) => !endpoint.approved);
  const tone: Tone = isolation.tone === 'exposed' ? 'exposed' : missingEndpoint ? 'warning' : isolation.tone;
  const sku = resource.sku ? ` · ${resource.sku}` : '';
  return {
    ...base,
    description: `${isolation.text} · endpoints: ${endpoints}${sku}`,
    icon: { codicon: kind.codicon, tone },
    tooltip: [
      `**${kind.label} ${resource.name}**`,
      `Public network access: ${resource.publicNetworkAccess ?? 'not set (Enabled)'}`,
      `Default action: ${resource.networkDefaultAction ?? 'Allow'}`,
      ...(resource.networkDefaultAction === 'Deny' ? [networkRulesLine(resource)] : []),
      `Private endpoints: ${dependency.endpoints.map((e) => `${e.groupId}: ${e.approved ? 'approved' : 'missing'}`).join(', ')}`,
    ].join('\n\n'),
  };
}

/** With a Deny default action, the rules say who still gets in from outside the private endpoints. */
function networkRulesLine(resource: DependencyAssessment['resource']): string {
  const ipRules = resource.ipRules ?? [];
  const subnets = resource.virtualNetworkSubnetIds?.length ?? 0;
  const ips = ipRules.length ? `IP rules: ${ipRules.join(', ')}` : 'No IP rules';
  return subnets ? `${ips}; ${subnets === 1 ? '1 VNet rule' : `${subnets} VNet rules`}` : ips;
}
