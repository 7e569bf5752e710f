/**
 * Private storage access (azure-semantics.md, "Private storage configuration"): once a hub's storage is reachable only
 * privately, projects use it with their managed identity, so their connections must not use keys and the table's
 * roles must be granted.
 */
import { resourceNameOf } from '../armIds';
import type { HubNetworkState } from '../hubState';
import { isRowGranted, privateStorageAccessRows, type Principal } from '../roles';
import { keyBasedStorageConnections } from '../storageConnections';
import { WIZARD_COMMANDS } from '../../wizards/ids';
import type { DependencyAssessment } from './dependencies';
import type { Finding } from './types';

export function storageAccessFindings(
  state: HubNetworkState,
  dependencies: readonly DependencyAssessment[],
): Finding[] {
  const facts = state.storageAccess;
  if (!facts) return [];
  const hubId = state.workspace.id;
  const findings: Finding[] = [];
  const privateStorage = dependencies.filter(
    (dependency) =>
      dependency.resource.kind === 'storage' && dependency.isolation !== 'public' && dependency.isolation !== 'unknown',
  );
  for (const storage of privateStorage) {
    const storageId = storage.resource.id;
    for (const connection of keyBasedStorageConnections(facts.connections, storageId)) {
      findings.push({
        id: 'storage-connection-key-auth',
        severity: 'warning',
        resourceId: storageId,
        subject: `${connection.owner}/${connection.name}`,
        message: `Connection "${connection.name}" of ${connection.owner} reaches ${storage.resource.name} with keys`,
        detail: `Its authType is ${connection.authType ?? ''}: keys bypass the role assignments, and a storage account with shared-key access disabled refuses them. Change the connection's authentication to Microsoft Entra ID (Foundry portal: Management center → Connected resources → the connection → Edit).`,
      });
    }
    if (facts.roleAssignmentsReadError === undefined) findings.push(...missingRoleFindings(state, storage, hubId));
  }
  return findings;
}

function missingRoleFindings(state: HubNetworkState, storage: DependencyAssessment, hubId: string): Finding[] {
  const facts = state.storageAccess!;
  const endpointIds = storage.resource.privateEndpoints
    .filter((endpoint) => endpoint.status === 'Approved')
    .map((endpoint) => endpoint.id);
  const aiServices = state.dependentResources.find(
    (resource) => resource.kind === 'aiServices' && resource.principalId,
  );
  const aiServicesIdentity: Principal | undefined = aiServices?.principalId
    ? { id: aiServices.principalId, type: 'ServicePrincipal', label: `${aiServices.name} (managed identity)` }
    : undefined;
  return state.projects.flatMap((project) => {
    if (!project.principalId) return [];
    const rows = privateStorageAccessRows({
      storageAccountId: storage.resource.id,
      storagePrivateEndpointIds: endpointIds,
      projectIdentity: {
        id: project.principalId,
        type: 'ServicePrincipal',
        label: `project ${project.name} (managed identity)`,
      },
      ...(aiServicesIdentity ? { aiServicesIdentity } : {}),
      developers: [],
    });
    return rows
      .filter((row) => !isRowGranted(row, facts.roleAssignments))
      .map((row) => ({
        id: 'storage-role-missing' as const,
        severity: 'warning' as const,
        resourceId: row.scope,
        subject: `${row.role.id}|${row.principal.id}`,
        message: `${row.principal.label} lacks ${row.role.name} on ${resourceNameOf(row.scope)}`,
        detail: `${row.reason} Without it, ${project.name} cannot use ${storage.resource.name} once it is reachable only privately.`,
        fix: {
          command: WIZARD_COMMANDS.configurePrivateStorageAccess.command,
          args: [hubId, project.id],
          title: 'Configure private storage access',
        },
      }));
  });
}
