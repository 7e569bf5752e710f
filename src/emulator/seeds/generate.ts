import { writeFileSync } from 'node:fs';
import {
  type ArmJson,
  aDnsZoneGroup,
  aHub,
  aPrivateDnsZone,
  aPrivateEndpoint,
  aProject,
  aResourceGroup,
  aVirtualNetwork,
  aVirtualNetworkLink,
  guidFrom,
} from '../builders';
import type { Topology } from '../topology';

export interface GeneratorOptions {
  subscriptions: number;
  hubsPerSubscription: number;
  projectsPerHub?: number;
  /** Name hubs hub-000, hub-001, … so that they sort in the order they were made (default: hub-<access>-<index>). */
  numbered?: boolean;
}

const ACCESS = ['public', 'selected', 'private'] as const;

/**
 * A big topology for load and paging tests: N subscriptions × M hubs, cycling public / selected IPs / private
 * (with an approved endpoint and full DNS), each with projects.
 */
export function generateTopology(options: GeneratorOptions): Topology {
  const subscriptions = Array.from({ length: options.subscriptions }, (_, index) => ({
    subscriptionId: guidFrom(`generated-subscription-${index}`),
    displayName: `Generated ${index + 1}`,
  }));
  const resources: ArmJson[] = [];
  for (const subscription of subscriptions) {
    const at = <T extends { inSubscription(id: string): T; inResourceGroup(name: string): T }>(builder: T): T =>
      builder.inSubscription(subscription.subscriptionId).inResourceGroup('rg-generated');
    const vnet = at(aVirtualNetwork('vnet-generated'))
      .withAddressSpace('10.50.0.0/16')
      .withSubnet('snet-pe', '10.50.0.0/20');
    const apiZone = at(aPrivateDnsZone('privatelink.api.azureml.ms'));
    const notebooksZone = at(aPrivateDnsZone('privatelink.notebooks.azure.net'));
    resources.push(at(aResourceGroup('rg-generated')).build(), vnet.build(), apiZone.build(), notebooksZone.build());
    resources.push(
      aVirtualNetworkLink(apiZone, 'link').toVirtualNetwork(vnet.id).build(),
      aVirtualNetworkLink(notebooksZone, 'link').toVirtualNetwork(vnet.id).build(),
    );
    for (let index = 0; index < options.hubsPerSubscription; index++) {
      const access = ACCESS[index % ACCESS.length];
      const hub = at(aHub(options.numbered ? `hub-${String(index).padStart(3, '0')}` : `hub-${access}-${index}`));
      if (access === 'public') hub.withPublicAccess('Enabled');
      if (access === 'selected') hub.withSelectedIps(`52.${index % 200}.0.0/16`);
      if (access === 'private') hub.withPublicAccess('Disabled');
      resources.push(hub.build());
      for (let project = 0; project < (options.projectsPerHub ?? 1); project++)
        resources.push(aProject(`proj-${index}-${project}`).underHub(hub).build());
      if (access === 'private') {
        const endpoint = at(aPrivateEndpoint(`pe-hub-${index}`))
          .inSubnet(vnet.subnetId('snet-pe'))
          .connectingTo(hub.id, 'amlworkspace');
        resources.push(endpoint.build(), aDnsZoneGroup(endpoint).withZone(apiZone.id, notebooksZone.id).build());
      }
    }
  }
  return { subscriptions, resources };
}

/**
 * One subscription with more hubs than a page of the hubs view, which shows `pageSize` hubs before "Load more"
 * (HUBS_PAGE_SIZE in src/tree/nodes/resourceNodes.ts; the emulator cannot import the view): `pageSize + extra` hubs,
 * hub-000 onwards, so the first page and the hubs "Load more" adds are known by name.
 */
export function moreHubsThanAPage(pageSize: number, extra = 7): Topology {
  return generateTopology({ subscriptions: 1, hubsPerSubscription: pageSize + extra, numbered: true });
}

/** `tsx src/emulator/seeds/generate.ts --subscriptions 5 --hubs 100 [--projects 2] [--out big.json]` */
function main(argv: string[]): void {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  const topology = generateTopology({
    subscriptions: value('--subscriptions', 3),
    hubsPerSubscription: value('--hubs', 30),
    projectsPerHub: value('--projects', 1),
  });
  const outAt = argv.indexOf('--out');
  const json = `${JSON.stringify(topology, null, 2)}\n`;
  if (outAt >= 0) writeFileSync(argv[outAt + 1], json);
  else process.stdout.write(json);
}

if (process.argv[1]?.endsWith('generate.ts')) main(process.argv.slice(2));
