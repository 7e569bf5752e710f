/**
 * Text from Azure or from files, made safe to print: no terminal escape sequences or other control characters, and
 * no line that a CI runner would read as a workflow command (GitHub Actions `::error::`, Azure Pipelines `##vso[`).
 */
// Control characters except tab and newline; C1 controls; the bidirectional overrides that can hide text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text
    .replace(UNPRINTABLE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/^([ \t]*)(::|##\[|##vso\[)/gm, '$1 $2');
}
