/**
 * Reads a hub's dependent resources (storage, key vault, container registry, AI Services) through their typed SDKs,
 * whose current models keep publicNetworkAccess, the network rules and the private endpoint connections.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type {
  DependentPrivateEndpoint,
  DependentResource,
  DependentResourceKind,
  NetworkAclsDefaultAction,
  PublicNetworkAccess,
} from '../model/hubState';
import { parseResourceId } from '../model/armIds';
import type { ArmConnection } from './clients';
import { toAzureAccessError } from './errors';
import { connectionStatusOf } from './workspaceModels';

/** The shape every SDK's private endpoint connection shares (flattened or under `properties`). */
interface AnyPrivateEndpointConnection {
  readonly privateEndpoint?: { readonly id?: string };
  readonly privateLinkServiceConnectionState?: { readonly status?: string };
  readonly properties?: {
    readonly privateEndpoint?: { readonly id?: string };
    readonly privateLinkServiceConnectionState?: { readonly status?: string };
  };
}

interface NetworkSummary {
  readonly publicNetworkAccess: string | undefined;
  readonly defaultAction: string | undefined;
  readonly ipRules: readonly (string | undefined)[] | undefined;
  readonly subnetIds: readonly (string | undefined)[] | undefined;
  readonly connections: readonly AnyPrivateEndpointConnection[] | undefined;
  readonly sku?: string;
  readonly principalId?: string;
}

export interface DependentReference {
  readonly kind: DependentResourceKind;
  readonly id: string;
}

export function dependentPrivateEndpointsOf(
  connections: readonly AnyPrivateEndpointConnection[] | undefined,
): DependentPrivateEndpoint[] {
  return (connections ?? []).flatMap((connection) => {
    const id = connection.privateEndpoint?.id ?? connection.properties?.privateEndpoint?.id;
    const state =
      connection.privateLinkServiceConnectionState ?? connection.properties?.privateLinkServiceConnectionState;
    // groupIds are not on the connection: hubDetails fills them from the private endpoint itself.
    return id ? [{ id, groupIds: [], status: connectionStatusOf(state?.status) }] : [];
  });
}

function publicNetworkAccessOf(value: string | undefined): PublicNetworkAccess | undefined {
  if (value === undefined) {
    return undefined;
  }
  // Storage also has SecuredByPerimeter: public traffic is then governed by the perimeter, not open.
  return value.toLowerCase() === 'enabled' ? 'Enabled' : 'Disabled';
}

function defaultActionOf(value: string | undefined): NetworkAclsDefaultAction | undefined {
  if (value === undefined) {
    return undefined;
  }
  return value.toLowerCase() === 'deny' ? 'Deny' : 'Allow';
}

function present(values: readonly (string | undefined)[] | undefined): string[] {
  return (values ?? []).filter((value): value is string => typeof value === 'string' && value !== '');
}

async function readNetworkSummary(
  connection: ArmConnection,
  reference: DependentReference,
  abortSignal?: AbortSignalLike,
): Promise<NetworkSummary> {
  const parsed = parseResourceId(reference.id);
  const resourceGroup = parsed.resourceGroup ?? '';
  const name = parsed.resources[0]?.name ?? '';
  const clients = connection.forSubscription(parsed.subscriptionId);
  switch (reference.kind) {
    case 'storage': {
      const account = await clients.storage.storageAccounts.getProperties(resourceGroup, name, { abortSignal });
      const rules = account.networkRuleSet;
      return {
        publicNetworkAccess: account.publicNetworkAccess,
        defaultAction: rules?.defaultAction,
        ipRules: rules?.ipRules?.map((rule) => rule.iPAddressOrRange),
        subnetIds: rules?.virtualNetworkRules?.map((rule) => rule.virtualNetworkResourceId),
        connections: account.privateEndpointConnections,
      };
    }
    case 'keyVault': {
      const vault = await clients.keyVault.vaults.get(resourceGroup, name, { abortSignal });
      const acls = vault.properties.networkAcls;
      return {
        publicNetworkAccess: vault.properties.publicNetworkAccess,
        defaultAction: acls?.defaultAction,
        ipRules: acls?.ipRules?.map((rule) => rule.value),
        subnetIds: acls?.virtualNetworkRules?.map((rule) => rule.id),
        connections: vault.properties.privateEndpointConnections,
      };
    }
    case 'containerRegistry': {
      const registry = await clients.containerRegistry.registries.get(resourceGroup, name, { abortSignal });
      return {
        publicNetworkAccess: registry.publicNetworkAccess,
        defaultAction: registry.networkRuleSet?.defaultAction,
        ipRules: registry.networkRuleSet?.ipRules?.map((rule) => rule.iPAddressOrRange),
        subnetIds: undefined,
        connections: registry.privateEndpointConnections,
        sku: registry.sku.name,
      };
    }
    case 'aiServices': {
      const account = await clients.cognitiveServices.accounts.get(resourceGroup, name, { abortSignal });
      const properties = account.properties;
      const acls = properties?.networkAcls;
      return {
        publicNetworkAccess: properties?.publicNetworkAccess,
        defaultAction: acls?.defaultAction,
        ipRules: acls?.ipRules?.map((rule) => rule.value),
        subnetIds: acls?.virtualNetworkRules?.map((rule) => rule.id),
        connections: properties?.privateEndpointConnections,
        ...(account.identity?.principalId ? { principalId: account.identity.principalId } : {}),
      };
    }
  }
}

/** Never throws for one resource (except cancellation): an unreadable resource carries `readError`. */
export async function readDependentResource(
  connection: ArmConnection,
  reference: DependentReference,
  abortSignal?: AbortSignalLike,
): Promise<DependentResource> {
  const name = reference.id.split('/').pop() ?? reference.id;
  try {
    const summary = await readNetworkSummary(connection, reference, abortSignal);
    return {
      kind: reference.kind,
      id: reference.id,
      name,
      publicNetworkAccess: publicNetworkAccessOf(summary.publicNetworkAccess),
      networkDefaultAction: defaultActionOf(summary.defaultAction),
      ipRules: present(summary.ipRules),
      virtualNetworkSubnetIds: present(summary.subnetIds),
      privateEndpoints: dependentPrivateEndpointsOf(summary.connections),
      ...(summary.sku ? { sku: summary.sku } : {}),
      ...(summary.principalId ? { principalId: summary.principalId } : {}),
    };
  } catch (error) {
    const mapped = toAzureAccessError(error, { resourceId: reference.id, access: 'read' });
    if (mapped.kind === 'cancelled') {
      throw mapped;
    }
    return {
      kind: reference.kind,
      id: reference.id,
      name,
      publicNetworkAccess: undefined,
      networkDefaultAction: undefined,
      privateEndpoints: [],
      readError: mapped.userMessage,
    };
  }
}
