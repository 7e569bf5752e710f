import type { Reply } from '../arm';
import type { RequestContext, ResourceTypeDefinition } from '../context';
import { locationPollReply, statusPollReply } from '../lro';

/** Reads the resource as a GET would show it: the final answer of a PUT polled through `Location`. */
export type ResourceReader = (context: RequestContext, id: string) => Reply;

const selfUrl = (context: RequestContext): string => {
  const query = new URLSearchParams(context.query);
  return `${context.baseUrl}/${context.path.segments.map(encodeURIComponent).join('/')}?${query.toString()}`;
};

const operationId = (context: RequestContext): string => context.path.names[context.path.names.length - 1];

function statusRoute(type: string): ResourceTypeDefinition {
  return { type, get: (context) => statusPollReply(context.lro.get(operationId(context)), operationId(context)) };
}

function locationRoute(type: string, readResource: ResourceReader, deleteStatus: 200 | 204): ResourceTypeDefinition {
  return {
    type,
    get: (context) => {
      const id = operationId(context);
      const operation = context.lro.get(id);
      return locationPollReply(operation, id, selfUrl(context), () =>
        operation?.method === 'DELETE' ? { status: deleteStatus } : readResource(context, operation?.resourceId ?? ''),
      );
    },
  };
}

/** One route that answers both ways, told apart by a query parameter (ML `type=location`, Storage `monitor=true`). */
function dualRoute(
  type: string,
  readResource: ResourceReader,
  isLocation: (context: RequestContext) => boolean,
): ResourceTypeDefinition {
  const status = statusRoute(type);
  const location = locationRoute(type, readResource, 200);
  return { type, get: (context) => (isLocation(context) ? location.get!(context) : status.get!(context)) };
}

/** The operation-status and operation-result resources each provider family polls through. */
export function operationDefinitions(readResource: ResourceReader): ResourceTypeDefinition[] {
  return [
    statusRoute('Microsoft.Network/locations/operations'),
    locationRoute('Microsoft.Network/locations/operationResults', readResource, 204),
    statusRoute('Microsoft.Network/privateDnsOperationStatuses'),
    locationRoute('Microsoft.Network/privateDnsOperationResults', readResource, 204),
    dualRoute(
      'Microsoft.MachineLearningServices/locations/workspaceOperationsStatus',
      readResource,
      (context) => context.query.get('type') !== 'async',
    ),
    dualRoute(
      'Microsoft.Storage/locations/asyncoperations',
      readResource,
      (context) => context.query.get('monitor') === 'true',
    ),
    statusRoute('Microsoft.ContainerRegistry/locations/operationStatuses'),
    locationRoute('Microsoft.ContainerRegistry/locations/operationResults', readResource, 204),
    statusRoute('Microsoft.CognitiveServices/locations/operationsStatus'),
    locationRoute('Microsoft.CognitiveServices/locations/operationResults', readResource, 204),
  ];
}
