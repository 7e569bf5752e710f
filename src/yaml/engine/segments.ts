/**
 * Cheap split of a YAML stream into independently parseable pieces, so that an edit re-parses only the piece it
 * touched. The yaml Lexer starts a document at every `---` at the start of a line followed by a space, a tab or a
 * line break, whatever context it is in (block scalars and quoted strings included), so splitting there gives the
 * same documents as parsing the whole text.
 */

export interface Segment {
  /** Offset of the segment in the whole text. */
  readonly start: number;
  readonly text: string;
}

/** Splits at each document start marker. Directives (`%YAML`, `%TAG`) tie documents together: then it does not split. */
export function splitSegments(text: string): Segment[] {
  const starts = [0];
  let at = text.startsWith('---') ? 3 : 0;
  for (;;) {
    const found = text.indexOf('\n---', at);
    if (found < 0) break;
    const marker = found + 1;
    if (isMarkerEnd(text, marker + 3)) starts.push(marker);
    at = marker + 3;
  }
  if (starts.length > 1 && hasDirective(text)) return [{ start: 0, text }];
  const segments: Segment[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index];
    const end = index + 1 < starts.length ? starts[index + 1] : text.length;
    segments.push({ start, text: text.slice(start, end) });
  }
  return segments;
}

function isMarkerEnd(text: string, offset: number): boolean {
  if (offset >= text.length) return true;
  const next = text.charCodeAt(offset);
  return next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

function hasDirective(text: string): boolean {
  return text.startsWith('%') || text.includes('\n%');
}
