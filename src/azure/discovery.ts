/**
 * Finds every hub, project and AI Services account across the selected subscriptions: one Resource Graph query (at
 * most two sequential rounds, within the user's quota: resourceGraphQuery.ts), or, where Resource Graph is unavailable,
 * ARM lists per subscription with a concurrency limit. One failing subscription never hides the others. Grouping is
 * linear: each id is normalised once and looked up in a map.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { ArmConnection } from './clients';
import type { AzureAccessError } from './errors';
import { toAzureAccessError } from './errors';
import { listWorkspacesInSubscription } from './workspaceApi';
import type { ArmWorkspace } from './workspaceModels';
import { mapWithConcurrency } from './concurrency';
import { collect } from './collect';
import { queryResourceGraph } from './resourceGraphQuery';

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

export async function discoverHubs(
  connection: ArmConnection,
  subscriptionIds: readonly string[],
  options: DiscoveryOptions = {},
): Promise<DiscoveryResult> {
  if (subscriptionIds.length === 0) {
    return { hubs: [], unmatchedProjects: [], aiServices: [], failures: [], source: 'resourceGraph' };
  }
  try {
    const rows = await queryResourceGraph<ResourceGraphRow>(connection, subscriptionIds, DISCOVERY_QUERY, options);
    return { ...groupResources(uniqueResources(rows)), failures: [], source: 'resourceGraph' };
  } catch (error) {
    const resourceGraphError = toAzureAccessError(error, { resourceId: '/providers/Microsoft.ResourceGraph' });
    if (resourceGraphError.kind === 'cancelled' || resourceGraphError.kind === 'signInRequired') {
      throw resourceGraphError;
    }
    const fallback = await listPerSubscription(connection, subscriptionIds, options);
    return { ...fallback, resourceGraphError };
  }
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

/** Rows of pages read in parallel can repeat when resources move between the reads: keep the first of each id. */
function uniqueResources(rows: readonly ResourceGraphRow[]): DiscoveredResource[] {
  const seen = new Set<string>();
  const resources: DiscoveredResource[] = [];
  for (const row of rows) {
    const resource = resourceOfRow(row);
    if (!resource) continue;
    const key = resourceIdKey(resource.id);
    if (seen.has(key)) continue;
    seen.add(key);
    resources.push(resource);
  }
  return resources;
}

/**
 * The key under which two spellings of one id meet: ARM ids compare case-insensitively, with or without surrounding
 * slashes (what sameResourceId decides for valid ids, without parsing each one).
 */
export function resourceIdKey(id: string): string {
  return `/${id
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase()}`;
}

/** Projects under their hubs in one pass over each list (input order kept). */
export function groupResources(
  resources: readonly DiscoveredResource[],
): Pick<DiscoveryResult, 'hubs' | 'unmatchedProjects' | 'aiServices'> {
  const hubs: { hub: DiscoveredResource; projects: DiscoveredResource[] }[] = [];
  const hubByKey = new Map<string, DiscoveredResource[]>();
  const projects: DiscoveredResource[] = [];
  const aiServices: DiscoveredResource[] = [];
  for (const resource of resources) {
    if (resource.kind === 'hub') {
      const entry = { hub: resource, projects: [] as DiscoveredResource[] };
      hubs.push(entry);
      const key = resourceIdKey(resource.id);
      if (!hubByKey.has(key)) hubByKey.set(key, entry.projects);
    } else if (resource.kind === 'project') projects.push(resource);
    else aiServices.push(resource);
  }
  const unmatchedProjects: DiscoveredResource[] = [];
  for (const project of projects) {
    const hubProjects = project.hubResourceId ? hubByKey.get(resourceIdKey(project.hubResourceId)) : undefined;
    if (hubProjects) hubProjects.push(project);
    else unmatchedProjects.push(project);
  }
  return { hubs: hubs.map(({ hub, projects: ofHub }) => ({ ...hub, projects: ofHub })), unmatchedProjects, aiServices };
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
