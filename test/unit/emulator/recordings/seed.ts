/**
 * The world a recording starts from: its subscriptions and resource groups (the CLI tests' preparers made them), and,
 * for Resource Graph, a few resources in the first subscription queried so that pages and tokens have rows to carry.
 */
import { parseArmPath } from '../../../../src/emulator/arm';
import type { Topology } from '../../../../src/emulator/index';
import { aResourceGroup, aVirtualNetwork } from '../../../../src/emulator/builders';
import type { RecordedInteraction } from './cassette';

/** More than one default page (100 rows) past the recorded tokens' offsets. */
const RESOURCE_GRAPH_ROWS = 120;

function locationOf(body: string | undefined): string | undefined {
  try {
    const location = (JSON.parse(body ?? '') as { location?: unknown }).location;
    return typeof location === 'string' && location !== 'global'
      ? location.toLowerCase().replace(/\s+/g, '')
      : undefined;
  } catch {
    return undefined;
  }
}

function resourceGraphSubscription(interactions: readonly RecordedInteraction[]): string | undefined {
  for (const interaction of interactions) {
    if (!/\/providers\/Microsoft\.ResourceGraph\/resources$/i.test(interaction.path)) continue;
    const subscriptions = (JSON.parse(interaction.requestBody ?? '{}') as { subscriptions?: string[] }).subscriptions;
    if (subscriptions?.[0]) return subscriptions[0].toLowerCase();
  }
  return undefined;
}

export function seedTopology(interactions: readonly RecordedInteraction[]): Topology {
  const subscriptions = new Set<string>();
  const groups = new Map<string, { subscriptionId: string; name: string; location?: string }>();
  for (const interaction of interactions) {
    const path = parseArmPath(interaction.path);
    if (path.subscriptionId) subscriptions.add(path.subscriptionId);
    if (!path.subscriptionId || !path.resourceGroup) continue;
    const key = `${path.subscriptionId}/${path.resourceGroup.toLowerCase()}`;
    const group = groups.get(key) ?? { subscriptionId: path.subscriptionId, name: path.resourceGroup };
    if (interaction.method === 'PUT') group.location ??= locationOf(interaction.requestBody);
    groups.set(key, group);
  }
  const resources = [...groups.values()].map((group) =>
    aResourceGroup(group.name)
      .inSubscription(group.subscriptionId)
      .inRegion(group.location ?? 'eastus')
      .build(),
  );
  const graphSubscription = resourceGraphSubscription(interactions);
  if (graphSubscription) {
    subscriptions.add(graphSubscription);
    resources.push(aResourceGroup('rg-recordings').inSubscription(graphSubscription).build());
    for (let index = 1; index <= RESOURCE_GRAPH_ROWS; index++)
      resources.push(
        aVirtualNetwork(`vnet-${String(index).padStart(2, '0')}`)
          .inSubscription(graphSubscription)
          .inResourceGroup('rg-recordings')
          .build(),
      );
  }
  return {
    subscriptions: [...subscriptions].map((subscriptionId) => ({
      subscriptionId,
      displayName: `Recorded ${subscriptionId}`,
    })),
    resources,
  };
}
