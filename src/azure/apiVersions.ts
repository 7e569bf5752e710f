/**
 * The one place for the ARM api-versions this extension sends.
 *
 * Where an installed SDK lets us choose (a client `apiVersion` option), we pin the version from the team's Azure notes;
 * where it does not, the constant records what that SDK sends, and a unit test checks it on the wire.
 */
export const API_VERSIONS = {
  /** Stable: managedNetwork, hubResourceId, privateEndpointConnections. @azure/arm-machinelearning 2.1.1 only speaks 2022-10-01. */
  workspaces: '2025-12-01',
  /** `properties.networkAcls` (workspace IP rules) exists only in preview versions; the UI says so. */
  workspacesPreview: '2025-10-01-preview',
  /** What @azure/arm-network 36 sends (it has no api-version option): private endpoints, zone groups, VNets, NICs. */
  network: '2025-05-01',
  /** Pinned through the client option; @azure/arm-privatedns 3.2 would send 2020-06-01. */
  privateDns: '2024-06-01',
  storage: '2025-06-01',
  keyVault: '2024-11-01',
  containerRegistry: '2025-04-01',
  /** AI Services (Foundry resource) accounts. */
  cognitiveServices: '2024-10-01',
  /** What @azure/arm-authorization 9 sends for role assignments. */
  authorization: '2022-04-01',
  /** What @azure/arm-resources-subscriptions 2.1 sends for subscriptions and tenants. */
  subscriptions: '2022-12-01',
  resourceGraph: '2024-04-01',
} as const;

export type ApiVersionName = keyof typeof API_VERSIONS;
