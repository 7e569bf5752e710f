import { type ArmResource, type Reply, ArmError } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  itemReply,
  listReply,
  propertiesOf,
  requestBody,
} from '../context';

const ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The built-in roles the extension assigns or reads (names as Azure shows them). */
const ROLE_NAMES: Record<string, string> = {
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  '4d97b98b-1d4f-4787-a291-c67834d212e7': 'Network Contributor',
  '69566ab7-960f-475b-8e7c-b3118f30c6bd': 'Storage File Data Privileged Contributor',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe': 'Storage Blob Data Contributor',
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1': 'Storage Blob Data Reader',
  '64702f94-c441-49e6-a78b-ef80e0188fee': 'Azure AI Developer',
  'f6c7c914-8db3-469d-8ca1-694a8f32e121': 'AzureML Data Scientist',
};

const scopeOf = (context: RequestContext): string => `/${context.path.scopeSegments.join('/')}`;

function requireScope(context: RequestContext, scope: string): void {
  const parts = scope.split('/').filter(Boolean);
  if (parts.length <= 2) return;
  if (!context.store.get(scope))
    throw new ArmError(404, 'ResourceNotFound', `The scope '${scope}' of the role assignment does not exist.`);
}

const roleGuidOf = (roleDefinitionId: string): string => roleDefinitionId.split('/').pop()?.toLowerCase() ?? '';

function putAssignment(context: RequestContext): Reply {
  const scope = scopeOf(context);
  requireScope(context, scope);
  const name = context.path.names[0];
  if (!GUID.test(name))
    throw new ArmError(
      400,
      'InvalidRoleAssignmentId',
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    );
  const properties = propertiesOf(requestBody(context));
  const roleDefinitionId = String(properties.roleDefinitionId ?? '');
  const principalId = String(properties.principalId ?? '');
  if (!ROLE_NAMES[roleGuidOf(roleDefinitionId)])
    throw new ArmError(
      400,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${roleGuidOf(roleDefinitionId)}' does not exist.`,
    );
  if (!GUID.test(principalId))
    throw new ArmError(400, 'InvalidPrincipalId', 'A valid principal ID must be provided for role assignment.');
  const id = `${scope}/providers/${ASSIGNMENT_TYPE}/${name}`;
  const existing = context.store.get(id);
  const duplicate = assignmentsAt(context, scope).find(
    (assignment) =>
      assignment.id.toLowerCase() !== id.toLowerCase() &&
      assignment.properties?.principalId === principalId &&
      roleGuidOf(String(assignment.properties?.roleDefinitionId)) === roleGuidOf(roleDefinitionId),
  );
  if (duplicate)
    throw new ArmError(409, 'RoleAssignmentExists', `The role assignment already exists (${duplicate.name}).`);
  if (existing && existing.properties?.principalId !== principalId)
    throw new ArmError(
      400,
      'RoleAssignmentUpdateNotPermitted',
      'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.',
    );
  const now = new Date().toISOString();
  const assignment: ArmResource = {
    id,
    name,
    type: ASSIGNMENT_TYPE,
    properties: {
      roleDefinitionId,
      principalId,
      principalType: String(properties.principalType ?? 'ServicePrincipal'),
      scope,
      condition: properties.condition ?? null,
      conditionVersion: properties.conditionVersion ?? null,
      createdOn: existing?.properties?.createdOn ?? now,
      updatedOn: now,
      createdBy: existing?.properties?.createdBy ?? context.tenantId,
      updatedBy: context.tenantId,
      delegatedManagedIdentityResourceId: null,
      description: properties.description ?? null,
    },
  };
  const stored = context.store.put(assignment);
  const { etag: _etag, ...body } = stored;
  return { status: existing ? 200 : 201, body };
}

const assignmentsAt = (context: RequestContext, scope: string): ArmResource[] =>
  context.store
    .ofType(ASSIGNMENT_TYPE)
    .filter((assignment) => String(assignment.properties?.scope ?? '').toLowerCase() === scope.toLowerCase());

const withoutEtag = ({ etag: _etag, ...rest }: ArmResource): Omit<ArmResource, 'etag'> => rest;

/** Lists at a scope: `$filter=atScope()` (at or above), `principalId eq '…'`, or nothing (above, at and below). */
function listAssignments(context: RequestContext): Reply {
  const scope = scopeOf(context).toLowerCase();
  const filter = (context.query.get('$filter') ?? '').trim();
  const principal = /principalId\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
  const atScope = /atScope\(\)/i.test(filter);
  if (filter && !principal && !atScope)
    throw new ArmError(
      400,
      'UnsupportedQuery',
      `The emulator supports $filter=atScope() and principalId eq '<id>', not '${filter}'.`,
    );
  const assignments = context.store.ofType(ASSIGNMENT_TYPE).filter((assignment) => {
    const at = String(assignment.properties?.scope ?? '').toLowerCase();
    const above = scope === at || scope.startsWith(`${at}/`);
    const below = at.startsWith(`${scope}/`);
    return (above || (!atScope && below)) && (!principal || assignment.properties?.principalId === principal);
  });
  return listReply(assignments.map(withoutEtag));
}

function roleDefinition(context: RequestContext, guid: string): Record<string, unknown> {
  const roleName = ROLE_NAMES[guid.toLowerCase()];
  if (!roleName) throw new ArmError(404, 'RoleDefinitionDoesNotExist', `The role definition '${guid}' does not exist.`);
  return {
    id: `${scopeOf(context)}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    name: guid,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName,
      type: 'BuiltInRole',
      description: roleName,
      assignableScopes: ['/'],
      permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [] }],
    },
  };
}

export const authorizationDefinitions: ResourceTypeDefinition[] = [
  {
    type: ASSIGNMENT_TYPE,
    list: listAssignments,
    get: (context) => {
      const assignment = context.store.get(`${scopeOf(context)}/providers/${ASSIGNMENT_TYPE}/${context.path.names[0]}`);
      if (!assignment)
        throw new ArmError(
          404,
          'RoleAssignmentNotFound',
          `The role assignment '${context.path.names[0]}' is not found.`,
        );
      return itemReply(withoutEtag(assignment) as ArmResource);
    },
    put: putAssignment,
    delete: (context) => {
      const assignment = context.store.get(`${scopeOf(context)}/providers/${ASSIGNMENT_TYPE}/${context.path.names[0]}`);
      if (!assignment) return { status: 204 };
      context.store.delete(assignment.id);
      return { status: 200, body: withoutEtag(assignment) };
    },
  },
  {
    type: 'Microsoft.Authorization/roleDefinitions',
    get: (context) => ({ status: 200, body: roleDefinition(context, context.path.names[0]) }),
    list: (context) => {
      const filter = /roleName\s+eq\s+'([^']+)'/i.exec(context.query.get('$filter') ?? '')?.[1];
      const guids = Object.keys(ROLE_NAMES).filter(
        (guid) => !filter || ROLE_NAMES[guid].toLowerCase() === filter.toLowerCase(),
      );
      return listReply(guids.map((guid) => roleDefinition(context, guid)));
    },
  },
];
