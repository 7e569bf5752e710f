/**
 * The api-versions each provider accepts: the real stable ones the extension, the installed @azure/arm-* SDKs
 * (their default apiVersion) and Debian's az 2.45 send. Anything else is rejected the way ARM does.
 */
const resources = [
  '2016-06-01',
  '2018-05-01',
  '2019-06-01',
  '2019-10-01',
  '2019-11-01',
  '2020-01-01',
  '2020-06-01',
  '2021-01-01',
  '2021-04-01',
  '2022-01-01',
  '2022-09-01',
  '2022-12-01',
  '2023-07-01',
  '2024-03-01',
  '2024-07-01',
  '2024-11-01',
  '2025-03-01',
  '2025-04-01',
];

/** Workspace versions. Only the preview ones know `networkAcls` (see azure-semantics.md). */
export const WORKSPACE_PREVIEW_VERSIONS_WITH_NETWORK_ACLS = [
  '2024-10-01-preview',
  '2025-01-01-preview',
  '2025-04-01-preview',
  '2025-07-01-preview',
  '2025-10-01-preview',
];
const machineLearning = [
  '2022-05-01',
  '2022-10-01',
  '2023-04-01',
  '2023-10-01',
  '2024-04-01',
  '2024-10-01',
  '2025-06-01',
  '2025-09-01',
  '2025-12-01',
  // The previews the ML CLI recordings leak in their polling headers.
  '2023-06-01-preview',
  '2023-08-01-preview',
  '2024-04-01-preview',
  '2024-07-01-preview',
  ...WORKSPACE_PREVIEW_VERSIONS_WITH_NETWORK_ACLS,
];
const network = [
  '2021-05-01',
  '2021-08-01',
  '2022-01-01',
  '2022-05-01',
  '2022-07-01',
  '2022-09-01',
  '2022-11-01',
  '2023-02-01',
  '2023-04-01',
  '2023-05-01',
  '2023-06-01',
  '2023-09-01',
  '2023-11-01',
  '2024-01-01',
  '2024-03-01',
  '2024-05-01',
  '2024-07-01',
  '2024-10-01',
  '2025-01-01',
  '2025-03-01',
  '2025-05-01',
];
const privateDns = ['2018-09-01', '2020-01-01', '2020-06-01', '2024-06-01'];
const storage = [
  '2021-09-01',
  '2022-09-01',
  '2023-01-01',
  '2023-05-01',
  '2024-01-01',
  '2025-01-01',
  '2025-06-01',
  '2025-08-01',
];
const keyVault = ['2022-07-01', '2023-02-01', '2023-07-01', '2024-11-01', '2025-05-01', '2026-02-01'];
const containerRegistry = [
  '2022-02-01-preview',
  '2022-12-01',
  '2023-07-01',
  '2023-11-01-preview',
  '2024-11-01-preview',
  '2025-04-01',
  '2025-11-01',
];
// 2017-04-18 is also the version of its operation results; 2022-03-01 / 2022-10-01 are what az 2.45 sends.
const cognitiveServices = [
  '2017-04-18',
  '2022-03-01',
  '2022-10-01',
  '2022-12-01',
  '2023-05-01',
  '2024-10-01',
  '2025-04-01-preview',
  '2025-06-01',
  '2025-09-01',
];
const authorization = ['2015-07-01', '2018-01-01-preview', '2020-04-01-preview', '2020-10-01', '2022-04-01'];
const resourceGraph = [
  '2019-04-01',
  '2020-04-01-preview',
  '2020-09-01-preview',
  '2021-03-01',
  '2022-10-01',
  '2024-04-01',
];

const byNamespace: Record<string, string[]> = {
  'microsoft.resources': resources,
  'microsoft.machinelearningservices': machineLearning,
  'microsoft.network': network,
  'microsoft.storage': storage,
  'microsoft.keyvault': keyVault,
  'microsoft.containerregistry': containerRegistry,
  'microsoft.cognitiveservices': cognitiveServices,
  'microsoft.authorization': authorization,
  'microsoft.resourcegraph': resourceGraph,
};

/** Private DNS lives in Microsoft.Network but versions on its own. */
const privateDnsTypes = [
  'microsoft.network/privatednszones',
  'microsoft.network/privatednsoperationstatuses',
  'microsoft.network/privatednsoperationresults',
];

export function supportedApiVersions(typeKey: string): string[] {
  if (privateDnsTypes.some((type) => typeKey.startsWith(type))) return privateDns;
  const namespace = typeKey.split('/')[0] || 'microsoft.resources';
  return byNamespace[namespace] ?? resources;
}

export function isSupportedApiVersion(typeKey: string, apiVersion: string): boolean {
  return supportedApiVersions(typeKey).includes(apiVersion.toLowerCase());
}

export function workspaceVersionHasNetworkAcls(apiVersion: string): boolean {
  return WORKSPACE_PREVIEW_VERSIONS_WITH_NETWORK_ACLS.includes(apiVersion.toLowerCase());
}
