/** Applying quick fixes: one fix, or every safe fix (what `foundry-net lint --fix` does). */
import type { Diagnostic, Fix, TextEdit } from './types';
import { validateHubYaml, type ValidateOptions } from './validator';

/** Applies edits that do not overlap (as every fix's edits are). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The safe fixes of the diagnostics that can be applied together: a fix touching an earlier one waits. */
export function compatibleSafeFixes(diagnostics: readonly Diagnostic[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const item of diagnostics) {
    const fix = item.fixes?.find((candidate) => candidate.safe);
    if (!fix || fix.edits.some((edit) => taken.some((other) => touches(edit, other)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

function touches(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
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
