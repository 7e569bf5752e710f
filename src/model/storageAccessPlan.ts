/**
 * The plan of the "Private storage access" wizard: one role assignment per missing row of roles.ts.
 */
import { parseResourceId } from './armIds';
import { AzVariables, azCommand, type AzOption } from './azScript';
import { createPlan, type Plan, type PlanApiVersions, type PlanStep } from './plan';
import {
  missingPrivateStorageRows,
  roleDefinitionResourceId,
  type ExistingRoleAssignment,
  type PrivateStorageAccessInput,
  type RoleAssignmentRow,
} from './roles';

export interface StorageAccessWizardContext {
  readonly apiVersions: PlanApiVersions;
  readonly storageAccountName: string;
  readonly access: PrivateStorageAccessInput;
  readonly existingAssignments: readonly ExistingRoleAssignment[];
  /**
   * Role assignment names are new GUIDs. The wizard draws them once, into its context, so the plan shown and the
   * plan run use the same ones (and tests can pass fixed ones).
   */
  readonly newAssignmentName: (row: RoleAssignmentRow, index: number) => string;
}

export function buildStorageAccessPlan(context: StorageAccessWizardContext): Plan {
  const variables = new AzVariables();
  const subscriptionId = parseResourceId(context.access.storageAccountId).subscriptionId;
  const subscription = variables.ref('SUBSCRIPTION_ID', subscriptionId);
  const missing = missingPrivateStorageRows(context.access, context.existingAssignments);
  const steps = missing.map((row, index) =>
    roleAssignmentStep(context, row, context.newAssignmentName(row, index), variables),
  );
  return createPlan(
    `Grant private access to storage account ${context.storageAccountName}`,
    steps,
    variables.list(),
    subscription.variable,
  );
}

function roleAssignmentStep(
  context: StorageAccessWizardContext,
  row: RoleAssignmentRow,
  assignmentName: string,
  variables: AzVariables,
): PlanStep {
  const resourceId = `${row.scope}/providers/Microsoft.Authorization/roleAssignments/${assignmentName}`;
  const scopeName = row.scope === context.access.storageAccountId ? 'STORAGE_ID' : 'SCOPE_ID';
  const identity: AzOption[] = [
    ['--assignee-object-id', row.principal.id],
    ['--assignee-principal-type', row.principal.type],
    ['--role', row.role.id],
    ['--scope', variables.ref(scopeName, row.scope)],
  ];
  return {
    id: `assign:${row.role.id}:${row.principal.id}:${row.scope.toLowerCase()}`,
    title: `Give ${row.principal.label} the ${row.role.name} role on ${row.scope.split('/').pop() ?? row.scope}`,
    operation: {
      method: 'PUT',
      resourceId,
      apiVersion: context.apiVersions.authorization,
      body: {
        properties: {
          // The definition is named in the subscription of the scope: an endpoint may live in a spoke subscription.
          roleDefinitionId: roleDefinitionResourceId(parseResourceId(row.scope).subscriptionId, row.role),
          principalId: row.principal.id,
          principalType: row.principal.type,
        },
      },
    },
    az: azCommand('role assignment create', identity),
    creates: true,
    undo: {
      title: `Remove the ${row.role.name} role of ${row.principal.label}`,
      operation: { method: 'DELETE', resourceId, apiVersion: context.apiVersions.authorization },
      // az picks its own assignment name, so the script finds the assignment by what it grants.
      az: azCommand('role assignment delete', [
        ['--assignee', row.principal.id],
        ['--role', row.role.id],
        ['--scope', variables.ref(scopeName, row.scope)],
      ]),
    },
    destructive: false,
    exposing: false,
  };
}
