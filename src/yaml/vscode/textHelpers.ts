/**
 * Pure text helpers of the VS Code adapters (no vscode import, unit-tested with node --test).
 */
import type { TextEdit } from '../engine';

/**
 * The one edit that turns `before` into `after`, trimmed to the part that changed. "Fix all" hands VS Code this
 * instead of a whole-document replacement, so the cursor, folding and undo stay where the user left them.
 */
export function minimalReplacement(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}
