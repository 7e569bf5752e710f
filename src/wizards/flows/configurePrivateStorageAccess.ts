/**
 * Configure Private Storage Access…: the role assignments a hub project needs when the hub's storage account is
 * reachable only through private endpoints (roles.ts, azure-semantics.md "Private storage configuration"). Only the
 * assignments that do not apply yet are planned, so a second run has nothing to do; Roll back deletes only the
 * assignments this run created.
 */
import { randomUUID } from 'node:crypto';
import {
  listAiServicesIdentities,
  listRoleAssignmentsAt,
  listWorkspaceConnections,
  type ManagedIdentityAccount,
} from '../../azure/storageAccessRead';
import { isResourceType, resourceNameOf, sameResourceId } from '../../model/armIds';
import { PRIVATE_LINK_TARGETS } from '../../model/dnsZones';
import type { DependentResource, ProjectSummary } from '../../model/hubState';
import { approvedGroupIds } from '../../model/hubState';
import { objectIdListProblem, objectIdProblem, parseObjectIdList } from '../../model/objectIds';
import type { Plan } from '../../model/plan';
import {
  missingPrivateStorageRows,
  type ExistingRoleAssignment,
  type Principal,
  type PrivateStorageAccessInput,
} from '../../model/roles';
import { buildStorageAccessPlan } from '../../model/storageAccessPlan';
import { keyBasedConnectionsWarning } from '../../model/storageConnections';
import type { RunOutcome } from '../framework/execute';
import type { PromptStep } from '../framework/promptSteps';
import { WizardCancelled } from '../framework/ui';
import type { WizardDefinition, WizardServices } from '../framework/wizard';
import { WIZARD_COMMANDS } from '../ids';
import {
  WORKSPACE_TYPE,
  hubContextFrom,
  hubStep,
  startingIds,
  subscriptionStep,
  type HubContext,
} from '../steps/hubSteps';

export interface StorageAccessContext extends HubContext {
  /** The project the command was started on (its tree node). */
  startProjectId?: string;
  project?: ProjectSummary & { readonly principalId: string };
  storage?: DependentResource;
  /** Undefined: skipped, or the hub has no AI Services account with a managed identity. */
  aiServices?: ManagedIdentityAccount;
  aiSearchPrincipalId?: string;
  developerIds?: readonly string[];
  developerType?: 'User' | 'Group';
  existingAssignments?: readonly ExistingRoleAssignment[];
  /** Drawn once per missing row, so the plan reviewed is the plan run. */
  assignmentNames?: readonly string[];
  connectionsWarning?: string;
}

export const configurePrivateStorageAccessWizard: WizardDefinition<StorageAccessContext> = {
  id: 'configurePrivateStorageAccess',
  title: WIZARD_COMMANDS.configurePrivateStorageAccess.title,
  initialContext: async (args, services) => {
    const { resourceIds } = startingIds(args);
    const startProjectId = resourceIds.find((id) => isResourceType(id, WORKSPACE_TYPE));
    const context: StorageAccessContext = {
      ...(await hubContextFrom(args, services)),
      ...(startProjectId ? { startProjectId } : {}),
    };
    if (context.hub && context.hub.workspace.kind !== 'hub') {
      throw new Error(
        `The hub of ${context.hub.workspace.name} is not in the view. Refresh, or run "${WIZARD_COMMANDS.configurePrivateStorageAccess.title}" from the Command Palette and pick the hub.`,
      );
    }
    return context;
  },
  steps: (services) => [
    subscriptionStep(services),
    hubStep(services),
    projectStep(),
    storageStep(),
    aiServicesStep(services),
    aiSearchStep(),
    developersStep(),
    developerTypeStep(),
    existingAssignmentsStep(services),
  ],
  plan: (context, services) => storageAccessPlan(context, services),
  reviewNotes: (context) => reviewNotes(context),
  hubId: (context) => context.hubId ?? '',
  finish: (context, services, outcome) => finish(context, services, outcome),
};

function projectStep(): PromptStep<StorageAccessContext> {
  return {
    id: 'project',
    prompt: async (context, ask) => {
      const hub = context.hub!;
      const started = context.startProjectId;
      const projects = started ? hub.projects.filter((project) => sameResourceId(project.id, started)) : hub.projects;
      if (projects.length === 0) {
        throw new Error(
          started
            ? `${resourceNameOf(started)} is not a project of ${hub.workspace.name}.`
            : `${hub.workspace.name} has no project. Create a project in the hub first; the roles are granted to a project's identity.`,
        );
      }
      const project = await ask.pick(
        'The project that uses the private storage',
        projects.map((candidate) => ({
          label: candidate.name,
          description: candidate.principalId ? 'managed identity on' : 'no managed identity',
          value: candidate,
        })),
      );
      if (!project.principalId) {
        throw new Error(
          `Project ${project.name} has no system-assigned managed identity, and the storage roles are granted to it. Turn it on (Azure portal: the project → Identity → System assigned → On), then run this again.`,
        );
      }
      context.project = { ...project, principalId: project.principalId };
    },
  };
}

/** The hub's storage account; without private endpoints the user decides whether account roles alone are wanted. */
function storageStep(): PromptStep<StorageAccessContext> {
  return {
    id: 'storage',
    prompt: async (context, ask) => {
      const hub = context.hub!;
      const storage = hub.dependentResources.find((resource) => resource.kind === 'storage');
      if (!storage)
        throw new Error(
          `${hub.workspace.name} has no storage account in its properties, so there is nothing to grant access to.`,
        );
      if (storage.readError !== undefined)
        throw new Error(`The storage account ${storage.name} could not be read: ${storage.readError}`);
      context.storage = storage;
      if (storage.privateEndpoints.length > 0) return;
      const proceed = await ask.pick(
        `${storage.name} has no private endpoint. This wizard sets up access to storage that is reachable only through private endpoints.`,
        [
          {
            label: 'Stop: I will add the private endpoints first',
            detail: `Add blob and file private endpoints to ${storage.name}, then run this again: the project also needs Reader on each endpoint.`,
            value: false,
          },
          {
            label: 'Continue with the storage account roles only',
            detail: 'No Reader role on endpoints is granted (there are none). Run this again after adding endpoints.',
            value: true,
          },
        ],
        { always: true },
      );
      if (!proceed) {
        await ask.ui.message(
          'info',
          `Nothing was changed. Add blob and file private endpoints to ${storage.name}, then run "${WIZARD_COMMANDS.configurePrivateStorageAccess.title}" again.`,
        );
        throw new WizardCancelled();
      }
    },
  };
}

function aiServicesStep(services: WizardServices): PromptStep<StorageAccessContext> {
  return {
    id: 'aiServices',
    prompt: async (context, ask) => {
      const hub = context.hub!;
      const connected = hub.dependentResources
        .filter((resource) => resource.kind === 'aiServices' && resource.readError === undefined)
        .map((resource) => resource.id);
      const connection = await services.directory.connection(hub.workspace.id);
      const accounts = await listAiServicesIdentities(connection, hub.workspace.id, connected);
      delete context.aiServices;
      if (accounts.length === 0) return;
      const items = accounts.map((account) => ({
        label: account.name,
        description: `${account.connectedToHub ? 'connected to the hub' : "in the hub's resource group"} · identity ${account.principalId}`,
        value: account as ManagedIdentityAccount | undefined,
      }));
      const skip = {
        label: 'Skip',
        description: 'no AI Services account reads or writes this storage',
        value: undefined,
      };
      const chosen = await ask.pick(
        'The Foundry (AI Services) account whose managed identity gets Storage Blob Data Contributor',
        [...items, skip],
        { always: true },
      );
      if (chosen) context.aiServices = chosen;
    },
  };
}

function aiSearchStep(): PromptStep<StorageAccessContext> {
  return {
    id: 'aiSearch',
    prompt: async (context, ask) => {
      const typed = await ask.input(
        "The principal id of your AI Search service's managed identity, for Storage Blob Data Contributor. Leave empty to skip.",
        {
          value: context.aiSearchPrincipalId ?? '',
          placeholder: 'AI Search → Identity → Object (principal) ID',
          validate: (value) => (value.trim() === '' ? undefined : objectIdProblem(value.trim())),
        },
      );
      const id = typed.trim().toLowerCase();
      if (id) context.aiSearchPrincipalId = id;
      else delete context.aiSearchPrincipalId;
    },
  };
}

function developersStep(): PromptStep<StorageAccessContext> {
  return {
    id: 'developers',
    prompt: async (context, ask) => {
      const paste = await ask.input(
        'Object ids of the developers who read the data in the portal, for Storage Blob Data Reader: all users or all groups (for a mix, run this wizard once for each), comma, space or newline separated. Leave empty to skip.',
        {
          value: (context.developerIds ?? []).join(', '),
          placeholder: 'Microsoft Entra admin center → Users or Groups → Object ID',
          validate: (value) => objectIdListProblem(value),
        },
      );
      context.developerIds = parseObjectIdList(paste).ids;
    },
  };
}

function developerTypeStep(): PromptStep<StorageAccessContext> {
  return {
    id: 'developerType',
    shouldPrompt: (context) => (context.developerIds ?? []).length > 0,
    prompt: async (context, ask) => {
      const count = context.developerIds?.length ?? 0;
      // One principal type for the whole list: a mixed list would be granted under the wrong type.
      const question =
        count === 1
          ? 'What is the object id?'
          : `What are all ${count} object ids? The answer applies to each of them; for a mix of users and groups, run the wizard twice.`;
      context.developerType = await ask.pick(
        question,
        [
          { label: 'Users', description: 'principal type User', value: 'User' as const },
          {
            label: 'Groups',
            description: 'principal type Group (recommended: one group for the team)',
            value: 'Group' as const,
          },
        ],
        { always: true },
      );
    },
  };
}

/** Reads what is already granted (and the connections' authType), then draws the names of the assignments to create. */
function existingAssignmentsStep(services: WizardServices): PromptStep<StorageAccessContext> {
  return {
    id: 'existingAssignments',
    prompt: async (context, ask) => {
      const hub = context.hub!;
      const storage = context.storage!;
      const connection = await services.directory.connection(hub.workspace.id);
      const scopes = [storage.id, ...storage.privateEndpoints.map((endpoint) => endpoint.id)];
      const [assignments, projectConnections, hubConnections] = await Promise.all([
        Promise.all(scopes.map((scope) => listRoleAssignmentsAt(connection, scope))),
        listWorkspaceConnections(connection, context.project!.id, `project ${context.project!.name}`),
        listWorkspaceConnections(connection, hub.workspace.id, `hub ${hub.workspace.name} (shared with its projects)`),
      ]);
      context.existingAssignments = assignments.flat();
      context.assignmentNames = missingPrivateStorageRows(accessInput(context), context.existingAssignments).map(() =>
        randomUUID(),
      );
      const warning = keyBasedConnectionsWarning([...projectConnections, ...hubConnections], storage.id);
      delete context.connectionsWarning;
      if (!warning) return;
      context.connectionsWarning = warning;
      // Shown now as well as in the review: with nothing to grant there is no review.
      await ask.ui.message('warning', warning);
    },
  };
}

export function accessInput(context: StorageAccessContext): PrivateStorageAccessInput {
  const storage = context.storage!;
  const project = context.project!;
  const developerType = context.developerType ?? 'Group';
  const developers: Principal[] = (context.developerIds ?? []).map((id) => ({
    id,
    type: developerType,
    label: `${developerType.toLowerCase()} ${id}`,
  }));
  return {
    storageAccountId: storage.id,
    storagePrivateEndpointIds: storage.privateEndpoints.map((endpoint) => endpoint.id),
    projectIdentity: {
      id: project.principalId,
      type: 'ServicePrincipal',
      label: `project ${project.name} (managed identity)`,
    },
    ...(context.aiServices
      ? {
          aiServicesIdentity: {
            id: context.aiServices.principalId,
            type: 'ServicePrincipal',
            label: `${context.aiServices.name} (managed identity)`,
          },
        }
      : {}),
    ...(context.aiSearchPrincipalId
      ? {
          aiSearchIdentity: {
            id: context.aiSearchPrincipalId,
            type: 'ServicePrincipal',
            label: `AI Search identity ${context.aiSearchPrincipalId}`,
          },
        }
      : {}),
    developers,
  };
}

function storageAccessPlan(context: StorageAccessContext, services: WizardServices): Plan {
  const names = context.assignmentNames ?? [];
  return buildStorageAccessPlan({
    apiVersions: services.apiVersions,
    storageAccountName: context.storage!.name,
    access: accessInput(context),
    existingAssignments: context.existingAssignments ?? [],
    newAssignmentName: (_row, index) => {
      const name = names[index];
      if (!name)
        throw new Error('The role assignment names were drawn for other answers; go back and run the review again.');
      return name;
    },
  });
}

/** The keys warning, and the storage endpoints a hub needs but the account lacks (their Reader role comes later). */
function reviewNotes(context: StorageAccessContext): string | undefined {
  const storage = context.storage;
  if (!storage) return undefined;
  const approved = approvedGroupIds(storage);
  const missing = PRIVATE_LINK_TARGETS.storage.groupIds.filter((groupId) => !approved.has(groupId));
  const notes = [
    context.connectionsWarning,
    missing.length > 0
      ? `${storage.name} has no approved ${missing.join(' or ')} private endpoint. Add ${missing.length === 1 ? 'it' : 'them'}, then run this wizard again so the project gets Reader on ${missing.length === 1 ? 'it' : 'them'} too.`
      : undefined,
  ].filter((note): note is string => note !== undefined);
  return notes.length > 0 ? `\n${notes.join('\n\n')}\n` : undefined;
}

async function finish(context: StorageAccessContext, services: WizardServices, outcome?: RunOutcome): Promise<void> {
  if (outcome !== 'succeeded') return;
  await services.ui.message(
    'info',
    `The roles for private access to ${context.storage?.name ?? 'the storage account'} are in place. Azure can take up to 10 minutes to apply new role assignments.`,
  );
}
