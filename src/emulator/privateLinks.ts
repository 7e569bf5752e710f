import { createHash } from 'node:crypto';
import { type ArmResource, type Reply, ArmError, isRecord, lastSegment, sameId } from './arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  itemReply,
  listReply,
  propertiesOf,
  requestBody,
  requireParent,
} from './context';
import type { ResourceStore } from './store';

/** A name the private endpoint gets in DNS, and the zone and record that resolve it privately. */
export interface PrivateDnsName {
  fqdn: string;
  zone: string;
  recordName: string;
}

interface GroupDefinition {
  groupId: string;
  requiredMembers: string[];
  zones: string[];
  names(target: ArmResource): PrivateDnsName[];
}

const name = (fqdn: string, zone: string, publicSuffix: string): PrivateDnsName => ({
  fqdn,
  zone,
  recordName: fqdn.slice(0, -(publicSuffix.length + 1)),
});

/** `ml-<name>-<region>-<guid>`, kept to one 63-character DNS label by truncating the workspace name. */
export function notebookLabel(workspaceName: string, region: string, workspaceId: string): string {
  const room = 63 - `ml--${region}-${workspaceId}`.length;
  return `ml-${workspaceName.toLowerCase().slice(0, Math.max(room, 0))}-${region}-${workspaceId}`;
}

function workspaceNames(workspace: ArmResource): PrivateDnsName[] {
  const guid = String(workspace.properties?.workspaceId ?? '');
  const region = workspace.location ?? '';
  const api = 'api.azureml.ms';
  return [
    name(`${guid}.workspace.${region}.${api}`, `privatelink.${api}`, api),
    name(`${guid}.workspace.${region}.cert.${api}`, `privatelink.${api}`, api),
    name(
      `${notebookLabel(workspace.name, region, guid)}.${region}.notebooks.azure.net`,
      'privatelink.notebooks.azure.net',
      'notebooks.azure.net',
    ),
    name(`*.${guid}.inference.${region}.${api}`, `privatelink.${api}`, api),
  ];
}

const storageGroup = (groupId: string): GroupDefinition => ({
  groupId,
  requiredMembers: [groupId],
  zones: [`privatelink.${groupId}.core.windows.net`],
  names: (account) => [
    name(
      `${account.name}.${groupId}.core.windows.net`,
      `privatelink.${groupId}.core.windows.net`,
      `${groupId}.core.windows.net`,
    ),
  ],
});

const accountSubdomain = (account: ArmResource): string =>
  String(account.properties?.customSubDomainName ?? account.name).toLowerCase();

/** The private-link targets: which group ids each accepts, and the names and zones of each (public cloud). */
export const PRIVATE_LINK_TARGETS: Record<string, GroupDefinition[]> = {
  'microsoft.machinelearningservices/workspaces': [
    {
      groupId: 'amlworkspace',
      requiredMembers: ['default'],
      zones: ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'],
      names: workspaceNames,
    },
  ],
  'microsoft.storage/storageaccounts': ['blob', 'file', 'queue', 'table', 'dfs', 'web'].map(storageGroup),
  'microsoft.keyvault/vaults': [
    {
      groupId: 'vault',
      requiredMembers: ['default'],
      zones: ['privatelink.vaultcore.azure.net'],
      names: (vault) => [name(`${vault.name}.vault.azure.net`, 'privatelink.vaultcore.azure.net', 'vault.azure.net')],
    },
  ],
  'microsoft.containerregistry/registries': [
    {
      groupId: 'registry',
      requiredMembers: ['registry', `registry_data_region`],
      zones: ['privatelink.azurecr.io'],
      names: (registry) => [
        name(`${registry.name.toLowerCase()}.azurecr.io`, 'privatelink.azurecr.io', 'azurecr.io'),
        name(
          `${registry.name.toLowerCase()}.${registry.location}.data.azurecr.io`,
          'privatelink.azurecr.io',
          'azurecr.io',
        ),
      ],
    },
  ],
  'microsoft.cognitiveservices/accounts': [
    {
      groupId: 'account',
      requiredMembers: ['default'],
      zones: [
        'privatelink.cognitiveservices.azure.com',
        'privatelink.openai.azure.com',
        'privatelink.services.ai.azure.com',
      ],
      names: (account) => [
        name(
          `${accountSubdomain(account)}.cognitiveservices.azure.com`,
          'privatelink.cognitiveservices.azure.com',
          'cognitiveservices.azure.com',
        ),
        name(`${accountSubdomain(account)}.openai.azure.com`, 'privatelink.openai.azure.com', 'openai.azure.com'),
        name(
          `${accountSubdomain(account)}.services.ai.azure.com`,
          'privatelink.services.ai.azure.com',
          'services.ai.azure.com',
        ),
      ],
    },
  ],
};

export function groupDefinition(target: ArmResource, groupId: string): GroupDefinition | undefined {
  return PRIVATE_LINK_TARGETS[target.type.toLowerCase()]?.find(
    (group) => group.groupId.toLowerCase() === groupId.toLowerCase(),
  );
}

/** A stable GUID derived from text: seeds and snapshots stay the same run after run. */
export function deterministicGuid(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const connectionType = (targetType: string): string => `${targetType}/privateEndpointConnections`;

export function connectionsOf(store: ResourceStore, target: ArmResource): ArmResource[] {
  return store.children(target.id, connectionType(target.type));
}

/** The connection a private endpoint has on its target (undefined once the target removed it). */
export function connectionFor(
  store: ResourceStore,
  targetId: string,
  privateEndpointId: string,
): ArmResource | undefined {
  const target = store.get(targetId);
  if (!target) return undefined;
  return connectionsOf(store, target).find((connection) =>
    sameId((connection.properties?.privateEndpoint as { id?: string } | undefined)?.id, privateEndpointId),
  );
}

export function addConnection(
  store: ResourceStore,
  target: ArmResource,
  privateEndpointId: string,
  status: 'Approved' | 'Pending',
  description: string,
  groupIds: string[],
): ArmResource {
  const endpointName = lastSegment(privateEndpointId);
  const connectionName = `${endpointName}.${deterministicGuid(privateEndpointId.toLowerCase())}`;
  // Cognitive Services names a connection `<account>/<endpoint>.<guid>` (a slash) and gives it the account's location.
  const cognitive = target.type.toLowerCase() === 'microsoft.cognitiveservices/accounts';
  return store.put({
    id: `${target.id}/privateEndpointConnections/${connectionName}`,
    name: cognitive ? `${target.name}/${connectionName}` : connectionName,
    type: connectionType(target.type),
    ...(cognitive && target.location ? { location: target.location } : {}),
    properties: {
      privateEndpoint: { id: privateEndpointId },
      groupIds,
      privateLinkServiceConnectionState: { status, description, actionsRequired: 'None' },
      provisioningState: 'Succeeded',
    },
  });
}

export function removeConnectionsOf(store: ResourceStore, privateEndpointId: string, targetIds: string[]): void {
  for (const targetId of targetIds) {
    const connection = connectionFor(store, targetId, privateEndpointId);
    if (connection) store.delete(connection.id);
  }
}

/** The connections as the target's `properties.privateEndpointConnections` shows them. */
export const connectionSummaries = (store: ResourceStore, target: ArmResource): ArmResource[] =>
  connectionsOf(store, target).map(({ groupIds: _groupIds, ...connection }) => connection);

const STATUSES = ['Approved', 'Pending', 'Rejected', 'Disconnected'];

/** `{target}/privateEndpointConnections[/{name}]`: list, get, approve/reject (synchronous PUT), delete. */
export function privateEndpointConnectionDefinition(targetDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  const type = connectionType(targetDefinition.type);
  const find = (context: RequestContext): ArmResource | undefined => {
    const target = requireParent(context, targetDefinition);
    return context.store.get(`${target.id}/privateEndpointConnections/${context.path.names[1]}`);
  };
  const missing = (context: RequestContext): ArmError =>
    new ArmError(
      404,
      'PrivateEndpointConnectionNotFound',
      `Private endpoint connection '${context.path.names[1]}' was not found on '${context.path.names[0]}'.`,
    );
  return {
    type,
    list: (context) => listReply(connectionSummaries(context.store, requireParent(context, targetDefinition))),
    get: (context) => {
      const connection = find(context);
      if (!connection) throw missing(context);
      return itemReply(connection);
    },
    put: (context) => approveOrReject(context, find(context) ?? throwError(missing(context))),
    delete: (context): Reply => {
      const connection = find(context);
      if (!connection) return { status: 204 };
      context.store.delete(connection.id);
      return { status: 200 };
    },
  };
}

function approveOrReject(context: RequestContext, connection: ArmResource): Reply {
  const state = propertiesOf(requestBody(context)).privateLinkServiceConnectionState;
  const status = isRecord(state) ? String(state.status ?? '') : '';
  if (!STATUSES.includes(status)) {
    throw new ArmError(
      400,
      'InvalidPrivateLinkServiceConnectionState',
      `privateLinkServiceConnectionState.status must be one of ${STATUSES.join(', ')}.`,
    );
  }
  const previous = (connection.properties?.privateLinkServiceConnectionState as { status?: string } | undefined)
    ?.status;
  if (previous === 'Rejected' && status === 'Approved') {
    throw new ArmError(
      400,
      'CannotApproveRejectedConnection',
      'A rejected private endpoint connection cannot be approved: delete the private endpoint and create it again.',
    );
  }
  const description = isRecord(state) && typeof state.description === 'string' ? state.description : status;
  const updated = context.store.put({
    ...connection,
    properties: {
      ...connection.properties,
      privateLinkServiceConnectionState: { status, description, actionsRequired: 'None' },
      provisioningState: 'Succeeded',
    },
  });
  return itemReply(updated);
}

const throwError = (error: Error): never => {
  throw error;
};

/** `{target}/privateLinkResources`: the group ids, required members and zone names a target offers. */
export function privateLinkResourcesDefinition(targetDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  return {
    type: `${targetDefinition.type}/privateLinkResources`,
    list: (context) => {
      const target = requireParent(context, targetDefinition);
      const groups = PRIVATE_LINK_TARGETS[target.type.toLowerCase()] ?? [];
      return listReply(
        groups.map((group) => ({
          id: `${target.id}/privateLinkResources/${group.groupId}`,
          name: group.groupId,
          type: `${target.type}/privateLinkResources`,
          properties: {
            groupId: group.groupId,
            requiredMembers: group.requiredMembers,
            requiredZoneNames: group.zones,
          },
        })),
      );
    },
  };
}
