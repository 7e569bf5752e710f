/**
 * Reads everything about one hub's network isolation into a HubNetworkState, always from ARM (Resource Graph lags
 * behind writes), in three sequential rounds of parallel requests:
 *   1. the workspace (preview GET for networkAcls), its connections and computes, the projects, and the workspace DNS
 *      zones (zone, links, A records) in the candidate resource groups;
 *   2. each private endpoint with its zone groups, the dependent resources, the projects' computes;
 *   3. the endpoints' NICs and VNets, zones the zone groups point at elsewhere, the dependents' endpoints (group ids).
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { PrivateEndpoint as ArmPrivateEndpoint } from '@azure/arm-network';
import type {
  DependentResource,
  HubNetworkState,
  PrivateDnsZoneStatus,
  ProjectSummary,
  StorageAccessFacts,
} from '../model/hubState';
import type { ExistingRoleAssignment } from '../model/roles';
import type { StorageConnectionCandidate } from '../model/storageConnections';
import type { GroupId } from '../model/dnsZones';
import { groupIdOfZone, privateDnsZonesFor } from '../model/dnsZones';
import { parseResourceId, sameResourceId } from '../model/armIds';
import { API_VERSIONS } from './apiVersions';
import type { ArmConnection } from './clients';
import type { DependentReference } from './dependentResources';
import { readDependentResource } from './dependentResources';
import { listRoleAssignmentsAt } from './storageAccessRead';
import { mapAzureErrors, toAzureAccessError } from './errors';
import { readPrivateDnsZone, zoneLocationOf } from './privateDnsRead';
import type { PrivateEndpointFirstRead, PrivateEndpointNetworkRead } from './privateEndpointRead';
import {
  groupIdsOf,
  privateEndpointOf,
  readPrivateEndpointAndZoneGroups,
  readPrivateEndpointNetwork,
} from './privateEndpointRead';
import { listAllPages, listWorkspacesInSubscription, readWorkspace } from './workspaceApi';
import type { ArmCompute, ArmWorkspace, ArmWorkspaceConnection } from './workspaceModels';
import { connectionNameOf, connectionStatusOf, workspaceOf } from './workspaceModels';

export interface HubDetailsOptions {
  readonly abortSignal?: AbortSignalLike;
  /** Extra resource groups (`/subscriptions/…/resourceGroups/…` ids) to look for the DNS zones in; the hub's is always searched. */
  readonly dnsResourceGroupIds?: readonly string[];
  /**
   * The hub's projects as discovery listed them: each is read by id in the first round. Without them the subscription's
   * workspaces are listed, whose pages follow one another (a round trip per 100 workspaces).
   */
  readonly projectIds?: readonly string[];
}

interface ConnectionsAndComputes {
  readonly connections: ArmWorkspaceConnection[];
  readonly computes: ArmCompute[];
}

/** Optional reads (connections, computes) must not fail the hub: they come back empty. Cancellation still throws. */
async function optional<T>(read: Promise<T>, empty: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (toAzureAccessError(error).kind === 'cancelled') {
      throw toAzureAccessError(error);
    }
    return empty;
  }
}

export async function readHubNetworkState(
  connection: ArmConnection,
  hubId: string,
  options: HubDetailsOptions = {},
): Promise<HubNetworkState> {
  return mapAzureErrors({ resourceId: hubId, access: 'read' }, () => readRounds(connection, hubId, options));
}

interface FirstRound {
  readonly workspaceRead: Awaited<ReturnType<typeof readWorkspace>>;
  readonly hubExtras: ConnectionsAndComputes;
  readonly projects: ArmWorkspace[];
  readonly candidateZones: PrivateDnsZoneStatus[];
}

interface SecondRound {
  readonly endpointIds: string[];
  readonly firstReads: (PrivateEndpointFirstRead | undefined)[];
  readonly dependents: DependentResource[];
  readonly projectComputes: ArmCompute[][];
  readonly projectConnections: ArmWorkspaceConnection[][];
  readonly storageRoles: RoleAssignmentsRead;
}

interface ThirdRound {
  readonly networks: (PrivateEndpointNetworkRead | undefined)[];
  readonly zones: PrivateDnsZoneStatus[];
  readonly dependentEndpoints: (ArmPrivateEndpoint | undefined)[];
  readonly endpointRoles: RoleAssignmentsRead[];
}

/** Role assignments at a scope, or why they could not be read (the storage-role findings are then left out). */
type RoleAssignmentsRead = { readonly assignments: ExistingRoleAssignment[] } | { readonly error: string };

async function readRounds(
  connection: ArmConnection,
  hubId: string,
  options: HubDetailsOptions,
): Promise<HubNetworkState> {
  const zoneNames = privateDnsZonesFor(connection.cloud, 'amlworkspace');
  const first = await firstRound(connection, hubId, zoneNames, options);
  const second = await secondRound(connection, first, options.abortSignal);
  const third = await thirdRound(connection, first, second, options.abortSignal);
  const arm = first.workspaceRead.arm;
  const privateEndpointConnections = (arm.properties?.privateEndpointConnections ?? []).map((pec) => {
    const state = pec.properties?.privateLinkServiceConnectionState;
    const index = second.endpointIds.findIndex((id) => sameResourceId(id, pec.properties?.privateEndpoint?.id));
    const endpointRead = index >= 0 ? second.firstReads[index] : undefined;
    return {
      id: pec.id,
      name: connectionNameOf(pec),
      status: connectionStatusOf(state?.status),
      description: state?.description,
      privateEndpointId: pec.properties?.privateEndpoint?.id ?? '',
      privateEndpoint: endpointRead ? privateEndpointOf(endpointRead, third.networks[index]) : undefined,
    };
  });
  return {
    cloud: connection.cloud,
    workspace: workspaceOf(arm, first.workspaceRead.networkAclsRead, first.workspaceRead.etag),
    privateEndpointConnections,
    dnsZones: uniqueZones(third.zones),
    dependentResources: withGroupIds(second.dependents, third.dependentEndpoints),
    projects: first.projects.map(projectSummaryOf),
    storageAccess: storageAccessOf(first, second, third),
    computeInstanceNames: [first.hubExtras.computes, ...second.projectComputes]
      .flat()
      .filter(isComputeInstance)
      .map((compute) => compute.name),
  };
}

/** Round 1: the workspace, its connections and computes, the projects, the DNS zones where they usually live. */
async function firstRound(
  connection: ArmConnection,
  hubId: string,
  zoneNames: readonly string[],
  options: HubDetailsOptions,
): Promise<FirstRound> {
  const { abortSignal } = options;
  const hub = parseResourceId(hubId);
  const ml = connection.forSubscription(hub.subscriptionId).machineLearning;
  const candidateGroups = candidateResourceGroups(hubId, options.dnsResourceGroupIds);
  const [workspaceRead, hubExtras, workspaces, candidateZones] = await Promise.all([
    readWorkspace(ml, hubId, abortSignal),
    readConnectionsAndComputes(connection, hubId, abortSignal),
    options.projectIds
      ? readProjects(ml, options.projectIds, abortSignal)
      : listWorkspacesInSubscription(ml, hub.subscriptionId, abortSignal),
    Promise.all(
      candidateGroups.flatMap((group) =>
        zoneNames.map((zoneName) =>
          readPrivateDnsZone(connection, { ...group, zoneName }, 'amlworkspace', abortSignal),
        ),
      ),
    ),
  ]);
  const projects = workspaces.filter(
    (workspace) =>
      (workspace.kind ?? '').toLowerCase() === 'project' && sameResourceId(workspace.properties?.hubResourceId, hubId),
  );
  return { workspaceRead, hubExtras, projects, candidateZones };
}

/** Projects by id, in parallel; one deleted since it was listed is left out (a listing would not show it either). */
async function readProjects(
  ml: Parameters<typeof readWorkspace>[0],
  projectIds: readonly string[],
  abortSignal?: AbortSignalLike,
): Promise<ArmWorkspace[]> {
  const reads = await Promise.all(
    projectIds.map(async (projectId) => {
      try {
        return (await readWorkspace(ml, projectId, abortSignal)).arm;
      } catch (error) {
        if (toAzureAccessError(error).kind === 'notFound') return undefined;
        throw error;
      }
    }),
  );
  return reads.filter((project): project is ArmWorkspace => project !== undefined);
}

/** Round 2: each private endpoint with its zone groups, the dependent resources, the projects' computes. */
async function secondRound(
  connection: ArmConnection,
  first: FirstRound,
  abortSignal?: AbortSignalLike,
): Promise<SecondRound> {
  const arm = first.workspaceRead.arm;
  const ml = connection.forSubscription(parseResourceId(arm.id).subscriptionId).machineLearning;
  const endpointIds = (arm.properties?.privateEndpointConnections ?? []).flatMap((pec) =>
    pec.properties?.privateEndpoint?.id ? [pec.properties.privateEndpoint.id] : [],
  );
  const storageId = arm.properties?.storageAccount;
  const [firstReads, dependents, projectComputes, projectConnections, storageRoles] = await Promise.all([
    Promise.all(
      endpointIds.map((id) =>
        optional<PrivateEndpointFirstRead | undefined>(
          readPrivateEndpointAndZoneGroups(connection, id, abortSignal),
          undefined,
        ),
      ),
    ),
    Promise.all(
      dependentReferences(arm, first.hubExtras.connections).map((reference) =>
        readDependentResource(connection, reference, abortSignal),
      ),
    ),
    Promise.all(
      first.projects.map((project) =>
        optional(listAllPages<ArmCompute>(ml, `${project.id}/computes`, API_VERSIONS.workspaces, abortSignal), []),
      ),
    ),
    Promise.all(
      first.projects.map((project) =>
        optional(
          listAllPages<ArmWorkspaceConnection>(ml, `${project.id}/connections`, API_VERSIONS.workspaces, abortSignal),
          [],
        ),
      ),
    ),
    storageId ? readRoleAssignments(connection, storageId, abortSignal) : Promise.resolve({ assignments: [] }),
  ]);
  return { endpointIds, firstReads, dependents, projectComputes, projectConnections, storageRoles };
}

/** Round 3: NICs and VNets of the endpoints, zones the zone groups point at elsewhere, the dependents' endpoints. */
async function thirdRound(
  connection: ArmConnection,
  first: FirstRound,
  second: SecondRound,
  abortSignal?: AbortSignalLike,
): Promise<ThirdRound> {
  const missingZoneIds = zoneIdsFromGroups(second.firstReads).filter(
    (id) => !first.candidateZones.some((zone) => sameResourceId(zone.id, id)),
  );
  const dependentEndpointIds = second.dependents.flatMap((dependent) =>
    dependent.privateEndpoints.map((endpoint) => endpoint.id),
  );
  const storageEndpointIds = second.dependents
    .filter((dependent) => dependent.kind === 'storage')
    .flatMap((dependent) => dependent.privateEndpoints.map((endpoint) => endpoint.id));
  const [networks, extraZones, dependentEndpoints, endpointRoles] = await Promise.all([
    Promise.all(
      second.firstReads.map((read) =>
        read
          ? optional<PrivateEndpointNetworkRead | undefined>(
              readPrivateEndpointNetwork(connection, read.endpoint, abortSignal),
              undefined,
            )
          : undefined,
      ),
    ),
    Promise.all(
      missingZoneIds.map((id) => readPrivateDnsZone(connection, zoneLocationOf(id), zoneGroupIdOf(id), abortSignal)),
    ),
    Promise.all(
      dependentEndpointIds.map((id) =>
        optional<ArmPrivateEndpoint | undefined>(readEndpoint(connection, id, abortSignal), undefined),
      ),
    ),
    Promise.all(storageEndpointIds.map((id) => readRoleAssignments(connection, id, abortSignal))),
  ]);
  return { networks, zones: [...first.candidateZones, ...extraZones], dependentEndpoints, endpointRoles };
}

async function readConnectionsAndComputes(
  connection: ArmConnection,
  hubId: string,
  abortSignal?: AbortSignalLike,
): Promise<ConnectionsAndComputes> {
  const ml = connection.forSubscription(parseResourceId(hubId).subscriptionId).machineLearning;
  const [connections, computes] = await Promise.all([
    optional(
      listAllPages<ArmWorkspaceConnection>(ml, `${hubId}/connections`, API_VERSIONS.workspaces, abortSignal),
      [],
    ),
    optional(listAllPages<ArmCompute>(ml, `${hubId}/computes`, API_VERSIONS.workspaces, abortSignal), []),
  ]);
  return { connections, computes };
}

function candidateResourceGroups(
  hubId: string,
  extra: readonly string[] = [],
): { subscriptionId: string; resourceGroup: string }[] {
  const hub = parseResourceId(hubId);
  const groups = [{ subscriptionId: hub.subscriptionId, resourceGroup: hub.resourceGroup ?? '' }];
  for (const id of extra) {
    const parsed = parseResourceId(id);
    const group = { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup ?? '' };
    if (
      !groups.some(
        (known) =>
          known.subscriptionId.toLowerCase() === group.subscriptionId.toLowerCase() &&
          known.resourceGroup.toLowerCase() === group.resourceGroup.toLowerCase(),
      )
    ) {
      groups.push(group);
    }
  }
  return groups;
}

/** Storage, key vault and registry from the workspace; AI Services from the hub's connections. */
function dependentReferences(arm: ArmWorkspace, connections: readonly ArmWorkspaceConnection[]): DependentReference[] {
  const properties = arm.properties ?? {};
  const references: DependentReference[] = [];
  if (properties.storageAccount) references.push({ kind: 'storage', id: properties.storageAccount });
  if (properties.keyVault) references.push({ kind: 'keyVault', id: properties.keyVault });
  if (properties.containerRegistry) references.push({ kind: 'containerRegistry', id: properties.containerRegistry });
  for (const workspaceConnection of connections) {
    const category = (workspaceConnection.properties?.category ?? '').toLowerCase();
    const resourceId = workspaceConnection.properties?.metadata?.ResourceId;
    if (
      (category === 'aiservices' || category === 'azureopenai') &&
      resourceId &&
      !references.some((reference) => sameResourceId(reference.id, resourceId))
    ) {
      references.push({ kind: 'aiServices', id: resourceId });
    }
  }
  return references;
}

function zoneIdsFromGroups(firstReads: readonly (PrivateEndpointFirstRead | undefined)[]): string[] {
  const ids: string[] = [];
  for (const read of firstReads) {
    for (const group of read?.zoneGroups ?? []) {
      for (const config of group.privateDnsZoneConfigs ?? []) {
        if (config.privateDnsZoneId && !ids.some((id) => sameResourceId(id, config.privateDnsZoneId))) {
          ids.push(config.privateDnsZoneId);
        }
      }
    }
  }
  return ids;
}

function zoneGroupIdOf(zoneId: string): GroupId {
  return groupIdOfZone(zoneLocationOf(zoneId).zoneName) ?? 'amlworkspace';
}

async function readEndpoint(
  connection: ArmConnection,
  endpointId: string,
  abortSignal?: AbortSignalLike,
): Promise<ArmPrivateEndpoint> {
  const parsed = parseResourceId(endpointId);
  return connection
    .forSubscription(parsed.subscriptionId)
    .network.privateEndpoints.get(parsed.resourceGroup ?? '', parsed.resources[0]?.name ?? '', { abortSignal });
}

function withGroupIds(
  dependents: readonly DependentResource[],
  endpoints: readonly (ArmPrivateEndpoint | undefined)[],
): DependentResource[] {
  return dependents.map((dependent) => ({
    ...dependent,
    privateEndpoints: dependent.privateEndpoints.map((endpoint) => {
      const read = endpoints.find((candidate) => candidate && sameResourceId(candidate.id, endpoint.id));
      return read ? { ...endpoint, groupIds: groupIdsOf(read) } : endpoint;
    }),
  }));
}

function projectSummaryOf(project: ArmWorkspace): ProjectSummary {
  return {
    id: project.id,
    name: project.name,
    workspaceId: project.properties?.workspaceId ?? '',
    ...(project.identity?.principalId ? { principalId: project.identity.principalId } : {}),
  };
}

function isComputeInstance(compute: ArmCompute): boolean {
  return (compute.properties?.computeType ?? '').toLowerCase() === 'computeinstance';
}

/** Each zone once (a zone group may point at a zone the candidate resource groups hold too). */
function uniqueZones(zones: readonly PrivateDnsZoneStatus[]): PrivateDnsZoneStatus[] {
  return zones.filter(
    (zone, index) =>
      zone.id === undefined ||
      zones.findIndex((other) => other.id !== undefined && sameResourceId(other.id, zone.id)) === index,
  );
}

/** Never throws but for cancellation: a scope whose assignments cannot be read says why. */
async function readRoleAssignments(
  connection: ArmConnection,
  scope: string,
  abortSignal?: AbortSignalLike,
): Promise<RoleAssignmentsRead> {
  try {
    return { assignments: await listRoleAssignmentsAt(connection, scope, abortSignal) };
  } catch (error) {
    const failure = toAzureAccessError(error);
    if (failure.kind === 'cancelled') throw failure;
    return { error: `${failure.userMessage} ${failure.action}` };
  }
}

function storageAccessOf(first: FirstRound, second: SecondRound, third: ThirdRound): StorageAccessFacts {
  const hub = first.workspaceRead.arm;
  const owned = (connections: readonly ArmWorkspaceConnection[], owner: string): StorageConnectionCandidate[] =>
    connections.map((workspaceConnection) => ({
      name: workspaceConnection.name,
      owner,
      ...workspaceConnection.properties,
    }));
  const reads = [second.storageRoles, ...third.endpointRoles];
  const failed = reads.find((read): read is { error: string } => 'error' in read);
  return {
    connections: [
      ...owned(first.hubExtras.connections, `hub ${hub.name} (shared with its projects)`),
      ...first.projects.flatMap((project, index) =>
        owned(second.projectConnections[index] ?? [], `project ${project.name}`),
      ),
    ],
    roleAssignments: reads.flatMap((read) => ('assignments' in read ? read.assignments : [])),
    ...(failed ? { roleAssignmentsReadError: failed.error } : {}),
  };
}
