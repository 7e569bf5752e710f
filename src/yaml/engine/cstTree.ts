/**
 * Builds the check tree straight from the `yaml` CST, without composing documents: composing (nodes, tags, comments)
 * cost more than parsing itself, and validation is budgeted at 4× the Lexer's time. Hand-written because `yaml` has
 * no public "light" composer; kept honest by staying within plain block YAML: block mappings and lists, one-line plain
 * or quoted scalars without escapes, comments. Anything else (flow collections, block scalars, anchors, aliases, tags,
 * explicit keys, multi-line scalars, tabs, directives, `...`, or any condition under which the composer reports an
 * error) gives up, and the caller composes the text instead. Ranges are the composer's, rule for rule
 * (compose/resolve-block-map.js, resolve-block-seq.js, resolve-props.js, util-empty-scalar-position.js); a property
 * test checks both paths agree.
 */
import type { CST } from 'yaml';
import { type MapNode, type NodeRange, type PairNode, type ParsedDocument, ScalarNode, type SeqNode } from './yamlTree';

type SourceToken = CST.SourceToken;

/** Thrown where the text leaves plain block YAML: the caller composes it instead. */
class NotPlainBlockYaml extends Error {}

function giveUp(): never {
  throw new NotPlainBlockYaml();
}

/** The documents of a token stream, or undefined when some part of it is not plain block YAML. */
export function documentsFromCst(tokens: readonly CST.Token[]): ParsedDocument[] | undefined {
  const documents: ParsedDocument[] = [];
  try {
    for (const token of tokens) {
      if (token.type === 'document') documents.push(documentOf(token));
      else if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') {
        if (token.type !== 'byte-order-mark') giveUp();
      }
    }
  } catch (error) {
    if (error instanceof NotPlainBlockYaml) return undefined;
    throw error;
  }
  return documents;
}

interface Props {
  readonly found: SourceToken | undefined;
  readonly hasNewline: boolean;
  readonly hasComment: boolean;
  /** Where the tokens end (or `offset` when there are none). */
  readonly end: number;
}

/** resolve-props.js for the tokens plain block YAML has: spaces, line breaks, comments and one indicator. */
function propsOf(tokens: readonly SourceToken[], indicator: string, startOnNewline: boolean, offset: number): Props {
  let hasSpace = startOnNewline;
  let hasNewline = false;
  let hasComment = false;
  let found: SourceToken | undefined;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) giveUp();
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) giveUp();
        hasComment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      default:
        if (token.type !== indicator || found) giveUp();
        found = token;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, hasNewline, hasComment, end: last ? last.offset + last.source.length : offset };
}

function documentOf(document: CST.Document): ParsedDocument {
  const props = propsOf(document.start, 'doc-start', true, document.offset);
  const value = document.value;
  if (props.found && (value?.type === 'block-map' || value?.type === 'block-seq') && !props.hasNewline) giveUp();
  const root = value ? nodeOf(value) : emptyScalar(props.end, document.start, props);
  const contentEnd = root.range[2];
  let end = contentEnd;
  for (const token of document.end ?? []) {
    if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') giveUp();
    end += token.source.length;
  }
  return { range: [document.offset, contentEnd, end], root, errors: [] };
}

function nodeOf(token: CST.Token): MapNode | SeqNode | ScalarNode {
  switch (token.type) {
    case 'block-map':
      return blockMap(token);
    case 'block-seq':
      return blockSeq(token);
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      return flowScalar(token);
    default:
      return giveUp();
  }
}

function blockMap(map: CST.BlockMap): MapNode {
  const items: PairNode[] = [];
  let offset = map.offset;
  let commentEnd: number | undefined;
  for (const { start, key, sep, value } of map.items) {
    const keyProps = propsOf(start, 'explicit-key-ind', true, offset);
    if (keyProps.found) giveUp();
    if (!key && !sep) {
      commentEnd = keyProps.end;
      continue;
    }
    if (!key || !sep || !isFlowScalar(key) || key.indent !== map.indent || containsNewline(key)) giveUp();
    const keyNode = flowScalar(key);
    const valueProps = propsOf(sep, 'map-value-ind', false, keyNode.range[2]);
    offset = valueProps.end;
    const indicator = valueProps.found ?? giveUp();
    if (value?.type === 'block-map' && !valueProps.hasNewline) giveUp();
    // The composer (strict) refuses implicit keys over 1024 characters.
    if (indicator.offset - keyNode.range[0] > 1000) giveUp();
    const valueNode = value ? nodeOf(value) : emptyScalar(offset, sep, valueProps);
    offset = valueNode.range[2];
    items.push({ key: keyNode, value: valueNode });
  }
  if (commentEnd !== undefined && commentEnd < offset) giveUp();
  return { kind: 'map', items, flow: false, range: [map.offset, offset, commentEnd ?? offset] };
}

function blockSeq(seq: CST.BlockSequence): SeqNode {
  const items: (MapNode | SeqNode | ScalarNode)[] = [];
  let offset = seq.offset;
  let commentEnd: number | undefined;
  for (const { start, value } of seq.items) {
    const props = propsOf(start, 'seq-item-ind', true, offset);
    if (!props.found) {
      if (value) giveUp();
      commentEnd = props.end;
      continue;
    }
    const node = value ? nodeOf(value) : emptyScalar(props.end, start, props);
    offset = node.range[2];
    items.push(node);
  }
  return { kind: 'seq', items, flow: false, range: [seq.offset, offset, commentEnd ?? offset] };
}

function isFlowScalar(token: CST.Token): token is CST.FlowScalar {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

function containsNewline(key: CST.FlowScalar): boolean {
  return key.source.includes('\n') || (key.end ?? []).some((token) => token.type === 'newline');
}

/** Characters a plain scalar may not start with (compose/resolve-flow-scalar.js). */
const BAD_PLAIN_START = new Set([',', '%', '|', '>', '@', '`', '\t']);

function flowScalar(token: CST.FlowScalar): ScalarNode {
  const source = token.source;
  if (source.includes('\n') || source.includes('\r')) giveUp();
  let text: string;
  let style: 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';
  if (token.type === 'scalar') {
    if (BAD_PLAIN_START.has(source[0] ?? '')) giveUp();
    text = source;
    style = 'PLAIN';
  } else if (token.type === 'single-quoted-scalar') {
    if (source.length < 2 || !source.endsWith("'")) giveUp();
    text = source.slice(1, -1).replaceAll("''", "'");
    style = 'QUOTE_SINGLE';
  } else {
    if (source.length < 2 || !source.endsWith('"') || source.includes('\\')) giveUp();
    text = source.slice(1, -1);
    style = 'QUOTE_DOUBLE';
  }
  const valueEnd = token.offset + source.length;
  // resolve-end.js (strict): only spaces, comments after a space, and line breaks may follow a scalar.
  let end = valueEnd;
  let hasSpace = false;
  for (const after of token.end ?? []) {
    if (after.type === 'space' || after.type === 'newline') hasSpace = true;
    else if (after.type !== 'comment' || !hasSpace) giveUp();
    end += after.source.length;
  }
  return new ScalarNode(text, style, [token.offset, valueEnd, end]);
}

/** An absent value: null, placed after the whitespace that follows the last indicator (util-empty-scalar-position.js). */
function emptyScalar(offset: number, before: readonly SourceToken[], props: Props): ScalarNode {
  let position = offset;
  for (let index = before.length - 1; index >= 0; --index) {
    const token = before[index]!;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      position -= token.source.length;
      continue;
    }
    for (let next = index + 1; before[next]?.type === 'space'; next++) position += before[next]!.source.length;
    break;
  }
  const range: NodeRange = [position, position, props.hasComment ? props.end : position];
  return new ScalarNode('', 'PLAIN', range, { value: null });
}
