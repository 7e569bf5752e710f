/**
 * The reads the private storage access wizard needs beyond the hub state: role assignments that already apply at a
 * scope, AI Services accounts with a managed identity, and a workspace's connections (with their authType).
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import { parseResourceId, sameResourceId } from '../model/armIds';
import type { ExistingRoleAssignment } from '../model/roles';
import type { StorageConnectionCandidate } from '../model/storageConnections';
import { API_VERSIONS } from './apiVersions';
import type { ArmConnection } from './clients';
import { mapAzureErrors } from './errors';
import { listAllPages } from './workspaceApi';
import type { ArmWorkspaceConnection } from './workspaceModels';

interface ArmRoleAssignment {
  readonly properties?: { readonly roleDefinitionId?: string; readonly principalId?: string; readonly scope?: string };
}

/** The assignments at `scope` and above it (atScope() leaves out those below, which grant nothing here). */
export function listRoleAssignmentsAt(
  connection: ArmConnection,
  scope: string,
  abortSignal?: AbortSignalLike,
): Promise<ExistingRoleAssignment[]> {
  const path = `${scope}/providers/Microsoft.Authorization/roleAssignments?$filter=atScope()`;
  return mapAzureErrors({ resourceId: scope, access: 'read' }, async () => {
    const assignments = await listAllPages<ArmRoleAssignment>(
      connection.arm,
      path,
      API_VERSIONS.authorization,
      abortSignal,
    );
    return assignments.map((assignment) => ({
      roleDefinitionId: assignment.properties?.roleDefinitionId ?? '',
      principalId: assignment.properties?.principalId ?? '',
      scope: assignment.properties?.scope ?? '',
    }));
  });
}

export interface ManagedIdentityAccount {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** The system-assigned identity's principal id. */
  readonly principalId: string;
  /** The hub has a connection to it (else it only shares the hub's resource group). */
  readonly connectedToHub: boolean;
}

/**
 * AI Services accounts the hub is connected to, and those in the hub's resource group, that have a system-assigned
 * managed identity: the candidates for the Foundry identity that reads and writes the storage.
 */
export async function listAiServicesIdentities(
  connection: ArmConnection,
  hubId: string,
  connectedIds: readonly string[],
  abortSignal?: AbortSignalLike,
): Promise<ManagedIdentityAccount[]> {
  const hub = parseResourceId(hubId);
  const accounts = connection.forSubscription(hub.subscriptionId).cognitiveServices.accounts;
  return mapAzureErrors({ resourceId: hubId, access: 'read' }, async () => {
    const found: ManagedIdentityAccount[] = [];
    const add = (
      account: { id?: string; name?: string; kind?: string; identity?: { principalId?: string } },
      connectedToHub: boolean,
    ) => {
      if (!account.id || !account.identity?.principalId || found.some((known) => sameResourceId(known.id, account.id)))
        return;
      found.push({
        id: account.id,
        name: account.name ?? account.id,
        kind: account.kind ?? '',
        principalId: account.identity.principalId,
        connectedToHub,
      });
    };
    for (const id of connectedIds) {
      const parsed = parseResourceId(id);
      const client = connection.forSubscription(parsed.subscriptionId).cognitiveServices.accounts;
      add(await client.get(parsed.resourceGroup ?? '', parsed.resources[0]?.name ?? '', { abortSignal }), true);
    }
    for await (const account of accounts.listByResourceGroup(hub.resourceGroup ?? '', { abortSignal })) {
      if ((account.kind ?? '').toLowerCase() === 'aiservices') add(account, false);
    }
    return found;
  });
}

/** A workspace's connections (never their secrets), labelled with their owner for messages. */
export async function listWorkspaceConnections(
  connection: ArmConnection,
  workspaceId: string,
  owner: string,
  abortSignal?: AbortSignalLike,
): Promise<StorageConnectionCandidate[]> {
  const ml = connection.forSubscription(parseResourceId(workspaceId).subscriptionId).machineLearning;
  return mapAzureErrors({ resourceId: workspaceId, access: 'read' }, async () => {
    const connections = await listAllPages<ArmWorkspaceConnection>(
      ml,
      `${workspaceId}/connections`,
      API_VERSIONS.workspaces,
      abortSignal,
    );
    return connections.map((workspaceConnection) => ({
      name: workspaceConnection.name,
      owner,
      ...workspaceConnection.properties,
    }));
  });
}
