import { readFileSync } from 'node:fs';
import type { ArmResource } from './arm';
import type { SubscriptionRecord } from './store';

/**
 * A seed: subscriptions, then resources in dependency order (resource groups first). Each resource is applied through
 * the same provider logic as a PUT, so endpoints get their NICs, IPs, connections and DNS records like in Azure.
 */
export interface Topology {
  tenantId?: string;
  subscriptions: SubscriptionRecord[];
  resources: ArmResource[];
}

export type SeedOption = 'demo' | 'empty' | string | Topology;

export async function resolveSeed(seed: SeedOption | undefined): Promise<Topology> {
  if (seed === undefined || seed === 'demo') return (await import('./seeds/demo')).buildDemoTopology();
  if (seed === 'empty') return { subscriptions: [], resources: [] };
  if (typeof seed === 'string') return parseTopology(JSON.parse(readFileSync(seed, 'utf8')), seed);
  return parseTopology(seed, 'the seed');
}

export function parseTopology(input: unknown, source: string): Topology {
  const topology = input as Partial<Topology>;
  if (!topology || !Array.isArray(topology.subscriptions) || !Array.isArray(topology.resources)) {
    throw new Error(`${source} is not a topology: expected {subscriptions: [...], resources: [...]}`);
  }
  for (const resource of topology.resources) {
    if (typeof resource?.id !== 'string' || !resource.id.startsWith('/subscriptions/'))
      throw new Error(
        `${source}: every resource needs an id under /subscriptions/ (got ${JSON.stringify(resource?.id)})`,
      );
  }
  return topology as Topology;
}
