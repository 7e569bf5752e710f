/** A small typed builder for HubNetworkState, so a test says what differs from a healthy private hub. */
import { CLOUDS } from '../../src/model/clouds';
import type {
  DependentResource,
  HubNetworkState,
  PrivateDnsZoneStatus,
  PrivateEndpoint,
  PrivateEndpointConnection,
  Workspace,
} from '../../src/model/hubState';

export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';
export const HUB_GUID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const HUB_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub-sales`;
export const VNET_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
export const PE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe-hub`;
const ZONE_RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones`;

export function healthyEndpoint(): PrivateEndpoint {
  return {
    id: PE_ID,
    name: 'pe-hub',
    subnetId: `${VNET_ID}/subnets/snet-pe`,
    virtualNetworkId: VNET_ID,
    subnetAddressPrefixes: ['10.1.0.0/24'],
    virtualNetworkAddressPrefixes: ['10.1.0.0/16'],
    virtualNetworkDnsServers: [],
    privateIpAddresses: ['10.1.0.5', '10.1.0.6'],
    customDnsConfigs: [
      { fqdn: `${HUB_GUID}.workspace.eastus.api.azureml.ms`, ipAddresses: ['10.1.0.5'] },
      { fqdn: `${HUB_GUID}.workspace.eastus.cert.api.azureml.ms`, ipAddresses: ['10.1.0.5'] },
      { fqdn: `ml-hub-sales-eastus-${HUB_GUID}.eastus.notebooks.azure.net`, ipAddresses: ['10.1.0.6'] },
    ],
    dnsZoneGroups: [],
  };
}

export function healthyZones(): PrivateDnsZoneStatus[] {
  return [
    {
      zoneName: 'privatelink.api.azureml.ms',
      groupId: 'amlworkspace',
      id: `${ZONE_RG}/privatelink.api.azureml.ms`,
      exists: true,
      linkedVirtualNetworkIds: [VNET_ID],
      aRecords: [
        { relativeName: `${HUB_GUID}.workspace.eastus`, ipAddresses: ['10.1.0.5'] },
        { relativeName: `${HUB_GUID}.workspace.eastus.cert`, ipAddresses: ['10.1.0.5'] },
      ],
    },
    {
      zoneName: 'privatelink.notebooks.azure.net',
      groupId: 'amlworkspace',
      id: `${ZONE_RG}/privatelink.notebooks.azure.net`,
      exists: true,
      linkedVirtualNetworkIds: [VNET_ID.toUpperCase()],
      aRecords: [{ relativeName: `ml-hub-sales-eastus-${HUB_GUID}.eastus`, ipAddresses: ['10.1.0.6'] }],
    },
  ];
}

export function approvedConnection(
  endpoint: PrivateEndpoint | undefined = healthyEndpoint(),
): PrivateEndpointConnection {
  return {
    id: `${HUB_ID}/privateEndpointConnections/conn-1`,
    name: 'conn-1',
    status: 'Approved',
    description: undefined,
    privateEndpointId: PE_ID,
    privateEndpoint: endpoint,
  };
}

export function privateDependents(): DependentResource[] {
  const base = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ai/providers`;
  const endpoint = (groupId: string) => ({
    id: `${PE_ID}-${groupId}`,
    groupIds: [groupId],
    status: 'Approved' as const,
  });
  return [
    {
      kind: 'storage',
      id: `${base}/Microsoft.Storage/storageAccounts/stsales`,
      name: 'stsales',
      publicNetworkAccess: 'Disabled',
      networkDefaultAction: 'Deny',
      privateEndpoints: [endpoint('blob'), endpoint('file')],
    },
    {
      kind: 'keyVault',
      id: `${base}/Microsoft.KeyVault/vaults/kv-sales`,
      name: 'kv-sales',
      publicNetworkAccess: 'Disabled',
      networkDefaultAction: 'Deny',
      privateEndpoints: [endpoint('vault')],
    },
    {
      kind: 'containerRegistry',
      id: `${base}/Microsoft.ContainerRegistry/registries/crsales`,
      name: 'crsales',
      publicNetworkAccess: 'Disabled',
      networkDefaultAction: undefined,
      privateEndpoints: [endpoint('registry')],
      sku: 'Premium',
    },
  ];
}

export function privateWorkspace(): Workspace {
  return {
    id: HUB_ID,
    name: 'hub-sales',
    kind: 'hub',
    location: 'eastus',
    workspaceId: HUB_GUID,
    publicNetworkAccess: 'Disabled',
    networkAcls: undefined,
    networkAclsRead: { succeeded: true },
    managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', outboundRules: [], status: 'Active' },
  };
}

/** A private hub with one approved endpoint, both zones linked with their records, and private dependents. */
export function healthyPrivateHub(overrides: Partial<HubNetworkState> = {}): HubNetworkState {
  return {
    cloud: CLOUDS.AzureCloud,
    workspace: privateWorkspace(),
    privateEndpointConnections: [approvedConnection()],
    dnsZones: healthyZones(),
    dependentResources: privateDependents(),
    projects: [],
    computeInstanceNames: [],
    ...overrides,
  };
}
