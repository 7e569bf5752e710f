/**
 * The plan of the "Add a private endpoint to a hub" wizard: the endpoint, the two private DNS zones, their VNet links
 * and the zone group, each only when it does not exist yet. Commands follow
 * https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link (az tab).
 */
import { buildResourceId, childResourceId, parseResourceId, virtualNetworkIdOfSubnet } from './armIds';
import {
  validateDnsZoneGroupName,
  validatePrivateEndpointName,
  validatePrivateLinkConnectionName,
  validateVirtualNetworkLinkName,
} from './armNames';
import { AzVariables, azCommand, type AzOption, type AzWord } from './azScript';
import type { Cloud } from './clouds';
import { privateDnsZonesFor, zoneConfigName } from './dnsZones';
import { createPlan, type Plan, type PlanApiVersions, type PlanStep } from './plan';

export interface PrivateDnsChoice {
  readonly kind: 'privateDnsZones';
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly zoneGroupName: string;
  readonly virtualNetworkLinkName: string;
  /** Zones that already exist in that resource group: not created, never rolled back. */
  readonly existingZoneNames: readonly string[];
  /** Zones already linked to the endpoint's VNet. */
  readonly zonesLinkedToVirtualNetwork: readonly string[];
}

export interface PrivateEndpointWizardContext {
  readonly cloud: Cloud;
  readonly apiVersions: PlanApiVersions;
  readonly workspace: { readonly id: string; readonly name: string };
  readonly privateEndpoint: {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    /** Must be the VNet's region. */
    readonly location: string;
    readonly connectionName: string;
    /** The hub is in a tenant or subscription where the user cannot approve: ask its owner. */
    readonly manualApproval: boolean;
    readonly requestMessage?: string;
  };
  readonly subnetId: string;
  /** `customDns`: the user runs their own DNS and gets the A-record list instead of zones. */
  readonly dns: PrivateDnsChoice | { readonly kind: 'customDns' };
}

const WORKSPACE_GROUP_ID = 'amlworkspace';

export function buildPrivateEndpointPlan(context: PrivateEndpointWizardContext): Plan {
  assertValidNames(context);
  const variables = new AzVariables();
  const subscription = variables.ref('SUBSCRIPTION_ID', context.privateEndpoint.subscriptionId);
  const steps: PlanStep[] = [createEndpointStep(context, variables)];
  if (context.dns.kind === 'privateDnsZones') {
    steps.push(...privateDnsSteps(context, context.dns, variables));
  }
  const title = `Add private endpoint ${context.privateEndpoint.name} to hub ${context.workspace.name}`;
  return createPlan(title, steps, variables.list(), subscription.variable);
}

function assertValidNames(context: PrivateEndpointWizardContext): void {
  const problems = [
    validatePrivateEndpointName(context.privateEndpoint.name),
    validatePrivateLinkConnectionName(context.privateEndpoint.connectionName),
    context.dns.kind === 'privateDnsZones' ? validateDnsZoneGroupName(context.dns.zoneGroupName) : undefined,
    context.dns.kind === 'privateDnsZones' ? validateVirtualNetworkLinkName(context.dns.virtualNetworkLinkName) : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    throw new Error(problems.join(' '));
  }
}

function privateEndpointId(context: PrivateEndpointWizardContext): string {
  const { subscriptionId, resourceGroup, name } = context.privateEndpoint;
  return buildResourceId(subscriptionId, resourceGroup, 'Microsoft.Network', { type: 'privateEndpoints', name });
}

function endpointOptions(context: PrivateEndpointWizardContext, variables: AzVariables): AzOption[] {
  return [
    ['--name', variables.ref('PRIVATE_ENDPOINT', context.privateEndpoint.name)],
    ['--resource-group', variables.ref('RESOURCE_GROUP', context.privateEndpoint.resourceGroup)],
  ];
}

/** `--vnet-name` + `--subnet` only work when the VNet is in the endpoint's resource group; otherwise the subnet id. */
function subnetOptions(context: PrivateEndpointWizardContext, variables: AzVariables): AzOption[] {
  const subnet = parseResourceId(context.subnetId);
  const sameGroup =
    subnet.subscriptionId.toLowerCase() === context.privateEndpoint.subscriptionId.toLowerCase() &&
    subnet.resourceGroup?.toLowerCase() === context.privateEndpoint.resourceGroup.toLowerCase();
  const [virtualNetwork, subnetName] = subnet.resources;
  if (sameGroup && virtualNetwork && subnetName) {
    return [
      ['--vnet-name', variables.ref('VNET_NAME', virtualNetwork.name)],
      ['--subnet', variables.ref('SUBNET_NAME', subnetName.name)],
    ];
  }
  return [['--subnet', variables.ref('SUBNET_ID', context.subnetId)]];
}

function createEndpointStep(context: PrivateEndpointWizardContext, variables: AzVariables): PlanStep {
  const endpoint = context.privateEndpoint;
  const id = privateEndpointId(context);
  const connection = {
    name: endpoint.connectionName,
    properties: {
      privateLinkServiceId: context.workspace.id,
      groupIds: [WORKSPACE_GROUP_ID],
      ...(endpoint.requestMessage ? { requestMessage: endpoint.requestMessage } : {}),
    },
  };
  const connections = endpoint.manualApproval
    ? { manualPrivateLinkServiceConnections: [connection] }
    : { privateLinkServiceConnections: [connection] };
  const options: AzOption[] = [
    ...endpointOptions(context, variables),
    ...subnetOptions(context, variables),
    ['--private-connection-resource-id', variables.ref('HUB_ID', context.workspace.id)],
    ['--group-id', WORKSPACE_GROUP_ID],
    ['--connection-name', variables.ref('CONNECTION_NAME', endpoint.connectionName)],
    ['--location', variables.ref('LOCATION', endpoint.location)],
  ];
  if (endpoint.manualApproval) {
    options.push(['--manual-request']);
  }
  if (endpoint.requestMessage) {
    options.push(['--request-message', endpoint.requestMessage]);
  }
  return {
    id: 'create-private-endpoint',
    title: `Create private endpoint ${endpoint.name} in ${parseResourceId(context.subnetId).resources[1]?.name ?? 'the subnet'}`,
    operation: {
      method: 'PUT',
      resourceId: id,
      apiVersion: context.apiVersions.network,
      body: { location: endpoint.location, properties: { subnet: { id: context.subnetId }, ...connections } },
      ifNoneMatch: '*',
    },
    az: azCommand('network private-endpoint create', options),
    creates: true,
    undo: {
      title: `Delete private endpoint ${endpoint.name}`,
      operation: { method: 'DELETE', resourceId: id, apiVersion: context.apiVersions.network },
      az: azCommand('network private-endpoint delete', endpointOptions(context, variables)),
    },
    destructive: false,
    exposing: false,
  };
}

interface DnsScope {
  readonly group: AzWord;
  /** `--subscription` when the zones live in another subscription than the endpoint. */
  readonly subscription: AzOption[];
  zoneId(zoneName: string): string;
  zoneIdWord(zoneName: string): AzWord;
}

function dnsScope(context: PrivateEndpointWizardContext, dns: PrivateDnsChoice, variables: AzVariables): DnsScope {
  const otherSubscription = dns.subscriptionId.toLowerCase() !== context.privateEndpoint.subscriptionId.toLowerCase();
  const subscriptionWord = variables.ref(otherSubscription ? 'DNS_SUBSCRIPTION_ID' : 'SUBSCRIPTION_ID', dns.subscriptionId);
  const group = variables.ref('DNS_RESOURCE_GROUP', dns.resourceGroup);
  return {
    group,
    subscription: otherSubscription ? [['--subscription', subscriptionWord]] : [],
    zoneId: (zoneName) =>
      buildResourceId(dns.subscriptionId, dns.resourceGroup, 'Microsoft.Network', { type: 'privateDnsZones', name: zoneName }),
    zoneIdWord: (zoneName) => ({
      template: [
        '/subscriptions/',
        subscriptionWord,
        '/resourceGroups/',
        group,
        `/providers/Microsoft.Network/privateDnsZones/${zoneName}`,
      ],
    }),
  };
}

function privateDnsSteps(context: PrivateEndpointWizardContext, dns: PrivateDnsChoice, variables: AzVariables): PlanStep[] {
  const zones = privateDnsZonesFor(context.cloud, WORKSPACE_GROUP_ID);
  const scope = dnsScope(context, dns, variables);
  const has = (list: readonly string[], zone: string) => list.some((name) => name.toLowerCase() === zone);
  const createZones = zones.filter((zone) => !has(dns.existingZoneNames, zone)).map((zone) => createZoneStep(context, scope, zone));
  const linkZones = zones
    .filter((zone) => !has(dns.zonesLinkedToVirtualNetwork, zone))
    .map((zone) => linkZoneStep(context, dns, scope, zone, variables));
  return [...createZones, ...linkZones, zoneGroupStep(context, dns, scope, zones, variables)];
}

function createZoneStep(context: PrivateEndpointWizardContext, scope: DnsScope, zone: string): PlanStep {
  const id = scope.zoneId(zone);
  const options: AzOption[] = [['-g', scope.group], ['-n', zone], ...scope.subscription];
  return {
    id: `create-zone:${zone}`,
    title: `Create private DNS zone ${zone}`,
    operation: { method: 'PUT', resourceId: id, apiVersion: context.apiVersions.privateDns, body: { location: 'global' }, ifNoneMatch: '*' },
    az: azCommand('network private-dns zone create', options),
    creates: true,
    undo: {
      title: `Delete private DNS zone ${zone}`,
      operation: { method: 'DELETE', resourceId: id, apiVersion: context.apiVersions.privateDns },
      az: azCommand('network private-dns zone delete', [...options, ['--yes']]),
    },
    destructive: false,
    exposing: false,
  };
}

function linkZoneStep(
  context: PrivateEndpointWizardContext,
  dns: PrivateDnsChoice,
  scope: DnsScope,
  zone: string,
  variables: AzVariables,
): PlanStep {
  const virtualNetworkId = virtualNetworkIdOfSubnet(context.subnetId);
  const id = childResourceId(scope.zoneId(zone), 'virtualNetworkLinks', dns.virtualNetworkLinkName);
  const linkName = variables.ref('LINK_NAME', dns.virtualNetworkLinkName);
  const target: AzOption[] = [['-g', scope.group], ['-n', linkName], ['-z', zone]];
  return {
    id: `link-zone:${zone}`,
    title: `Link ${zone} to virtual network ${parseResourceId(virtualNetworkId).resources[0]?.name ?? ''}`,
    operation: {
      method: 'PUT',
      resourceId: id,
      apiVersion: context.apiVersions.privateDns,
      body: { location: 'global', properties: { virtualNetwork: { id: virtualNetworkId }, registrationEnabled: false } },
      ifNoneMatch: '*',
    },
    az: azCommand('network private-dns link vnet create', [
      ...target,
      ['-v', variables.ref('VNET_ID', virtualNetworkId)],
      ['-e', 'false'],
      ...scope.subscription,
    ]),
    creates: true,
    undo: {
      title: `Remove the link of ${zone} to the virtual network`,
      operation: { method: 'DELETE', resourceId: id, apiVersion: context.apiVersions.privateDns },
      az: azCommand('network private-dns link vnet delete', [...target, ...scope.subscription, ['--yes']]),
    },
    destructive: false,
    exposing: false,
  };
}

function zoneGroupStep(
  context: PrivateEndpointWizardContext,
  dns: PrivateDnsChoice,
  scope: DnsScope,
  zones: readonly string[],
  variables: AzVariables,
): PlanStep {
  const id = childResourceId(privateEndpointId(context), 'privateDnsZoneGroups', dns.zoneGroupName);
  const group: AzOption[] = [
    ['-g', variables.ref('RESOURCE_GROUP', context.privateEndpoint.resourceGroup)],
    ['--endpoint-name', variables.ref('PRIVATE_ENDPOINT', context.privateEndpoint.name)],
    ['-n', variables.ref('ZONE_GROUP', dns.zoneGroupName)],
  ];
  // az creates the group with one zone and adds the others; ARM takes them in one PUT.
  const commands = zones.map((zone, index) =>
    azCommand(`network private-endpoint dns-zone-group ${index === 0 ? 'create' : 'add'}`, [
      ...group,
      ['--private-dns-zone', scope.zoneIdWord(zone)],
      ['--zone-name', zoneConfigName(zone)],
    ]),
  );
  const configs = zones.map((zone) => ({ name: zoneConfigName(zone), properties: { privateDnsZoneId: scope.zoneId(zone) } }));
  return {
    id: 'create-dns-zone-group',
    title: `Register the endpoint's IPs in ${zones.join(' and ')} (zone group ${dns.zoneGroupName})`,
    operation: {
      method: 'PUT',
      resourceId: id,
      apiVersion: context.apiVersions.network,
      body: { properties: { privateDnsZoneConfigs: configs } },
    },
    az: commands.join('\n'),
    creates: true,
    undo: {
      title: `Delete zone group ${dns.zoneGroupName}`,
      operation: { method: 'DELETE', resourceId: id, apiVersion: context.apiVersions.network },
      az: azCommand('network private-endpoint dns-zone-group delete', group),
    },
    destructive: false,
    exposing: false,
  };
}

