/** Quick-fix edits for IP rules, computed as text edits that keep the file's indentation and comments. */
import { parseIpList } from '../../model/ipRules';
import type { CheckContext } from './checkContext';
import type { Fix, TextEdit } from './types';
import { isInlineScalar, keyName, keyRange, nodeRange, requote, type YamlPair } from './yamlNodes';
import { type MapNode, type ScalarNode, type YamlNode, isMap, isScalar } from './yamlTree';

/** `ip_rules` written as a mapping (the docs' repeated `value:` form) or a scalar, turned into a list. */
export function convertToListFix(ipRules: YamlPair, indentUnit: number, context: CheckContext): Fix | undefined {
  const value = ipRules.value;
  if (isMap(value)) return value.flow ? flowMapToList(value, context) : blockMapToList(value, context);
  if (isScalar(value)) return scalarToList(ipRules, value, indentUnit, context);
  return undefined;
}

/** Each `value:` pair becomes `- value:`; other pairs stay with the item before them, indented under it. */
function blockMapToList(map: MapNode, context: CheckContext): Fix | undefined {
  const edits: TextEdit[] = [];
  let onlyValues = true;
  map.items.forEach((pair, index) => {
    const start = keyRange(pair).start;
    const end = Math.max(nodeRange(pair.value, start).end, keyRange(pair).end);
    const startsItem = index === 0 || keyName(pair) === 'value';
    if (keyName(pair) !== 'value') onlyValues = false;
    edits.push({ start, end: start, newText: startsItem ? '- ' : '  ' });
    for (
      let newline = context.text.indexOf('\n', start);
      newline >= 0 && newline + 1 < end;
      newline = context.text.indexOf('\n', newline + 1)
    ) {
      if (!isBlankLine(context.text, newline + 1)) edits.push({ start: newline + 1, end: newline + 1, newText: '  ' });
    }
  });
  if (edits.length === 0) return undefined;
  return { title: 'Convert ip_rules to a list of "- value:" items', edits, safe: onlyValues, kind: 'quickfix' };
}

function isBlankLine(text: string, lineStart: number): boolean {
  let at = lineStart;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at >= text.length || text[at] === '\n' || text[at] === '\r';
}

function flowMapToList(map: MapNode, context: CheckContext): Fix {
  const range = nodeRange(map);
  const items = map.items.map((pair) => {
    const start = keyRange(pair).start;
    const end = Math.max(nodeRange(pair.value, start).end, keyRange(pair).end);
    return `{${context.text.slice(start, end)}}`;
  });
  const hasComment = context.text.slice(range.start, range.end).includes('#');
  const onlyValues = map.items.every((pair) => keyName(pair) === 'value');
  return {
    title: 'Convert ip_rules to a list of {value: ...} items',
    edits: [{ start: range.start, end: range.end, newText: `[${items.join(', ')}]` }],
    safe: onlyValues && !hasComment,
    kind: 'quickfix',
  };
}

/** `ip_rules: 52.1.2.3, 20.1.1.0/24` → one `- value:` item per address. */
function scalarToList(
  ipRules: YamlPair,
  scalar: ScalarNode,
  indentUnit: number,
  context: CheckContext,
): Fix | undefined {
  const key = keyRange(ipRules);
  const range = nodeRange(scalar);
  // A tag or anchor between the key and the value would move onto the list: leave those to the user.
  if (context.text.slice(key.end, range.start).trim() !== ':') return undefined;
  const entries = parseIpList(String(scalar.value ?? '')).map((entry) => yamlPlainOrQuoted(entry.text));
  const inFlow = isInFlow(context.text, key.start, context);
  let newText: string;
  let start = range.start;
  if (inFlow || entries.length === 0) {
    newText = `[${entries.map((entry) => `{value: ${entry}}`).join(', ')}]`;
  } else {
    const indent = ' '.repeat(context.columnOf(key.start) + indentUnit);
    const lineBreak = context.text.includes('\r\n') ? '\r\n' : '\n';
    newText = entries.map((entry) => `${lineBreak}${indent}- value: ${entry}`).join('');
    while (start > key.end && /[ \t]/.test(context.text[start - 1])) start--;
    if (context.text.slice(range.start, range.end).endsWith('\n')) newText += lineBreak;
  }
  return {
    title: 'Convert ip_rules to a list of "- value:" items',
    edits: [{ start, end: range.end, newText }],
    safe: true,
    kind: 'quickfix',
  };
}

/** True when the key sits inside a flow mapping (`{...}`), where block lists cannot go. */
function isInFlow(text: string, keyStart: number, context: CheckContext): boolean {
  const before = text.slice(context.lineStartOf(keyStart), keyStart);
  return /[{,]/.test(before.replace(/^[\s-]*/, ''));
}

function yamlPlainOrQuoted(value: string): string {
  return /^[0-9A-Za-z./]+$/.test(value) ? value : JSON.stringify(value);
}

/** A bare string item becomes `value: <string>` (or `{value: <string>}` in a flow list). */
export function wrapAsValueFix(item: ScalarNode, inFlowList: boolean, context: CheckContext): Fix | undefined {
  if (!isInlineScalar(item, context.text)) return undefined;
  const range = nodeRange(item);
  const source = context.text.slice(range.start, range.end);
  if (inFlowList) {
    return {
      title: `Wrap as {value: ${source}}`,
      edits: [{ start: range.start, end: range.end, newText: `{value: ${source}}` }],
      safe: true,
      kind: 'quickfix',
    };
  }
  // Only when the dash is directly before the string: a tag or anchor there would attach to the new mapping.
  const before = context.text.slice(context.lineStartOf(range.start), range.start);
  if (!/^[ \t]*(- +)+$/.test(before)) return undefined;
  return {
    title: `Wrap as value: ${source}`,
    edits: [{ start: range.start, end: range.start, newText: 'value: ' }],
    safe: true,
    kind: 'quickfix',
  };
}

/** Replaces a one-line scalar's text, keeping its quotes. */
export function replaceScalarFix(
  scalar: ScalarNode,
  newValue: string,
  title: string,
  safe: boolean,
  context: CheckContext,
): Fix | undefined {
  if (!isInlineScalar(scalar, context.text)) return undefined;
  const range = nodeRange(scalar);
  return {
    title,
    edits: [{ start: range.start, end: range.end, newText: requote(scalar, newValue) }],
    safe,
    kind: 'quickfix',
  };
}

/** Removes a list item: its whole lines in a block list, the item and a comma in a flow list. */
export function removeItemFix(
  item: YamlNode | null,
  inFlowList: boolean,
  safe: boolean,
  context: CheckContext,
): Fix | undefined {
  const range = nodeRange(item);
  const edit = inFlowList
    ? flowItemRemoval(range.start, range.end, context.text)
    : blockItemRemoval(range.start, range.end, context);
  return edit && { title: 'Remove the duplicate rule', edits: [edit], safe, kind: 'quickfix.remove' };
}

function blockItemRemoval(start: number, end: number, context: CheckContext): TextEdit | undefined {
  const text = context.text;
  let dash = start - 1;
  while (dash >= 0 && /\s/.test(text[dash])) dash--;
  if (text[dash] !== '-') return undefined;
  const lineStart = context.lineStartOf(dash);
  if (text.slice(lineStart, dash).trim() !== '') return undefined;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const rest = text.slice(end, newline < 0 ? text.length : newline).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return { start: lineStart, end: lineEnd, newText: '' };
}

function flowItemRemoval(start: number, end: number, text: string): TextEdit | undefined {
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  if (text[before] === ',') return { start: before, end, newText: '' };
  let after = end;
  while (after < text.length && /\s/.test(text[after])) after++;
  if (text[after] !== ',') return undefined;
  after++;
  while (after < text.length && /[ \t]/.test(text[after])) after++;
  return { start, end: after, newText: '' };
}
