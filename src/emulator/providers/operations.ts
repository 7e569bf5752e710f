import type { Reply } from '../arm';
import type { RequestContext, ResourceTypeDefinition } from '../context';
import { type Operation, type StatusStyle, locationPollReply, operationStatusBody, statusPollReply } from '../lro';

/** Reads the resource as a GET would show it: the final answer of a PUT polled through `Location`. */
export type ResourceReader = (context: RequestContext, id: string) => Reply;

const selfUrl = (context: RequestContext): string => {
  const query = new URLSearchParams(context.query);
  return `${context.baseUrl}/${context.path.segments.map(encodeURIComponent).join('/')}?${query.toString()}`;
};

const operationId = (context: RequestContext): string => context.path.names[context.path.names.length - 1];

function statusRoute(type: string, style: StatusStyle = {}): ResourceTypeDefinition {
  return {
    type,
    get: (context) =>
      statusPollReply(context.lro.poll(operationId(context)), operationId(context), selfUrl(context), style),
  };
}

interface LocationStyle {
  deleteStatus: 200 | 204;
  /** Headers of the final answer (Network repeats both polling URLs on its closing 204). */
  finalHeaders?: (selfUrl: string) => Record<string, string>;
}

function locationRoute(type: string, readResource: ResourceReader, style: LocationStyle): ResourceTypeDefinition {
  return {
    type,
    get: (context) => {
      const id = operationId(context);
      const operation = context.lro.poll(id);
      const self = selfUrl(context);
      return locationPollReply(operation, id, self, () => {
        const reply =
          operation?.method === 'DELETE'
            ? { status: style.deleteStatus }
            : readResource(context, operation?.resourceId ?? '');
        return style.finalHeaders ? { ...reply, headers: { ...reply.headers, ...style.finalHeaders(self) } } : reply;
      });
    },
  };
}

/** One route that answers both ways, told apart by a query parameter (ML `type=location`, Storage `monitor=true`). */
function dualRoute(
  type: string,
  readResource: ResourceReader,
  isLocation: (context: RequestContext) => boolean,
  style: StatusStyle = {},
): ResourceTypeDefinition {
  const status = statusRoute(type, style);
  const location = locationRoute(type, readResource, { deleteStatus: 200 });
  return { type, get: (context) => (isLocation(context) ? location.get!(context) : status.get!(context)) };
}

/** Private DNS status resources carry only the status (and the error); a running one answers 202 with both URLs. */
const PRIVATE_DNS_STATUS: StatusStyle = {
  inProgressStatus: 202,
  inProgressHeaders: (self) => ({
    'Azure-AsyncOperation': self,
    Location: self.replace(/\/privateDnsOperationStatuses\//i, '/privateDnsOperationResults/'),
  }),
  body: (operation: Operation) => ({
    status: operation.status,
    ...(operation.error ? { error: operation.error } : {}),
  }),
};

/** ML status resources: the status, `percentComplete` once it succeeded, and the error of a failed one. */
const MACHINE_LEARNING_STATUS: StatusStyle = {
  body: (operation: Operation) => ({
    status: operation.status,
    ...(operation.status === 'Succeeded' ? { percentComplete: 100.0 } : {}),
    ...(operation.error ? { error: operation.error } : {}),
  }),
};

/** Cognitive Services reports a running operation by the account's provisioning state (Creating, Accepted). */
const COGNITIVE_SERVICES_RUNNING: Record<string, string> = { PUT: 'Creating', PATCH: 'Accepted', DELETE: 'Deleting' };
const COGNITIVE_SERVICES_STATUS: StatusStyle = {
  body: (operation: Operation) => ({
    ...operationStatusBody(operation),
    status:
      operation.status === 'InProgress'
        ? (COGNITIVE_SERVICES_RUNNING[operation.method] ?? 'Running')
        : operation.status,
  }),
};

/** The operation-status and operation-result resources each provider family polls through. */
export function operationDefinitions(readResource: ResourceReader): ResourceTypeDefinition[] {
  return [
    statusRoute('Microsoft.Network/locations/operations'),
    locationRoute('Microsoft.Network/locations/operationResults', readResource, {
      deleteStatus: 204,
      finalHeaders: (self) => ({
        'Azure-AsyncOperation': self.replace(/\/operationResults\//i, '/operations/'),
        Location: self,
      }),
    }),
    statusRoute('Microsoft.Network/privateDnsOperationStatuses', PRIVATE_DNS_STATUS),
    locationRoute('Microsoft.Network/privateDnsOperationResults', readResource, { deleteStatus: 204 }),
    dualRoute(
      'Microsoft.MachineLearningServices/locations/workspaceOperationsStatus',
      readResource,
      (context) => context.query.get('type') !== 'async',
      MACHINE_LEARNING_STATUS,
    ),
    dualRoute(
      'Microsoft.Storage/locations/asyncoperations',
      readResource,
      (context) => context.query.get('monitor') === 'true',
    ),
    statusRoute('Microsoft.ContainerRegistry/locations/operationStatuses'),
    locationRoute('Microsoft.ContainerRegistry/locations/operationResults', readResource, { deleteStatus: 204 }),
    // Cognitive Services polls one URL both ways; the Location one adds operationResultResponseType=Location.
    dualRoute(
      'Microsoft.CognitiveServices/locations/operationResults',
      readResource,
      (context) => context.query.get('operationResultResponseType') === 'Location',
      COGNITIVE_SERVICES_STATUS,
    ),
  ];
}
