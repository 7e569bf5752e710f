/**
 * Add Private Endpoint to Hub…: subscription, hub, VNet, subnet, endpoint name, DNS integration, public access, review.
 * The plan is the model's (privateEndpointPlan.ts), built from these answers; the last step verifies the result.
 */
import { sameResourceId, virtualNetworkIdOfSubnet } from '../../model/armIds';
import { validatePrivateEndpointName } from '../../model/armNames';
import { DOCKER_BRIDGE_RANGE } from '../../model/findingsDns';
import type { PrivateDnsZoneStatus } from '../../model/hubState';
import { overlaps, parseIpRule } from '../../model/ipRules';
import { createPlan, type Plan } from '../../model/plan';
import { buildPrivateEndpointPlan, type PrivateEndpointWizardContext } from '../../model/privateEndpointPlan';
import { listVirtualNetworks, type VirtualNetworkChoice } from '../../azure/operations';
import { centralZoneLocations, workspaceZonesIn, type ZoneLocation } from '../azure/networkReads';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { finishAddedEndpoint } from './addPrivateEndpointFinish';
import { hubContextFrom, hubStep, subscriptionStep, type HubContext } from './hubSteps';
import { publicAccessPlan } from './setPublicAccess';

export type DnsMode = 'privateDnsZones' | 'centralZones' | 'policy' | 'customDns';

export interface AddEndpointContext extends HubContext {
  virtualNetwork?: VirtualNetworkChoice;
  subnetId?: string;
  endpointName?: string;
  dnsMode?: DnsMode;
  zoneLocation?: ZoneLocation;
  zones?: readonly PrivateDnsZoneStatus[];
  disablePublicAccess?: boolean;
}

/** A subnet smaller than /29 has no room: Azure reserves five addresses in every subnet. */
const SMALLEST_USABLE_PREFIX = 29;

export const addPrivateEndpointWizard: WizardDefinition<AddEndpointContext> = {
  id: 'addPrivateEndpoint',
  title: WIZARD_COMMANDS.addPrivateEndpoint.title,
  initialContext: (args, services) => hubContextFrom(args, services),
  steps: (services) => [subscriptionStep(services), hubStep(services), virtualNetworkStep(services), subnetStep(), nameStep(), dnsStep(services), centralZonesStep(services), publicAccessStep()],
  plan: (context, services) => addEndpointPlan(context, services),
  hubId: (context) => context.hubId ?? '',
  expectations: (context) =>
    context.disablePublicAccess && context.hub ? [{ resourceId: context.hub.workspace.id, values: { 'properties.publicNetworkAccess': context.hub.workspace.publicNetworkAccess } }] : [],
  finish: (context, services, outcome) => finishAddedEndpoint(context, services, outcome),
};

function virtualNetworkStep(services: WizardServices): PromptStep<AddEndpointContext> {
  return {
    id: 'virtualNetwork',
    prompt: async (context, ask) => {
      const hub = context.hub!;
      const region = hub.workspace.location.toLowerCase();
      const networks = await listVirtualNetworks(await services.directory.connection(hub.workspace.id), context.subscriptionId ?? '');
      if (networks.length === 0) throw new Error('This subscription has no virtual network. Create one with a subnet for private endpoints first.');
      const sorted = [...networks].sort((a, b) => Number(b.location.toLowerCase() === region) - Number(a.location.toLowerCase() === region));
      const items = sorted.map((network) => ({ label: network.name, description: virtualNetworkWarnings(network, region).join(' · ') || `${network.resourceGroup} · ${network.location}`, detail: network.addressPrefixes.join(', '), value: network }));
      for (;;) {
        const network = await ask.pick(`A VNet in ${hub.workspace.location} for the endpoint of ${hub.workspace.name}`, items);
        if (await acceptVirtualNetwork(network, region, ask.ui)) {
          context.virtualNetwork = network;
          return;
        }
      }
    },
  };
}

function virtualNetworkWarnings(network: VirtualNetworkChoice, region: string): string[] {
  const warnings: string[] = [];
  if (network.location.toLowerCase() !== region) warnings.push(`$(warning) other region: ${network.location}`);
  if (overlapsDockerBridge(network.addressPrefixes)) warnings.push(`$(warning) overlaps ${DOCKER_BRIDGE_RANGE} (Docker bridge)`);
  return warnings;
}

export function overlapsDockerBridge(prefixes: readonly string[]): boolean {
  const docker = parseIpRule(DOCKER_BRIDGE_RANGE);
  return prefixes.some((prefix) => {
    const parsed = parseIpRule(prefix);
    return parsed.kind === 'ipv4' && docker.kind === 'ipv4' && overlaps(parsed.rule, docker.rule);
  });
}

async function acceptVirtualNetwork(network: VirtualNetworkChoice, region: string, ui: WizardServices['ui']): Promise<boolean> {
  if (network.location.toLowerCase() !== region) {
    const detail = `${network.name} is in ${network.location}, the hub in ${region}. The endpoint must be in its VNet's region; clients reach the hub across regions, with more latency and cross-region traffic charges.`;
    if (!(await ui.confirm('Use a VNet in another region?', detail, 'Use it anyway'))) return false;
  }
  if (overlapsDockerBridge(network.addressPrefixes)) {
    const detail = `${network.name} uses ${network.addressPrefixes.join(', ')}, which overlaps ${DOCKER_BRIDGE_RANGE}: Docker's default bridge on compute instances. Containers there cannot reach endpoint IPs in that range.`;
    if (!(await ui.confirm('This VNet collides with the Docker bridge network', detail, 'Use it anyway'))) return false;
  }
  return true;
}

function subnetStep(): PromptStep<AddEndpointContext> {
  return {
    id: 'subnet',
    prompt: async (context, ask) => {
      const subnets = context.virtualNetwork?.subnets ?? [];
      if (subnets.length === 0) throw new Error(`${context.virtualNetwork?.name ?? 'The VNet'} has no subnet. Add one for private endpoints first.`);
      const items = subnets.map((subnet) => ({ label: subnet.name, description: [subnet.addressPrefixes.join(', '), ...subnetWarnings(subnet)].join(' · '), value: subnet }));
      for (;;) {
        const subnet = await ask.pick('The subnet the endpoint gets its private IP from', items);
        const blocker = subnetBlocker(subnet.addressPrefixes);
        if (!blocker) {
          context.subnetId = subnet.id;
          return;
        }
        await ask.ui.message('warning', `${subnet.name}: ${blocker} Pick another subnet.`);
      }
    },
  };
}

function subnetWarnings(subnet: { privateEndpointNetworkPolicies: string | undefined; addressPrefixes: readonly string[] }): string[] {
  const warnings: string[] = [];
  const policies = subnet.privateEndpointNetworkPolicies ?? 'Disabled';
  if (policies !== 'Disabled') warnings.push(`$(warning) network policies ${policies}: NSG rules and route tables apply to the endpoint`);
  const blocker = subnetBlocker(subnet.addressPrefixes);
  if (blocker) warnings.push(`$(error) ${blocker}`);
  return warnings;
}

function subnetBlocker(prefixes: readonly string[]): string | undefined {
  const sizes = prefixes.map((prefix) => parseIpRule(prefix)).flatMap((parsed) => (parsed.kind === 'ipv4' ? [parsed.rule.prefix] : []));
  if (sizes.length > 0 && sizes.every((size) => size > SMALLEST_USABLE_PREFIX)) return `/${Math.min(...sizes)} is too small: Azure reserves five addresses in every subnet.`;
  return undefined;
}

function nameStep(): PromptStep<AddEndpointContext> {
  return {
    id: 'name',
    prompt: async (context, ask) => {
      context.endpointName = await ask.input('The private endpoint name', { value: context.endpointName ?? `pe-${context.hub?.workspace.name ?? 'hub'}`, validate: validatePrivateEndpointName });
    },
  };
}

const DNS_MODES: readonly { label: string; detail: string; value: DnsMode }[] = [
  { label: 'Azure Private DNS zones', detail: 'Create or reuse privatelink.api.azureml.ms and privatelink.notebooks.azure.net next to the VNet, link them (no auto-registration), register the endpoint in both', value: 'privateDnsZones' },
  { label: 'Existing central zones (hub-and-spoke)', detail: 'Use the zones a central resource group already holds; link them to this VNet only where they are not linked', value: 'centralZones' },
  { label: 'Managed by policy / a central team', detail: 'No zone group here; you get the zones and records the central team needs', value: 'policy' },
  { label: 'My own DNS', detail: 'No Azure DNS; export the A records for your DNS server at the end', value: 'customDns' },
];

function dnsStep(services: WizardServices): PromptStep<AddEndpointContext> {
  return {
    id: 'dns',
    prompt: async (context, ask) => {
      context.dnsMode = await ask.pick('How should clients resolve the hub\'s private names?', DNS_MODES, { always: true });
      if (context.dnsMode !== 'privateDnsZones') return;
      const network = context.virtualNetwork!;
      const location = { subscriptionId: context.subscriptionId ?? '', resourceGroup: network.resourceGroup };
      context.zoneLocation = location;
      context.zones = await workspaceZonesIn(await services.directory.connection(network.id), services.directory.cloud, location);
    },
  };
}

function centralZonesStep(services: WizardServices): PromptStep<AddEndpointContext> {
  return {
    id: 'centralZones',
    shouldPrompt: (context) => context.dnsMode === 'centralZones',
    prompt: async (context, ask) => {
      const connection = await services.directory.connection(context.hubId ?? '');
      const subscriptions = (await services.directory.subscriptions()).map((subscription) => subscription.id);
      const locations = await centralZoneLocations(connection, services.directory.cloud, subscriptions);
      if (locations.length === 0) throw new Error('No resource group holds both privatelink.api.azureml.ms and privatelink.notebooks.azure.net. Go back and pick "Azure Private DNS zones".');
      const items = locations.map((location) => ({ label: location.resourceGroup, description: location.subscriptionId, value: location }));
      const location = await ask.pick('The resource group with the central zones', items, { always: true });
      context.zoneLocation = location;
      context.zones = await workspaceZonesIn(connection, services.directory.cloud, location);
    },
  };
}

function publicAccessStep(): PromptStep<AddEndpointContext> {
  return {
    id: 'publicAccess',
    shouldPrompt: (context) => context.hub?.workspace.publicNetworkAccess === 'Enabled',
    prompt: async (context, ask) => {
      context.disablePublicAccess = await ask.pick(`${context.hub?.workspace.name} is reachable from the internet. After the endpoint is added:`, [
        { label: 'Keep public access as it is', detail: 'An endpoint alone does not make the hub private', value: false },
        { label: 'Disable public network access', detail: 'Only clients that come through an approved private endpoint reach the hub', value: true },
      ], { always: true });
    },
  };
}

function endpointPlanContext(context: AddEndpointContext, services: WizardServices): PrivateEndpointWizardContext {
  const network = context.virtualNetwork!;
  const name = context.endpointName ?? '';
  const usesZones = context.dnsMode === 'privateDnsZones' || context.dnsMode === 'centralZones';
  const vnetId = virtualNetworkIdOfSubnet(context.subnetId ?? '');
  const zones = context.zones ?? [];
  return {
    cloud: services.directory.cloud,
    apiVersions: services.apiVersions,
    workspace: { id: context.hub!.workspace.id, name: context.hub!.workspace.name },
    privateEndpoint: { subscriptionId: context.subscriptionId ?? '', resourceGroup: network.resourceGroup, name, location: network.location, connectionName: name, manualApproval: false },
    subnetId: context.subnetId ?? '',
    dns: usesZones && context.zoneLocation
      ? {
          kind: 'privateDnsZones',
          ...context.zoneLocation,
          zoneGroupName: 'default',
          virtualNetworkLinkName: `link-${network.name}`,
          existingZoneNames: zones.filter((zone) => zone.exists).map((zone) => zone.zoneName),
          zonesLinkedToVirtualNetwork: zones.filter((zone) => zone.linkedVirtualNetworkIds.some((id) => sameResourceId(id, vnetId))).map((zone) => zone.zoneName),
        }
      : { kind: 'customDns' },
  };
}

function addEndpointPlan(context: AddEndpointContext, services: WizardServices): Plan {
  const endpointPlan = buildPrivateEndpointPlan(endpointPlanContext(context, services));
  if (!context.disablePublicAccess) return endpointPlan;
  const accessPlan = publicAccessPlan(context, { kind: 'disabled' }, services);
  const variables = [...endpointPlan.variables, ...accessPlan.variables.filter((variable) => !endpointPlan.variables.some((known) => known.name === variable.name))];
  return createPlan(`${endpointPlan.title}, then make it private`, [...endpointPlan.steps, ...accessPlan.steps], variables, endpointPlan.subscriptionVariable);
}
