/**
 * The plan of private endpoints to one private-link target each (a hub's `amlworkspace`, its storage's `blob` and
 * `file`, its key vault, registry or AI Services): the endpoints, the private DNS zones each group id needs, their VNet
 * links and one zone group per endpoint, each only when it does not exist yet. Endpoints planned together share one
 * subnet and one DNS choice, so zones and links are planned once. Commands follow
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
import { privateDnsZonesFor, zoneConfigName, type GroupId } from './dnsZones';
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

/** What an endpoint connects to: the resource and its private-link sub-resource. */
export interface PrivateLinkTargetRef {
  readonly id: string;
  readonly name: string;
  readonly groupId: GroupId;
}

export interface PlannedPrivateEndpoint {
  readonly target: PrivateLinkTargetRef;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  /** Must be the VNet's region. */
  readonly location: string;
  readonly connectionName: string;
  /** The target is in a tenant or subscription where the user cannot approve: ask its owner. */
  readonly manualApproval: boolean;
  readonly requestMessage?: string;
}

export type DnsChoice = PrivateDnsChoice | { readonly kind: 'customDns' };

/** Endpoints in one subnet with one DNS choice. */
export interface PrivateEndpointsPlanInput {
  readonly cloud: Cloud;
  readonly apiVersions: PlanApiVersions;
  readonly subnetId: string;
  readonly privateEndpoints: readonly PlannedPrivateEndpoint[];
  /** `customDns`: the user runs their own DNS and gets the A-record list instead of zones. */
  readonly dns: DnsChoice;
  /** Values in each command rather than variables at the top: for a plan that takes steps from several plans. */
  readonly inlineValues?: boolean;
}

/** One endpoint: the "Add Private Endpoint" wizard's case (target: the workspace, `amlworkspace`). */
export interface PrivateEndpointWizardContext {
  readonly cloud: Cloud;
  readonly apiVersions: PlanApiVersions;
  readonly target: PrivateLinkTargetRef;
  readonly privateEndpoint: Omit<PlannedPrivateEndpoint, 'target'>;
  readonly subnetId: string;
  readonly dns: DnsChoice;
  readonly inlineValues?: boolean;
}

/** The script variable of each target's resource id. */
const TARGET_VARIABLE: Readonly<Record<GroupId, string>> = {
  amlworkspace: 'HUB_ID',
  blob: 'STORAGE_ID',
  file: 'STORAGE_ID',
  vault: 'KEY_VAULT_ID',
  registry: 'REGISTRY_ID',
  account: 'AI_SERVICES_ID',
};

const TARGET_LABEL: Readonly<Record<GroupId, string>> = {
  amlworkspace: 'hub',
  blob: 'storage account',
  file: 'storage account',
  vault: 'key vault',
  registry: 'container registry',
  account: 'AI Services account',
};

export function buildPrivateEndpointPlan(context: PrivateEndpointWizardContext): Plan {
  return buildPrivateEndpointsPlan({
    ...context,
    privateEndpoints: [{ ...context.privateEndpoint, target: context.target }],
  });
}

/** One endpoint after the other: the endpoint, the zones and links it needs that are not there yet, its zone group. */
export function buildPrivateEndpointsPlan(input: PrivateEndpointsPlanInput): Plan {
  assertValidNames(input);
  const [first] = input.privateEndpoints;
  if (!first) throw new Error('Pick at least one private endpoint to add.');
  const variables = new AzVariables(input.inlineValues);
  const subscription = variables.ref('SUBSCRIPTION_ID', first.subscriptionId);
  const several = input.privateEndpoints.length > 1;
  const planned = new Set<string>();
  const steps = input.privateEndpoints.flatMap((endpoint) => {
    const scope: EndpointScope = {
      input,
      endpoint,
      variables: endpointVariables(endpoint, variables, several),
      stepSuffix: several ? `:${endpoint.name}` : '',
    };
    const endpointStep = createEndpointStep(scope, variables);
    if (input.dns.kind !== 'privateDnsZones') return [endpointStep];
    return [endpointStep, ...privateDnsSteps(scope, input.dns, variables, planned)];
  });
  const subscriptionVariable = input.inlineValues ? undefined : subscription.variable;
  return createPlan(planTitle(input.privateEndpoints), steps, variables.list(), subscriptionVariable);
}

function planTitle(endpoints: readonly PlannedPrivateEndpoint[]): string {
  const [only] = endpoints;
  if (endpoints.length === 1 && only)
    return `Add private endpoint ${only.name} to ${TARGET_LABEL[only.target.groupId]} ${only.target.name}`;
  return `Add ${endpoints.length} private endpoints: ${endpoints.map((endpoint) => `${endpoint.target.name} ${endpoint.target.groupId}`).join(', ')}`;
}

function assertValidNames(input: PrivateEndpointsPlanInput): void {
  const names = input.privateEndpoints.map((endpoint) => endpoint.name.toLowerCase());
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  const problems = [
    ...input.privateEndpoints.flatMap((endpoint) => [
      validatePrivateEndpointName(endpoint.name),
      validatePrivateLinkConnectionName(endpoint.connectionName),
    ]),
    twice === undefined ? undefined : `Two private endpoints are named ${twice}; each needs its own name.`,
    input.dns.kind === 'privateDnsZones' ? validateDnsZoneGroupName(input.dns.zoneGroupName) : undefined,
    input.dns.kind === 'privateDnsZones' ? validateVirtualNetworkLinkName(input.dns.virtualNetworkLinkName) : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    throw new Error(problems.join(' '));
  }
}

/** What one endpoint's steps need: the shared input, the endpoint, its own script variables. */
interface EndpointScope {
  readonly input: PrivateEndpointsPlanInput;
  readonly endpoint: PlannedPrivateEndpoint;
  readonly variables: { readonly name: AzWord; readonly connectionName: AzWord };
  /** Empty for a single endpoint (stable step ids for saved runs); `:<name>` when several share a plan. */
  readonly stepSuffix: string;
}

/** Several endpoints: `BLOB_PRIVATE_ENDPOINT`, `VAULT_PRIVATE_ENDPOINT`…, so the script says which is which. */
function endpointVariables(
  endpoint: PlannedPrivateEndpoint,
  variables: AzVariables,
  several: boolean,
): EndpointScope['variables'] {
  const prefix = several ? `${endpoint.target.groupId.toUpperCase()}_` : '';
  return {
    name: variables.ref(`${prefix}PRIVATE_ENDPOINT`, endpoint.name),
    connectionName: variables.ref(`${prefix}CONNECTION_NAME`, endpoint.connectionName),
  };
}

function privateEndpointId(endpoint: PlannedPrivateEndpoint): string {
  return buildResourceId(endpoint.subscriptionId, endpoint.resourceGroup, 'Microsoft.Network', {
    type: 'privateEndpoints',
    name: endpoint.name,
  });
}

function endpointOptions(scope: EndpointScope, variables: AzVariables): AzOption[] {
  return [
    ['--name', scope.variables.name],
    ['--resource-group', variables.ref('RESOURCE_GROUP', scope.endpoint.resourceGroup)],
  ];
}

/** `--vnet-name` + `--subnet` only work when the VNet is in the endpoint's resource group; otherwise the subnet id. */
function subnetOptions(scope: EndpointScope, variables: AzVariables): AzOption[] {
  const { subnetId } = scope.input;
  const subnet = parseResourceId(subnetId);
  const sameGroup =
    subnet.subscriptionId.toLowerCase() === scope.endpoint.subscriptionId.toLowerCase() &&
    subnet.resourceGroup?.toLowerCase() === scope.endpoint.resourceGroup.toLowerCase();
  const [virtualNetwork, subnetName] = subnet.resources;
  if (sameGroup && virtualNetwork && subnetName) {
    return [
      ['--vnet-name', variables.ref('VNET_NAME', virtualNetwork.name)],
      ['--subnet', variables.ref('SUBNET_NAME', subnetName.name)],
    ];
  }
  return [['--subnet', variables.ref('SUBNET_ID', subnetId)]];
}

function createEndpointStep(scope: EndpointScope, variables: AzVariables): PlanStep {
  const { endpoint, input } = scope;
  const id = privateEndpointId(endpoint);
  const connection = {
    name: endpoint.connectionName,
    properties: {
      privateLinkServiceId: endpoint.target.id,
      groupIds: [endpoint.target.groupId],
      ...(endpoint.requestMessage ? { requestMessage: endpoint.requestMessage } : {}),
    },
  };
  const connections = endpoint.manualApproval
    ? { manualPrivateLinkServiceConnections: [connection] }
    : { privateLinkServiceConnections: [connection] };
  const options: AzOption[] = [
    ...endpointOptions(scope, variables),
    ...subnetOptions(scope, variables),
    ['--private-connection-resource-id', variables.ref(TARGET_VARIABLE[endpoint.target.groupId], endpoint.target.id)],
    ['--group-id', endpoint.target.groupId],
    ['--connection-name', scope.variables.connectionName],
    ['--location', variables.ref('LOCATION', endpoint.location)],
  ];
  if (endpoint.manualApproval) {
    options.push(['--manual-request']);
  }
  if (endpoint.requestMessage) {
    options.push(['--request-message', endpoint.requestMessage]);
  }
  return {
    id: `create-private-endpoint${scope.stepSuffix}`,
    title: `Create private endpoint ${endpoint.name} in ${parseResourceId(input.subnetId).resources[1]?.name ?? 'the subnet'}`,
    operation: {
      method: 'PUT',
      resourceId: id,
      apiVersion: input.apiVersions.network,
      body: { location: endpoint.location, properties: { subnet: { id: input.subnetId }, ...connections } },
      ifNoneMatch: '*',
    },
    az: azCommand('network private-endpoint create', options),
    creates: true,
    undo: {
      title: `Delete private endpoint ${endpoint.name}`,
      operation: { method: 'DELETE', resourceId: id, apiVersion: input.apiVersions.network },
      az: azCommand('network private-endpoint delete', endpointOptions(scope, variables)),
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

function dnsScope(endpoint: PlannedPrivateEndpoint, dns: PrivateDnsChoice, variables: AzVariables): DnsScope {
  const otherSubscription = dns.subscriptionId.toLowerCase() !== endpoint.subscriptionId.toLowerCase();
  const subscriptionWord = variables.ref(
    otherSubscription ? 'DNS_SUBSCRIPTION_ID' : 'SUBSCRIPTION_ID',
    dns.subscriptionId,
  );
  const group = variables.ref('DNS_RESOURCE_GROUP', dns.resourceGroup);
  return {
    group,
    subscription: otherSubscription ? [['--subscription', subscriptionWord]] : [],
    zoneId: (zoneName) =>
      buildResourceId(dns.subscriptionId, dns.resourceGroup, 'Microsoft.Network', {
        type: 'privateDnsZones',
        name: zoneName,
      }),
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

/** The zones and links this endpoint needs that neither exist nor were planned for an earlier endpoint, then its zone group. */
function privateDnsSteps(
  scope: EndpointScope,
  dns: PrivateDnsChoice,
  variables: AzVariables,
  planned: Set<string>,
): PlanStep[] {
  const zones = privateDnsZonesFor(scope.input.cloud, scope.endpoint.target.groupId);
  const zoneScope = dnsScope(scope.endpoint, dns, variables);
  const has = (list: readonly string[], zone: string) => list.some((name) => name.toLowerCase() === zone);
  const unplanned = (present: readonly string[], kind: 'zone' | 'link') => {
    const missing = zones.filter((zone) => !has(present, zone) && !planned.has(`${kind}:${zone}`));
    missing.forEach((zone) => planned.add(`${kind}:${zone}`));
    return missing;
  };
  const createZones = unplanned(dns.existingZoneNames, 'zone').map((zone) =>
    createZoneStep(scope.input, zoneScope, zone),
  );
  const linkZones = unplanned(dns.zonesLinkedToVirtualNetwork, 'link').map((zone) =>
    linkZoneStep(scope.input, dns, zoneScope, zone, variables),
  );
  return [...createZones, ...linkZones, zoneGroupStep(scope, dns, zoneScope, zones, variables)];
}

function createZoneStep(input: PrivateEndpointsPlanInput, scope: DnsScope, zone: string): PlanStep {
  const id = scope.zoneId(zone);
  const options: AzOption[] = [['-g', scope.group], ['-n', zone], ...scope.subscription];
  return {
    id: `create-zone:${zone}`,
    title: `Create private DNS zone ${zone}`,
    operation: {
      method: 'PUT',
      resourceId: id,
      apiVersion: input.apiVersions.privateDns,
      body: { location: 'global' },
      ifNoneMatch: '*',
    },
    az: azCommand('network private-dns zone create', options),
    creates: true,
    undo: {
      title: `Delete private DNS zone ${zone}`,
      operation: { method: 'DELETE', resourceId: id, apiVersion: input.apiVersions.privateDns },
      az: azCommand('network private-dns zone delete', [...options, ['--yes']]),
    },
    destructive: false,
    exposing: false,
  };
}

function linkZoneStep(
  input: PrivateEndpointsPlanInput,
  dns: PrivateDnsChoice,
  scope: DnsScope,
  zone: string,
  variables: AzVariables,
): PlanStep {
  const virtualNetworkId = virtualNetworkIdOfSubnet(input.subnetId);
  const id = childResourceId(scope.zoneId(zone), 'virtualNetworkLinks', dns.virtualNetworkLinkName);
  const linkName = variables.ref('LINK_NAME', dns.virtualNetworkLinkName);
  const target: AzOption[] = [
    ['-g', scope.group],
    ['-n', linkName],
    ['-z', zone],
  ];
  return {
    id: `link-zone:${zone}`,
    title: `Link ${zone} to virtual network ${parseResourceId(virtualNetworkId).resources[0]?.name ?? ''}`,
    operation: {
      method: 'PUT',
      resourceId: id,
      apiVersion: input.apiVersions.privateDns,
      body: {
        location: 'global',
        properties: { virtualNetwork: { id: virtualNetworkId }, registrationEnabled: false },
      },
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
      operation: { method: 'DELETE', resourceId: id, apiVersion: input.apiVersions.privateDns },
      az: azCommand('network private-dns link vnet delete', [...target, ...scope.subscription, ['--yes']]),
    },
    destructive: false,
    exposing: false,
  };
}

function zoneGroupStep(
  scope: EndpointScope,
  dns: PrivateDnsChoice,
  zoneScope: DnsScope,
  zones: readonly string[],
  variables: AzVariables,
): PlanStep {
  const { endpoint, input } = scope;
  const id = childResourceId(privateEndpointId(endpoint), 'privateDnsZoneGroups', dns.zoneGroupName);
  const group: AzOption[] = [
    ['-g', variables.ref('RESOURCE_GROUP', endpoint.resourceGroup)],
    ['--endpoint-name', scope.variables.name],
    ['-n', variables.ref('ZONE_GROUP', dns.zoneGroupName)],
  ];
  // az creates the group with one zone and adds the others; ARM takes them in one PUT.
  const commands = zones.map((zone, index) =>
    azCommand(`network private-endpoint dns-zone-group ${index === 0 ? 'create' : 'add'}`, [
      ...group,
      ['--private-dns-zone', zoneScope.zoneIdWord(zone)],
      ['--zone-name', zoneConfigName(zone)],
    ]),
  );
  const configs = zones.map((zone) => ({
    name: zoneConfigName(zone),
    properties: { privateDnsZoneId: zoneScope.zoneId(zone) },
  }));
  const whose = scope.stepSuffix ? `${endpoint.name}'s IPs` : `the endpoint's IPs`;
  return {
    id: `create-dns-zone-group${scope.stepSuffix}`,
    title: `Register ${whose} in ${zones.join(' and ')} (zone group ${dns.zoneGroupName})`,
    operation: {
      method: 'PUT',
      resourceId: id,
      apiVersion: input.apiVersions.network,
      body: { properties: { privateDnsZoneConfigs: configs } },
    },
    az: commands.join('\n'),
    creates: true,
    undo: {
      title: `Delete zone group ${dns.zoneGroupName} of ${endpoint.name}`,
      operation: { method: 'DELETE', resourceId: id, apiVersion: input.apiVersions.network },
      az: azCommand('network private-endpoint dns-zone-group delete', group),
    },
    destructive: false,
    exposing: false,
  };
}
