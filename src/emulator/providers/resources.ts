import { type ArmResource, type Reply, ArmError, isRecord, systemData } from '../arm';
import {
  type RequestContext,
  checkPreconditions,
  itemReply,
  listReply,
  normalizeLocation,
  requestBody,
  requireLocation,
} from '../context';
import { supportedApiVersions } from '../apiVersions';
import { RETRY_AFTER_SECONDS, locationPollReply } from '../lro';
import type { SubscriptionRecord } from '../store';

/** Paths without `/providers/`: subscriptions, tenants, resource groups, generic resource lists. */
export function routeScopePath(context: RequestContext): Reply | undefined {
  const lower = context.path.scopeSegments.map((segment) => segment.toLowerCase());
  if (context.path.namespace !== undefined) return undefined;
  checkResourcesApiVersion(context);
  if (lower.length === 1 && lower[0] === 'tenants')
    return listReply([
      {
        id: `/tenants/${context.tenantId}`,
        tenantId: context.tenantId,
        tenantCategory: 'Home',
        displayName: 'Emulator tenant',
        defaultDomain: 'emulator.local',
        domains: ['emulator.local'],
      },
    ]);
  if (lower[0] !== 'subscriptions') return undefined;
  if (lower.length === 1)
    return expectGet(context, () =>
      listReply(context.store.subscriptions.map((subscription) => subscriptionBody(context, subscription))),
    );
  const subscription = requireSubscription(context);
  if (lower.length === 2)
    return expectGet(context, () => ({ status: 200, body: subscriptionBody(context, subscription) }));
  if (lower[2] === 'resourcegroups' && lower.length === 3)
    return expectGet(context, () => listReply(resourceGroupsOf(context)));
  if (lower[2] === 'resourcegroups' && lower.length === 4) return resourceGroup(context);
  if (lower[2] === 'operationresults' && lower.length === 4) return resourceGroupDeletePoll(context);
  if (lower[2] === 'locations' && lower.length === 3)
    return expectGet(context, () => listReply(LOCATIONS.map((name) => locationBody(context, name))));
  const resourcesAt = lower[2] === 'resources' ? 3 : lower[2] === 'resourcegroups' && lower[4] === 'resources' ? 5 : -1;
  if (resourcesAt === lower.length) return expectGet(context, () => genericList(context));
  return undefined;
}

function checkResourcesApiVersion(context: RequestContext): void {
  const supported = supportedApiVersions('microsoft.resources');
  if (context.seeding || supported.includes(context.apiVersion.toLowerCase())) return;
  throw new ArmError(
    400,
    'InvalidApiVersionParameter',
    `The api-version '${context.apiVersion}' is invalid. The supported versions are '${supported.join(',')}'.`,
  );
}

const LOCATIONS = ['eastus', 'eastus2', 'westus2', 'westeurope', 'northeurope', 'swedencentral', 'uksouth'];

export function requireSubscription(context: RequestContext): SubscriptionRecord {
  const subscription = context.store.subscription(context.path.subscriptionId);
  if (!subscription)
    throw new ArmError(
      404,
      'SubscriptionNotFound',
      `The subscription '${context.path.subscriptionId}' could not be found.`,
    );
  return subscription;
}

function expectGet(context: RequestContext, reply: () => Reply): Reply {
  if (context.method !== 'GET') throw methodNotAllowed(context);
  return reply();
}

export const methodNotAllowed = (context: RequestContext): ArmError =>
  new ArmError(
    405,
    'MethodNotAllowed',
    `The requested method '${context.method}' is not allowed on '/${context.path.segments.join('/')}'.`,
  );

function subscriptionBody(context: RequestContext, subscription: SubscriptionRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId ?? context.tenantId,
    displayName: subscription.displayName,
    state: subscription.state ?? 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

const locationBody = (context: RequestContext, name: string): Record<string, unknown> => ({
  id: `/subscriptions/${context.path.subscriptionId}/locations/${name}`,
  name,
  displayName: name,
  regionalDisplayName: name,
  metadata: { regionType: 'Physical', regionCategory: 'Recommended' },
});

const resourceGroupsOf = (context: RequestContext): ArmResource[] =>
  context.store
    .ofType('Microsoft.Resources/resourceGroups')
    .filter((group) => group.id.toLowerCase().startsWith(`/subscriptions/${context.path.subscriptionId}/`));

function resourceGroup(context: RequestContext): Reply {
  const id = `/subscriptions/${context.path.subscriptionId}/resourceGroups/${context.path.resourceGroup}`;
  const existing = context.store.get(id);
  const missing = (): ArmError =>
    new ArmError(404, 'ResourceGroupNotFound', `Resource group '${context.path.resourceGroup}' could not be found.`);
  switch (context.method) {
    case 'HEAD':
      return { status: existing ? 204 : 404 };
    case 'GET':
      if (!existing) throw missing();
      return itemReply(existing);
    case 'PUT':
    case 'PATCH': {
      checkPreconditions(context, existing);
      if (!existing && context.method === 'PATCH') throw missing();
      const body = requestBody(context);
      const location = existing?.location ?? normalizeLocation(requireLocation(body));
      const group: ArmResource = {
        id: existing?.id ?? id,
        name: existing?.name ?? context.path.resourceGroup ?? '',
        type: 'Microsoft.Resources/resourceGroups',
        location,
        tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (existing?.tags ?? {}),
        properties: { provisioningState: 'Succeeded' },
      };
      const stored = context.store.put(group);
      const { etag: _etag, ...withoutEtag } = stored;
      return { status: existing ? 200 : 201, body: withoutEtag };
    }
    case 'DELETE': {
      if (!existing) throw missing();
      const operation = context.lro.start({
        method: 'DELETE',
        resourceId: existing.id,
        onSuccess: () => context.store.delete(existing.id),
        onFailure: () => undefined,
        failing: context.failNextLro,
      });
      const location = `${context.baseUrl}/subscriptions/${context.path.subscriptionId}/operationresults/${operation.id}?api-version=${context.apiVersion}`;
      return { status: 202, headers: { Location: location, 'Retry-After': RETRY_AFTER_SECONDS } };
    }
    default:
      throw methodNotAllowed(context);
  }
}

function resourceGroupDeletePoll(context: RequestContext): Reply {
  const id = context.path.scopeSegments[3];
  const self = `${context.baseUrl}/${context.path.segments.map(encodeURIComponent).join('/')}?api-version=${context.apiVersion}`;
  return locationPollReply(context.lro.poll(id), id, self, () => ({ status: 200 }));
}

/** `$filter` clauses of the generic list: `resourceType`, `resourceGroup` and `name`, each `eq '…'`, joined by `and`. */
const FILTER_CLAUSE = /^(resourceType|resourceGroup|name)\s+eq\s+'([^']*)'$/i;

function resourceFilter(filter: string | null): (resource: ArmResource) => boolean {
  if (!filter) return () => true;
  const clauses = filter
    .trim()
    .split(/\s+and\s+/i)
    .map((clause) => FILTER_CLAUSE.exec(clause.trim()));
  if (clauses.some((clause) => clause === null))
    throw new ArmError(
      400,
      'InvalidFilterInQueryString',
      `The emulator supports only resourceType, resourceGroup and name eq '<value>' joined by 'and', not '${filter}'.`,
    );
  const valueOf: Record<string, (resource: ArmResource) => string> = {
    resourcetype: (resource) => resource.type,
    resourcegroup: (resource) => resource.id.split('/')[4] ?? '',
    name: (resource) => resource.name,
  };
  return (resource) =>
    clauses.every((clause) => valueOf[clause![1].toLowerCase()](resource).toLowerCase() === clause![2].toLowerCase());
}

/** `GET .../resources`: top-level resources in the scope, with `$filter` (see resourceFilter). */
function genericList(context: RequestContext): Reply {
  const scope = context.path.resourceGroup
    ? `/subscriptions/${context.path.subscriptionId}/resourceGroups/${context.path.resourceGroup}`
    : `/subscriptions/${context.path.subscriptionId}`;
  const matches = resourceFilter(context.query.get('$filter'));
  const resources = context.store
    .under(scope)
    .filter((resource) => resource.id.split('/').length === 9 && resource.type !== 'Microsoft.Resources/resourceGroups')
    .filter(matches)
    .map(({ properties: _properties, etag: _etag, systemData: _systemData, ...summary }) => summary);
  return listReply(resources);
}

export function newResourceGroup(subscriptionId: string, name: string, location: string): ArmResource {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`,
    name,
    type: 'Microsoft.Resources/resourceGroups',
    location,
    properties: { provisioningState: 'Succeeded' },
    systemData: systemData(),
  };
}
