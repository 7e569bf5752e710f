/** Hover content: facts about an IP rule under the cursor, or the doc of a key. */
import { describeIpRule, overlaps, type IpRuleFacts } from '../../model/ipRules';
import type { IpRuleEntry } from './checkIpRules';
import { keyInfo, type KeyInfo, type Section } from './keys';
import { ITEM, sectionOfPath } from './sections';
import type { OffsetRange } from './types';
import { keyName, lastPair, nodeRange, stringValue } from './yamlNodes';
import type { HubYamlValidator } from './validator';
import { parseHubDocuments } from './yamlParser';
import { type YamlNode, isMap, isScalar, isSeq } from './yamlTree';

export type HoverInfo =
  | { readonly kind: 'ip-rule'; readonly range: OffsetRange; readonly facts: IpRuleFacts; readonly markdown: string }
  | {
      readonly kind: 'key';
      readonly range: OffsetRange;
      readonly section: Section;
      readonly info: KeyInfo;
      readonly markdown: string;
    };

/** The hover at a file offset of the validator's current text. */
export function hoverAt(validator: HubYamlValidator, offset: number): HoverInfo | undefined {
  const placed = validator.documentAt(offset);
  if (!placed || !placed.analysis.checked) return undefined;
  const local = offset - placed.offset;
  const shift = (range: OffsetRange): OffsetRange => ({
    start: range.start + placed.offset,
    end: range.end + placed.offset,
  });
  const entries = placed.analysis.network?.ipRules?.entries ?? [];
  const entry = entries.find(
    (candidate) => candidate.valueRange && candidate.valueRange.start <= local && local <= candidate.valueRange.end,
  );
  if (entry?.valueRange && entry.parsed?.kind === 'ipv4') {
    const facts = describeIpRule(entry.parsed.rule);
    return { kind: 'ip-rule', range: shift(entry.valueRange), facts, markdown: ipRuleMarkdown(entry, facts, entries) };
  }
  const document = parseHubDocuments(placed.segmentText)[placed.analysis.index];
  const key = keyAt(document?.root, local);
  if (!key) return undefined;
  const info = keyInfo(key.section, key.name);
  if (!info) return undefined;
  return {
    kind: 'key',
    range: shift(key.range),
    section: key.section,
    info,
    markdown: `**${info.key}**\n\n${info.doc}`,
  };
}

function ipRuleMarkdown(entry: IpRuleEntry, facts: IpRuleFacts, entries: readonly IpRuleEntry[]): string {
  const count = facts.addressCount === 1 ? '1 address' : `${facts.addressCount.toLocaleString('en-US')} addresses`;
  const lines = [`**${facts.cidr}**: ${facts.firstAddress} – ${facts.lastAddress} (${count})`];
  lines.push(
    facts.isPublic
      ? 'Public internet addresses.'
      : `Not public: overlaps ${facts.reserved.map((range) => `${range.cidr} (${range.purpose})`).join(', ')}.`,
  );
  const others = entries.filter(
    (other) =>
      other !== entry &&
      other.parsed?.kind === 'ipv4' &&
      entry.parsed?.kind === 'ipv4' &&
      overlaps(other.parsed.rule, entry.parsed.rule),
  );
  if (others.length > 0) {
    const names = others
      .slice(0, 5)
      .map((other) => `rule ${other.index + 1} (${other.parsed?.kind === 'ipv4' ? other.parsed.rule.text : ''})`);
    lines.push(`Overlaps ${names.join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}.`);
  }
  return lines.join('\n\n');
}

interface KeyAtOffset {
  readonly name: string;
  readonly section: Section;
  readonly range: OffsetRange;
}

/** The key under the offset, with the section its mapping belongs to. */
function keyAt(root: YamlNode | undefined, offset: number): KeyAtOffset | undefined {
  const path: string[] = [];
  let node: YamlNode | null | undefined = root;
  let ruleType: string | undefined;
  for (let depth = 0; depth < 64; depth++) {
    if (isSeq(node)) {
      node = node.items.find((item) => contains(nodeRange(item), offset));
      path.push(ITEM);
      continue;
    }
    if (!isMap(node)) return undefined;
    if (path.length === 3 && path[1] === 'outbound_rules') ruleType = stringValue(lastPair(node, 'type')?.value);
    const pair = node.items.find(
      (item) => contains(nodeRange(item.key), offset) || contains(nodeRange(item.value), offset),
    );
    if (!pair) return undefined;
    const name = keyName(pair);
    if (name !== undefined && isScalar(pair.key) && contains(nodeRange(pair.key), offset)) {
      const section = sectionOfPath(path, ruleType);
      return section ? { name, section, range: nodeRange(pair.key) } : undefined;
    }
    if (name === undefined) return undefined;
    path.push(name);
    node = pair.value;
  }
  return undefined;
}

function contains(range: OffsetRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end && range.end > range.start;
}
