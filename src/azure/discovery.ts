/**
 * Finds every hub, project and AI Services account across the selected subscriptions: one Resource Graph query
 * (batched by 1000 subscriptions, paged by $skipToken), or, where Resource Graph is unavailable, ARM lists per
 * subscription with a concurrency limit. One failing subscription never hides the others.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { ArmConnection } from './clients';
import { API_VERSIONS } from './apiVersions';
import { sendArm } from './armRequest';
import type { AzureAccessError } from './errors';
import { toAzureAccessError } from './errors';
import { listWorkspacesInSubscription } from './workspaceApi';
import type { ArmWorkspace } from './workspaceModels';
import { sameResourceId } from '../model/armIds';
import { mapWithConcurrency } from './concurrency';
import { collect } from './collect';

export type DiscoveredKind = 'hub' | 'project' | 'aiServices';

export interface DiscoveredResource {
  readonly id: string;
  readonly name: string;
  readonly kind: DiscoveredKind;
  readonly location: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
  readonly publicNetworkAccess: string | undefined;
  /** `networkAcls.defaultAction`: Deny means "selected networks" (AI Services accounts; workspaces in preview). */
  readonly networkDefaultAction: string | undefined;
  /** Projects: their hub. */
  readonly hubResourceId: string | undefined;
  /** Workspaces: the GUID in their DNS names. */
  readonly workspaceId: string | undefined;
}

export interface DiscoveredHub extends DiscoveredResource {
  readonly projects: readonly DiscoveredResource[];
}

export interface SubscriptionFailure {
  readonly subscriptionId: string;
  readonly error: AzureAccessError;
}

export interface DiscoveryResult {
  readonly hubs: readonly DiscoveredHub[];
  /** Projects whose hub is not in the selected subscriptions (or not readable). */
  readonly unmatchedProjects: readonly DiscoveredResource[];
  readonly aiServices: readonly DiscoveredResource[];
  readonly failures: readonly SubscriptionFailure[];
  readonly source: 'resourceGraph' | 'perSubscription';
  /** Set when Resource Graph failed and the ARM lists were used instead. */
  readonly resourceGraphError?: AzureAccessError;
}

export interface DiscoveryOptions {
  readonly abortSignal?: AbortSignalLike;
  /** Rows per Resource Graph page; ARG allows up to 1000. */
  readonly pageSize?: number;
  /** Subscriptions listed at once in the fallback. */
  readonly concurrency?: number;
}

/** ARG accepts at most 1000 subscriptions in one request. */
const RESOURCE_GRAPH_SUBSCRIPTION_LIMIT = 1000;

export const DISCOVERY_QUERY = [
  'resources',
  "| where (type =~ 'microsoft.machinelearningservices/workspaces' and kind in~ ('hub', 'project'))",
  "    or (type =~ 'microsoft.cognitiveservices/accounts' and kind =~ 'AIServices')",
  '| project id, name, type, kind, location, resourceGroup, subscriptionId,',
  '    hubResourceId = properties.hubResourceId,',
  '    publicNetworkAccess = properties.publicNetworkAccess,',
  '    networkDefaultAction = properties.networkAcls.defaultAction,',
  '    workspaceId = properties.workspaceId',
  '| order by id asc',
].join('\n');

interface ResourceGraphRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly kind?: string;
  readonly location?: string;
  readonly resourceGroup?: string;
  readonly subscriptionId?: string;
  readonly hubResourceId?: string;
  readonly publicNetworkAccess?: string;
  readonly networkDefaultAction?: string;
  readonly workspaceId?: string;
}

interface ResourceGraphResponse {
  readonly data?: readonly ResourceGraphRow[];
  readonly $skipToken?: string;
}

export async function discoverHubs(
  connection: ArmConnection,
  subscriptionIds: readonly string[],
  options: DiscoveryOptions = {},
): Promise<DiscoveryResult> {
  if (subscriptionIds.length === 0) {
    return { hubs: [], unmatchedProjects: [], aiServices: [], failures: [], source: 'resourceGraph' };
  }
  try {
    const rows = await queryResourceGraph(connection, subscriptionIds, options);
    return { ...groupResources(rows.map(resourceOfRow).filter(isDefined)), failures: [], source: 'resourceGraph' };
  } catch (error) {
    const resourceGraphError = toAzureAccessError(error, { resourceId: '/providers/Microsoft.ResourceGraph' });
    if (resourceGraphError.kind === 'cancelled' || resourceGraphError.kind === 'signInRequired') {
      throw resourceGraphError;
    }
    const fallback = await listPerSubscription(connection, subscriptionIds, options);
    return { ...fallback, resourceGraphError };
  }
}

async function queryResourceGraph(
  connection: ArmConnection,
  subscriptionIds: readonly string[],
  options: DiscoveryOptions,
): Promise<ResourceGraphRow[]> {
  const batches: string[][] = [];
  for (let start = 0; start < subscriptionIds.length; start += RESOURCE_GRAPH_SUBSCRIPTION_LIMIT) {
    batches.push(subscriptionIds.slice(start, start + RESOURCE_GRAPH_SUBSCRIPTION_LIMIT));
  }
  // Batches go in parallel: the sequential round trips are the pages, not the subscriptions.
  const pages = await Promise.all(batches.map((batch) => queryBatch(connection, batch, options)));
  return pages.flat();
}

async function queryBatch(
  connection: ArmConnection,
  subscriptions: string[],
  options: DiscoveryOptions,
): Promise<ResourceGraphRow[]> {
  const rows: ResourceGraphRow[] = [];
  let skipToken: string | undefined;
  do {
    const body = {
      subscriptions,
      query: DISCOVERY_QUERY,
      options: {
        $top: options.pageSize ?? 1000,
        resultFormat: 'objectArray',
        ...(skipToken ? { $skipToken: skipToken } : {}),
      },
    };
    const response = await sendArm<ResourceGraphResponse>(connection.arm, {
      method: 'POST',
      path: '/providers/Microsoft.ResourceGraph/resources',
      apiVersion: API_VERSIONS.resourceGraph,
      body,
      abortSignal: options.abortSignal,
    });
    rows.push(...(response.body.data ?? []));
    skipToken = response.body.$skipToken || undefined;
  } while (skipToken);
  return rows;
}

/** Columns projected from `properties.x` without an alias come back as `properties_x`; accept both. */
function column(
  row: ResourceGraphRow,
  name: 'hubResourceId' | 'publicNetworkAccess' | 'networkDefaultAction' | 'workspaceId',
): string | undefined {
  const value = row[name] ?? (row as unknown as Record<string, unknown>)[`properties_${name}`];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function resourceOfRow(row: ResourceGraphRow): DiscoveredResource | undefined {
  const kind = discoveredKind(row.type, row.kind);
  if (!kind) {
    return undefined;
  }
  return {
    id: row.id,
    name: row.name,
    kind,
    location: row.location ?? '',
    resourceGroup: row.resourceGroup ?? resourceGroupOf(row.id),
    subscriptionId: row.subscriptionId ?? row.id.split('/')[2] ?? '',
    publicNetworkAccess: column(row, 'publicNetworkAccess'),
    networkDefaultAction: column(row, 'networkDefaultAction'),
    hubResourceId: column(row, 'hubResourceId'),
    workspaceId: column(row, 'workspaceId'),
  };
}

function discoveredKind(type: string | undefined, kind: string | undefined): DiscoveredKind | undefined {
  const lowerType = (type ?? '').toLowerCase();
  const lowerKind = (kind ?? '').toLowerCase();
  if (
    lowerType === 'microsoft.machinelearningservices/workspaces' &&
    (lowerKind === 'hub' || lowerKind === 'project')
  ) {
    return lowerKind;
  }
  if (lowerType === 'microsoft.cognitiveservices/accounts' && lowerKind === 'aiservices') {
    return 'aiServices';
  }
  return undefined;
}

function resourceGroupOf(id: string): string {
  const match = /\/resourcegroups\/([^/]+)/i.exec(id);
  return match?.[1] ?? '';
}

function groupResources(
  resources: DiscoveredResource[],
): Pick<DiscoveryResult, 'hubs' | 'unmatchedProjects' | 'aiServices'> {
  const hubs = resources.filter((resource) => resource.kind === 'hub');
  const projects = resources.filter((resource) => resource.kind === 'project');
  const byHub = hubs.map((hub) => ({
    ...hub,
    projects: projects.filter((project) => sameResourceId(project.hubResourceId, hub.id)),
  }));
  const unmatchedProjects = projects.filter(
    (project) => !hubs.some((hub) => sameResourceId(project.hubResourceId, hub.id)),
  );
  return { hubs: byHub, unmatchedProjects, aiServices: resources.filter((resource) => resource.kind === 'aiServices') };
}

async function listPerSubscription(
  connection: ArmConnection,
  subscriptionIds: readonly string[],
  options: DiscoveryOptions,
): Promise<Omit<DiscoveryResult, 'resourceGraphError'>> {
  type Outcome =
    { subscriptionId: string; resources: DiscoveredResource[] } | { subscriptionId: string; failure: AzureAccessError };
  const outcomes = await mapWithConcurrency(
    subscriptionIds,
    options.concurrency ?? 4,
    async (subscriptionId): Promise<Outcome> => {
      try {
        return {
          subscriptionId,
          resources: await listOneSubscription(connection, subscriptionId, options.abortSignal),
        };
      } catch (error) {
        const failure = toAzureAccessError(error, { resourceId: `/subscriptions/${subscriptionId}` });
        if (failure.kind === 'cancelled') {
          throw failure;
        }
        return { subscriptionId, failure };
      }
    },
  );
  const resources = outcomes.flatMap((outcome) => ('resources' in outcome ? outcome.resources : []));
  const failures = outcomes.flatMap((outcome) =>
    'failure' in outcome ? [{ subscriptionId: outcome.subscriptionId, error: outcome.failure }] : [],
  );
  return { ...groupResources(resources), failures, source: 'perSubscription' };
}

async function listOneSubscription(
  connection: ArmConnection,
  subscriptionId: string,
  abortSignal?: AbortSignalLike,
): Promise<DiscoveredResource[]> {
  const clients = connection.forSubscription(subscriptionId);
  const [workspaces, accounts] = await Promise.all([
    listWorkspacesInSubscription(clients.machineLearning, subscriptionId, abortSignal),
    collect(clients.cognitiveServices.accounts.list({ abortSignal })),
  ]);
  const fromWorkspaces = workspaces.map((workspace) => resourceOfWorkspace(workspace, subscriptionId));
  const fromAccounts = accounts.map((account) =>
    resourceOfRow({
      id: account.id ?? '',
      name: account.name ?? '',
      type: account.type ?? 'Microsoft.CognitiveServices/accounts',
      kind: account.kind,
      location: account.location,
      subscriptionId,
      publicNetworkAccess: account.properties?.publicNetworkAccess,
      networkDefaultAction: account.properties?.networkAcls?.defaultAction,
    }),
  );
  return [...fromWorkspaces, ...fromAccounts].filter(isDefined);
}

function resourceOfWorkspace(workspace: ArmWorkspace, subscriptionId: string): DiscoveredResource | undefined {
  return resourceOfRow({
    id: workspace.id,
    name: workspace.name,
    type: workspace.type ?? 'Microsoft.MachineLearningServices/workspaces',
    kind: workspace.kind,
    location: workspace.location,
    subscriptionId,
    hubResourceId: workspace.properties?.hubResourceId,
    publicNetworkAccess: workspace.properties?.publicNetworkAccess,
    workspaceId: workspace.properties?.workspaceId,
  });
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
