import { randomUUID } from 'node:crypto';
import { type ArmResource, type Reply, ArmError, clone, isRecord, systemData } from '../arm';
import { workspaceVersionHasNetworkAcls } from '../apiVersions';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  checkPreconditions,
  inScope,
  itemReply,
  normalizeLocation,
  pagedListReply,
  propertiesOf,
  requestBody,
  requireLocation,
  resourceIdOf,
  requireResource,
} from '../context';
import { normalizeIdentity } from '../identity';
import { validateWorkspaceIpRules } from '../ipRuleValidation';
import { beginDelete, beginOperation, machineLearningUrls } from '../lroReplies';
import {
  connectionSummaries,
  notebookLabel,
  privateEndpointConnectionDefinition,
  privateLinkResourcesDefinition,
} from '../privateLinks';
import { outboundRulesDefinition, normalizeManagedNetwork, provisionManagedNetworkDefinition } from './managedNetwork';
import { computesDefinition, connectionsDefinition } from './workspaceChildren';

const WORKSPACE_TYPE = 'Microsoft.MachineLearningServices/workspaces';
/** ML answers every write with 202, no body, and both polling headers (one status URL, `type=async|location`). */
export const WORKSPACE_LRO = {
  createdStatus: 202,
  updatedStatus: 202,
  withBody: false,
  asyncOperation: true,
  location: true,
} as const;

/** Properties the service computes: a client's values are ignored (a seed's are kept). */
const READ_ONLY = [
  'workspaceId',
  'provisioningState',
  'privateEndpointConnections',
  'privateLinkCount',
  'notebookInfo',
  'discoveryUrl',
  'mlFlowTrackingUri',
  'tenantId',
  'serviceProvisionedResourceGroup',
];

const aclsVisible = (context: RequestContext): boolean =>
  context.seeding || workspaceVersionHasNetworkAcls(context.apiVersion);

/** How ARM shows a workspace: connections from the child resources; `networkAcls` only on the preview versions. */
export function workspaceView(context: RequestContext, stored: ArmResource): ArmResource {
  const view = clone(stored);
  const properties: Record<string, unknown> = { ...view.properties };
  const connections = connectionSummaries(context.store, stored);
  properties.privateEndpointConnections = connections;
  properties.privateLinkCount = connections.length;
  if (!aclsVisible(context)) delete properties.networkAcls;
  // ML shows no etag (`"etag": null`, and no ETag header); a write is guarded by re-reading instead.
  return { ...view, etag: null, properties };
}

const isKind = (resource: ArmResource | undefined, kind: string): boolean =>
  (resource?.kind ?? '').toLowerCase() === kind.toLowerCase();

function validateProject(context: RequestContext, kind: string, properties: Record<string, unknown>): void {
  if (kind.toLowerCase() !== 'project') return;
  const hubId = properties.hubResourceId;
  if (typeof hubId !== 'string' || hubId.length === 0)
    throw new ArmError(
      400,
      'ValidationError',
      'A project workspace needs properties.hubResourceId: the id of its hub.',
    );
  const hub = context.store.get(hubId);
  if (!hub || !isKind(hub, 'hub'))
    throw new ArmError(
      400,
      'ValidationError',
      `The hub '${hubId}' of this project does not exist or is not a workspace of kind Hub.`,
    );
}

/** Applies `networkAcls` from a write: validated; leaving "selected IPs" (Allow, or access Disabled) empties the rules. */
function applyNetworkAcls(
  context: RequestContext,
  incoming: Record<string, unknown>,
  previous: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...previous, ...incoming };
  let acls = isRecord(previous.networkAcls) ? previous.networkAcls : { defaultAction: 'Allow', ipRules: [] };
  if (aclsVisible(context) && isRecord(incoming.networkAcls)) {
    const defaultAction = String(incoming.networkAcls.defaultAction ?? acls.defaultAction ?? 'Allow');
    if (!['Allow', 'Deny'].includes(defaultAction))
      throw new ArmError(
        400,
        'InvalidNetworkAcls',
        `networkAcls.defaultAction must be Allow or Deny, not '${defaultAction}'.`,
      );
    const ipRules =
      'ipRules' in incoming.networkAcls ? validateWorkspaceIpRules(incoming.networkAcls.ipRules) : acls.ipRules;
    acls = { defaultAction, ipRules };
  }
  if (merged.publicNetworkAccess === 'Disabled') acls = { defaultAction: 'Deny', ipRules: [] };
  else if (acls.defaultAction === 'Allow') acls = { defaultAction: 'Allow', ipRules: [] };
  return { ...merged, networkAcls: acls };
}

function computedProperties(
  context: RequestContext,
  name: string,
  location: string,
  previous: Record<string, unknown>,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const workspaceId = String(
    previous.workspaceId ??
      (context.seeding && typeof given.workspaceId === 'string' ? given.workspaceId : randomUUID()),
  );
  return {
    workspaceId,
    tenantId: context.tenantId,
    discoveryUrl: `https://${location}.api.azureml.ms/discovery`,
    mlFlowTrackingUri: `azureml://${location}.api.azureml.ms/mlflow/v1.0`,
    notebookInfo: {
      fqdn: `${notebookLabel(name, location, workspaceId)}.${location}.notebooks.azure.net`,
      resourceId: randomHex(previous),
    },
    serviceProvisionedResourceGroup: `azureml-rg-${name}_${workspaceId}`.slice(0, 90),
  };
}

const randomHex = (previous: Record<string, unknown>): string =>
  isRecord(previous.notebookInfo) && typeof previous.notebookInfo.resourceId === 'string'
    ? previous.notebookInfo.resourceId
    : randomUUID().replace(/-/g, '');

function putWorkspace(context: RequestContext): Reply {
  const id = resourceIdOf(context, workspaceDefinition);
  const existing = context.store.get(id);
  checkPreconditions(context, existing);
  const body = requestBody(context);
  return writeWorkspace(context, id, existing, body, true);
}

function patchWorkspace(context: RequestContext): Reply {
  const id = resourceIdOf(context, workspaceDefinition);
  const existing = requireResource(context, id);
  checkPreconditions(context, existing);
  return writeWorkspace(context, id, existing, requestBody(context), false);
}

function writeWorkspace(
  context: RequestContext,
  id: string,
  existing: ArmResource | undefined,
  body: Record<string, unknown>,
  replace: boolean,
): Reply {
  const name = existing?.name ?? context.path.names[0];
  const location = existing?.location ?? normalizeLocation(requireLocation(body));
  const kind = String((replace ? body.kind : undefined) ?? existing?.kind ?? body.kind ?? 'Default');
  const given = propertiesOf(body);
  const incoming = Object.fromEntries(Object.entries(given).filter(([key]) => !READ_ONLY.includes(key)));
  // A stable-version PUT keeps the preview-only networkAcls it cannot see.
  const kept = aclsVisible(context) ? READ_ONLY : [...READ_ONLY, 'networkAcls'];
  const previous = replace ? { ...pick(existing?.properties, kept) } : { ...existing?.properties };
  validateProject(context, kind, { ...previous, ...incoming });
  if (
    existing &&
    !replace &&
    isKind(existing, 'project') &&
    'hubResourceId' in incoming &&
    incoming.hubResourceId !== existing.properties?.hubResourceId
  ) {
    throw new ArmError(400, 'ValidationError', 'The hub of a project cannot be changed.');
  }
  // A PATCH of managedNetwork adds and changes outbound rules; the rules it does not name stay.
  if (!replace && isRecord(incoming.managedNetwork)) incoming.managedNetwork = mergedManagedNetwork(previous, incoming);
  let properties = applyNetworkAcls(context, incoming, previous);
  properties = {
    publicNetworkAccess: 'Enabled',
    hbiWorkspace: false,
    v1LegacyMode: false,
    enableDataIsolation: false,
    ...properties,
    managedNetwork: normalizeManagedNetwork(properties.managedNetwork),
    ...computedProperties(context, name, location, previous, given),
    provisioningState: context.seeding ? 'Succeeded' : existing ? 'Updating' : 'Creating',
  };
  if (!['Enabled', 'Disabled'].includes(String(properties.publicNetworkAccess))) {
    throw new ArmError(
      400,
      'ValidationError',
      `publicNetworkAccess must be Enabled or Disabled, not '${String(properties.publicNetworkAccess)}'.`,
    );
  }
  const workspace: ArmResource = {
    id,
    name,
    type: WORKSPACE_TYPE,
    location,
    kind,
    tags: isRecord(body.tags) ? (body.tags as Record<string, string>) : (existing?.tags ?? {}),
    sku: isRecord(body.sku) ? body.sku : (existing?.sku ?? { name: 'Basic', tier: 'Basic' }),
    identity: normalizeIdentity(body.identity, existing?.identity, context.tenantId, context.seeding, 'SystemAssigned'),
    properties,
    systemData: existing?.systemData ?? systemData(),
  };
  const stored = context.store.put(workspace);
  if (context.seeding) return itemReply(workspaceView(context, stored), existing ? 200 : 201);
  return beginOperation(context, {
    method: replace ? 'PUT' : 'PATCH',
    resource: stored,
    existed: Boolean(existing),
    shape: WORKSPACE_LRO,
    urls: machineLearningUrls,
  });
}

function mergedManagedNetwork(
  previous: Record<string, unknown>,
  incoming: Record<string, unknown>,
): Record<string, unknown> {
  const before = isRecord(previous.managedNetwork) ? previous.managedNetwork : {};
  const after = incoming.managedNetwork as Record<string, unknown>;
  const rules = (value: Record<string, unknown>) => (isRecord(value.outboundRules) ? value.outboundRules : {});
  return { ...before, ...after, outboundRules: { ...rules(before), ...rules(after) } };
}

const pick = (source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(source ?? {}).filter(([key]) => keys.includes(key)));

function deleteWorkspace(context: RequestContext): Reply {
  const id = resourceIdOf(context, workspaceDefinition);
  const existing = context.store.get(id);
  if (!existing) return { status: 204 };
  if (isKind(existing, 'hub')) {
    const projects = context.store
      .ofType(WORKSPACE_TYPE)
      .filter(
        (workspace) =>
          isKind(workspace, 'project') &&
          String(workspace.properties?.hubResourceId ?? '').toLowerCase() === id.toLowerCase(),
      );
    if (projects.length > 0) {
      throw new ArmError(
        400,
        'ValidationError',
        `The hub '${existing.name}' still has projects (${projects.map((project) => project.name).join(', ')}): delete them first.`,
      );
    }
  }
  return beginDelete(context, existing, { shape: WORKSPACE_LRO, urls: machineLearningUrls });
}

export const workspaceDefinition: ResourceTypeDefinition = {
  type: WORKSPACE_TYPE,
  get: (context) =>
    itemReply(workspaceView(context, requireResource(context, resourceIdOf(context, workspaceDefinition)))),
  list: (context) => {
    const kindFilter = context.query.get('kind');
    const workspaces = inScope(context, WORKSPACE_TYPE).filter(
      (workspace) => !kindFilter || isKind(workspace, kindFilter),
    );
    return pagedListReply(
      context,
      workspaces.map((workspace) => workspaceView(context, workspace)),
    );
  },
  put: putWorkspace,
  patch: patchWorkspace,
  delete: deleteWorkspace,
};

export const machineLearningDefinitions: ResourceTypeDefinition[] = [
  workspaceDefinition,
  privateEndpointConnectionDefinition(workspaceDefinition),
  privateLinkResourcesDefinition(workspaceDefinition),
  outboundRulesDefinition(workspaceDefinition),
  provisionManagedNetworkDefinition(workspaceDefinition),
  connectionsDefinition(workspaceDefinition),
  computesDefinition(workspaceDefinition),
];
