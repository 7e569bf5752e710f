/**
 * Writes that open or close public access: the workspace (publicNetworkAccess, and networkAcls through the preview
 * api-version), storage, key vault, container registry and AI Services; plus role assignments. A workspace write is
 * guarded against lost updates (If-Match with the etag, else re-read and compare) and re-read from ARM afterwards.
 */
import { randomUUID } from 'node:crypto';
import type { AbortSignalLike } from '@azure/abort-controller';
import type { RoleAssignment } from '@azure/arm-authorization';
import { parseResourceId, resourceNameOf } from '../model/armIds';
import { assertPropertiesUnchanged } from '../model/concurrency';
import type { DependentResourceKind, NetworkAclsDefaultAction, PublicNetworkAccess, Workspace } from '../model/hubState';
import type { PrincipalType, RoleDefinition } from '../model/roles';
import { roleDefinitionResourceId, roleNeededFor } from '../model/roles';
import type { ArmConnection } from './clients';
import { ROLE_ASSIGNMENT_ADMINISTRATOR, isRoleAssignmentExists, mapAzureErrors } from './errors';
import { patchWorkspaceNetwork, readWorkspace } from './workspaceApi';
import type { WorkspaceNetworkPatch } from './workspaceModels';
import { workspaceOf } from './workspaceModels';

export interface WorkspaceNetworkUpdate {
  readonly workspaceId: string;
  readonly patch: WorkspaceNetworkPatch;
  /** The workspace as the user saw it when planning the change: its etag, or its network settings to compare. */
  readonly expected: Pick<Workspace, 'publicNetworkAccess' | 'networkAcls' | 'etag'>;
  readonly abortSignal?: AbortSignalLike;
}

const WATCHED_WORKSPACE_PROPERTIES = ['publicNetworkAccess', 'networkAcls'];

/** PATCHes the workspace network settings and returns the workspace re-read from ARM. */
export async function updateWorkspaceNetwork(connection: ArmConnection, update: WorkspaceNetworkUpdate): Promise<Workspace> {
  const { subscriptionId } = parseResourceId(update.workspaceId);
  const ml = connection.forSubscription(subscriptionId).machineLearning;
  const context = { resourceId: update.workspaceId, access: 'write', requiredRole: roleNeededFor('changeWorkspace').name } as const;
  return mapAzureErrors(context, async () => {
    let ifMatch = update.expected.etag;
    if (!ifMatch) {
      // No etag to let ARM check: read now and compare what we are about to overwrite.
      const current = await readWorkspace(ml, update.workspaceId, update.abortSignal);
      assertPropertiesUnchanged(resourceNameOf(update.workspaceId), update.expected, workspaceOf(current.arm, current.networkAclsRead), WATCHED_WORKSPACE_PROPERTIES);
      ifMatch = current.etag;
    }
    // A stale ifMatch fails with 412, which mapAzureErrors turns into a ConcurrentChangeError.
    await patchWorkspaceNetwork(ml, update.workspaceId, update.patch, { ...connection.lroOptions(update.abortSignal), ifMatch });
    const after = await readWorkspace(ml, update.workspaceId, update.abortSignal);
    return workspaceOf(after.arm, after.networkAclsRead, after.etag);
  });
}

export interface DependentAccessUpdate {
  readonly kind: DependentResourceKind;
  readonly resourceId: string;
  readonly publicNetworkAccess?: PublicNetworkAccess;
  /** Replaces the resource's IP rules and default action when given. */
  readonly networkRules?: { readonly defaultAction: NetworkAclsDefaultAction; readonly ipRules: readonly string[] };
  readonly abortSignal?: AbortSignalLike;
}

/** Storage rejects /31 and /32 prefixes: a single address goes as the bare IP. */
function storageIpRule(rule: string): string {
  return rule.endsWith('/32') ? rule.slice(0, -3) : rule;
}

/** Sets public access and/or network rules on a dependent resource through its typed SDK. */
export async function updateDependentAccess(connection: ArmConnection, update: DependentAccessUpdate): Promise<void> {
  const parsed = parseResourceId(update.resourceId);
  const resourceGroup = parsed.resourceGroup ?? '';
  const name = parsed.resources[0]?.name ?? '';
  const clients = connection.forSubscription(parsed.subscriptionId);
  const { publicNetworkAccess, networkRules, abortSignal } = update;
  const access = publicNetworkAccess ? { publicNetworkAccess } : {};
  const context = { resourceId: update.resourceId, access: 'write', requiredRole: roleNeededFor('changeWorkspace').name } as const;
  await mapAzureErrors(context, async () => {
    switch (update.kind) {
      case 'storage': {
        const networkRuleSet = networkRules && { defaultAction: networkRules.defaultAction, bypass: 'AzureServices', ipRules: networkRules.ipRules.map((rule) => ({ iPAddressOrRange: storageIpRule(rule), action: 'Allow' as const })) };
        await clients.storage.storageAccounts.update(resourceGroup, name, { ...access, ...(networkRuleSet ? { networkRuleSet } : {}) }, { abortSignal });
        return;
      }
      case 'keyVault': {
        const networkAcls = networkRules && { defaultAction: networkRules.defaultAction, bypass: 'AzureServices', ipRules: networkRules.ipRules.map((value) => ({ value })) };
        await clients.keyVault.vaults.update(resourceGroup, name, { properties: { ...access, ...(networkAcls ? { networkAcls } : {}) } }, { abortSignal });
        return;
      }
      case 'containerRegistry': {
        // networkRuleSet is Premium only; the service refuses it on Basic and Standard with a clear message.
        const networkRuleSet = networkRules && { defaultAction: networkRules.defaultAction, ipRules: networkRules.ipRules.map((rule) => ({ iPAddressOrRange: rule, action: 'Allow' as const })) };
        await clients.containerRegistry.registries.update(resourceGroup, name, { ...access, ...(networkRuleSet ? { networkRuleSet } : {}) }, connection.lroOptions(abortSignal));
        return;
      }
      case 'aiServices': {
        const networkAcls = networkRules && { defaultAction: networkRules.defaultAction, ipRules: networkRules.ipRules.map((value) => ({ value })) };
        await clients.cognitiveServices.accounts.beginUpdateAndWait(resourceGroup, name, { properties: { ...access, ...(networkAcls ? { networkAcls } : {}) } }, connection.lroOptions(abortSignal));
        return;
      }
    }
  });
}

export interface RoleAssignmentInput {
  /** A resource, resource group or subscription id. */
  readonly scope: string;
  readonly role: RoleDefinition;
  readonly principalId: string;
  readonly principalType: PrincipalType;
  readonly abortSignal?: AbortSignalLike;
}

/** Creates the assignment under a new GUID; one that already exists (409 RoleAssignmentExists) counts as done. */
export async function createRoleAssignment(connection: ArmConnection, input: RoleAssignmentInput): Promise<{ created: boolean; assignment?: RoleAssignment }> {
  const { subscriptionId } = parseResourceId(input.scope);
  const authorization = connection.forSubscription(subscriptionId).authorization;
  const parameters = { roleDefinitionId: roleDefinitionResourceId(subscriptionId, input.role), principalId: input.principalId, principalType: input.principalType };
  const context = { resourceId: input.scope, access: 'write', requiredRole: ROLE_ASSIGNMENT_ADMINISTRATOR } as const;
  return mapAzureErrors(context, async () => {
    try {
      const assignment = await authorization.roleAssignments.create(input.scope, randomUUID(), parameters, { abortSignal: input.abortSignal });
      return { created: true, assignment };
    } catch (error) {
      if (isRoleAssignmentExists(error)) {
        return { created: false };
      }
      throw error;
    }
  });
}
