import { type ArmResource, type Reply, ArmError, isRecord, parseArmPath } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  listReply,
  propertiesOf,
  requestBody,
  requireParent,
} from '../context';
import { beginOperation, machineLearningUrls } from '../lroReplies';

const ISOLATION_MODES = ['Disabled', 'AllowInternetOutbound', 'AllowOnlyApprovedOutbound'];
const RULE_TYPES = ['FQDN', 'PrivateEndpoint', 'ServiceTag'];

/** `managedNetwork` as the RP stores it: an isolation mode, outbound rules keyed by name, and a status. */
export function normalizeManagedNetwork(input: unknown): Record<string, unknown> {
  const given = isRecord(input) ? input : {};
  const isolationMode = String(given.isolationMode ?? 'Disabled');
  if (!ISOLATION_MODES.includes(isolationMode)) {
    throw new ArmError(
      400,
      'ValidationError',
      `managedNetwork.isolationMode must be one of ${ISOLATION_MODES.join(', ')}, not '${isolationMode}'.`,
    );
  }
  const rules = isRecord(given.outboundRules) ? given.outboundRules : {};
  const outboundRules = Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [name, normalizeRule(name, rule)]),
  );
  const active = isolationMode !== 'Disabled';
  return {
    ...given,
    isolationMode,
    outboundRules,
    status: {
      status: active ? 'Active' : 'Inactive',
      sparkReady: isRecord(given.status) && given.status.sparkReady === true,
    },
  };
}

function normalizeRule(name: string, rule: unknown): Record<string, unknown> {
  if (!isRecord(rule) || !RULE_TYPES.includes(String(rule.type))) {
    throw new ArmError(400, 'ValidationError', `Outbound rule '${name}' needs a type: ${RULE_TYPES.join(', ')}.`);
  }
  return { category: 'UserDefined', status: 'Active', ...rule };
}

/** ML outbound rule writes and provisioning: 202, no body, both polling headers. */
const MANAGED_NETWORK_LRO = {
  createdStatus: 202,
  updatedStatus: 202,
  withBody: false,
  asyncOperation: true,
  location: true,
} as const;

const RULE_TYPE = 'Microsoft.MachineLearningServices/workspaces/outboundRules';

/** The workspace as a GET shows it: what a Location poll of a rule's DELETE, or of provisioning, ends with. */
const workspaceReader =
  (workspaceDefinition: ResourceTypeDefinition, context: RequestContext, workspaceId: string) => (): Reply =>
    workspaceDefinition.get!({
      ...context,
      method: 'GET',
      path: parseArmPath(workspaceId),
      body: undefined,
      headers: {},
    });

/**
 * `{workspace}/outboundRules[/{name}]`: the managed network's rules, one by one. A PUT or DELETE changes the rules at
 * once and answers as a long-running operation; its Location poll ends with the rule (PUT) or the workspace (DELETE).
 */
export function outboundRulesDefinition(workspaceDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  const ruleView = (workspaceId: string, name: string, rule: unknown): Record<string, unknown> => ({
    tags: null,
    location: null,
    id: `${workspaceId}/outboundRules/${name}`,
    name,
    type: RULE_TYPE,
    properties: rule,
    systemData: null,
  });
  const rulesOf = (context: RequestContext): { workspace: ArmResource; rules: Record<string, unknown> } => {
    const workspace = requireParent(context, workspaceDefinition);
    const managedNetwork = isRecord(workspace.properties?.managedNetwork) ? workspace.properties.managedNetwork : {};
    return { workspace, rules: isRecord(managedNetwork.outboundRules) ? managedNetwork.outboundRules : {} };
  };
  const save = (context: RequestContext, workspace: ArmResource, rules: Record<string, unknown>): void => {
    const managedNetwork = normalizeManagedNetwork({
      ...(workspace.properties?.managedNetwork as object),
      outboundRules: rules,
    });
    context.store.put({ ...workspace, properties: { ...workspace.properties, managedNetwork } });
  };
  const accepted = (context: RequestContext, method: 'PUT' | 'DELETE', workspace: ArmResource, name: string): Reply =>
    beginOperation(context, {
      method,
      resource: { id: `${workspace.id}/outboundRules/${name}`, name, type: RULE_TYPE, location: workspace.location },
      existed: true,
      shape: MANAGED_NETWORK_LRO,
      urls: machineLearningUrls,
      onSuccess: () => undefined,
      remove: () => undefined,
      ...(method === 'DELETE' ? { finalReply: workspaceReader(workspaceDefinition, context, workspace.id) } : {}),
    });
  return {
    type: RULE_TYPE,
    list: (context) => {
      const { workspace, rules } = rulesOf(context);
      return listReply(Object.entries(rules).map(([name, rule]) => ruleView(workspace.id, name, rule)));
    },
    get: (context): Reply => {
      const { workspace, rules } = rulesOf(context);
      const name = context.path.names[1];
      if (!(name in rules))
        throw new ArmError(
          404,
          'ResourceNotFound',
          `Outbound rule '${name}' was not found on workspace '${context.path.names[0]}'.`,
        );
      return { status: 200, body: ruleView(workspace.id, name, rules[name]) };
    },
    put: (context): Reply => {
      const { workspace, rules } = rulesOf(context);
      const name = context.path.names[1];
      save(context, workspace, { ...rules, [name]: normalizeRule(name, propertiesOf(requestBody(context))) });
      return accepted(context, 'PUT', workspace, name);
    },
    delete: (context): Reply => {
      const { workspace, rules } = rulesOf(context);
      const name = context.path.names[1];
      if (!(name in rules)) return { status: 204 };
      const { [name]: _removed, ...rest } = rules;
      save(context, workspace, rest);
      return accepted(context, 'DELETE', workspace, name);
    },
  };
}

/**
 * `POST {workspace}/provisionManagedNetwork {includeSpark}`: 202 and both polling headers; the Location poll ends with
 * the managed network's status.
 */
export function provisionManagedNetworkDefinition(workspaceDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  return {
    type: 'Microsoft.MachineLearningServices/workspaces/provisionManagedNetwork',
    post: (context): Reply => {
      const workspace = requireParent(context, workspaceDefinition);
      const status = { status: 'Active', sparkReady: isRecord(context.body) && context.body.includeSpark === true };
      return beginOperation(context, {
        method: 'POST',
        resource: workspace,
        existed: true,
        shape: MANAGED_NETWORK_LRO,
        urls: machineLearningUrls,
        onSuccess: () => {
          const current = context.store.get(workspace.id);
          if (!current) return;
          const managedNetwork = { ...normalizeManagedNetwork(current.properties?.managedNetwork), status };
          context.store.put({ ...current, properties: { ...current.properties, managedNetwork } });
        },
        finalReply: () => ({ status: 200, body: status }),
      });
    },
  };
}
