import { type ArmResource, type Reply } from './arm';
import { type RequestContext, itemReply } from './context';
import { type Operation, type OperationError, RETRY_AFTER_SECONDS } from './lro';

/** How a resource type answers an async write; each family of RPs does it differently (azure-semantics.md). */
export interface LroShape {
  /** Status when the resource is new / already existed. */
  createdStatus: 200 | 201 | 202;
  updatedStatus: 200 | 201 | 202;
  /** Send the in-progress resource as the body (201/200), or nothing (202). */
  withBody: boolean;
  /** Also send the body with a 202 (Cognitive Services answers a PATCH 202 with the resource, Accepted). */
  bodyWithAccepted?: boolean;
  asyncOperation: boolean;
  location: boolean;
}

/** The polling URLs of one resource-provider family. */
export interface LroUrls {
  asyncOperation(context: RequestContext, operation: Operation, location: string): string;
  location(context: RequestContext, operation: Operation, location: string): string;
}

export interface BeginOptions {
  method: 'PUT' | 'PATCH' | 'DELETE' | 'POST';
  resource: ArmResource;
  existed: boolean;
  shape: LroShape;
  urls: LroUrls;
  /** What a DELETE does when it succeeds; by default the resource leaves the store. */
  remove?: () => void;
  /** Accepted, but the operation ends Failed with this error and changes nothing. */
  failWith?: OperationError;
  /** The final answer of a Location poll, when it is not the resource itself. */
  finalReply?: () => Reply;
  /** What a write that succeeds does; by default provisioningState becomes Succeeded. */
  onSuccess?: () => void;
}

/**
 * Starts an LRO and builds its first reply: status, body and the polling headers with an integer Retry-After.
 * A write that succeeds leaves provisioningState Succeeded; any operation that fails leaves it Failed.
 */
export function beginOperation(context: RequestContext, options: BeginOptions): Reply {
  const id = options.resource.id;
  const operation = context.lro.start({
    method: options.method,
    resourceId: id,
    onSuccess:
      options.method === 'DELETE'
        ? (options.remove ?? (() => context.store.delete(id)))
        : (options.onSuccess ?? (() => settleProvisioningState(context, id, 'Succeeded'))),
    onFailure: () => settleProvisioningState(context, id, 'Failed'),
    failing: context.failNextLro,
    ...(options.failWith ? { failWith: options.failWith } : {}),
    ...(options.finalReply ? { finalReply: options.finalReply } : {}),
  });
  const location =
    options.resource.location && options.resource.location !== 'global' ? options.resource.location : 'global';
  const headers: Record<string, string> = { 'Retry-After': RETRY_AFTER_SECONDS };
  if (options.shape.asyncOperation)
    headers['Azure-AsyncOperation'] = options.urls.asyncOperation(context, operation, location);
  if (options.shape.location) headers.Location = options.urls.location(context, operation, location);
  const status = options.existed ? options.shape.updatedStatus : options.shape.createdStatus;
  const withBody = options.shape.withBody && (status !== 202 || options.shape.bodyWithAccepted === true);
  return { status, headers, ...(withBody ? { body: options.resource } : {}) };
}

/** Stores a write with its in-progress provisioningState and starts its LRO; while seeding, it is done at once. */
export function beginWrite(
  context: RequestContext,
  resource: ArmResource,
  options: {
    method: 'PUT' | 'PATCH';
    existed: boolean;
    shape: LroShape;
    urls: LroUrls;
    runningState: 'Creating' | 'Updating';
  },
): Reply {
  const stored = context.store.put({
    ...resource,
    properties: { ...resource.properties, provisioningState: context.seeding ? 'Succeeded' : options.runningState },
  });
  if (context.seeding) return itemReply(stored, options.existed ? 200 : 201);
  return beginOperation(context, { ...options, resource: stored });
}

/** Marks the resource Deleting and starts the DELETE's LRO; while seeding, it is removed at once. */
export function beginDelete(
  context: RequestContext,
  resource: ArmResource,
  options: { shape: LroShape; urls: LroUrls; remove?: () => void },
): Reply {
  const remove = options.remove ?? (() => context.store.delete(resource.id));
  if (context.seeding) {
    remove();
    return { status: 200 };
  }
  context.store.put({ ...resource, properties: { ...resource.properties, provisioningState: 'Deleting' } });
  return beginOperation(context, { method: 'DELETE', resource, existed: true, ...options, remove });
}

const versionQuery = (context: RequestContext): string => `api-version=${encodeURIComponent(context.apiVersion)}`;
const subscriptionPrefix = (context: RequestContext): string =>
  `${context.baseUrl}/subscriptions/${context.path.subscriptionId}`;

export const networkUrls: LroUrls = {
  asyncOperation: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.Network/locations/${location}/operations/${operation.id}?${versionQuery(context)}`,
  location: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.Network/locations/${location}/operationResults/${operation.id}?${versionQuery(context)}`,
};

export const privateDnsUrls: LroUrls = {
  asyncOperation: (context, operation) =>
    `${subscriptionPrefix(context)}/resourceGroups/${context.path.resourceGroup}/providers/Microsoft.Network/privateDnsOperationStatuses/${operation.id}?${versionQuery(context)}`,
  location: (context, operation) =>
    `${subscriptionPrefix(context)}/resourceGroups/${context.path.resourceGroup}/providers/Microsoft.Network/privateDnsOperationResults/${operation.id}?${versionQuery(context)}`,
};

export const machineLearningUrls: LroUrls = {
  asyncOperation: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.MachineLearningServices/locations/${location}/workspaceOperationsStatus/${operation.id}?${versionQuery(context)}&type=async`,
  location: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.MachineLearningServices/locations/${location}/workspaceOperationsStatus/${operation.id}?${versionQuery(context)}&type=location`,
};

export const storageUrls: LroUrls = {
  asyncOperation: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.Storage/locations/${location}/asyncoperations/${operation.id}?monitor=false&${versionQuery(context)}`,
  location: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.Storage/locations/${location}/asyncoperations/${operation.id}?monitor=true&${versionQuery(context)}`,
};

export const containerRegistryUrls: LroUrls = {
  asyncOperation: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.ContainerRegistry/locations/${location}/operationStatuses/${operation.id}?${versionQuery(context)}`,
  location: (context, operation, location) =>
    `${subscriptionPrefix(context)}/providers/Microsoft.ContainerRegistry/locations/${location}/operationResults/${operation.id}?${versionQuery(context)}`,
};

/** Cognitive Services polls through one URL with an upper-case region and its own, older api-version. */
export const COGNITIVE_SERVICES_OPERATIONS_VERSION = '2017-04-18';
const cognitiveServicesOperation = (context: RequestContext, operation: Operation, location: string): string =>
  `${subscriptionPrefix(context)}/providers/Microsoft.CognitiveServices/locations/${location.toUpperCase()}/operationResults/${operation.id}?api-version=${COGNITIVE_SERVICES_OPERATIONS_VERSION}`;
export const cognitiveServicesUrls: LroUrls = {
  asyncOperation: cognitiveServicesOperation,
  location: (context, operation, location) =>
    `${cognitiveServicesOperation(context, operation, location)}&operationResultResponseType=Location`,
};

/** Sets provisioningState on the stored resource, if it still exists. */
function settleProvisioningState(context: RequestContext, id: string, state: 'Succeeded' | 'Failed'): void {
  const stored = context.store.get(id);
  if (!stored) return;
  context.store.put({ ...stored, properties: { ...stored.properties, provisioningState: state } });
}
