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
      const hub = at(aHub(`hub-${access}-${index}`));
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
