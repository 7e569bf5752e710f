/**
 * ARM resource ids: parse, build, compare. ARM treats provider namespaces, types and names case-insensitively, and
 * ids arrive with `resourcegroups` as often as `resourceGroups`, so every comparison here ignores case.
 */

export interface ResourceTypeAndName {
  /** The type segment, e.g. `privateEndpoints` or `privateDnsZoneGroups`. */
  readonly type: string;
  readonly name: string;
}

export interface ResourceId {
  readonly subscriptionId: string;
  /** Undefined for subscription-level resources. */
  readonly resourceGroup: string | undefined;
  /** E.g. `Microsoft.Network`; undefined for a subscription or resource group id. */
  readonly provider: string | undefined;
  /** The type/name chain after the provider; children follow their parent. */
  readonly resources: readonly ResourceTypeAndName[];
}

export class InvalidResourceIdError extends Error {
  constructor(
    readonly resourceId: string,
    reason: string,
  ) {
    super(`"${resourceId}" is not an Azure resource id: ${reason}.`);
    this.name = 'InvalidResourceIdError';
  }
}

/**
 * `text` without leading and trailing slashes. A loop rather than /^\/+|\/+$/: that regular expression retries at
 * every slash of a long run that is not at the end, which is quadratic on an id a hostile endpoint sends.
 */
export function withoutSurroundingSlashes(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === 0x2f) start++;
  return withoutTrailingSlashes(text.slice(start));
}

/** `text` without trailing slashes, in linear time (see withoutSurroundingSlashes). */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  return text.slice(0, end);
}

/** Parses an id, or returns undefined when it is not one. */
export function tryParseResourceId(id: string): ResourceId | undefined {
  try {
    return parseResourceId(id);
  } catch {
    return undefined;
  }
}

export function parseResourceId(id: string): ResourceId {
  const segments = withoutSurroundingSlashes(id.trim()).split('/');
  if (segments.length < 2 || segments[0]?.toLowerCase() !== 'subscriptions' || !segments[1]) {
    throw new InvalidResourceIdError(id, 'it must start with /subscriptions/<subscription id>');
  }
  if (segments.some((segment) => segment === '')) {
    throw new InvalidResourceIdError(id, 'it has an empty segment');
  }
  const subscriptionId = segments[1];
  let index = 2;
  let resourceGroup: string | undefined;
  if (segments[index]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = segments[index + 1];
    if (!resourceGroup) {
      throw new InvalidResourceIdError(id, 'the resource group name is missing');
    }
    index += 2;
  }
  if (index === segments.length) {
    return { subscriptionId, resourceGroup, provider: undefined, resources: [] };
  }
  if (segments[index]?.toLowerCase() !== 'providers' || !segments[index + 1]) {
    throw new InvalidResourceIdError(id, 'expected /providers/<namespace> after the resource group');
  }
  const provider = segments[index + 1];
  const rest = segments.slice(index + 2);
  if (rest.length === 0 || rest.length % 2 !== 0) {
    throw new InvalidResourceIdError(id, 'every resource type needs a name');
  }
  const resources: ResourceTypeAndName[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    resources.push({ type: rest[i] as string, name: rest[i + 1] as string });
  }
  return { subscriptionId, resourceGroup, provider, resources };
}

/** Builds the canonical spelling (`resourceGroups`, `providers`). */
export function formatResourceId(id: ResourceId): string {
  let text = `/subscriptions/${id.subscriptionId}`;
  if (id.resourceGroup !== undefined) {
    text += `/resourceGroups/${id.resourceGroup}`;
  }
  if (id.provider !== undefined) {
    text += `/providers/${id.provider}`;
    for (const resource of id.resources) {
      text += `/${resource.type}/${resource.name}`;
    }
  }
  return text;
}

/** `/subscriptions/{s}/resourceGroups/{g}/providers/{provider}/{type}/{name}[/{childType}/{childName}…]`. */
export function buildResourceId(
  subscriptionId: string,
  resourceGroup: string,
  provider: string,
  ...resources: ResourceTypeAndName[]
): string {
  return formatResourceId({ subscriptionId, resourceGroup, provider, resources });
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return formatResourceId({ subscriptionId, resourceGroup, provider: undefined, resources: [] });
}

/** A child of an existing resource id, e.g. a zone group of a private endpoint. */
export function childResourceId(parentId: string, type: string, name: string): string {
  const parent = parseResourceId(parentId);
  return formatResourceId({ ...parent, resources: [...parent.resources, { type, name }] });
}

/** The parent resource of a child id, or undefined for a top-level resource. */
export function parentResourceId(id: string): string | undefined {
  const parsed = parseResourceId(id);
  if (parsed.resources.length < 2) {
    return undefined;
  }
  return formatResourceId({ ...parsed, resources: parsed.resources.slice(0, -1) });
}

/** `Microsoft.Network/privateEndpoints/privateDnsZoneGroups` for a zone group id. */
export function resourceTypeOf(id: ResourceId): string | undefined {
  if (id.provider === undefined) {
    return undefined;
  }
  return [id.provider, ...id.resources.map((resource) => resource.type)].join('/');
}

/** The last name in the id: the resource's own name. */
export function resourceNameOf(id: string): string {
  const parsed = parseResourceId(id);
  const last = parsed.resources[parsed.resources.length - 1];
  return last?.name ?? parsed.resourceGroup ?? parsed.subscriptionId;
}

/** Whether an id is of the given full type, ignoring case. */
export function isResourceType(id: string, resourceType: string): boolean {
  const parsed = tryParseResourceId(id);
  const type = parsed && resourceTypeOf(parsed);
  return type !== undefined && type.toLowerCase() === resourceType.toLowerCase();
}

/** ARM ids are case-insensitive; compare them that way (and tolerate a trailing slash). */
export function sameResourceId(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) {
    return false;
  }
  return normalizeForComparison(a) === normalizeForComparison(b);
}

function normalizeForComparison(id: string): string {
  const parsed = tryParseResourceId(id);
  return (parsed ? formatResourceId(parsed) : id.trim()).toLowerCase();
}

/** The virtual network of a subnet id. */
export function virtualNetworkIdOfSubnet(subnetId: string): string {
  const parsed = parseResourceId(subnetId);
  if (!isResourceType(subnetId, 'Microsoft.Network/virtualNetworks/subnets')) {
    throw new InvalidResourceIdError(subnetId, 'it is not a subnet id');
  }
  return formatResourceId({ ...parsed, resources: parsed.resources.slice(0, 1) });
}

/** One id is the other, or one contains the other (a zone and its link, a resource group and its resources). */
export function relatedResourceIds(a: string, b: string): boolean {
  const left = withoutTrailingSlashes(a.trim()).toLowerCase();
  const right = withoutTrailingSlashes(b.trim()).toLowerCase();
  return left === right || left.startsWith(`${right}/`) || right.startsWith(`${left}/`);
}
