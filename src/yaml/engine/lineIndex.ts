/** Offsets ⇄ lines and columns. Zero-based for editors; the CLI adds one. */

/** Offset of the start of the line holding `offset` (lastIndexOf clamps -1 to 0, hence the guard). */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Zero-based line and column (UTF-16 units) of an offset. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: clamped - this.lineStarts[low] };
  }

  /** One-based line and column, as the CLI prints them. */
  oneBasedAt(offset: number): Position {
    const { line, column } = this.positionAt(offset);
    return { line: line + 1, column: column + 1 };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lineStarts.length - 1));
    const lineEnd = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(0, position.column), lineEnd);
  }
}
