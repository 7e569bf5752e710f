/** `network_acls.ip_rules`: the list shape, each entry, each address, then duplicates and redundancy. */
import {
  MAX_WORKSPACE_IP_RULES,
  ipRuleProblem,
  networkKey,
  parseIpRule,
  type IpRuleParse,
  type IpRuleProblemKind,
  type Ipv4Rule,
} from '../../model/ipRules';
import { checkUnknownKeys } from './checkKeys';
import type { CheckContext } from './checkContext';
import { convertToListFix, removeItemFix, replaceScalarFix, wrapAsValueFix } from './ipRuleFixes';
import type { DiagnosticCode, Fix, OffsetRange } from './types';
import { describeNode, keyName, keyRange, nodeRange, stringValue, type YamlPair } from './yamlNodes';
import { type MapNode, type SeqNode, type YamlNode, isMap, isScalar, isSeq } from './yamlTree';

export type IpRuleStatus = 'ok' | 'invalid-entry' | IpRuleProblemKind | 'duplicate' | 'redundant';

export interface IpRuleEntry {
  readonly index: number;
  readonly itemRange: OffsetRange;
  /** The `value` scalar, when the entry has a string value. */
  readonly valueRange?: OffsetRange;
  readonly parsed?: IpRuleParse;
  status: IpRuleStatus;
  /** For `duplicate` and `redundant`: the index of the rule it repeats or lies in. */
  relatedIndex?: number;
}

export interface IpRulesFacts {
  readonly keyRange: OffsetRange;
  /** False when `ip_rules` is a mapping or a scalar. */
  readonly isList: boolean;
  readonly entries: IpRuleEntry[];
}

const PROBLEM_CODE: Readonly<Record<IpRuleProblemKind, DiagnosticCode>> = {
  invalid: 'invalid-ip-address',
  ipv6: 'ipv6-not-supported',
  reserved: 'reserved-ip-range',
  'non-canonical': 'non-canonical-cidr',
};

/**
 * Checks `ip_rules` (its value given with aliases followed); undefined when it is empty (`ip_rules:` with nothing).
 * An aliased list is checked where its anchor is written; no quick fix rewrites it there for this one use.
 */
export function checkIpRules(
  pair: YamlPair,
  value: YamlNode | null,
  indentUnit: number,
  context: CheckContext,
): IpRulesFacts | undefined {
  const key = keyRange(pair);
  if (value == null || (isScalar(value) && value.value == null)) return undefined;
  if (!isSeq(value)) {
    if (isMap(value) || isScalar(value)) {
      const fix = value === pair.value ? convertToListFix(pair, indentUnit, context) : undefined;
      context.report('ip-rules-not-a-list', key, notAListMessage(value), fix && [fix]);
    }
    return { keyRange: key, isList: false, entries: [] };
  }
  if (value.items.length > MAX_WORKSPACE_IP_RULES) {
    context.report(
      'too-many-ip-rules',
      key,
      `ip_rules has ${value.items.length} rules; Azure allows at most ${MAX_WORKSPACE_IP_RULES}. ` +
        'Merge neighbouring addresses into CIDR ranges, or remove rules.',
    );
  }
  const entries: IpRuleEntry[] = [];
  for (let index = 0; index < value.items.length; index++)
    entries.push(checkEntry(value.items[index] ?? null, index, value, context));
  checkOverlaps(entries, value, context);
  return { keyRange: key, isList: true, entries };
}

function notAListMessage(value: MapNode | YamlNode): string {
  if (isMap(value)) {
    const valueKeys = value.items.filter((pair) => keyName(pair) === 'value').length;
    const repeated = valueKeys > 1 ? ` with the key "value" ${valueKeys} times (YAML keeps only the last one)` : '';
    return (
      `ip_rules is a mapping${repeated}, but azure-ai-ml needs a list. ` +
      'Write each rule as its own "- value: <address>" item (the Azure docs show the wrong form).'
    );
  }
  return `ip_rules is ${describeNode(value)}, but azure-ai-ml needs a list. Write each rule as its own "- value: <address>" item.`;
}

function checkEntry(written: YamlNode | null, index: number, list: SeqNode, context: CheckContext): IpRuleEntry {
  const itemRange = nodeRange(written, nodeRange(list).start);
  const item = context.resolve(written);
  if (item === undefined) return { index, itemRange, status: 'invalid-entry' };
  if (isScalar(item) && typeof item.value === 'string') {
    const fix = item === written ? wrapAsValueFix(item, list.flow, context) : undefined;
    const message = `IP rule "${item.value}" is a bare string; azure-ai-ml needs a mapping. Write it as "value: ${item.value}".`;
    return invalidEntry(index, itemRange, message, context, fix);
  }
  if (!isMap(item)) {
    const message = `An IP rule must be a mapping with a "value", not ${describeNode(item)}. Write "- value: <address>".`;
    return invalidEntry(index, itemRange, message, context);
  }
  checkUnknownKeys(item, 'ip_rule', context);
  const valuePair = context.lookup(item, 'value');
  if (!valuePair)
    return invalidEntry(index, itemRange, 'This IP rule has no "value". Add "value: <IPv4 address or CIDR>".', context);
  const scalar = context.resolve(valuePair.value);
  if (scalar === undefined) return { index, itemRange, status: 'invalid-entry' };
  const text = stringValue(scalar);
  if (text === undefined || text === '') {
    const what = text === '' ? 'empty' : describeNode(scalar);
    const message = `The "value" of this IP rule is ${what}; it must be an IPv4 address or CIDR as a string, for example "52.168.10.0/24".`;
    return invalidEntry(index, itemRange, message, context);
  }
  return checkAddress(scalar, index, itemRange, context);
}

function invalidEntry(
  index: number,
  itemRange: OffsetRange,
  message: string,
  context: CheckContext,
  fix?: Fix,
): IpRuleEntry {
  context.report('invalid-ip-rule-entry', itemRange, message, fix && [fix]);
  return { index, itemRange, status: 'invalid-entry' };
}

function checkAddress(
  scalar: YamlNode | null,
  index: number,
  itemRange: OffsetRange,
  context: CheckContext,
): IpRuleEntry {
  const valueRange = nodeRange(scalar);
  const parsed = parseIpRule(stringValue(scalar) ?? '');
  const problem = ipRuleProblem(parsed);
  if (!problem) return { index, itemRange, valueRange, parsed, status: 'ok' };
  const fix =
    problem.canonical !== undefined && isScalar(scalar)
      ? replaceScalarFix(scalar, problem.canonical, `Change to ${problem.canonical}`, true, context)
      : undefined;
  context.report(PROBLEM_CODE[problem.kind], valueRange, problem.message, fix && [fix]);
  return { index, itemRange, valueRange, parsed, status: problem.kind };
}

/** Duplicates and rules inside other rules, among the entries that passed every earlier check. */
function checkOverlaps(entries: IpRuleEntry[], list: SeqNode, context: CheckContext): void {
  const firstByNetwork = new Map<number, IpRuleEntry>();
  const prefixes = new Set<number>();
  for (const entry of entries) {
    const rule = ipv4Of(entry);
    if (!rule) continue;
    prefixes.add(rule.prefix);
    const key = networkKey(rule);
    const first = firstByNetwork.get(key);
    if (!first) firstByNetwork.set(key, entry);
    else if (entry.status === 'ok') reportDuplicate(entry, first, list, context);
  }
  const sortedPrefixes = [...prefixes].sort((a, b) => a - b);
  for (const entry of entries) {
    const rule = ipv4Of(entry);
    if (!rule || entry.status !== 'ok') continue;
    const outer = findContainer(rule, sortedPrefixes, firstByNetwork);
    if (outer) reportRedundant(entry, outer, list, context);
  }
}

function ipv4Of(entry: IpRuleEntry): Ipv4Rule | undefined {
  return entry.parsed?.kind === 'ipv4' && entry.status !== 'reserved' ? entry.parsed.rule : undefined;
}

function findContainer(
  rule: Ipv4Rule,
  prefixes: readonly number[],
  byNetwork: ReadonlyMap<number, IpRuleEntry>,
): IpRuleEntry | undefined {
  for (const prefix of prefixes) {
    if (prefix >= rule.prefix) break;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const outer = byNetwork.get(((rule.first & mask) >>> 0) * 64 + prefix);
    if (outer) return outer;
  }
  return undefined;
}

function ruleText(entry: IpRuleEntry): string {
  return entry.parsed?.kind === 'ipv4' ? entry.parsed.rule.text : '';
}

function reportDuplicate(entry: IpRuleEntry, first: IpRuleEntry, list: SeqNode, context: CheckContext): void {
  entry.status = 'duplicate';
  entry.relatedIndex = first.index;
  const item = list.items[entry.index] ?? null;
  const exact = ruleText(entry) === ruleText(first) && isMap(item) && item.items.length === 1;
  const fix = removeItemFix(item, list.flow, exact, context);
  context.report(
    'duplicate-ip-rule',
    entry.valueRange ?? entry.itemRange,
    `"${ruleText(entry)}" is the same network as rule ${first.index + 1} ("${ruleText(first)}"). Remove this one.`,
    fix && [fix],
  );
}

function reportRedundant(entry: IpRuleEntry, outer: IpRuleEntry, list: SeqNode, context: CheckContext): void {
  entry.status = 'redundant';
  entry.relatedIndex = outer.index;
  const fix = removeItemFix(list.items[entry.index] ?? null, list.flow, false, context);
  context.report(
    'redundant-ip-rule',
    entry.valueRange ?? entry.itemRange,
    `"${ruleText(entry)}" lies inside rule ${outer.index + 1} ("${ruleText(outer)}"), so it adds nothing. Remove it, or narrow the other rule.`,
    fix && [{ ...fix, title: 'Remove the redundant rule' }],
  );
}
