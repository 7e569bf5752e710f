/**
 * Add Private Endpoints to Dependencies…: subscription, hub, which (resource, group id) pairs, VNet, subnet,
 * endpoint names, DNS, then optionally closing the resources that have all their endpoints, review. The plan is the
 * model's (privateEndpointPlan.ts) for every pair at once; the finish verifies each endpoint.
 */
import { isResourceType, parseResourceId, sameResourceId } from '../../model/armIds';
import { defaultPrivateEndpointName, validatePrivateEndpointName } from '../../model/armNames';
import {
  isDependencyGroupId,
  missingDependencyEndpoints,
  resourcesToClose,
  type MissingDependencyEndpoint,
} from '../../model/dependencyEndpoints';
import { privateDnsZonesFor, type GroupId } from '../../model/dnsZones';
import type { DependentResource, PrivateDnsZoneStatus } from '../../model/hubState';
import { createPlan, type Plan } from '../../model/plan';
import { buildPrivateEndpointsPlan } from '../../model/privateEndpointPlan';
import { privateLinkZonesIn } from '../azure/networkReads';
import type { ZoneResourceGroup } from '../../azure/privateDnsRead';
import type { PromptStep } from '../framework/promptSteps';
import type { PickItem } from '../framework/ui';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import { finishDependencyEndpoints } from '../steps/addDependencyPrivateEndpointsFinish';
import { WORKSPACE_TYPE, hubContextFrom, hubStep, startingIds, subscriptionStep } from '../steps/hubSteps';
import {
  endpointPlacementIn,
  privateDnsChoiceFor,
  subnetStep,
  virtualNetworkStep,
  type NetworkContext,
  type NetworkPlaceholders,
} from '../steps/networkSteps';
import { disablePublicAccessStep, publicAccessExpectation } from './disableDependencyPublicAccess';

export interface SelectedEndpoint {
  readonly resource: DependentResource;
  readonly groupId: GroupId;
  readonly name: string;
}

export type DependencyDnsMode = 'privateDnsZones' | 'ownDns';

export interface DependencyEndpointsContext extends NetworkContext {
  /** The tree node's resource, or the finding's resource and group id: pre-selected. */
  startedOn?: { readonly resourceIds: readonly string[]; readonly groupId?: GroupId };
  selected?: readonly SelectedEndpoint[];
  dnsMode?: DependencyDnsMode;
  zoneLocation?: ZoneResourceGroup;
  zones?: readonly PrivateDnsZoneStatus[];
  closeResources?: readonly DependentResource[];
}

const TITLE = WIZARD_COMMANDS.addDependencyPrivateEndpoints.title;

const VNET_PLACEHOLDERS: NetworkPlaceholders = {
  virtualNetwork: (hubName, region) => `A VNet in ${region} for the private endpoints of ${hubName}'s dependencies`,
  subnet: 'The subnet the endpoints get their private IPs from',
};

const KIND_LABEL: Readonly<Record<DependentResource['kind'], string>> = {
  storage: 'Storage account',
  keyVault: 'Key vault',
  containerRegistry: 'Container registry',
  aiServices: 'AI Services account',
};

const hasSelection = (context: DependencyEndpointsContext) => (context.selected?.length ?? 0) > 0;

export const addDependencyPrivateEndpointsWizard: WizardDefinition<DependencyEndpointsContext> = {
  id: 'addDependencyPrivateEndpoints',
  title: TITLE,
  initialContext: async (args, services) => {
    const { resourceIds } = startingIds(args);
    const dependencies = resourceIds.filter((id) => !isResourceType(id, WORKSPACE_TYPE));
    const groupId = args.find(isDependencyGroupId);
    const hub = await hubContextFrom(args, services);
    // Without a hub, the dependency's subscription is the likeliest one of its hub.
    const subscriptionId =
      hub.subscriptionId ?? (dependencies[0] ? parseResourceId(dependencies[0]).subscriptionId : undefined);
    return {
      ...hub,
      ...(subscriptionId ? { subscriptionId } : {}),
      startedOn: { resourceIds: dependencies, ...(groupId ? { groupId } : {}) },
    };
  },
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    endpointsStep(services),
    { ...virtualNetworkStep<DependencyEndpointsContext>(services, VNET_PLACEHOLDERS), shouldPrompt: hasSelection },
    { ...subnetStep<DependencyEndpointsContext>(VNET_PLACEHOLDERS), shouldPrompt: hasSelection },
    namesStep(),
    dnsStep(services),
    closeStep(),
  ],
  plan: (context, services) => dependencyEndpointsPlan(context, services),
  expectations: (context) => (context.closeResources ?? []).flatMap(publicAccessExpectation),
  hubId: (context) => context.hubId ?? '',
  finish: (context, services, outcome) => finishDependencyEndpoints(context, services, outcome),
};

function endpointsStep(services: WizardServices): PromptStep<DependencyEndpointsContext> {
  return {
    id: 'endpoints',
    prompt: async (context, ask) => {
      const hubName = context.hub?.workspace.name ?? 'the hub';
      const missing = context.hub ? missingDependencyEndpoints(context.hub) : [];
      const possible = missing.filter((pair) => !pair.blocker);
      const blocked = missing.filter((pair) => pair.blocker);
      context.selected = [];
      if (possible.length === 0) {
        // Nothing to plan: the review says "nothing to change"; a registry that cannot have one is said here.
        if (blocked.length > 0)
          await ask.ui.message(
            'warning',
            `Every dependency of ${hubName} that can have private endpoints has them. ${blocked.map(blockedText).join(' ')}`,
          );
        return;
      }
      const preselected = preselection(possible, context.startedOn);
      const items = [
        ...possible.map((pair) => pairItem(pair, preselected.includes(pair), services)),
        ...blocked.map(blockedItem),
      ];
      for (;;) {
        const chosen = await ask.pickMany(
          `The private endpoints ${hubName}'s dependencies lack (${selectionNote(preselected, possible)})`,
          items,
        );
        const refused = chosen.filter((pair) => pair.blocker);
        if (chosen.length > 0 && refused.length === 0) {
          context.selected = chosen.map((pair) => ({
            resource: pair.resource,
            groupId: pair.groupId,
            name: defaultPrivateEndpointName(pair.resource.name, pair.groupId),
          }));
          return;
        }
        await ask.ui.message(
          'warning',
          refused.length > 0
            ? refused.map(blockedText).join(' ')
            : 'Pick at least one private endpoint, or press Escape to leave.',
        );
      }
    },
  };
}

/** The pairs of the resource (and group id) the wizard was started on; all of them when it was started on the hub. */
function preselection(
  possible: readonly MissingDependencyEndpoint[],
  startedOn: DependencyEndpointsContext['startedOn'],
): readonly MissingDependencyEndpoint[] {
  const matching = possible.filter(
    (pair) =>
      startedOn?.resourceIds.some((id) => sameResourceId(id, pair.resource.id)) &&
      (!startedOn.groupId || startedOn.groupId === pair.groupId),
  );
  return matching.length > 0 ? matching : possible;
}

/** Says what is pre-selected: every missing endpoint, or only what the finding or tree node was about. */
function selectionNote(
  preselected: readonly MissingDependencyEndpoint[],
  possible: readonly MissingDependencyEndpoint[],
): string {
  if (preselected.length === possible.length) return 'all of them are selected';
  return `${preselected.map(pairLabel).join(', ')} ${preselected.length === 1 ? 'is' : 'are'} selected`;
}

function pairLabel(pair: MissingDependencyEndpoint): string {
  return `${pair.groupId} endpoint of ${pair.resource.name}`;
}

function pairItem(
  pair: MissingDependencyEndpoint,
  picked: boolean,
  services: WizardServices,
): PickItem<MissingDependencyEndpoint> {
  const zones = privateDnsZonesFor(services.directory.cloud, pair.groupId).join(', ');
  return {
    label: pairLabel(pair),
    description: KIND_LABEL[pair.resource.kind],
    detail: `DNS: ${zones}`,
    value: pair,
    picked,
  };
}

function blockedItem(pair: MissingDependencyEndpoint): PickItem<MissingDependencyEndpoint> {
  return {
    label: `$(circle-slash) ${pairLabel(pair)}`,
    description: 'not possible',
    detail: pair.blocker,
    value: pair,
    picked: false,
  };
}

function blockedText(pair: MissingDependencyEndpoint): string {
  return `${pair.resource.name} cannot have a ${pair.groupId} endpoint: ${pair.blocker ?? ''}`;
}

/** One pick to accept every default name; editing asks once per endpoint, checked while typing. */
function namesStep(): PromptStep<DependencyEndpointsContext> {
  return {
    id: 'names',
    shouldPrompt: hasSelection,
    prompt: async (context, ask) => {
      const selected = context.selected ?? [];
      const names = selected.map((pair) => pair.name).join(', ');
      const edit = await ask.pick(
        `Private endpoint names: ${names}`,
        [
          { label: 'Use these names', detail: names, value: false },
          { label: 'Edit the names', detail: 'One input per endpoint', value: true },
        ],
        { always: true },
      );
      if (!edit) return;
      const named: SelectedEndpoint[] = [];
      for (const pair of selected) {
        const name = await ask.input(`The name of the ${pair.groupId} private endpoint of ${pair.resource.name}`, {
          value: pair.name,
          validate: (value) => validatePrivateEndpointName(value) ?? duplicateName(value, named),
        });
        named.push({ ...pair, name });
      }
      context.selected = named;
    },
  };
}

function duplicateName(name: string, named: readonly SelectedEndpoint[]): string | undefined {
  const other = named.find((pair) => pair.name.toLowerCase() === name.toLowerCase());
  return other
    ? `The ${other.groupId} endpoint of ${other.resource.name} already has this name; each endpoint needs its own.`
    : undefined;
}

const DNS_MODES: readonly PickItem<DependencyDnsMode>[] = [
  {
    label: 'Azure Private DNS zones',
    detail:
      'Create or reuse each zone the endpoints need next to the VNet, link it to the VNet (no auto-registration) where it is not linked, one zone group per endpoint',
    value: 'privateDnsZones',
  },
  {
    label: 'My own DNS / managed by policy',
    detail: 'No zones here; at the end you get the zone names and FQDNs your DNS team or policy needs',
    value: 'ownDns',
  },
];

function dnsStep(services: WizardServices): PromptStep<DependencyEndpointsContext> {
  return {
    id: 'dns',
    shouldPrompt: hasSelection,
    prompt: async (context, ask) => {
      context.dnsMode = await ask.pick("How should clients resolve the dependencies' private names?", DNS_MODES, {
        always: true,
      });
      if (context.dnsMode !== 'privateDnsZones') return;
      const network = context.virtualNetwork!;
      const { subscriptionId, resourceGroup } = endpointPlacementIn(network);
      const location = { subscriptionId, resourceGroup };
      const groupIds = (context.selected ?? []).map((pair) => pair.groupId);
      context.zoneLocation = location;
      context.zones = await privateLinkZonesIn(
        await services.directory.connection(network.id),
        services.directory.cloud,
        location,
        groupIds,
      );
    },
  };
}

function closeStep(): PromptStep<DependencyEndpointsContext> {
  const closable = (context: DependencyEndpointsContext) =>
    context.hub
      ? resourcesToClose(
          context.hub,
          (context.selected ?? []).map((pair) => ({ resourceId: pair.resource.id, groupId: pair.groupId })),
        )
      : [];
  return {
    id: 'closePublicAccess',
    shouldPrompt: (context) => closable(context).length > 0,
    prompt: async (context, ask) => {
      const resources = closable(context);
      const names = resources.map((resource) => resource.name).join(', ');
      const close = await ask.pick(
        `${names} will have all their private endpoints but stay reachable from the internet. Afterwards:`,
        [
          {
            label: 'Keep public access as it is',
            detail: 'The endpoints alone do not make them private',
            value: false,
          },
          {
            label: `Disable public network access of ${names}`,
            detail: 'Only clients that come through a private endpoint reach them; you confirm this before it runs',
            value: true,
          },
        ],
        { always: true },
      );
      context.closeResources = close ? resources : [];
    },
  };
}

function dependencyEndpointsPlan(context: DependencyEndpointsContext, services: WizardServices): Plan {
  const selected = context.selected ?? [];
  const network = context.virtualNetwork;
  if (selected.length === 0 || !network) return createPlan(TITLE, [], [], undefined);
  const placement = endpointPlacementIn(network);
  const endpointPlan = buildPrivateEndpointsPlan({
    cloud: services.directory.cloud,
    apiVersions: services.apiVersions,
    subnetId: context.subnetId ?? '',
    privateEndpoints: selected.map((pair) => ({
      target: { id: pair.resource.id, name: pair.resource.name, groupId: pair.groupId },
      ...placement,
      name: pair.name,
      connectionName: pair.name,
      manualApproval: false,
    })),
    dns:
      context.dnsMode === 'privateDnsZones' && context.zoneLocation
        ? privateDnsChoiceFor(context.zoneLocation, network.id, context.zones ?? [])
        : { kind: 'customDns' },
  });
  const closing = (context.closeResources ?? []).map((resource) =>
    disablePublicAccessStep(resource.id, `disable-public-access:${resource.name}`),
  );
  if (closing.length === 0) return endpointPlan;
  const names = (context.closeResources ?? []).map((resource) => resource.name).join(', ');
  return createPlan(
    `${endpointPlan.title}, then disable public access of ${names}`,
    [...endpointPlan.steps, ...closing],
    endpointPlan.variables,
    endpointPlan.subscriptionVariable,
  );
}
