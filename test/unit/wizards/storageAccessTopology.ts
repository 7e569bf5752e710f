/**
 * The demo topology with what Configure Private Storage Access… needs on the prod hub: a file endpoint on stfoundryprod
 * beside its blob one, and a project storage connection that uses the account key. Kept out of the demo seed, whose
 * prod storage (blob endpoint only) other tests rely on.
 */
import { PROD_SUBSCRIPTION_ID, aConnection, aPrivateEndpoint, aProject } from '../../../src/emulator/builders';
import { buildDemoTopology } from '../../../src/emulator/seeds/demo';
import type { Topology } from '../../../src/emulator/topology';
import { PROD_GROUP, endpointIdOf, hubIdOf } from './support';

export const PROD_HUB = hubIdOf(PROD_GROUP, 'hub-dns-incomplete');
export const PROD_PROJECT = hubIdOf(PROD_GROUP, 'proj-dns-incomplete');
export const PROD_STORAGE = `${PROD_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundryprod`;
export const PROD_STORAGE_BLOB_ENDPOINT = endpointIdOf(PROD_GROUP, 'pe-stfoundryprod-blob');
export const PROD_STORAGE_FILE_ENDPOINT = endpointIdOf(PROD_GROUP, 'pe-stfoundryprod-file');

const inProd = <
  T extends { inSubscription(id: string): T; inResourceGroup(name: string): T; inRegion(region: string): T },
>(
  builder: T,
): T => builder.inSubscription(PROD_SUBSCRIPTION_ID).inResourceGroup('rg-foundry-prod').inRegion('westeurope');

/** `projectIdentity: false` replaces proj-dns-incomplete by the same project without a managed identity. */
export function storageAccessTopology(options: { projectIdentity?: boolean } = {}): Topology {
  const demo = buildDemoTopology();
  const fileEndpoint = inProd(aPrivateEndpoint('pe-stfoundryprod-file'))
    .inSubnet(`${PROD_GROUP}/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-pe`)
    .connectingTo(PROD_STORAGE, 'file');
  const keyConnection = aConnection(PROD_PROJECT, 'stfoundryprod-data')
    .withCategory('AzureBlob', 'https://stfoundryprod.blob.core.windows.net/data', {
      AccountName: 'stfoundryprod',
      ContainerName: 'data',
    })
    .withAuthType('AccountKey');
  const withoutIdentity = inProd(aProject('proj-dns-incomplete').underHub(PROD_HUB)).withoutIdentity().build();
  const resources = demo.resources.map((resource) =>
    resource.id === PROD_PROJECT && options.projectIdentity === false ? withoutIdentity : resource,
  );
  return { ...demo, resources: [...resources, fileEndpoint.build(), keyConnection.build()] };
}
