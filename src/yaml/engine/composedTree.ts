/**
 * The check tree of a document the `yaml` library composed: for everything beyond plain block YAML (flow collections,
 * block scalars, anchors and aliases, tags, syntax errors). Aliases keep a link to their anchored node; the checks
 * follow it within a budget (checkContext.ts).
 */
import { type Document, type Node, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import {
  type AliasNode,
  type MapNode,
  type NodeRange,
  type PairNode,
  type ParsedDocument,
  ScalarNode,
  type ScalarStyle,
  type SeqNode,
  type YamlNode,
} from './yamlTree';

export function documentFromComposed(document: Document.Parsed): ParsedDocument {
  const converted = new Map<unknown, YamlNode>();
  const aliases: { alias: AliasNode; source: unknown }[] = [];
  const convert = (node: unknown, fallbackAt: number): YamlNode => {
    const known = converted.get(node);
    if (known) return known;
    if (isScalar(node)) {
      const style = (node.type ?? 'PLAIN') as ScalarStyle;
      const text = typeof node.source === 'string' ? node.source : String(node.value ?? '');
      return remember(node, new ScalarNode(text, style, rangeOf(node, fallbackAt), { value: node.value }));
    }
    if (isMap(node)) {
      const items: PairNode[] = [];
      const map: MapNode = { kind: 'map', items, flow: Boolean(node.flow), range: rangeOf(node, fallbackAt) };
      remember(node, map);
      for (const pair of node.items) items.push(pairOf(pair.key, pair.value, map.range[0]));
      return map;
    }
    if (isSeq(node)) {
      const items: (YamlNode | null)[] = [];
      const seq: SeqNode = { kind: 'seq', items, flow: Boolean(node.flow), range: rangeOf(node, fallbackAt) };
      remember(node, seq);
      for (const item of node.items) items.push(isPair(item) ? singlePairMap(item) : nullable(item, seq.range[0]));
      return seq;
    }
    if (isAlias(node)) {
      const alias: AliasNode = {
        kind: 'alias',
        name: node.source,
        range: rangeOf(node, fallbackAt),
        target: undefined,
      };
      aliases.push({ alias, source: node.resolve(document) });
      return remember(node, alias);
    }
    return new ScalarNode('', 'PLAIN', [fallbackAt, fallbackAt, fallbackAt], { value: null });
  };
  const remember = <T extends YamlNode>(source: unknown, node: T): T => {
    converted.set(source, node);
    return node;
  };
  const nullable = (node: unknown, fallbackAt: number): YamlNode | null =>
    node === null || node === undefined ? null : convert(node, fallbackAt);
  const pairOf = (key: unknown, value: unknown, fallbackAt: number): PairNode => {
    const keyNode = nullable(key, fallbackAt);
    return { key: keyNode, value: nullable(value, keyNode?.range[1] ?? fallbackAt) };
  };
  /** `[a: b]`: a pair inside a flow list is a mapping of one pair. */
  const singlePairMap = (pair: { key: unknown; value: unknown }): MapNode => {
    const entry = pairOf(pair.key, pair.value, 0);
    const start = entry.key?.range[0] ?? entry.value?.range[0] ?? 0;
    const end = entry.value?.range ?? entry.key?.range ?? [start, start, start];
    return { kind: 'map', items: [entry], flow: true, range: [start, end[1], end[2]] };
  };
  const root = convert(document.contents, document.range[0]);
  for (const { alias, source } of aliases) alias.target = source === undefined ? undefined : converted.get(source);
  const errors = document.errors.map((error) => ({ start: error.pos[0], end: error.pos[1], message: error.message }));
  return { range: [document.range[0], document.range[1], document.range[2]], root, errors };
}

function rangeOf(node: Node, fallbackAt: number): NodeRange {
  const range = node.range;
  return range ? [range[0], range[1], range[2]] : [fallbackAt, fallbackAt, fallbackAt];
}
