import { type ArmResource, type Reply, ArmError, isRecord, systemData } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  checkPreconditions,
  itemReply,
  listReply,
  propertiesOf,
  requestBody,
  requireParent,
  requireResource,
  resourceIdOf,
} from '../context';
import { beginOperation, machineLearningUrls } from '../lroReplies';

const CONNECTION_TYPE = 'Microsoft.MachineLearningServices/workspaces/connections';
const COMPUTE_TYPE = 'Microsoft.MachineLearningServices/workspaces/computes';
const AUTH_TYPES = [
  'AAD',
  'AccessKey',
  'AccountKey',
  'ApiKey',
  'CustomKeys',
  'ManagedIdentity',
  'None',
  'OAuth2',
  'PAT',
  'SAS',
  'ServicePrincipal',
  'UsernamePassword',
];
const COMPUTE_TYPES = [
  'ComputeInstance',
  'AmlCompute',
  'Kubernetes',
  'AKS',
  'VirtualMachine',
  'Databricks',
  'DataFactory',
  'HDInsight',
  'SynapseSpark',
  'DataLakeAnalytics',
];

/** Connections never show their secrets (only listsecrets does), and carry no etag in Azure. */
const connectionView = ({ properties, etag: _etag, ...connection }: ArmResource): ArmResource => {
  const { credentials: _credentials, ...visible } = properties ?? {};
  return { ...connection, properties: visible };
};

function putConnection(
  context: RequestContext,
  workspaceDefinition: ResourceTypeDefinition,
  definition: ResourceTypeDefinition,
  merge: boolean,
): Reply {
  requireParent(context, workspaceDefinition);
  const id = resourceIdOf(context, definition);
  const existing = merge ? requireResource(context, id) : context.store.get(id);
  checkPreconditions(context, existing);
  const given = propertiesOf(requestBody(context));
  const properties = merge ? { ...existing?.properties, ...given } : given;
  if (!AUTH_TYPES.includes(String(properties.authType)))
    throw new ArmError(400, 'ValidationError', `Connection authType must be one of ${AUTH_TYPES.join(', ')}.`);
  if (typeof properties.category !== 'string' || properties.category.length === 0)
    throw new ArmError(
      400,
      'ValidationError',
      'A connection needs properties.category (e.g. AIServices, AzureOpenAI, AzureBlob).',
    );
  const stored = context.store.put({
    id,
    name: context.path.names[1],
    type: CONNECTION_TYPE,
    properties: {
      isSharedToAll: false,
      metadata: {},
      ...properties,
      createdByWorkspaceArmId: requireParent(context, workspaceDefinition).id,
    },
    systemData: existing?.systemData ?? systemData(),
  });
  return itemReply(connectionView(stored));
}

export function connectionsDefinition(workspaceDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  const definition: ResourceTypeDefinition = {
    type: CONNECTION_TYPE,
    list: (context) => {
      const category = context.query.get('category');
      const connections = context.store.children(requireParent(context, workspaceDefinition).id, CONNECTION_TYPE);
      return listReply(
        connections
          .filter((connection) => !category || connection.properties?.category === category)
          .map(connectionView),
      );
    },
    get: (context) => {
      requireParent(context, workspaceDefinition);
      return itemReply(connectionView(requireResource(context, resourceIdOf(context, definition))));
    },
    put: (context) => putConnection(context, workspaceDefinition, definition, false),
    patch: (context) => putConnection(context, workspaceDefinition, definition, true),
    delete: (context) => {
      const connection = context.store.get(resourceIdOf(context, definition));
      if (!connection) return { status: 204 };
      context.store.delete(connection.id);
      return { status: 200 };
    },
  };
  return definition;
}

/** Computes: PUT is an LRO (201 + Azure-AsyncOperation), DELETE 202 + Location; instances start Running. */
export function computesDefinition(workspaceDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  const ASYNC = {
    createdStatus: 201,
    updatedStatus: 200,
    withBody: true,
    asyncOperation: true,
    location: false,
  } as const;
  const ACCEPTED = {
    createdStatus: 202,
    updatedStatus: 202,
    withBody: false,
    asyncOperation: false,
    location: true,
  } as const;
  const definition: ResourceTypeDefinition = {
    type: COMPUTE_TYPE,
    list: (context) => listReply(context.store.children(requireParent(context, workspaceDefinition).id, COMPUTE_TYPE)),
    get: (context) => {
      requireParent(context, workspaceDefinition);
      return itemReply(requireResource(context, resourceIdOf(context, definition)));
    },
    put: (context) => {
      const workspace = requireParent(context, workspaceDefinition);
      const id = resourceIdOf(context, definition);
      const existing = context.store.get(id);
      checkPreconditions(context, existing);
      const body = requestBody(context);
      const compute = propertiesOf(body);
      if (!COMPUTE_TYPES.includes(String(compute.computeType)))
        throw new ArmError(
          400,
          'ValidationError',
          `properties.computeType must be one of ${COMPUTE_TYPES.join(', ')}.`,
        );
      const inner = isRecord(compute.properties) ? compute.properties : {};
      const resource: ArmResource = {
        id,
        name: context.path.names[1],
        type: COMPUTE_TYPE,
        location: String(body.location ?? workspace.location),
        properties: {
          ...compute,
          computeLocation: String(body.location ?? workspace.location),
          provisioningState: context.seeding ? 'Succeeded' : 'Creating',
          createdOn: existing?.properties?.createdOn ?? new Date().toISOString(),
          disableLocalAuth: true,
          properties:
            compute.computeType === 'ComputeInstance'
              ? { vmSize: 'Standard_DS3_v2', state: 'Running', ...inner }
              : inner,
        },
        systemData: existing?.systemData ?? systemData(),
      };
      const stored = context.store.put(resource);
      if (context.seeding) return itemReply(stored, 201);
      return beginOperation(context, {
        method: 'PUT',
        resource: stored,
        existed: Boolean(existing),
        shape: ASYNC,
        urls: machineLearningUrls,
      });
    },
    delete: (context) => {
      const compute = context.store.get(resourceIdOf(context, definition));
      if (!compute) return { status: 204 };
      return beginOperation(context, {
        method: 'DELETE',
        resource: compute,
        existed: true,
        shape: ACCEPTED,
        urls: machineLearningUrls,
      });
    },
  };
  return definition;
}
