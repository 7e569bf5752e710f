import { type Reply, ArmError, isRecord } from '../arm';
import {
  type RequestContext,
  type ResourceTypeDefinition,
  listReply,
  propertiesOf,
  requestBody,
  requireParent,
} from '../context';

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
    status: { status: active ? 'Active' : 'Inactive', sparkReady: false },
  };
}

function normalizeRule(name: string, rule: unknown): Record<string, unknown> {
  if (!isRecord(rule) || !RULE_TYPES.includes(String(rule.type))) {
    throw new ArmError(400, 'ValidationError', `Outbound rule '${name}' needs a type: ${RULE_TYPES.join(', ')}.`);
  }
  return { category: 'UserDefined', status: 'Active', ...rule };
}

/** `{workspace}/outboundRules[/{name}]`: the managed network's rules, one by one. Writes are synchronous here. */
export function outboundRulesDefinition(workspaceDefinition: ResourceTypeDefinition): ResourceTypeDefinition {
  const ruleView = (workspaceId: string, name: string, rule: unknown): Record<string, unknown> => ({
    id: `${workspaceId}/outboundRules/${name}`,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces/outboundRules',
    properties: rule,
  });
  const rulesOf = (context: RequestContext): { workspaceId: string; rules: Record<string, unknown> } => {
    const workspace = requireParent(context, workspaceDefinition);
    const managedNetwork = isRecord(workspace.properties?.managedNetwork) ? workspace.properties.managedNetwork : {};
    return {
      workspaceId: workspace.id,
      rules: isRecord(managedNetwork.outboundRules) ? managedNetwork.outboundRules : {},
    };
  };
  const save = (context: RequestContext, rules: Record<string, unknown>): void => {
    const workspace = requireParent(context, workspaceDefinition);
    const managedNetwork = normalizeManagedNetwork({
      ...(workspace.properties?.managedNetwork as object),
      outboundRules: rules,
    });
    context.store.put({ ...workspace, properties: { ...workspace.properties, managedNetwork } });
  };
  return {
    type: 'Microsoft.MachineLearningServices/workspaces/outboundRules',
    list: (context) => {
      const { workspaceId, rules } = rulesOf(context);
      return listReply(Object.entries(rules).map(([name, rule]) => ruleView(workspaceId, name, rule)));
    },
    get: (context): Reply => {
      const { workspaceId, rules } = rulesOf(context);
      const name = context.path.names[1];
      if (!(name in rules))
        throw new ArmError(
          404,
          'ResourceNotFound',
          `Outbound rule '${name}' was not found on workspace '${context.path.names[0]}'.`,
        );
      return { status: 200, body: ruleView(workspaceId, name, rules[name]) };
    },
    put: (context): Reply => {
      const { workspaceId, rules } = rulesOf(context);
      const name = context.path.names[1];
      const rule = normalizeRule(name, propertiesOf(requestBody(context)));
      save(context, { ...rules, [name]: rule });
      return { status: 200, body: ruleView(workspaceId, name, rule) };
    },
    delete: (context): Reply => {
      const { rules } = rulesOf(context);
      const name = context.path.names[1];
      if (!(name in rules)) return { status: 204 };
      const { [name]: _removed, ...rest } = rules;
      save(context, rest);
      return { status: 200 };
    },
  };
}
