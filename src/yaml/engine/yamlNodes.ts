/** Small readers over the check tree (yamlTree.ts): keys, last-wins lookup, ranges. */
import type { OffsetRange } from './types';
import { type MapNode, type PairNode, type ScalarNode, type YamlNode, isMap, isScalar, isSeq } from './yamlTree';

export type YamlPair = PairNode;

/** The key of a pair when it is a plain or quoted string. */
export function keyName(pair: YamlPair): string | undefined {
  const key = pair.key;
  return isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
}

/** The last pair with this key: YAML loaders (PyYAML in azure-ai-ml) keep the last of repeated keys. */
export function lastPair(map: MapNode, key: string): YamlPair | undefined {
  const items = map.items;
  for (let index = items.length - 1; index >= 0; index--) {
    if (keyName(items[index]!) === key) return items[index];
  }
  return undefined;
}

/** The range of a node's value (without trailing comments or line breaks), or an empty range at `fallback`. */
export function nodeRange(node: YamlNode | null | undefined, fallback = 0): OffsetRange {
  return node ? { start: node.range[0], end: valueEnd(node) } : { start: fallback, end: fallback };
}

/** Where a node's content ends: a block collection's own range runs on over trailing comments and line breaks. */
function valueEnd(node: YamlNode): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const content = isMap(node) ? ((last as PairNode).value ?? (last as PairNode).key) : (last as YamlNode | null);
    return content == null ? node.range[1] : Math.max(valueEnd(content), node.range[0]);
  }
  return node.range[1];
}

/** The range of a pair's key, or of its value when the key has none (`: value`). */
export function keyRange(pair: YamlPair): OffsetRange {
  const key = nodeRange(pair.key, -1);
  return key.start >= 0 ? key : nodeRange(pair.value);
}

/** The value of a scalar node when it is a string. */
export function stringValue(node: YamlNode | null | undefined): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Rewrites a scalar with new text, keeping its quote style (values here never need escaping). */
export function requote(scalar: ScalarNode, newValue: string): string {
  if (scalar.style === 'QUOTE_DOUBLE') return `"${newValue}"`;
  if (scalar.style === 'QUOTE_SINGLE') return `'${newValue}'`;
  return newValue;
}

/** True for a scalar written on one line as plain or quoted text (safe to edit in place). */
export function isInlineScalar(scalar: ScalarNode, text: string): boolean {
  const style = scalar.style;
  if (style !== 'PLAIN' && style !== 'QUOTE_DOUBLE' && style !== 'QUOTE_SINGLE') return false;
  const range = nodeRange(scalar);
  return !text.slice(range.start, range.end).includes('\n');
}

/** A short description of what a node is, for messages. */
export function describeNode(node: YamlNode | null | undefined): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value == null) return 'empty';
    if (typeof value === 'string') return `the string "${value}"`;
    return `the ${typeof value} ${String(value)}`;
  }
  return 'an alias';
}
