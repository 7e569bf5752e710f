/** Output formats of `foundry-net lint`: one JSON array, or eslint-style "stylish" text. */
import type { Diagnostic } from '../yaml/engine';
import { LineIndex } from '../yaml/engine';

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

export function formatJson(problems: readonly ReportedProblem[]): string {
  return `${JSON.stringify(problems, null, 2)}\n`;
}

export function formatStylish(problems: readonly ReportedProblem[]): string {
  if (problems.length === 0) return '';
  const byFile = new Map<string, ReportedProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const blocks: string[] = [];
  for (const [file, fileProblems] of byFile) {
    const rows = fileProblems.map((problem) => [
      `${problem.line}:${problem.column}`,
      problem.severity,
      problem.message,
      problem.code,
    ]);
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
    blocks.push(
      [
        file,
        ...rows.map((row) => `  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}  ${row[3]}`),
      ].join('\n'),
    );
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.filter((problem) => problem.severity === 'warning').length;
  const total = `${problems.length} problem${problems.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  return `${blocks.join('\n\n')}\n\n✖ ${total}\n`;
}
