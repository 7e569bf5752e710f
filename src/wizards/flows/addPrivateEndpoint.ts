/**
 * Add Private Endpoint…: subscription, hub, VNet, subnet, endpoint name, DNS integration, public access, review.
 * The plan is the model's (privateEndpointPlan.ts), built from these answers; the last step verifies the result.
 */
import { virtualNetworkIdOfSubnet } from '../../model/armIds';
import { validatePrivateEndpointName } from '../../model/armNames';
import type { PrivateDnsZoneStatus } from '../../model/hubState';
import { createPlan, type Plan } from '../../model/plan';
import { buildPrivateEndpointPlan, type PrivateEndpointWizardContext } from '../../model/privateEndpointPlan';
import { centralZoneResourceGroups, workspaceZonesIn } from '../azure/networkReads';
import type { ZoneResourceGroup } from '../../azure/privateDnsRead';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { finishAddedEndpoint } from '../steps/addPrivateEndpointFinish';
import { hubContextFrom, hubStep, subscriptionStep } from '../steps/hubSteps';
import {
  endpointPlacementIn,
  privateDnsChoiceFor,
  subnetStep,
  virtualNetworkStep,
  type NetworkContext,
  type NetworkPlaceholders,
} from '../steps/networkSteps';
import { publicAccessPlan } from '../steps/accessSubject';

export type DnsMode = 'privateDnsZones' | 'centralZones' | 'policy' | 'customDns';

export interface AddEndpointContext extends NetworkContext {
  endpointName?: string;
  dnsMode?: DnsMode;
  zoneLocation?: ZoneResourceGroup;
  zones?: readonly PrivateDnsZoneStatus[];
  disablePublicAccess?: boolean;
}

const VNET_PLACEHOLDERS: NetworkPlaceholders = {
  virtualNetwork: (hubName, region) => `A VNet in ${region} for the endpoint of ${hubName}`,
  subnet: 'The subnet the endpoint gets its private IP from',
};

export const addPrivateEndpointWizard: WizardDefinition<AddEndpointContext> = {
  id: 'addPrivateEndpoint',
  title: WIZARD_COMMANDS.addPrivateEndpoint.title,
  initialContext: (args, services) => hubContextFrom(args, services),
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    virtualNetworkStep(services, VNET_PLACEHOLDERS),
    subnetStep(VNET_PLACEHOLDERS),
    nameStep(),
    dnsStep(services),
    centralZonesStep(services),
    publicAccessStep(),
  ],
  plan: (context, services) => addEndpointPlan(context, services),
  hubId: (context) => context.hubId ?? '',
  expectations: (context) =>
    context.disablePublicAccess && context.hub
      ? [
          {
            resourceId: context.hub.workspace.id,
            values: { 'properties.publicNetworkAccess': context.hub.workspace.publicNetworkAccess },
          },
        ]
      : [],
  finish: (context, services, outcome) => finishAddedEndpoint(context, services, outcome),
};

function nameStep(): PromptStep<AddEndpointContext> {
  return {
    id: 'name',
    prompt: async (context, ask) => {
      context.endpointName = await ask.input('The private endpoint name', {
        value: context.endpointName ?? `pe-${context.hub?.workspace.name ?? 'hub'}`,
        validate: validatePrivateEndpointName,
      });
    },
  };
}

const DNS_MODES: readonly { label: string; detail: string; value: DnsMode }[] = [
  {
    label: 'Azure Private DNS zones',
    detail:
      'Create or reuse privatelink.api.azureml.ms and privatelink.notebooks.azure.net next to the VNet, link them (no auto-registration), register the endpoint in both',
    value: 'privateDnsZones',
  },
  {
    label: 'Existing central zones (hub-and-spoke)',
    detail:
      'Use the zones a central resource group already holds; link them to this VNet only where they are not linked',
    value: 'centralZones',
  },
  {
    label: 'Managed by policy / a central team',
    detail: 'No zone group here; you get the zones and records the central team needs',
    value: 'policy',
  },
  {
    label: 'My own DNS',
    detail: 'No Azure DNS; export the A records for your DNS server at the end',
    value: 'customDns',
  },
];

function dnsStep(services: WizardServices): PromptStep<AddEndpointContext> {
  return {
    id: 'dns',
    prompt: async (context, ask) => {
      context.dnsMode = await ask.pick("How should clients resolve the hub's private names?", DNS_MODES, {
        always: true,
      });
      if (context.dnsMode !== 'privateDnsZones') return;
      const network = context.virtualNetwork!;
      const { subscriptionId, resourceGroup } = endpointPlacementIn(network);
      const location = { subscriptionId, resourceGroup };
      context.zoneLocation = location;
      context.zones = await workspaceZonesIn(
        await services.directory.connection(network.id),
        services.directory.cloud,
        location,
      );
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
      const locations = await centralZoneResourceGroups(connection, services.directory.cloud, subscriptions);
      if (locations.length === 0)
        throw new Error(
          'No resource group holds both privatelink.api.azureml.ms and privatelink.notebooks.azure.net. Go back and pick "Azure Private DNS zones".',
        );
      const items = locations.map((location) => ({
        label: location.resourceGroup,
        description: location.subscriptionId,
        value: location,
      }));
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
      context.disablePublicAccess = await ask.pick(
        `${context.hub?.workspace.name} is reachable from the internet. After the endpoint is added:`,
        [
          {
            label: 'Keep public access as it is',
            detail: 'An endpoint alone does not make the hub private',
            value: false,
          },
          {
            label: 'Disable public network access',
            detail: 'Only clients that come through an approved private endpoint reach the hub',
            value: true,
          },
        ],
        { always: true },
      );
    },
  };
}

function endpointPlanContext(context: AddEndpointContext, services: WizardServices): PrivateEndpointWizardContext {
  const network = context.virtualNetwork!;
  const name = context.endpointName ?? '';
  const usesZones = context.dnsMode === 'privateDnsZones' || context.dnsMode === 'centralZones';
  return {
    cloud: services.directory.cloud,
    apiVersions: services.apiVersions,
    target: { id: context.hub!.workspace.id, name: context.hub!.workspace.name, groupId: 'amlworkspace' },
    privateEndpoint: { ...endpointPlacementIn(network), name, connectionName: name, manualApproval: false },
    subnetId: context.subnetId ?? '',
    dns:
      usesZones && context.zoneLocation
        ? privateDnsChoiceFor(
            context.zoneLocation,
            virtualNetworkIdOfSubnet(context.subnetId ?? ''),
            context.zones ?? [],
          )
        : { kind: 'customDns' },
  };
}

function addEndpointPlan(context: AddEndpointContext, services: WizardServices): Plan {
  const endpointPlan = buildPrivateEndpointPlan(endpointPlanContext(context, services));
  if (!context.disablePublicAccess) return endpointPlan;
  const accessPlan = publicAccessPlan(context, { kind: 'disabled' }, services);
  // One script: a name both plans define must mean the same in the steps that use it (SUBSCRIPTION_ID differs for a
  // spoke VNet, but the access step addresses the hub by its full id).
  const clash = accessPlan.variables.find(
    (variable) =>
      endpointPlan.variables.some((known) => known.name === variable.name && known.value !== variable.value) &&
      accessPlan.steps.some(
        (step) => step.az.includes(`$${variable.name}`) || step.az.includes(`\${${variable.name}}`),
      ),
  );
  if (clash)
    throw new Error(
      `Internal error: the script variable ${clash.name} would mean two things. Run the two changes separately.`,
    );
  const variables = [
    ...endpointPlan.variables,
    ...accessPlan.variables.filter((variable) => !endpointPlan.variables.some((known) => known.name === variable.name)),
  ];
  return createPlan(
    `${endpointPlan.title}, then make it private`,
    [...endpointPlan.steps, ...accessPlan.steps],
    variables,
    endpointPlan.subscriptionVariable,
  );
}
