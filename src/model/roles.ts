/**
 * The one table of Azure built-in role ids we assign or name in messages, and the role assignments a hub project
 * needs to use a storage account that is reachable only privately (azure-semantics.md, "Private storage
 * configuration").
 */

import { withoutTrailingSlashes } from './armIds';

export interface RoleDefinition {
  readonly name: string;
  /** The built-in role's GUID, the same in every cloud and tenant. */
  readonly id: string;
}

export const ROLES = {
  reader: { name: 'Reader', id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' },
  contributor: { name: 'Contributor', id: 'b24988ac-6180-42a0-ab88-20f7382dd24c' },
  networkContributor: { name: 'Network Contributor', id: '4d97b98b-1d4f-4787-a291-c67834d212e7' },
  storageFileDataPrivilegedContributor: {
    name: 'Storage File Data Privileged Contributor',
    id: '69566ab7-960f-475b-8e7c-b3118f30c6bd',
  },
  storageBlobDataContributor: { name: 'Storage Blob Data Contributor', id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' },
  storageBlobDataReader: { name: 'Storage Blob Data Reader', id: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' },
} as const satisfies Record<string, RoleDefinition>;

/** Built-in roles named in messages only: the extension never assigns them. */
export const ROLE_NAMES = {
  /** Creating or deleting a role assignment needs Microsoft.Authorization/roleAssignments/write on its scope. */
  roleAssignmentAdministrator: 'Role Based Access Control Administrator (or Owner)',
  storageAccountContributor: 'Storage Account Contributor',
  keyVaultContributor: 'Key Vault Contributor',
  cognitiveServicesContributor: 'Cognitive Services Contributor',
} as const;

/**
 * The built-in role a write to this resource needs, by the resource's provider and type (for an extension resource
 * such as a role assignment, the last provider in the id counts). Changing a hub's networking needs Contributor:
 * Microsoft's hub RBAC table gives infrastructure changes to Owner and Contributor, and Azure AI Developer lacks
 * workspaces/write.
 */
export function roleToWrite(resourceId: string): string {
  const [namespace = '', type = ''] =
    resourceId
      .split(/\/providers\//i)
      .pop()
      ?.split('/') ?? [];
  const provider = namespace.toLowerCase();
  if (provider === 'microsoft.authorization' && type.toLowerCase() === 'roleassignments')
    return ROLE_NAMES.roleAssignmentAdministrator;
  switch (provider) {
    case 'microsoft.network':
      return ROLES.networkContributor.name;
    case 'microsoft.storage':
      return ROLE_NAMES.storageAccountContributor;
    case 'microsoft.keyvault':
      return ROLE_NAMES.keyVaultContributor;
    case 'microsoft.cognitiveservices':
      return ROLE_NAMES.cognitiveServicesContributor;
    default:
      // Microsoft.MachineLearningServices/workspaces, Microsoft.ContainerRegistry, and anything else.
      return ROLES.contributor.name;
  }
}

/** The `roleDefinitionId` a role assignment PUT wants. */
export function roleDefinitionResourceId(subscriptionId: string, role: RoleDefinition): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`;
}

export type PrincipalType = 'ServicePrincipal' | 'User' | 'Group';

export interface Principal {
  readonly id: string;
  readonly type: PrincipalType;
  /** Shown in the plan, e.g. "project p-sales (managed identity)". */
  readonly label: string;
}

export interface PrivateStorageAccessInput {
  readonly storageAccountId: string;
  /** Every private endpoint of the storage account: the project needs Reader on each. */
  readonly storagePrivateEndpointIds: readonly string[];
  readonly projectIdentity: Principal;
  /** The Foundry (AI Services) account's managed identity. */
  readonly aiServicesIdentity?: Principal;
  readonly aiSearchIdentity?: Principal;
  /** Users or groups who work with the data in the portal. */
  readonly developers: readonly Principal[];
}

export interface RoleAssignmentRow {
  readonly role: RoleDefinition;
  readonly principal: Principal;
  readonly scope: string;
  readonly reason: string;
}

export function privateStorageAccessRows(input: PrivateStorageAccessInput): RoleAssignmentRow[] {
  const storage = input.storageAccountId;
  const rows: RoleAssignmentRow[] = input.storagePrivateEndpointIds.map((endpointId) => ({
    role: ROLES.reader,
    principal: input.projectIdentity,
    scope: endpointId,
    reason: 'The project checks the storage private endpoint before it uses the storage account.',
  }));
  rows.push({
    role: ROLES.storageFileDataPrivilegedContributor,
    principal: input.projectIdentity,
    scope: storage,
    reason: 'The project keeps prompt flows and files on the file share.',
  });
  for (const service of [input.aiServicesIdentity, input.aiSearchIdentity]) {
    if (service) {
      rows.push({
        role: ROLES.storageBlobDataContributor,
        principal: service,
        scope: storage,
        reason: 'The service reads and writes blobs with its identity, since keys are not used.',
      });
    }
  }
  for (const developer of input.developers) {
    rows.push({
      role: ROLES.storageBlobDataReader,
      principal: developer,
      scope: storage,
      reason: 'Developers read the data in the portal with Microsoft Entra ID.',
    });
  }
  // One identity can fill two places (AI Services and AI Search): it needs the role once.
  return rows.filter((row, index) => rows.findIndex((other) => sameGrant(row, other)) === index);
}

function sameGrant(one: RoleAssignmentRow, other: RoleAssignmentRow): boolean {
  return (
    one.role.id === other.role.id &&
    one.principal.id.toLowerCase() === other.principal.id.toLowerCase() &&
    normalizedScope(one.scope) === normalizedScope(other.scope)
  );
}

export interface ExistingRoleAssignment {
  readonly roleDefinitionId: string;
  readonly principalId: string;
  readonly scope: string;
}

/**
 * Whether a row is already granted: the same role for the same principal at the row's scope or above it (a role
 * assigned on the resource group or subscription is inherited). Role definition ids are compared by their GUID, so
 * any scope form of the id matches.
 */
export function isRowGranted(row: RoleAssignmentRow, existing: readonly ExistingRoleAssignment[]): boolean {
  const scope = normalizedScope(row.scope);
  return existing.some((assignment) => {
    const at = normalizedScope(assignment.scope);
    return (
      assignment.roleDefinitionId.split('/').pop()?.toLowerCase() === row.role.id &&
      assignment.principalId.toLowerCase() === row.principal.id.toLowerCase() &&
      (scope === at || scope.startsWith(`${at}/`))
    );
  });
}

/** The rows of the private storage table that no existing assignment grants yet, in table order. */
export function missingPrivateStorageRows(
  input: PrivateStorageAccessInput,
  existing: readonly ExistingRoleAssignment[],
): RoleAssignmentRow[] {
  return privateStorageAccessRows(input).filter((row) => !isRowGranted(row, existing));
}

function normalizedScope(scope: string): string {
  return withoutTrailingSlashes(scope).toLowerCase();
}
