/**
 * Validation of a whole file, incremental across edits: the text is split into documents cheaply (segments.ts),
 * and a document whose text did not change reuses its earlier result, shifted to its new offset.
 */
import { analyzeDocument, type DocumentAnalysis } from './analyzeDocument';
import { splitSegments } from './segments';
import type { Diagnostic, Fix } from './types';
import { parseHubDocuments } from './yamlParser';

export interface ValidateOptions {
  /** Check every document even when it does not look like a workspace (the "force" setting). */
  readonly force?: boolean;
  /** Throw internal errors instead of skipping the document (tests and fuzzing use this). */
  readonly rethrow?: boolean;
  /** Compose every document, never building from the CST (tests compare both paths with it). */
  readonly compose?: boolean;
}

/** The analyses of one segment, in offsets relative to the segment. */
interface SegmentResult {
  readonly analyses: readonly DocumentAnalysis[];
}

interface PlacedSegment {
  readonly start: number;
  readonly text: string;
  readonly result: SegmentResult;
  readonly diagnostics: readonly Diagnostic[];
}

/** A document of the current text with its analysis; `offset` turns analysis offsets into file offsets. */
export interface PlacedDocument {
  readonly offset: number;
  readonly analysis: DocumentAnalysis;
  /** The text the analysis offsets index into (from `offset` in the file). */
  readonly segmentText: string;
}

export class HubYamlValidator {
  private placed: PlacedSegment[] = [];
  private text = '';
  /** Internal errors met by the last update (the document is skipped rather than breaking the editor). */
  errors: unknown[] = [];

  constructor(private readonly options: ValidateOptions = {}) {}

  /** Validates the new text of the file; returns every diagnostic in file offsets, in document order. */
  update(text: string): Diagnostic[] {
    const byText = new Map<string, SegmentResult>();
    const byStart = new Map<number, PlacedSegment>();
    for (const segment of this.placed) {
      byText.set(segment.text, segment.result);
      byStart.set(segment.start, segment);
    }
    this.errors = [];
    this.text = text;
    this.placed = splitSegments(text).map((segment) => {
      const unmoved = byStart.get(segment.start);
      if (unmoved && unmoved.text === segment.text) return unmoved;
      let result = byText.get(segment.text);
      if (!result) {
        result = this.analyzeSegment(segment.text);
        byText.set(segment.text, result);
      }
      return { start: segment.start, text: segment.text, result, diagnostics: placeDiagnostics(result, segment.start) };
    });
    return this.diagnostics();
  }

  diagnostics(): Diagnostic[] {
    const all: Diagnostic[] = [];
    for (const segment of this.placed) for (const item of segment.diagnostics) all.push(item);
    return all;
  }

  /** The text of the last update. */
  get currentText(): string {
    return this.text;
  }

  documents(): PlacedDocument[] {
    return this.placed.flatMap((segment) =>
      segment.result.analyses.map((analysis) => ({ offset: segment.start, analysis, segmentText: segment.text })),
    );
  }

  /** The document containing a file offset (the last one starting at or before it). */
  documentAt(offset: number): PlacedDocument | undefined {
    let found: PlacedDocument | undefined;
    for (const placed of this.documents()) {
      if (placed.offset + placed.analysis.range.start <= offset) found = placed;
    }
    return found;
  }

  private analyzeSegment(text: string): SegmentResult {
    try {
      const force = this.options.force === true;
      return {
        analyses: parseHubDocuments(text, this.options).map((document, index) =>
          analyzeDocument(document, index, text, force),
        ),
      };
    } catch (error) {
      if (this.options.rethrow) throw error;
      this.errors.push(error);
      return { analyses: [] };
    }
  }
}

function placeDiagnostics(result: SegmentResult, offset: number): Diagnostic[] {
  const placed: Diagnostic[] = [];
  for (const analysis of result.analyses) {
    for (const item of analysis.diagnostics) placed.push(offset === 0 ? item : shiftDiagnostic(item, offset));
  }
  return placed;
}

export function shiftDiagnostic(item: Diagnostic, offset: number): Diagnostic {
  const shifted: Diagnostic = { ...item, range: { start: item.range.start + offset, end: item.range.end + offset } };
  return item.fixes ? { ...shifted, fixes: item.fixes.map((fix) => shiftFix(fix, offset)) } : shifted;
}

function shiftFix(fix: Fix, offset: number): Fix {
  return {
    ...fix,
    edits: fix.edits.map((edit) => ({ start: edit.start + offset, end: edit.end + offset, newText: edit.newText })),
  };
}

/** Validates a text once (no cache to keep). */
export function validateHubYaml(text: string, options: ValidateOptions = {}): Diagnostic[] {
  return new HubYamlValidator(options).update(text);
}
