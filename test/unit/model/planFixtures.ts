/** Shared inputs for the plan tests. */
import { CLOUDS } from '../../../src/model/clouds';
import type { PlanApiVersions } from '../../../src/model/plan';
import type { PrivateDnsChoice, PrivateEndpointWizardContext } from '../../../src/model/privateEndpointPlan';

export const API_VERSIONS: PlanApiVersions = {
  workspaces: '2025-12-01',
  workspacesPreview: '2025-10-01-preview',
  network: '2025-03-01',
  privateDns: '2024-06-01',
  authorization: '2022-04-01',
  cognitiveServices: '2024-10-01',
};

export const WORKSPACE_ID =
  '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub-sales';
export const SUBNET_ID =
  '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe';

/** Private DNS zones in their own resource group, none of them there yet. */
export const PRIVATE_DNS: PrivateDnsChoice = {
  kind: 'privateDnsZones',
  subscriptionId: 's1',
  resourceGroup: 'rg-dns',
  zoneGroupName: 'default',
  virtualNetworkLinkName: 'link-vnet-hub',
  existingZoneNames: [],
  zonesLinkedToVirtualNetwork: [],
};

export function endpointContext(overrides: Partial<PrivateEndpointWizardContext> = {}): PrivateEndpointWizardContext {
  return {
    cloud: CLOUDS.AzureCloud,
    apiVersions: API_VERSIONS,
    target: { id: WORKSPACE_ID, name: 'hub-sales', groupId: 'amlworkspace' },
    privateEndpoint: {
      subscriptionId: 's1',
      resourceGroup: 'rg-net',
      name: 'pe-hub',
      location: 'eastus',
      connectionName: 'pe-hub-conn',
      manualApproval: false,
    },
    subnetId: SUBNET_ID,
    dns: PRIVATE_DNS,
    ...overrides,
  };
}
