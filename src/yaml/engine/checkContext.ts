/** What every check gets: the document's text and a place to report. */
import { lineStartOf } from './lineIndex';
import { diagnostic, type Diagnostic, type DiagnosticCode, type Fix, type OffsetRange } from './types';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

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
}
