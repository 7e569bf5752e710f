/**
 * Text from Azure made safe to show: an attacker may choose a resource name, so nothing reaches a terminal, a comment
 * in a generated file or a log that would start a new line, rewrite the line, or reorder what is shown.
 */

/**
 * Characters a terminal acts on (C0 and C1 controls: ESC starts an ANSI sequence, CR rewrites the line, LF starts a
 * line a CI log parser reads), and the invisible ones that reorder or break what is shown (bidi controls, U+2028/9).
 * Tab is left alone: it moves the cursor, nothing more.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** One line of untrusted text, shown as written but with every unprintable character as a `\u{…}` escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`);
}
