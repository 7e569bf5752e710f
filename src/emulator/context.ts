import type { IncomingHttpHeaders } from 'node:http';
import { type ArmResource, type ParsedPath, type Reply, ArmError, BareArmError, isRecord, notFound } from './arm';
import type { LroEngine } from './lro';
import type { ResourceGraphQuotas } from './providers/resourceGraphQuota';
import type { ResourceStore } from './store';

/** Everything a provider handler sees of one request. */
export interface RequestContext {
  method: string;
  path: ParsedPath;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  apiVersion: string;
  /** `https://127.0.0.1:PORT`, for the URLs in LRO headers and nextLinks. */
  baseUrl: string;
  store: ResourceStore;
  lro: LroEngine;
  /** True while the seed is applied: keeps ids, GUIDs and principal ids the seed gives, and skips LROs. */
  seeding: boolean;
  /** A `lroFailed` fault matched: the LRO this request starts ends Failed. */
  failNextLro: boolean;
  tenantId: string;
  /** Items per list page when the request gives no `$top` (ARM's default is 100; tests set less to see paging). */
  listPageSize: number;
  /** Resource Graph's per-user query quota. */
  resourceGraphQuotas: ResourceGraphQuotas;
}

export type Handler = (context: RequestContext) => Reply;

/** One ARM resource type and what each method does on it. A collection path calls `list` (GET) or `post` (POST). */
export interface ResourceTypeDefinition {
  /** Canonical type, e.g. `Microsoft.Network/privateEndpoints`; ids are built with this casing. */
  type: string;
  get?: Handler;
  put?: Handler;
  patch?: Handler;
  delete?: Handler;
  list?: Handler;
  post?: Handler;
}

export function resourceGroupId(context: RequestContext): string {
  const { subscriptionId, resourceGroup } = context.path;
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  const stored = context.store.get(id);
  if (!stored)
    throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
  return stored.id;
}

/** The canonical id of the resource the path names (scope casing from the store, type casing from the definition). */
export function resourceIdOf(
  context: RequestContext,
  definition: ResourceTypeDefinition,
  names = context.path.names,
): string {
  const scope =
    context.path.resourceGroup && context.path.scopeSegments.length === 4
      ? resourceGroupId(context)
      : `/${context.path.scopeSegments.join('/')}`;
  const [namespace, ...types] = definition.type.split('/');
  const tail = types.map((type, index) => `${type}/${names[index]}`).join('/');
  return `${scope}/providers/${namespace}/${tail}`;
}

/** The parent resource of a child path (e.g. the endpoint of a zone group); 404 if it does not exist. */
export function requireParent(context: RequestContext, parentDefinition: ResourceTypeDefinition): ArmResource {
  const id = resourceIdOf(
    context,
    parentDefinition,
    context.path.names.slice(0, parentDefinition.type.split('/').length - 1),
  );
  const parent = context.store.get(id);
  if (!parent) {
    const [, ...types] = parentDefinition.type.split('/');
    throw new ArmError(
      404,
      'ParentResourceNotFound',
      `Can not perform requested operation on nested resource. Parent resource '${context.path.names.slice(0, types.length).join('/')}' not found.`,
    );
  }
  return parent;
}

export function requireResource(context: RequestContext, id: string): ArmResource {
  const found = context.store.get(id);
  if (!found) {
    const parts = id.split('/');
    const providers = parts.findIndex((part) => part.toLowerCase() === 'providers');
    const type = parts
      .slice(providers + 1)
      .filter((_, index) => index === 0 || index % 2 === 1)
      .join('/');
    throw notFound(type, parts[parts.length - 1], context.path.resourceGroup ?? '');
  }
  return found;
}

/**
 * `If-None-Match: *` on an existing resource, or `If-Match` with another etag: 412 PreconditionFailed, in ARM's
 * envelope or (`bare`, Private DNS record sets) as a bare `{code, message}`.
 */
export function checkPreconditions(
  context: RequestContext,
  existing: ArmResource | undefined,
  options: { bare?: boolean } = {},
): void {
  const failed = (message: string): ArmError =>
    options.bare
      ? new BareArmError(412, 'PreconditionFailed', message)
      : new ArmError(412, 'PreconditionFailed', message);
  const ifNoneMatch = header(context, 'if-none-match');
  const ifMatch = header(context, 'if-match');
  if (ifNoneMatch === '*' && existing) {
    throw failed(`The resource '${existing.name}' exists already and hence cannot be created again.`);
  }
  if (ifMatch !== undefined) {
    if (!existing) throw failed(`The resource does not exist, so If-Match '${ifMatch}' cannot match.`);
    if (ifMatch !== '*' && normalizeEtag(ifMatch) !== normalizeEtag(existing.etag ?? '')) {
      throw failed(
        `The resource '${existing.name}' has been modified (etag mismatch): the current etag is ${existing.etag}.`,
      );
    }
  }
}

const normalizeEtag = (etag: string): string => etag.replace(/^W\//, '').replace(/"/g, '').trim();

export function header(context: RequestContext, name: string): string | undefined {
  const value = context.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function requestBody(context: RequestContext): Record<string, unknown> {
  if (!isRecord(context.body))
    throw new ArmError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized: expected a JSON object.',
    );
  return context.body;
}

export const propertiesOf = (body: Record<string, unknown>): Record<string, unknown> =>
  isRecord(body.properties) ? body.properties : {};

export function requireLocation(body: Record<string, unknown>): string {
  if (typeof body.location !== 'string' || body.location.length === 0) {
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  }
  return body.location;
}

/** Azure normalizes locations to lower case without spaces ("East US" → "eastus"). */
export const normalizeLocation = (location: string): string => location.toLowerCase().replace(/\s+/g, '');

export const itemReply = (resource: ArmResource, status = 200): Reply => ({
  status,
  body: resource,
  headers: resource.etag ? { ETag: resource.etag } : {},
});

export const listReply = (value: unknown[]): Reply => ({ status: 200, body: { value } });

/** A list page with `nextLink` (`$skipToken` is the offset), as ARM pages long lists; `$top` sets the page size. */
export function pagedListReply(context: RequestContext, items: unknown[]): Reply {
  const pageSize = Number(context.query.get('$top') ?? '') || context.listPageSize;
  const offset = Number(context.query.get('$skipToken') ?? '0') || 0;
  const page = items.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = { value: page };
  if (offset + pageSize < items.length) {
    const next = new URLSearchParams(context.query);
    next.set('$skipToken', String(offset + pageSize));
    body.nextLink = `${context.baseUrl}/${context.path.segments.map(encodeURIComponent).join('/')}?${next.toString()}`;
  }
  return { status: 200, body };
}

/** The resources of one type in the request's scope (a resource group, or the whole subscription). */
export function inScope(context: RequestContext, type: string): ArmResource[] {
  return context.store.ofTypeUnder(type, `/${context.path.scopeSegments.join('/')}`);
}
