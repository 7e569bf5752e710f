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

const LINE_SHAPE = /^(\s*)((?:-[ \t]+)*)(?:(["']?)([^\s"':#][^:#]*?|\$schema)\3[ \t]*:(?:[ \t]+|$)(.*))?/;

function readLine(text: string, start: number): Line {
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  const match = LINE_SHAPE.exec(lineText);
  const indent = match?.[1].length ?? 0;
  const dashes: number[] = [];
  const markers = match?.[2] ?? '';
  for (let at = 0; at < markers.length; at++) if (markers[at] === '-') dashes.push(indent + at);
  const rest = match?.[5];
  const opensBlock =
    match?.[4] !== undefined && (rest === undefined || /^\s*(#.*)?$/.test(rest) || /^\s*[|>]/.test(rest));
  return {
    start,
    text: lineText,
    keyColumn: indent + markers.length,
    dashes,
    key: match?.[4],
    value: rest?.replace(/\s+#.*$/, '').trim(),
    opensBlock,
  };
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
  const current = readLine(text, lineStart);
  const beforeCursor = text.slice(lineStart, offset);
  const valueMatch = /^\s*(?:-[ \t]+)*(["']?)([^\s"':#][^:#]*?|\$schema)\1[ \t]*:[ \t]+(\S*)$/.exec(beforeCursor);
  const word = /[^\s:,[\]{}]*$/.exec(beforeCursor)?.[0] ?? '';
  const replaceRange = { start: offset - word.length, end: offset };
  const column = valueMatch ? current.keyColumn : offset - lineStart - word.length;
  const ownDashes = current.dashes.filter((dash) => dash < column);
  const path = ancestorsOf(text, lineStart, ownDashes.length > 0 ? ownDashes[0] : column);
  const fullPath = [...path, ...ownDashes.map(() => ITEM)];
  const present = ownDashes.length > 0 ? [] : siblingLines(text, lineStart, column).map((line) => line.key ?? '');
  const section = sectionOfPath(fullPath, outboundType(text, fullPath, lineStart, column));
  if (valueMatch) {
    const key = valueMatch[2];
    const info = section ? keyInfo(section, key) : undefined;
    return {
      section,
      path: fullPath,
      slot: 'value',
      key,
      ...(info ? { keyInfo: info } : {}),
      presentKeys: present,
      replaceRange,
    };
  }
  return { section, path: fullPath, slot: 'key', presentKeys: present, replaceRange };
}

/** Keys of the mappings enclosing a key written at `column` on the line starting at `lineStart`. */
function ancestorsOf(text: string, lineStart: number, column: number): string[] {
  const path: string[] = [];
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
    const segment: string[] = line.dashes.filter((dash) => dash < limit).map(() => ITEM);
    if (line.key !== undefined && line.keyColumn < limit + (listKey ? 1 : 0) && line.opensBlock) segment.push(line.key);
    path.unshift(...segment);
    underList = line.dashes.length > 0;
    limit = indent;
  }
  return path;
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
