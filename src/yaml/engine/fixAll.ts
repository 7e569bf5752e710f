/** Applying quick fixes: one fix, or every safe fix (what `foundry-net lint --fix` does). */
import type { Diagnostic, Fix, TextEdit } from './types';
import { validateHubYaml, type ValidateOptions } from './validator';

/** Applies edits that do not overlap (as every fix's edits are), in one pass over the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let copied = 0;
  for (const edit of sorted) {
    parts.push(text.slice(copied, edit.start), edit.newText);
    copied = edit.end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The safe fixes of the diagnostics that can be applied together: a fix touching an earlier one waits. */
export function compatibleSafeFixes(diagnostics: readonly Diagnostic[]): Fix[] {
  const chosen: Fix[] = [];
  const taken = new TakenRanges();
  for (const item of diagnostics) {
    const fix = item.fixes?.find((candidate) => candidate.safe);
    if (!fix || fix.edits.some((edit) => taken.touches(edit))) continue;
    chosen.push(fix);
    for (const edit of fix.edits) taken.add(edit);
  }
  return chosen;
}

/**
 * Ranges already edited, sorted by start, none touching another: a binary search finds the neighbours of a new one.
 * Diagnostics come in document order, so an insertion is nearly always at the end.
 */
class TakenRanges {
  private readonly ranges: TextEdit[] = [];

  /** Whether `edit` overlaps or abuts a taken range (a shared end point counts). */
  touches(edit: TextEdit): boolean {
    const index = this.firstStartingAfter(edit.end);
    const before = this.ranges[index - 1];
    return before !== undefined && before.end >= edit.start;
  }

  add(edit: TextEdit): void {
    this.ranges.splice(this.firstStartingAfter(edit.end), 0, edit);
  }

  /** Index of the first range whose start is after `offset`. */
  private firstStartingAfter(offset: number): number {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ranges[middle].start <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export interface FixAllResult {
  readonly text: string;
  /** How many fixes were applied, over every round. */
  readonly applied: number;
}

const MAX_ROUNDS = 10;

/** Applies every safe fix, re-validating between rounds until none is left (a fix can reveal another). */
export function fixAll(text: string, options: ValidateOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixes = compatibleSafeFixes(validateHubYaml(current, options));
    if (fixes.length === 0) break;
    current = applyEdits(
      current,
      fixes.flatMap((fix) => fix.edits),
    );
    applied += fixes.length;
  }
  return { text: current, applied };
}
