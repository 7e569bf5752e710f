import { type Reply, ArmError, parseArmPath, typeKey } from './arm';
import { isSupportedApiVersion, supportedApiVersions } from './apiVersions';
import type { RequestContext, ResourceTypeDefinition } from './context';
import { machineLearningDefinitions } from './providers/machineLearning';
import { operationDefinitions } from './providers/operations';
import { methodNotAllowed, requireSubscription, routeScopePath } from './providers/resources';
import { resourceGraphDefinition } from './providers/resourceGraph';
import { networkDefinitions } from './providers/network';
import { privateEndpointDefinitions } from './providers/privateEndpoints';
import { privateDnsDefinitions } from './providers/privateDns';
import { dataServiceDefinitions } from './providers/dataServices';
import { authorizationDefinitions } from './providers/authorization';

/** Reads a resource as GET shows it, for the final answer of an LRO polled through Location. */
function readResource(context: RequestContext, id: string): Reply {
  const path = parseArmPath(id);
  return dispatch({
    ...context,
    method: 'GET',
    path,
    query: new URLSearchParams({ 'api-version': context.apiVersion }),
    body: undefined,
    headers: {},
  });
}

const definitions: ResourceTypeDefinition[] = [
  ...machineLearningDefinitions,
  ...networkDefinitions,
  ...privateEndpointDefinitions,
  ...privateDnsDefinitions,
  ...dataServiceDefinitions,
  ...authorizationDefinitions,
  resourceGraphDefinition,
  ...operationDefinitions(readResource),
];

const byType = new Map(definitions.map((definition) => [definition.type.toLowerCase(), definition]));

export const registeredTypes = (): string[] => definitions.map((definition) => definition.type);

/** Routes one ARM request (authenticated, api-version present) to its provider. */
export function dispatch(context: RequestContext): Reply {
  const scopeReply = routeScopePath(context);
  if (scopeReply) return scopeReply;
  const key = typeKey(context.path);
  const definition = byType.get(key);
  if (!definition) {
    throw new ArmError(
      400,
      'InvalidResourceType',
      `The resource type '${context.path.types.join('/')}' could not be found in the namespace '${context.path.namespace ?? ''}' for api version '${context.apiVersion}'.`,
    );
  }
  if (!context.seeding && !isSupportedApiVersion(key, context.apiVersion)) {
    const supported = supportedApiVersions(key).join(', ');
    throw new ArmError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'global' and API version '${context.apiVersion}' for type '${context.path.types.join('/')}'. The supported api-versions are '${supported}'.`,
    );
  }
  if (context.path.subscriptionId) requireSubscription(context);
  if (
    context.path.resourceGroup &&
    !context.store.has(`/subscriptions/${context.path.subscriptionId}/resourceGroups/${context.path.resourceGroup}`)
  ) {
    throw new ArmError(
      404,
      'ResourceGroupNotFound',
      `Resource group '${context.path.resourceGroup}' could not be found.`,
    );
  }
  const writing = ['PUT', 'PATCH', 'DELETE'].includes(context.method) && !context.path.isCollection;
  if (writing && !context.seeding && context.lro.inProgress(`/${context.path.segments.join('/')}`)) {
    throw new ArmError(
      409,
      'AnotherOperationInProgress',
      `Another operation on '${context.path.names.join('/')}' is in progress. Retry when it has finished.`,
      undefined,
      { 'Retry-After': '1' },
    );
  }
  return handlerFor(context, definition)(context);
}

function handlerFor(context: RequestContext, definition: ResourceTypeDefinition): (context: RequestContext) => Reply {
  const handler = context.path.isCollection
    ? { GET: definition.list, POST: definition.post }[context.method]
    : {
        GET: definition.get,
        PUT: definition.put,
        PATCH: definition.patch,
        DELETE: definition.delete,
        POST: definition.post,
      }[context.method];
  if (!handler) throw methodNotAllowed(context);
  return handler;
}

/** Whether the emulator has a handler for this method on this ARM path (scope paths always route). */
export function handles(method: string, pathname: string): boolean {
  const path = parseArmPath(pathname);
  if (path.namespace === undefined) return true;
  const definition = byType.get(typeKey(path));
  if (!definition) return false;
  const methods = path.isCollection
    ? { GET: definition.list, POST: definition.post }
    : {
        GET: definition.get,
        PUT: definition.put,
        PATCH: definition.patch,
        DELETE: definition.delete,
        POST: definition.post,
      };
  return methods[method.toUpperCase() as keyof typeof methods] !== undefined;
}
