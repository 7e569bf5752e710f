/** `managed_network`: the isolation mode and the outbound rules with their type-specific destinations. */
import { checkUnknownKeys } from './checkKeys';
import type { CheckContext } from './checkContext';
import { replaceScalarFix } from './ipRuleFixes';
import {
  ISOLATION_MODES,
  ISOLATION_MODES_PASCAL,
  OUTBOUND_RULE_TYPES,
  keyInfo,
  knownKeys,
  type IsolationMode,
  type OutboundRuleType,
  type Section,
} from './keys';
import { describeNode, keyName, keyRange, nodeRange, stringValue, type YamlPair } from './yamlNodes';
import { type MapNode, type YamlNode, isMap, isScalar, isSeq } from './yamlTree';

export interface ManagedNetworkFacts {
  /** Normalised to snake_case; undefined when absent or invalid. */
  readonly isolationMode?: IsolationMode;
  readonly isolationModeValid: boolean;
  readonly outboundRuleCount: number;
}

interface OutboundRuleFacts {
  readonly item: YamlNode | null;
  readonly type?: OutboundRuleType;
}

export function checkManagedNetwork(root: MapNode, context: CheckContext): ManagedNetworkFacts | undefined {
  const network = context.resolve(context.lookup(root, 'managed_network')?.value);
  if (!isMap(network)) return undefined;
  checkUnknownKeys(network, 'managed_network', context);
  const modePair = context.lookup(network, 'isolation_mode');
  // Without isolation_mode the service uses disabled.
  const isolationMode = modePair ? checkIsolationMode(modePair, context) : 'disabled';
  const rules = checkOutboundRules(context.lookup(network, 'outbound_rules'), context);
  if (isolationMode !== undefined && isolationMode !== 'allow_only_approved_outbound') {
    const label = modePair ? isolationMode : 'not set (so disabled)';
    for (const rule of rules) if (rule.type === 'fqdn') reportIgnoredFqdn(rule.item, label, context);
  }
  return { isolationMode, isolationModeValid: isolationMode !== undefined, outboundRuleCount: rules.length };
}

function checkIsolationMode(pair: YamlPair, context: CheckContext): IsolationMode | undefined {
  const mode = context.resolve(pair.value);
  // An alias not followed is reported where it stands; the mode stays unknown.
  if (mode === undefined) return undefined;
  const text = stringValue(mode) ?? '';
  const snake = ISOLATION_MODES.indexOf(text as IsolationMode);
  if (snake >= 0) return ISOLATION_MODES[snake];
  const pascal = ISOLATION_MODES_PASCAL.indexOf(text as (typeof ISOLATION_MODES_PASCAL)[number]);
  if (pascal >= 0) return ISOLATION_MODES[pascal];
  const loose = text.toLowerCase().replace(/_/g, '');
  const near = ISOLATION_MODES.find((mode) => mode.replace(/_/g, '') === loose);
  const fix = near && isScalar(mode) ? replaceScalarFix(mode, near, `Change to ${near}`, false, context) : undefined;
  context.report(
    'invalid-isolation-mode',
    nodeRange(mode, keyRange(pair).end),
    `isolation_mode is ${describeNode(mode)}; it must be ${ISOLATION_MODES.join(', ')} (or ${ISOLATION_MODES_PASCAL.join(', ')}).` +
      (near ? ` Did you mean ${near}?` : ''),
    fix && [fix],
  );
  return undefined;
}

function checkOutboundRules(pair: YamlPair | undefined, context: CheckContext): OutboundRuleFacts[] {
  const rules = pair && context.resolve(pair.value);
  if (!pair || rules == null || (isScalar(rules) && rules.value == null)) return [];
  if (!isSeq(rules)) {
    context.report(
      'invalid-outbound-rule',
      keyRange(pair),
      `outbound_rules is ${describeNode(rules)}; it must be a list of rules with name, type and destination.`,
    );
    return [];
  }
  return rules.items.map((item) => checkOutboundRule(item, context));
}

function checkOutboundRule(written: YamlNode | null, context: CheckContext): OutboundRuleFacts {
  const itemRange = nodeRange(written);
  const item = context.resolve(written);
  if (item === undefined) return { item: written };
  if (!isMap(item)) {
    context.report(
      'invalid-outbound-rule',
      itemRange,
      `An outbound rule must be a mapping with name, type and destination, not ${describeNode(item)}.`,
    );
    return { item };
  }
  checkUnknownKeys(item, 'outbound_rule', context);
  const missing = ['name', 'type', 'destination'].filter((key) => !context.lookup(item, key));
  if (missing.length > 0) {
    context.report(
      'invalid-outbound-rule',
      itemRange,
      `This outbound rule has no ${missing.join(' and no ')}. Add ${missing.map((key) => `"${key}:"`).join(', ')}.`,
    );
  }
  const typePair = context.lookup(item, 'type');
  if (!typePair) return { item };
  const typeValue = context.resolve(typePair.value);
  if (typeValue === undefined) return { item };
  const type = OUTBOUND_RULE_TYPES.find((known) => known === stringValue(typeValue));
  if (!type) {
    context.report(
      'invalid-outbound-rule',
      nodeRange(typeValue, keyRange(typePair).end),
      `The outbound rule type is ${describeNode(typeValue)}; it must be fqdn, service_tag or private_endpoint.`,
    );
    return { item };
  }
  const destination = context.lookup(item, 'destination');
  if (destination) checkDestination(destination, type, context);
  return { item, type };
}

const DESTINATION_SECTION: Readonly<Record<Exclude<OutboundRuleType, 'fqdn'>, Section>> = {
  service_tag: 'service_tag_destination',
  private_endpoint: 'private_endpoint_destination',
};

const REQUIRED_DESTINATION_KEYS: Readonly<Record<Exclude<OutboundRuleType, 'fqdn'>, readonly string[]>> = {
  service_tag: ['service_tag', 'protocol', 'port_ranges'],
  private_endpoint: ['service_resource_id', 'subresource_target'],
};

function checkDestination(pair: YamlPair, type: OutboundRuleType, context: CheckContext): void {
  const value = context.resolve(pair.value);
  if (value === undefined) return;
  const range = nodeRange(value, keyRange(pair).end);
  if (type === 'fqdn') {
    if (stringValue(value) === undefined || stringValue(value) === '') {
      context.report(
        'invalid-outbound-rule',
        range,
        `An fqdn rule's destination must be a host name such as "pypi.org", not ${describeNode(value)}.`,
      );
    }
    return;
  }
  const required = REQUIRED_DESTINATION_KEYS[type];
  if (!isMap(value)) {
    context.report(
      'invalid-outbound-rule',
      range,
      `A ${type} rule's destination must be a mapping with ${required.join(', ')}, not ${describeNode(value)}.`,
    );
    return;
  }
  const missing = required.filter((key) => !context.lookup(value, key));
  if (missing.length > 0) {
    context.report(
      'invalid-outbound-rule',
      keyRange(pair),
      `This ${type} destination has no ${missing.join(', ')}. Add ${missing.map((key) => `"${key}:"`).join(', ')}.`,
    );
  }
  reportWrongDestinationKeys(value, type, context);
}

function reportWrongDestinationKeys(
  destination: MapNode,
  type: Exclude<OutboundRuleType, 'fqdn'>,
  context: CheckContext,
): void {
  const section = DESTINATION_SECTION[type];
  for (const pair of context.pairsOf(destination)) {
    const name = keyName(pair);
    if (name === undefined) continue;
    if (name === 'spark_enabled' && type === 'private_endpoint') {
      const enabled = context.resolve(pair.value);
      if (isScalar(enabled) && typeof enabled.value !== 'boolean') {
        context.report(
          'invalid-outbound-rule',
          nodeRange(enabled),
          `spark_enabled is ${describeNode(enabled)}; write true or false.`,
        );
      }
      continue;
    }
    if (keyInfo(section, name)) continue;
    context.report(
      'invalid-outbound-rule',
      keyRange(pair),
      `A ${type} destination does not take "${name}" (it takes ${knownKeys(section).join(', ')}). Remove it.`,
    );
  }
}

function reportIgnoredFqdn(item: YamlNode | null, isolationMode: string, context: CheckContext): void {
  context.report(
    'outbound-rule-ignored',
    nodeRange(item),
    `This fqdn rule has no effect: isolation_mode is ${isolationMode}, and FQDN rules apply only in allow_only_approved_outbound. ` +
      'Set isolation_mode: allow_only_approved_outbound, or remove the rule.',
  );
}
