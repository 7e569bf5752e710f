/** The first questions most wizards share: which subscription, which hub, which private endpoint of it. */
import { isResourceType, parseResourceId, resourceNameOf, sameResourceId } from '../../model/armIds';
import type { HubNetworkState, PrivateEndpointConnection } from '../../model/hubState';
import type { PromptStep } from '../framework/promptSteps';
import type { PickItem } from '../framework/ui';
import type { WizardServices } from '../framework/wizard';

export interface HubContext {
  subscriptionId?: string;
  hubId?: string;
  hub?: HubNetworkState;
}

export const WORKSPACE_TYPE = 'Microsoft.MachineLearningServices/workspaces';

/** The ids a command was started with: a tree node (hubId, resourceId) or the ids a finding's fix passes. */
export function startingIds(args: readonly unknown[]): { hubId?: string; resourceIds: string[] } {
  const [first, ...rest] = args;
  const node =
    typeof first === 'object' && first !== null ? (first as { hubId?: unknown; resourceId?: unknown }) : undefined;
  const strings = [node ? undefined : first, ...rest].filter(
    (value): value is string => typeof value === 'string' && value.startsWith('/subscriptions/'),
  );
  const nodeResource = typeof node?.resourceId === 'string' ? [node.resourceId] : [];
  const ids = [...nodeResource, ...strings];
  const hubId = typeof node?.hubId === 'string' ? node.hubId : ids.find((id) => isResourceType(id, WORKSPACE_TYPE));
  return { hubId, resourceIds: ids.filter((id) => !sameResourceId(id, hubId)) };
}

/** Reads the hub the command was started on, so its questions are skipped. */
export async function hubContextFrom(args: readonly unknown[], services: WizardServices): Promise<HubContext> {
  const { hubId } = startingIds(args);
  if (!hubId) return {};
  return { hubId, subscriptionId: parseResourceId(hubId).subscriptionId, hub: await services.directory.readHub(hubId) };
}

/** `of` names what is picked next ("hub", "hub or AI Services account"). */
export function subscriptionStep<C extends HubContext>(services: WizardServices, of = 'hub'): PromptStep<C> {
  return {
    id: 'subscription',
    shouldPrompt: (context) => !context.subscriptionId,
    prompt: async (context, ask) => {
      const subscriptions = await services.directory.subscriptions();
      if (subscriptions.length === 0) throw new Error('No subscription is signed in. Sign in to Azure first.');
      const items = subscriptions.map((subscription) => ({
        label: subscription.name,
        description: subscription.id,
        value: subscription.id,
      }));
      context.subscriptionId = await ask.pick(`Pick the subscription of the ${of}`, items);
    },
  };
}

export function hubStep<C extends HubContext>(services: WizardServices): PromptStep<C> {
  return {
    id: 'hub',
    shouldPrompt: (context) => !context.hub,
    prompt: async (context, ask) => {
      const hubs = await services.directory.hubs(context.subscriptionId ?? '');
      if (hubs.length === 0) throw new Error('This subscription has no Foundry hub. Pick another subscription.');
      const items = hubs.map((hub) => ({
        label: hub.name,
        description: `${parseResourceId(hub.id).resourceGroup ?? ''} · ${hub.location}`,
        value: hub.id,
      }));
      const hubId = await ask.pick('Pick the hub', items);
      context.hubId = hubId;
      context.hub = await services.directory.readHub(hubId);
    },
  };
}

export interface EndpointContext extends HubContext {
  connection?: PrivateEndpointConnection;
}

/** Picks one of the hub's private endpoint connections (pre-selected when the command came with its id). */
export function endpointStep<C extends EndpointContext>(
  placeholder: string,
  accept: (connection: PrivateEndpointConnection) => boolean = () => true,
): PromptStep<C> {
  return {
    id: 'endpoint',
    shouldPrompt: (context) => !context.connection,
    prompt: async (context, ask) => {
      const connections = (context.hub?.privateEndpointConnections ?? []).filter(accept);
      if (connections.length === 0)
        throw new Error(
          `${context.hub?.workspace.name ?? 'The hub'} has no private endpoint for this. Add one with "Add Private Endpoint…".`,
        );
      context.connection = await ask.pick(placeholder, connections.map(connectionItem));
    },
  };
}

/** The endpoint's own name; the connection's when the endpoint could not be read. */
export function endpointNameOf(connection: PrivateEndpointConnection): string {
  return connection.privateEndpoint?.name ?? connection.name;
}

export function connectionItem(connection: PrivateEndpointConnection): PickItem<PrivateEndpointConnection> {
  const endpoint = connection.privateEndpoint;
  const where = endpoint
    ? `${resourceNameOf(endpoint.virtualNetworkId)}/${resourceNameOf(endpoint.subnetId)}`
    : 'endpoint not readable';
  return {
    label: endpoint?.name ?? resourceNameOf(connection.privateEndpointId),
    description: `${connection.status} · ${where}`,
    detail: endpoint?.privateIpAddresses.join(', ') || undefined,
    value: connection,
  };
}

/** The connection a command was started with (a connection id, or the id of its private endpoint). */
export function findConnection(
  hub: HubNetworkState | undefined,
  resourceIds: readonly string[],
): PrivateEndpointConnection | undefined {
  return hub?.privateEndpointConnections.find((connection) =>
    resourceIds.some((id) => sameResourceId(id, connection.id) || sameResourceId(id, connection.privateEndpointId)),
  );
}

/**
 * The hub and connection a command about an endpoint started with: from a tree node, a connection id (its parent is
 * the hub), or a bare private endpoint id (a finding's fix), for which the hubs are searched.
 */
export async function endpointContextFrom(
  args: readonly unknown[],
  services: WizardServices,
): Promise<EndpointContext> {
  const { hubId, resourceIds } = startingIds(args);
  const fromConnection = resourceIds
    .map((id) => /^(.*\/workspaces\/[^/]+)\/privateEndpointConnections\/[^/]+$/i.exec(id)?.[1])
    .find(Boolean);
  const knownHub = hubId ?? fromConnection ?? (await searchHubOfEndpoint(resourceIds, services));
  if (!knownHub) return {};
  const hub = await services.directory.readHub(knownHub);
  const connection = findConnection(hub, resourceIds);
  return {
    hubId: knownHub,
    subscriptionId: parseResourceId(knownHub).subscriptionId,
    hub,
    ...(connection ? { connection } : {}),
  };
}

async function searchHubOfEndpoint(
  resourceIds: readonly string[],
  services: WizardServices,
): Promise<string | undefined> {
  const endpointIds = resourceIds.filter((id) => isResourceType(id, 'Microsoft.Network/privateEndpoints'));
  if (endpointIds.length === 0) return undefined;
  for (const subscription of await services.directory.subscriptions()) {
    for (const hub of await services.directory.hubs(subscription.id)) {
      const state = await services.directory.readHub(hub.id);
      if (findConnection(state, endpointIds)) return hub.id;
    }
  }
  return undefined;
}
