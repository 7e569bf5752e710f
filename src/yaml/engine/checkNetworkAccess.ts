/** `public_network_access` and `network_acls`: the public access mode and its selected-IP rules. */
import { checkIpRules, type IpRulesFacts } from './checkIpRules';
import { checkUnknownKeys } from './checkKeys';
import type { CheckContext } from './checkContext';
import { replaceScalarFix } from './ipRuleFixes';
import { DEFAULT_ACTION_VALUES } from './keys';
import type { OffsetRange } from './types';
import { describeNode, keyRange, nodeRange, stringValue, type YamlPair } from './yamlNodes';
import { type MapNode, type YamlNode, isMap, isScalar } from './yamlTree';

export type PublicNetworkAccess = 'enabled' | 'disabled';
export type DefaultAction = (typeof DEFAULT_ACTION_VALUES)[number];

export interface NetworkAccessFacts {
  /** Normalised; undefined when absent or invalid. */
  readonly publicNetworkAccess?: PublicNetworkAccess;
  readonly hasNetworkAcls: boolean;
  readonly defaultAction?: DefaultAction;
  readonly ipRules?: IpRulesFacts;
}

export function checkNetworkAccess(root: MapNode, context: CheckContext): NetworkAccessFacts {
  const publicNetworkAccess = checkPublicNetworkAccess(context.lookup(root, 'public_network_access'), context);
  const aclsPair = context.lookup(root, 'network_acls');
  if (!aclsPair) return { publicNetworkAccess, hasNetworkAcls: false };
  const acls = context.resolve(aclsPair.value);
  // An alias not followed is reported; a non-mapping network_acls is a type error that the JSON schema reports.
  if (acls === undefined) return { publicNetworkAccess, hasNetworkAcls: true };
  if (acls != null && !isMap(acls) && !(isScalar(acls) && acls.value == null))
    return { publicNetworkAccess, hasNetworkAcls: true };
  const facts = isMap(acls) ? checkAcls(aclsPair, acls, context) : missingDefaultAction(aclsPair, context);
  if (facts.ipRules?.isList && facts.ipRules.entries.length > 0)
    reportIgnoredRules(facts, publicNetworkAccess, context);
  return { publicNetworkAccess, hasNetworkAcls: true, ...facts };
}

function checkPublicNetworkAccess(pair: YamlPair | undefined, context: CheckContext): PublicNetworkAccess | undefined {
  if (!pair) return undefined;
  const node = context.resolve(pair.value);
  if (node === undefined) return undefined;
  const value = stringValue(node)?.toLowerCase();
  if (value === 'enabled' || value === 'disabled') return value;
  context.report(
    'invalid-public-network-access',
    nodeRange(node, keyRange(pair).end),
    `public_network_access is ${describeNode(node)}; it must be Enabled or Disabled.`,
  );
  return undefined;
}

type AclsFacts = Pick<NetworkAccessFacts, 'defaultAction' | 'ipRules'> & { defaultActionRange?: OffsetRange };

function missingDefaultAction(aclsPair: YamlPair, context: CheckContext): AclsFacts {
  context.report(
    'missing-default-action',
    keyRange(aclsPair),
    'network_acls has no default_action. Add "default_action: Deny" to allow only the ip_rules, or "default_action: Allow" to allow every network.',
  );
  return {};
}

function checkAcls(aclsPair: YamlPair, acls: MapNode, context: CheckContext): AclsFacts {
  checkUnknownKeys(acls, 'network_acls', context);
  const actionPair = context.lookup(acls, 'default_action');
  const action = actionPair && context.resolve(actionPair.value);
  const defaultAction =
    actionPair && action !== undefined ? checkDefaultAction(actionPair, action, context) : undefined;
  if (!actionPair) missingDefaultAction(aclsPair, context);
  const rulesPair = context.lookup(acls, 'ip_rules');
  // The file's own indentation step, for the list that the ip_rules quick fix writes.
  const step = rulesPair ? context.columnOf(keyRange(rulesPair).start) - context.columnOf(keyRange(aclsPair).start) : 0;
  const indentUnit = step > 0 ? step : 2;
  const rules = rulesPair && context.resolve(rulesPair.value);
  const rulesUnfollowed = rulesPair !== undefined && rules === undefined;
  const ipRules =
    rulesPair && !rulesUnfollowed ? checkIpRules(rulesPair, rules ?? null, indentUnit, context) : undefined;
  const noRules = !ipRules || (ipRules.isList && ipRules.entries.length === 0);
  if (defaultAction === 'Deny' && actionPair && noRules && !rulesUnfollowed) {
    context.report(
      'deny-without-ip-rules',
      nodeRange(action),
      'default_action is Deny but there are no ip_rules, so no network can reach the workspace. ' +
        'Add "ip_rules:" with "- value: <your public IP>" items, or set public_network_access: Disabled if that is the intent.',
    );
  }
  return { defaultAction, ipRules };
}

function checkDefaultAction(pair: YamlPair, action: YamlNode | null, context: CheckContext): DefaultAction | undefined {
  const text = stringValue(action);
  const exact = DEFAULT_ACTION_VALUES.find((value) => value === text);
  if (exact) return exact;
  const caseMatch = DEFAULT_ACTION_VALUES.find((value) => value.toLowerCase() === text?.toLowerCase());
  const fix =
    caseMatch && isScalar(action)
      ? replaceScalarFix(action, caseMatch, `Change to ${caseMatch}`, true, context)
      : undefined;
  const hint = caseMatch ? `Write "${caseMatch}": the value is case-sensitive.` : 'Use Allow or Deny.';
  context.report(
    'invalid-default-action',
    nodeRange(action, keyRange(pair).end),
    `default_action is ${describeNode(action)}; it must be exactly Allow or Deny. ${hint}`,
    fix && [fix],
  );
  return undefined;
}

function reportIgnoredRules(
  facts: AclsFacts,
  publicNetworkAccess: PublicNetworkAccess | undefined,
  context: CheckContext,
): void {
  const ipRules = facts.ipRules;
  if (!ipRules) return;
  if (publicNetworkAccess === 'disabled') {
    context.report(
      'ip-rules-ignored',
      ipRules.keyRange,
      'These ip_rules have no effect: public_network_access is Disabled, so no public network can connect. ' +
        'Set public_network_access: Enabled with default_action: Deny to allow only these addresses, or remove ip_rules.',
    );
  } else if (facts.defaultAction === 'Allow') {
    context.report(
      'ip-rules-ignored',
      ipRules.keyRange,
      'These ip_rules have no effect: default_action is Allow, so every network can connect. Set default_action: Deny to allow only these addresses.',
    );
  }
}
