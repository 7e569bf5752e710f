/**
 * Text from Azure or from files, made safe to print: an attacker may choose a file name, a YAML value or a resource
 * name, so nothing reaches a terminal that it would act on, and no line reaches a CI log that its runner would take
 * for a workflow command (GitHub Actions `::error::` and `##[`, Azure Pipelines `##vso[`).
 */
// The one definition of unprintable text lives with the model: generated scripts and DNS files use it too.
export { printable } from '../model/printable';

/** What JSON.stringify leaves raw inside strings (it escapes C0 itself; the layout's own newlines must stay). */
export const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** GitHub Actions runs `##[command]` found anywhere in a line (the old syntax). */
export const LEGACY_WORKFLOW_COMMAND = /##\[/g;
// `::command::` (GitHub) and `##vso[` (Azure Pipelines) at a line's start. C# TrimStart() skips any Unicode white
// space before them, so this does too, but never past a line's end.
const WORKFLOW_COMMAND_LINE = /^([^\S\n\r\u2028\u2029]*)(::|##vso\[)/gm;

/** The finished output, with no line a CI runner would take for a workflow command. */
export function withoutWorkflowCommands(output: string): string {
  return output
    .replace(LEGACY_WORKFLOW_COMMAND, '\\u{23}#[')
    .replace(WORKFLOW_COMMAND_LINE, (_, space: string, command: string) =>
      command === '::' ? `${space}\\u{3a}:` : `${space}\\u{23}#vso[`,
    );
}
