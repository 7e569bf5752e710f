/** "Dependent resources": the hub's Storage, Key Vault, Container Registry (and AI Services), as the assessment judged them. */
import * as l10n from '@vscode/l10n';
import type { DependencyAssessment, DependencyIsolation } from '../../model/assessment';
import type { DependentResourceKind } from '../../model/hubState';
import type { NodeView, Tone } from '../nodeView';

const KIND: Readonly<Record<DependentResourceKind, { label: string; codicon: string }>> = {
  storage: { label: 'Storage', codicon: 'database' },
  keyVault: { label: 'Key Vault', codicon: 'key' },
  containerRegistry: { label: 'Container Registry', codicon: 'package' },
  aiServices: { label: 'AI Services', codicon: 'sparkle' },
};

const ISOLATION: Readonly<Record<DependencyIsolation, { text: () => string; tone: Tone }>> = {
  private: { text: () => l10n.t('public access disabled'), tone: 'secure' },
  selectedNetworks: { text: () => l10n.t('selected networks'), tone: 'warning' },
  public: { text: () => l10n.t('public'), tone: 'exposed' },
  unknown: { text: () => l10n.t('could not be read'), tone: 'error' },
};

export function dependentResourcesNode(hubId: string, dependencies: readonly DependencyAssessment[]): NodeView {
  const children = dependencies.map((dependency) => dependentResourceNode(hubId, dependency));
  const exposed = dependencies.filter((dependency) => dependency.isolation === 'public').length;
  return {
    id: `${hubId}/dependents`,
    label: l10n.t('Dependent resources'),
    description:
      dependencies.length === 0 ? l10n.t('none') : exposed ? l10n.t('{0} public', exposed) : l10n.t('none public'),
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
      description: isolation.text(),
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
    description: `${l10n.t('{0} · endpoints: {1}', isolation.text(), endpoints)}${sku}`,
    icon: { codicon: kind.codicon, tone },
    tooltip: [
      `**${kind.label} ${resource.name}**`,
      l10n.t('Public network access: {0}', resource.publicNetworkAccess ?? l10n.t('not set (Enabled)')),
      l10n.t('Default action: {0}', resource.networkDefaultAction ?? 'Allow'),
      ...(resource.networkDefaultAction === 'Deny' ? [networkRulesLine(resource)] : []),
      l10n.t(
        'Private endpoints: {0}',
        dependency.endpoints
          .map((e) => `${e.groupId}: ${e.approved ? l10n.t('approved') : l10n.t('missing')}`)
          .join(', '),
      ),
    ].join('\n\n'),
  };
}

/** With a Deny default action, the rules say who still gets in from outside the private endpoints. */
function networkRulesLine(resource: DependencyAssessment['resource']): string {
  const ipRules = resource.ipRules ?? [];
  const subnets = resource.virtualNetworkSubnetIds?.length ?? 0;
  const ips = ipRules.length ? l10n.t('IP rules: {0}', ipRules.join(', ')) : l10n.t('No IP rules');
  return subnets ? `${ips}; ${subnets === 1 ? l10n.t('1 VNet rule') : l10n.t('{0} VNet rules', subnets)}` : ips;
}
