/**
 * Where the cursor is, for completion. Text being typed rarely parses, so this reads the indentation of the
 * lines above the cursor (block style) instead of the parsed tree.
 */
import { keyInfo, type KeyInfo, type Section } from './keys';
import { lineStartOf } from './lineIndex';
import { ITEM, sectionOfPath } from './sections';
import type { OffsetRange } from './types';

export interface CompletionContext {
  /** The key table that applies, when the cursor is in one of the sections we know. */
  readonly section: Section | undefined;
  /** Keys from the document root to the cursor's mapping; list items are `'[]'`. */
  readonly path: readonly string[];
  /** `key`: typing a key; `value`: typing the value of `key`. */
  readonly slot: 'key' | 'value';
  readonly key?: string;
  /** The key's entry in the table, when typing a known key's value. */
  readonly keyInfo?: KeyInfo;
  /** Keys already present in the cursor's mapping (not to propose again). */
  readonly presentKeys: readonly string[];
  /** The word being typed, to replace with the completion. */
  readonly replaceRange: OffsetRange;
}

interface Line {
  readonly start: number;
  readonly text: string;
  /** Column of the first character after indentation and `- ` markers. */
  readonly keyColumn: number;
  /** Columns of the `-` markers. */
  readonly dashes: readonly number[];
  readonly key?: string;
  /** The text after the key's colon. */
  readonly value?: string;
  /** True when the key has nothing after its colon but a comment (a nested block follows). */
  readonly opensBlock: boolean;
}

/**
 * Completion reads lines up to this length; a longer line (minified data, an attack) gets no completion. The line
 * scanners below are linear, so this only bounds the work done on each keystroke.
 */
export const MAX_COMPLETION_LINE_LENGTH = 10_000;

function readLine(text: string, start: number): Line {
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  const shape = lineShape(lineText);
  const dashes = shape.dashColumns;
  const rest = shape.key === undefined ? undefined : lineText.slice(shape.valueStart);
  const opensBlock =
    shape.key !== undefined && (rest === undefined || /^\s*(#.*)?$/.test(rest) || /^\s*[|>]/.test(rest));
  return {
    start,
    text: lineText,
    keyColumn: shape.keyColumn,
    dashes,
    key: shape.key,
    value: rest === undefined ? undefined : withoutComment(rest).trim(),
    opensBlock,
  };
}

export interface LineShape {
  /** Column after the indentation and the `- ` markers. */
  readonly keyColumn: number;
  readonly dashColumns: readonly number[];
  readonly key?: string;
  /** Where the value starts: after the key's colon and the blanks that follow it. */
  readonly valueStart: number;
  /** True when at least one blank follows the colon (a value is being typed), false when the colon ends the text. */
  readonly blankAfterColon: boolean;
}

const isBlank = (character: string | undefined): boolean => character === ' ' || character === '\t';
const isWhiteSpace = (character: string | undefined): boolean => character !== undefined && /\s/.test(character);

/**
 * Indentation, `- ` markers, and a `key:` (plain or quoted) followed by a blank or the end. Hand-written because the
 * regular expression it replaces (a lazy key followed by `[ \t]*:`) backtracked in cubic time on a long line; this
 * scans each character a bounded number of times.
 */
export function lineShape(line: string): LineShape {
  let at = 0;
  while (isWhiteSpace(line[at])) at++;
  const dashColumns: number[] = [];
  while (line[at] === '-' && isBlank(line[at + 1])) {
    dashColumns.push(at);
    at++;
    while (isBlank(line[at])) at++;
  }
  const keyColumn = at;
  const noKey = { keyColumn, dashColumns, valueStart: line.length, blankAfterColon: false };
  // A key cannot hold ':' or '#': the first of them ends it (or, for '#', rules a key out).
  let colon = at;
  while (colon < line.length && line[colon] !== ':' && line[colon] !== '#') colon++;
  if (line[colon] !== ':') return noKey;
  let keyEnd = colon;
  while (keyEnd > keyColumn && isBlank(line[keyEnd - 1])) keyEnd--;
  const quote = line[keyColumn] === '"' || line[keyColumn] === "'" ? line[keyColumn] : '';
  const keyStart = keyColumn + quote.length;
  if (quote && (keyEnd - 1 <= keyStart || line[keyEnd - 1] !== quote)) return noKey;
  const key = line.slice(keyStart, keyEnd - quote.length);
  const first = key[0];
  if (first === undefined || isWhiteSpace(first) || first === '"' || first === "'") return noKey;
  if (colon + 1 < line.length && !isBlank(line[colon + 1])) return noKey;
  let valueStart = colon + 1;
  while (isBlank(line[valueStart])) valueStart++;
  return { keyColumn, dashColumns, key, valueStart, blankAfterColon: valueStart > colon + 1 };
}

/** A value without its trailing comment: a `#` after white space starts one. */
function withoutComment(value: string): string {
  for (let at = 1; at < value.length; at++) {
    if (value[at] === '#' && isWhiteSpace(value[at - 1])) return value.slice(0, at);
  }
  return value;
}

/** The word being typed: the characters before the cursor up to white space or YAML punctuation. */
function wordBefore(text: string): string {
  let start = text.length;
  while (start > 0 && !isWhiteSpace(text[start - 1]) && !':,[]{}'.includes(text[start - 1] as string)) start--;
  return text.slice(start);
}

/** The key whose value is being typed before the cursor: `key: val|`, with no blank inside the value so far. */
function keyOfValueBefore(beforeCursor: string): string | undefined {
  const shape = lineShape(beforeCursor);
  if (shape.key === undefined || !shape.blankAfterColon) return undefined;
  for (let at = shape.valueStart; at < beforeCursor.length; at++) if (isWhiteSpace(beforeCursor[at])) return undefined;
  return shape.key;
}

function isBlankOrComment(line: Line): boolean {
  return /^\s*(#.*)?$/.test(line.text);
}

function isDocumentMarker(line: Line): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line.text);
}

/** The completion context at `offset` in `text`. */
export function completionContextAt(text: string, offset: number): CompletionContext {
  const lineStart = lineStartOf(text, offset);
  const lineEnd = text.indexOf('\n', offset);
  if ((lineEnd < 0 ? text.length : lineEnd) - lineStart > MAX_COMPLETION_LINE_LENGTH) {
    return { section: undefined, path: [], slot: 'key', presentKeys: [], replaceRange: { start: offset, end: offset } };
  }
  const current = readLine(text, lineStart);
  const beforeCursor = text.slice(lineStart, offset);
  const valueKey = keyOfValueBefore(beforeCursor);
  const word = wordBefore(beforeCursor);
  const replaceRange = { start: offset - word.length, end: offset };
  const column = valueKey !== undefined ? current.keyColumn : offset - lineStart - word.length;
  const ownDashes = current.dashes.filter((dash) => dash < column);
  const path = ancestorsOf(text, lineStart, ownDashes.length > 0 ? ownDashes[0] : column);
  const fullPath = path.concat(ownDashes.map(() => ITEM));
  const present = ownDashes.length > 0 ? [] : siblingLines(text, lineStart, column).map((line) => line.key ?? '');
  const section = sectionOfPath(fullPath, outboundType(text, fullPath, lineStart, column));
  if (valueKey !== undefined) {
    const info = section ? keyInfo(section, valueKey) : undefined;
    return {
      section,
      path: fullPath,
      slot: 'value',
      key: valueKey,
      ...(info ? { keyInfo: info } : {}),
      presentKeys: present,
      replaceRange,
    };
  }
  return { section, path: fullPath, slot: 'key', presentKeys: present, replaceRange };
}

/** Keys of the mappings enclosing a key written at `column` on the line starting at `lineStart`. */
function ancestorsOf(text: string, lineStart: number, column: number): string[] {
  const reversed: string[] = [];
  let limit = column;
  // A list may sit at the same column as its key (`key:` then `- item` below it, not indented).
  let underList = false;
  for (
    let start = previousLineStart(text, lineStart);
    start >= 0 && limit > 0;
    start = previousLineStart(text, start)
  ) {
    const line = readLine(text, start);
    if (isDocumentMarker(line)) break;
    if (isBlankOrComment(line)) continue;
    const indent = indentOf(line);
    const listKey = underList && indent === limit && line.dashes.length === 0 && line.opensBlock;
    if (indent >= limit && !listKey) continue;
    // Built backwards (the nearest mapping first) and reversed once at the end.
    if (line.key !== undefined && line.keyColumn < limit + (listKey ? 1 : 0) && line.opensBlock)
      reversed.push(line.key);
    for (const dash of line.dashes) if (dash < limit) reversed.push(ITEM);
    underList = line.dashes.length > 0;
    limit = indent;
  }
  return reversed.reverse();
}

function previousLineStart(text: string, lineStart: number): number {
  if (lineStart === 0) return -1;
  return lineStartOf(text, lineStart - 1);
}

/** Lines holding keys of the same mapping as a key at `column` on the line at `lineStart` (that line excluded). */
function siblingLines(text: string, lineStart: number, column: number): Line[] {
  const siblings: Line[] = [];
  const visit = (line: Line): boolean => {
    if (isDocumentMarker(line)) return false;
    if (isBlankOrComment(line)) return true;
    if (line.keyColumn === column && line.key !== undefined) siblings.push(line);
    return indentOf(line) >= column;
  };
  for (let start = previousLineStart(text, lineStart); start >= 0; start = previousLineStart(text, start)) {
    if (!visit(readLine(text, start))) break;
  }
  for (let end = text.indexOf('\n', lineStart); end >= 0 && end + 1 < text.length; end = text.indexOf('\n', end + 1)) {
    const line = readLine(text, end + 1);
    if (indentOf(line) < column && !isBlankOrComment(line)) break;
    if (!visit(line)) break;
  }
  return siblings;
}

function indentOf(line: Line): number {
  return line.dashes.length > 0 ? line.dashes[0] : line.keyColumn;
}

/** The `type:` of the outbound rule whose `destination:` encloses the cursor, so that its keys can be proposed. */
function outboundType(text: string, path: readonly string[], lineStart: number, column: number): string | undefined {
  if (path[path.length - 1] !== 'destination') return undefined;
  for (let start = previousLineStart(text, lineStart); start >= 0; start = previousLineStart(text, start)) {
    const line = readLine(text, start);
    if (isBlankOrComment(line) || line.keyColumn >= column) continue;
    const typeLine = [line, ...siblingLines(text, start, line.keyColumn)].find((candidate) => candidate.key === 'type');
    return typeLine?.value?.replace(/^["']|["']$/g, '');
  }
  return undefined;
}
