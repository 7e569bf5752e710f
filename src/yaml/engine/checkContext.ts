/**
 * What every check gets: the document's text, a place to report, and the network sections seen through YAML aliases
 * and `<<` merge keys, as PyYAML (azure-ai-ml's loader) reads them. Following aliases and merges is bounded: a
 * document cannot make the checks expand without end (`&a [*a, *a]` chains), and what is not followed is reported
 * where it stands, never skipped in silence.
 */
import { lineStartOf } from './lineIndex';
import { diagnostic, type Diagnostic, type DiagnosticCode, type Fix, type OffsetRange } from './types';
import { keyName, keyRange, nodeRange } from './yamlNodes';
import {
  type AliasNode,
  type MapNode,
  type PairNode,
  type YamlNode,
  isAlias,
  isMap,
  isScalar,
  isSeq,
} from './yamlTree';

/** Aliases and merges followed per document, at most; far above what a hand-written hub file uses. */
export const MAX_ALIAS_EXPANSIONS = 1000;
/** Merges inside merges, at most. */
const MAX_MERGE_DEPTH = 16;

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  private expansions = 0;
  private readonly reported = new Set<unknown>();

  /** `text` is the parsed text; node offsets index into it. */
  constructor(readonly text: string) {}

  report(code: DiagnosticCode, range: OffsetRange, message: string, fixes?: readonly Fix[]): void {
    this.diagnostics.push(diagnostic(code, range, message, fixes));
  }

  /** Zero-based column of an offset. */
  columnOf(offset: number): number {
    return offset - lineStartOf(this.text, offset);
  }

  /** Offset of the start of the line holding `offset`. */
  lineStartOf(offset: number): number {
    return lineStartOf(this.text, offset);
  }

  /** The node an alias stands for; undefined (and reported) when it cannot be followed. Other nodes as they are. */
  resolve(node: YamlNode | null | undefined): YamlNode | null | undefined {
    if (!isAlias(node)) return node;
    if (!node.target) {
      this.unfollowed(node, `The alias *${node.name} has no anchor &${node.name} before it`);
      return undefined;
    }
    if (++this.expansions > MAX_ALIAS_EXPANSIONS) {
      this.unfollowed(node, `The file follows more than ${MAX_ALIAS_EXPANSIONS} aliases and merges`);
      return undefined;
    }
    return node.target;
  }

  /** The last pair of a key, merged pairs (`<<`) included. */
  lookup(map: MapNode, key: string): PairNode | undefined {
    const pairs = this.pairsOf(map);
    for (let index = pairs.length - 1; index >= 0; index--) {
      if (keyName(pairs[index]!) === key) return pairs[index];
    }
    return undefined;
  }

  /** The pairs of a mapping with its `<<` merge keys expanded; later pairs win, as in lastPair. */
  pairsOf(map: MapNode, depth = 0): readonly PairNode[] {
    if (!map.items.some(isMergePair)) return map.items;
    const merged: PairNode[] = [];
    const own: PairNode[] = [];
    for (const pair of map.items) {
      if (!isMergePair(pair)) {
        own.push(pair);
        continue;
      }
      const sources = depth < MAX_MERGE_DEPTH ? this.mergeSources(pair) : this.tooDeep(pair);
      // In a merge, the first mapping listed wins: with last-wins lookups, it goes last.
      // A loop, not push(...pairs): spreading a mapping of 120 000 keys throws RangeError.
      for (const source of [...sources].reverse()) {
        for (const inherited of this.pairsOf(source, depth + 1)) merged.push(inherited);
      }
    }
    return [...merged, ...own];
  }

  private mergeSources(pair: PairNode): MapNode[] {
    const value = this.resolve(pair.value);
    if (value === undefined) return [];
    if (isMap(value)) return [value];
    const items = isSeq(value) ? value.items.map((item) => this.resolve(item)) : [value];
    if (items.every(isMap)) return items;
    if (!items.includes(undefined)) {
      this.report(
        'unresolved-alias',
        keyRange(pair),
        '<< must merge a mapping, or a list of mappings; this one is not followed, so the network checks cannot see what it brings. Write the keys here instead.',
      );
    }
    return items.filter(isMap);
  }

  private tooDeep(pair: PairNode): MapNode[] {
    this.report(
      'unresolved-alias',
      keyRange(pair),
      `This << merge is nested more than ${MAX_MERGE_DEPTH} deep and is not followed, so the network checks cannot see what it brings. Write the keys here instead.`,
    );
    return [];
  }

  private unfollowed(alias: AliasNode, why: string): void {
    if (this.reported.has(alias)) return;
    this.reported.add(alias);
    this.report(
      'unresolved-alias',
      nodeRange(alias),
      `${why}: it is not followed, so the network checks cannot see what it stands for. Write the value here instead.`,
    );
  }
}

/** `<<:` written plain: the YAML 1.1 merge key (a quoted '<<' is an ordinary key). */
export function isMergePair(pair: PairNode): boolean {
  return isScalar(pair.key) && pair.key.style === 'PLAIN' && pair.key.text === '<<';
}
