/** Small readers over `yaml` nodes: keys, last-wins lookup, ranges. */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { OffsetRange } from './types';

export type YamlPair = Pair<unknown, unknown>;

/** The key of a pair when it is a plain or quoted string. */
export function keyName(pair: YamlPair): string | undefined {
  const key = pair.key;
  return isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
}

/** The last pair with this key: YAML loaders (PyYAML in azure-ai-ml) keep the last of repeated keys. */
export function lastPair(map: YAMLMap<unknown, unknown>, key: string): YamlPair | undefined {
  const items = map.items;
  for (let index = items.length - 1; index >= 0; index--) {
    if (keyName(items[index]) === key) return items[index];
  }
  return undefined;
}

/** The range of a node's value (without trailing comments or line breaks), or an empty range at `fallback`. */
export function nodeRange(node: unknown, fallback = 0): OffsetRange {
  const range = (node as Node | null | undefined)?.range;
  return range ? { start: range[0], end: valueEnd(node) } : { start: fallback, end: fallback };
}

/** Where a node's content ends: a block collection's own range runs on over trailing comments and line breaks. */
function valueEnd(node: unknown): number {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return 0;
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last: unknown = node.items[node.items.length - 1];
    const content = isPair(last) ? (last.value ?? last.key) : last;
    return content == null ? range[1] : Math.max(valueEnd(content), range[0]);
  }
  return range[1];
}

/** The range of a pair's key, or of its value when the key has none (`: value`). */
export function keyRange(pair: YamlPair): OffsetRange {
  const key = nodeRange(pair.key, -1);
  return key.start >= 0 ? key : nodeRange(pair.value);
}

/** The value of a scalar node when it is a string. */
export function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Rewrites a scalar with new text, keeping its quote style (values here never need escaping). */
export function requote(scalar: Scalar, newValue: string): string {
  if (scalar.type === 'QUOTE_DOUBLE') return `"${newValue}"`;
  if (scalar.type === 'QUOTE_SINGLE') return `'${newValue}'`;
  return newValue;
}

/** True for a scalar written on one line as plain or quoted text (safe to edit in place). */
export function isInlineScalar(scalar: Scalar, text: string): boolean {
  const type = scalar.type;
  if (type !== 'PLAIN' && type !== 'QUOTE_DOUBLE' && type !== 'QUOTE_SINGLE') return false;
  const range = nodeRange(scalar);
  return !text.slice(range.start, range.end).includes('\n');
}

/** A short description of what a node is, for messages. */
export function describeNode(node: unknown): string {
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
