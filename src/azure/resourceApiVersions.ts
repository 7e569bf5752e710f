/** Which api-version reads a resource of a given type, for generic reads (View Properties, az show commands). */
import { parseResourceId, resourceTypeOf } from '../model/armIds';
import { API_VERSIONS } from './apiVersions';

const BY_TYPE: Readonly<Record<string, string>> = {
  'microsoft.machinelearningservices/workspaces': API_VERSIONS.workspacesPreview,
  'microsoft.machinelearningservices/workspaces/privateendpointconnections': API_VERSIONS.workspaces,
  'microsoft.network/privateendpoints': API_VERSIONS.network,
  'microsoft.network/virtualnetworks': API_VERSIONS.network,
  'microsoft.network/virtualnetworks/subnets': API_VERSIONS.network,
  'microsoft.network/networkinterfaces': API_VERSIONS.network,
  'microsoft.network/privatednszones': API_VERSIONS.privateDns,
  'microsoft.network/privatednszones/virtualnetworklinks': API_VERSIONS.privateDns,
  'microsoft.network/privatednszones/a': API_VERSIONS.privateDns,
  'microsoft.storage/storageaccounts': API_VERSIONS.storage,
  'microsoft.keyvault/vaults': API_VERSIONS.keyVault,
  'microsoft.containerregistry/registries': API_VERSIONS.containerRegistry,
  'microsoft.cognitiveservices/accounts': API_VERSIONS.cognitiveServices,
  subscriptions: API_VERSIONS.subscriptions,
};

/** The api-version to GET this resource with, or undefined for a type we do not read. */
export function apiVersionForResourceId(resourceId: string): string | undefined {
  if (/^\/subscriptions\/[^/]+\/?$/i.test(resourceId)) return BY_TYPE.subscriptions;
  const type = resourceTypeOf(parseResourceId(resourceId));
  return type ? BY_TYPE[type.toLowerCase()] : undefined;
}
