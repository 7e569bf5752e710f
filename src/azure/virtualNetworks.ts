/** The VNets and subnets a private endpoint can go into, for the wizards' pickers. */
import type { AbortSignalLike } from '@azure/abort-controller';
import { parseResourceId } from '../model/armIds';
import type { ArmConnection } from './clients';
import { mapAzureErrors } from './errors';

export interface SubnetChoice {
  readonly id: string;
  readonly name: string;
  readonly addressPrefixes: readonly string[];
  /** Disabled / Enabled / NetworkSecurityGroupEnabled / RouteTableEnabled. */
  readonly privateEndpointNetworkPolicies: string | undefined;
}

export interface VirtualNetworkChoice {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly resourceGroup: string;
  readonly addressPrefixes: readonly string[];
  readonly subnets: readonly SubnetChoice[];
}

/** Every VNet of a subscription with its subnets, for the pickers. */
export async function listVirtualNetworks(
  connection: ArmConnection,
  subscriptionId: string,
  abortSignal?: AbortSignalLike,
): Promise<VirtualNetworkChoice[]> {
  return mapAzureErrors({ access: 'read', resourceId: `/subscriptions/${subscriptionId}` }, async () => {
    const result: VirtualNetworkChoice[] = [];
    for await (const vnet of connection
      .forSubscription(subscriptionId)
      .network.virtualNetworks.listAll({ abortSignal })) {
      result.push({
        id: vnet.id ?? '',
        name: vnet.name ?? '',
        location: vnet.location ?? '',
        resourceGroup: vnet.id ? (parseResourceId(vnet.id).resourceGroup ?? '') : '',
        addressPrefixes: vnet.addressSpace?.addressPrefixes ?? [],
        subnets: (vnet.subnets ?? []).map((subnet) => ({
          id: subnet.id ?? '',
          name: subnet.name ?? '',
          addressPrefixes: subnet.addressPrefixes?.length
            ? subnet.addressPrefixes
            : subnet.addressPrefix
              ? [subnet.addressPrefix]
              : [],
          privateEndpointNetworkPolicies: subnet.privateEndpointNetworkPolicies,
        })),
      });
    }
    return result;
  });
}
