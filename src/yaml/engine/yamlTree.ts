/**
 * The parsed shape of a hub YAML document that every check reads: mappings, lists, scalars and aliases with their
 * source ranges, as the `yaml` library's composer would give them. It is built straight from the `yaml` CST when the
 * document is plain block YAML (cstTree.ts, about twice as fast as composing), and from the composed document
 * otherwise (composedTree.ts), so that both paths feed the same checks.
 */
import { Schema, isScalar as isYamlScalar } from 'yaml';

/** `[start, valueEnd, nodeEnd]`, as `yaml` node ranges: nodeEnd includes trailing comments and line breaks. */
export type NodeRange = readonly [number, number, number];

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export type YamlNode = ScalarNode | MapNode | SeqNode | AliasNode;

export interface PairNode {
  readonly key: YamlNode | null;
  /** Null only for a key written without `:` (a syntax error). */
  readonly value: YamlNode | null;
}

export interface MapNode {
  readonly kind: 'map';
  readonly items: readonly PairNode[];
  readonly flow: boolean;
  readonly range: NodeRange;
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly (YamlNode | null)[];
  readonly flow: boolean;
  readonly range: NodeRange;
}

export interface AliasNode {
  readonly kind: 'alias';
  /** The anchor name, without `*`. */
  readonly name: string;
  readonly range: NodeRange;
  /** The anchored node (the last `&name` before the alias); undefined when there is none. */
  target: YamlNode | undefined;
}

const coreSchema = new Schema({});
const scalarTags = coreSchema.tags.filter((tag) => tag.default === true && !tag.collection && tag.test);

/**
 * A plain scalar's value under the YAML 1.2 core schema (null, booleans, numbers, else the string), found with the
 * `yaml` library's own tag tests so that it matches what composing gives.
 */
export function resolvePlainScalar(text: string): unknown {
  for (const tag of scalarTags) {
    if (!tag.test?.test(text)) continue;
    // Some tags (booleans) resolve to a Scalar node rather than a value.
    const resolved = tag.resolve(text, () => undefined, {} as never);
    return isYamlScalar(resolved) ? resolved.value : resolved;
  }
  return text;
}

export class ScalarNode {
  readonly kind = 'scalar';
  private resolved: boolean;
  private resolvedValue: unknown;

  constructor(
    /** The scalar's text after quotes and escapes are resolved. */
    readonly text: string,
    readonly style: ScalarStyle,
    readonly range: NodeRange,
    /** A value already known (from composing); plain scalars resolve theirs on first use. */
    value?: { readonly value: unknown },
  ) {
    this.resolved = value !== undefined || style !== 'PLAIN';
    this.resolvedValue = value ? value.value : text;
  }

  /** `null`, a boolean, a number or a string, as YAML 1.2 reads it. */
  get value(): unknown {
    if (!this.resolved) {
      this.resolvedValue = resolvePlainScalar(this.text);
      this.resolved = true;
    }
    return this.resolvedValue;
  }
}

export function isMap(node: unknown): node is MapNode {
  return (node as YamlNode | null | undefined)?.kind === 'map';
}

export function isSeq(node: unknown): node is SeqNode {
  return (node as YamlNode | null | undefined)?.kind === 'seq';
}

export function isScalar(node: unknown): node is ScalarNode {
  return (node as YamlNode | null | undefined)?.kind === 'scalar';
}

export function isAlias(node: unknown): node is AliasNode {
  return (node as YamlNode | null | undefined)?.kind === 'alias';
}

/** One document of a text: its range (start, contents end, end) and root, and the syntax errors composing found. */
export interface ParsedDocument {
  readonly range: NodeRange;
  readonly root: YamlNode;
  readonly errors: readonly SyntaxProblem[];
}

export interface SyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}
