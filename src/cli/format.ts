/**
 * Output formats of `foundry-net lint`: one JSON array, or eslint-style "stylish" text. File names and YAML values
 * are text an attacker may choose, so both formats neutralise what a terminal or a CI log parser would act on.
 */
import type { Diagnostic } from '../yaml/engine';
import { LineIndex } from '../yaml/engine';
import { LEGACY_WORKFLOW_COMMAND, UNPRINTABLE_IN_JSON, printable, withoutWorkflowCommands } from './printable';

/** One problem as the CLI reports it: lines and columns are 1-based. */
export interface ReportedProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly message: string;
}

export function toReportedProblems(file: string, text: string, diagnostics: readonly Diagnostic[]): ReportedProblem[] {
  const lines = new LineIndex(text);
  return diagnostics.map((item) => {
    const start = lines.oneBasedAt(item.range.start);
    const end = lines.oneBasedAt(item.range.end);
    return {
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: item.severity,
      code: item.code,
      message: item.message,
    };
  });
}

/** JSON escapes keep the data identical for a parser while no raw control or command text reaches a log. */
export function formatJson(problems: readonly ReportedProblem[]): string {
  return `${JSON.stringify(problems, null, 2)
    .replace(UNPRINTABLE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(LEGACY_WORKFLOW_COMMAND, '\\u0023#[')}\n`;
}

/** One block per file, columns aligned; linear in the number of problems. */
export function formatStylish(problems: readonly ReportedProblem[]): string {
  if (problems.length === 0) return '';
  const byFile = new Map<string, ReportedProblem[]>();
  let errors = 0;
  let warnings = 0;
  for (const problem of problems) {
    const fileProblems = byFile.get(problem.file);
    if (fileProblems) fileProblems.push(problem);
    else byFile.set(problem.file, [problem]);
    if (problem.severity === 'error') errors++;
    else if (problem.severity === 'warning') warnings++;
  }
  const blocks: string[] = [];
  for (const [file, fileProblems] of byFile) {
    let positionWidth = 0;
    let severityWidth = 0;
    for (const problem of fileProblems) {
      positionWidth = Math.max(positionWidth, `${problem.line}:${problem.column}`.length);
      severityWidth = Math.max(severityWidth, problem.severity.length);
    }
    const lines = [printable(file)];
    for (const problem of fileProblems) {
      const position = `${problem.line}:${problem.column}`.padEnd(positionWidth);
      lines.push(
        `  ${position}  ${problem.severity.padEnd(severityWidth)}  ${printable(problem.message)}  ${printable(problem.code)}`,
      );
    }
    blocks.push(lines.join('\n'));
  }
  const total = `${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return withoutWorkflowCommands(`${blocks.join('\n\n')}\n\n✖ ${total}\n`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
