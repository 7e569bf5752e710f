/**
 * Pure text helpers of the VS Code adapters (no vscode import, unit-tested with node --test).
 */
import type { OffsetRange, TextEdit } from '../engine';

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

/** The top-level keys a document summary is shown on, best first (the summary is about network_acls). */
const SUMMARY_ANCHOR_KEYS = ['network_acls', 'public_network_access', 'managed_network', 'kind', '$schema'];

/**
 * Where the summary CodeLens of a document goes: the line of its `network_acls` key, or of the first other network or
 * identity key, or the document's start. The parsed tree is not kept (the engine drops it), so the key is found in
 * the text: a top-level key starts its line at column 0.
 */
export function summaryAnchorOffset(text: string, documentRange: OffsetRange): number {
  const body = text.slice(documentRange.start, documentRange.end);
  for (const key of SUMMARY_ANCHOR_KEYS) {
    const escaped = key.replace(/\$/g, '\\$');
    const match = new RegExp(`^(["']?)${escaped}\\1[ \\t]*:`, 'm').exec(body);
    if (match) return documentRange.start + match.index;
  }
  return documentRange.start;
}
