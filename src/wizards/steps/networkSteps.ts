/**
 * The VNet and subnet questions of the wizards that add private endpoints: VNets of the hub's region first, a warning
 * for another region and for the Docker bridge range, subnets with their endpoint network policies and size.
 */
import type { ArmConnection } from '../../azure/clients';
import { mapWithConcurrency } from '../../azure/concurrency';
import { listVirtualNetworks, type VirtualNetworkChoice } from '../../azure/virtualNetworks';
import { buildResourceId, parseResourceId, resourceNameOf, sameResourceId } from '../../model/armIds';
import { DOCKER_BRIDGE_RANGE } from '../../model/reservedRanges';
import type { PrivateDnsZoneStatus } from '../../model/hubState';
import { dockerBridgeOverlaps, parseIpRule } from '../../model/ipRules';
import type { PrivateDnsChoice } from '../../model/privateEndpointPlan';
import type { ZoneResourceGroup } from '../../azure/privateDnsRead';
import type { SubscriptionSummary } from '../framework/hubDirectory';
import type { PromptStep } from '../framework/promptSteps';
import type { WizardServices } from '../framework/wizard';
import type { HubContext } from './hubSteps';

export interface NetworkContext extends HubContext {
  virtualNetwork?: VirtualNetworkChoice;
  subnetId?: string;
}

/** Where a private endpoint goes: its VNet's subscription (it may be a spoke's), resource group and region. */
export interface EndpointPlacement {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string;
}

export function endpointPlacementIn(network: VirtualNetworkChoice): EndpointPlacement {
  return {
    subscriptionId: parseResourceId(network.id).subscriptionId,
    resourceGroup: network.resourceGroup,
    location: network.location,
  };
}

/** The id an endpoint named `name` gets when placed by `endpointPlacementIn`. */
export function placedEndpointId(network: VirtualNetworkChoice, name: string): string {
  const { subscriptionId, resourceGroup } = endpointPlacementIn(network);
  return buildResourceId(subscriptionId, resourceGroup, 'Microsoft.Network', { type: 'privateEndpoints', name });
}

/** What the two questions say: one endpoint, or several. */
export interface NetworkPlaceholders {
  virtualNetwork(hubName: string, region: string): string;
  readonly subnet: string;
}

/** A subnet smaller than /29 has no room: Azure reserves five addresses in every subnet. */
const SMALLEST_USABLE_PREFIX = 29;

/** The picker's last item: VNets of the other subscriptions are listed only when asked for (one list call each). */
const OTHER_SUBSCRIPTIONS = 'otherSubscriptions' as const;
const LIST_CONCURRENCY = 4;

export function virtualNetworkStep<C extends NetworkContext>(
  services: WizardServices,
  placeholders: NetworkPlaceholders,
): PromptStep<C> {
  return {
    id: 'virtualNetwork',
    prompt: async (context, ask) => {
      const hub = context.hub!;
      const region = hub.workspace.location.toLowerCase();
      const hubSubscriptionId = parseResourceId(hub.workspace.id).subscriptionId;
      const hubConnection = await services.directory.connection(hub.workspace.id);
      const others = await otherSubscriptions(services, hubConnection, hubSubscriptionId);
      let networks = await listVirtualNetworks(hubConnection, hubSubscriptionId);
      let title = placeholders.virtualNetwork(hub.workspace.name, hub.workspace.location);
      if (networks.length === 0 && others.length === 0)
        throw new Error(
          'This subscription has no virtual network. Create one with a subnet for private endpoints first.',
        );
      let othersListed = others.length === 0;
      for (;;) {
        const items = sortedNetworks(networks, region, hubSubscriptionId).map((network) =>
          networkItem(network, region, hubSubscriptionId, others),
        );
        const more = othersListed
          ? []
          : [
              {
                label: '$(list-tree) VNets in other subscriptions…',
                description: `${others.length} more subscription${others.length === 1 ? '' : 's'} (hub-and-spoke: the spoke VNet can live elsewhere)`,
                value: OTHER_SUBSCRIPTIONS,
              },
            ];
        const network = await ask.pick<VirtualNetworkChoice | typeof OTHER_SUBSCRIPTIONS>(title, [...items, ...more]);
        if (network === OTHER_SUBSCRIPTIONS) {
          const listed = await listAcross(hubConnection, others);
          networks = [...networks, ...listed.networks];
          othersListed = true;
          if (listed.failures.length > 0) title = `${title}. Not listed: ${listed.failures.join('; ')}`;
          if (networks.length === 0)
            throw new Error(
              'No subscription you can read has a virtual network. Create one with a subnet for private endpoints first.',
            );
          continue;
        }
        if (await acceptVirtualNetwork(network, region, ask.ui)) {
          context.virtualNetwork = network;
          return;
        }
      }
    },
  };
}

/**
 * The other subscriptions signed in with the hub's credential: an endpoint in another tenant would need a manual
 * approval by the hub's owner, which these wizards do not do.
 */
async function otherSubscriptions(
  services: WizardServices,
  hubConnection: ArmConnection,
  hubSubscriptionId: string,
): Promise<SubscriptionSummary[]> {
  const all = await services.directory.subscriptions();
  const candidates = all.filter((subscription) => subscription.id.toLowerCase() !== hubSubscriptionId.toLowerCase());
  const sameCredential = await Promise.all(
    candidates.map(
      async (subscription) =>
        (await services.directory.connection(`/subscriptions/${subscription.id}`)) === hubConnection,
    ),
  );
  return candidates.filter((_, index) => sameCredential[index]);
}

async function listAcross(
  connection: ArmConnection,
  subscriptions: readonly SubscriptionSummary[],
): Promise<{ networks: VirtualNetworkChoice[]; failures: string[] }> {
  const outcomes = await mapWithConcurrency(subscriptions, LIST_CONCURRENCY, async (subscription) => {
    try {
      return { networks: await listVirtualNetworks(connection, subscription.id) };
    } catch (error) {
      // One unreadable subscription must not hide the VNets of the others.
      return { failure: `${subscription.name} (${error instanceof Error ? error.message : String(error)})` };
    }
  });
  return {
    networks: outcomes.flatMap((outcome) => outcome.networks ?? []),
    failures: outcomes.flatMap((outcome) => (outcome.failure ? [outcome.failure] : [])),
  };
}

const inSubscription = (network: VirtualNetworkChoice, subscriptionId: string): boolean =>
  endpointPlacementIn(network).subscriptionId.toLowerCase() === subscriptionId.toLowerCase();

/** The hub's subscription first, then the hub's region first. */
function sortedNetworks(
  networks: readonly VirtualNetworkChoice[],
  region: string,
  hubSubscriptionId: string,
): VirtualNetworkChoice[] {
  const rank = (network: VirtualNetworkChoice) =>
    Number(!inSubscription(network, hubSubscriptionId)) * 2 + Number(network.location.toLowerCase() !== region);
  return [...networks].sort((a, b) => rank(a) - rank(b));
}

function networkItem(
  network: VirtualNetworkChoice,
  region: string,
  hubSubscriptionId: string,
  others: readonly SubscriptionSummary[],
) {
  const elsewhere = !inSubscription(network, hubSubscriptionId);
  const subscriptionName =
    others.find((subscription) => inSubscription(network, subscription.id))?.name ??
    endpointPlacementIn(network).subscriptionId;
  const warnings = virtualNetworkWarnings(network, region);
  const description = [
    ...(elsewhere ? [subscriptionName] : []),
    ...(warnings.length ? warnings : [network.resourceGroup, network.location]),
  ].join(' · ');
  return { label: network.name, description, detail: network.addressPrefixes.join(', '), value: network };
}

function virtualNetworkWarnings(network: VirtualNetworkChoice, region: string): string[] {
  const warnings: string[] = [];
  if (network.location.toLowerCase() !== region) warnings.push(`$(warning) other region: ${network.location}`);
  if (dockerBridgeOverlaps(network.addressPrefixes).length > 0)
    warnings.push(`$(warning) overlaps ${DOCKER_BRIDGE_RANGE} (Docker bridge)`);
  return warnings;
}

async function acceptVirtualNetwork(
  network: VirtualNetworkChoice,
  region: string,
  ui: WizardServices['ui'],
): Promise<boolean> {
  if (network.location.toLowerCase() !== region) {
    const detail = `${network.name} is in ${network.location}, the hub in ${region}. The endpoint must be in its VNet's region; clients reach the hub across regions, with more latency and cross-region traffic charges.`;
    if (!(await ui.confirm('Use a VNet in another region?', detail, 'Use it anyway'))) return false;
  }
  if (dockerBridgeOverlaps(network.addressPrefixes).length > 0) {
    const detail = `${network.name} uses ${network.addressPrefixes.join(', ')}, which overlaps ${DOCKER_BRIDGE_RANGE}: Docker's default bridge on compute instances. Containers there cannot reach endpoint IPs in that range.`;
    if (!(await ui.confirm('This VNet collides with the Docker bridge network', detail, 'Use it anyway'))) return false;
  }
  return true;
}

export function subnetStep<C extends NetworkContext>(placeholders: NetworkPlaceholders): PromptStep<C> {
  return {
    id: 'subnet',
    prompt: async (context, ask) => {
      const subnets = context.virtualNetwork?.subnets ?? [];
      if (subnets.length === 0)
        throw new Error(
          `${context.virtualNetwork?.name ?? 'The VNet'} has no subnet. Add one for private endpoints first.`,
        );
      const items = subnets.map((subnet) => ({
        label: subnet.name,
        description: [subnet.addressPrefixes.join(', '), ...subnetWarnings(subnet)].join(' · '),
        value: subnet,
      }));
      for (;;) {
        const subnet = await ask.pick(placeholders.subnet, items);
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

function subnetWarnings(subnet: {
  privateEndpointNetworkPolicies: string | undefined;
  addressPrefixes: readonly string[];
}): string[] {
  const warnings: string[] = [];
  const policies = subnet.privateEndpointNetworkPolicies ?? 'Disabled';
  if (policies !== 'Disabled')
    warnings.push(`$(warning) network policies ${policies}: NSG rules and route tables apply to the endpoint`);
  const blocker = subnetBlocker(subnet.addressPrefixes);
  if (blocker) warnings.push(`$(error) ${blocker}`);
  return warnings;
}

function subnetBlocker(prefixes: readonly string[]): string | undefined {
  const sizes = prefixes
    .map((prefix) => parseIpRule(prefix))
    .flatMap((parsed) => (parsed.kind === 'ipv4' ? [parsed.rule.prefix] : []));
  if (sizes.length > 0 && sizes.every((size) => size > SMALLEST_USABLE_PREFIX))
    return `/${Math.min(...sizes)} is too small: Azure reserves five addresses in every subnet.`;
  return undefined;
}

/** Zones read in one resource group, as the plan needs them: which exist, which are linked to the endpoints' VNet. */
export function privateDnsChoiceFor(
  location: ZoneResourceGroup,
  virtualNetworkId: string,
  zones: readonly PrivateDnsZoneStatus[],
): PrivateDnsChoice {
  return {
    kind: 'privateDnsZones',
    ...location,
    zoneGroupName: 'default',
    virtualNetworkLinkName: `link-${resourceNameOf(virtualNetworkId)}`,
    existingZoneNames: zones.filter((zone) => zone.exists).map((zone) => zone.zoneName),
    zonesLinkedToVirtualNetwork: zones
      .filter((zone) => zone.linkedVirtualNetworkIds.some((id) => sameResourceId(id, virtualNetworkId)))
      .map((zone) => zone.zoneName),
  };
}
