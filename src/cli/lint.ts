/** `foundry-net lint`: the hub YAML checks of the extension, for CI. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixAll, validateHubYaml } from '../yaml/engine';
import { oneOf, parseCommandLine } from './args';
import { formatJson, formatStylish, toReportedProblems, type ReportedProblem } from './format';
import { expandGlob, isGlob } from './glob';
import { LINT_RULES } from './lintRules';
import { toSarif } from './sarif';
import { EXIT_FINDINGS, EXIT_OK, FileError, UsageError, type CliCommand, type CliIo } from './io';

const USAGE = `Usage: foundry-net lint [--format json|stylish|sarif] [--fix] <file or glob>...

Checks the network settings of Azure AI Foundry hub YAML files (az ml workspace create --file).

Options:
  --format json|stylish|sarif  Output format (default: stylish); sarif is SARIF 2.1.0 for GitHub code scanning
  --fix                  Apply the safe quick fixes and write the files back
  -h, --help             Show this help

Globs support *, ** and ?; quote them so that every shell passes them as written.
Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

export const lintCommand: CliCommand = {
  summary: 'check hub YAML files (az ml workspace create --file) for network mistakes',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCommandLine('lint', args, {
      format: { type: 'string' },
      fix: { type: 'boolean' },
    });
    const format = oneOf('format', values.format, ['stylish', 'json', 'sarif'] as const, 'stylish');
    if (positionals.length === 0) throw new UsageError('No files given. Run "foundry-net lint <file or glob>...".');
    return lint(resolveFiles(positionals, io.cwd), format, values.fix === true, io);
  },
};

/** Every file named or matched, in order, without repeats; a missing file or an empty glob is an error. */
function resolveFiles(patterns: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isGlob(pattern) && !existsAsFile(path.resolve(cwd, pattern))) {
      const matched = expandGlob(pattern, cwd);
      if (matched.length === 0) throw new FileError(`no files match "${pattern}".`);
      files.push(...matched);
    } else {
      const absolute = path.resolve(cwd, pattern);
      if (isDirectory(absolute))
        throw new FileError(`"${pattern}" is a folder; give files or a quoted glob such as "${pattern}/**/*.yaml".`);
      if (!existsAsFile(absolute)) throw new FileError(`cannot find the file "${pattern}".`);
      files.push(pattern);
    }
  }
  return [...new Set(files)];
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function existsAsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function lint(files: readonly string[], format: 'json' | 'stylish' | 'sarif', fix: boolean, io: CliIo): number {
  const problems: ReportedProblem[] = [];
  for (const file of files) {
    const absolute = path.resolve(io.cwd, file);
    let text = readText(absolute, file);
    if (fix) {
      const fixed = fixAll(text);
      if (fixed.text !== text) writeText(absolute, file, fixed.text);
      text = fixed.text;
    }
    problems.push(...toReportedProblems(file, text, validateHubYaml(text)));
  }
  io.stdout(
    format === 'json'
      ? formatJson(problems)
      : format === 'sarif'
        ? formatLintSarif(problems, io.cwd)
        : formatStylish(problems),
  );
  return problems.some((problem) => problem.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function readText(absolute: string, file: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new FileError(`cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

function writeText(absolute: string, file: string, text: string): void {
  try {
    writeFileSync(absolute, text, 'utf8');
  } catch (error) {
    throw new FileError(
      `cannot write the fixes to "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
}

/** Each problem at its file and range; the fingerprint ignores the line, so an edit above it keeps the alert. */
function formatLintSarif(problems: readonly ReportedProblem[], cwd: string): string {
  return toSarif(
    LINT_RULES,
    problems.map((problem) => ({
      ruleId: problem.code,
      severity: problem.severity,
      message: problem.message,
      file: {
        uri: path.relative(cwd, path.resolve(cwd, problem.file)).split(path.sep).join('/'),
        startLine: problem.line,
        startColumn: problem.column,
        endLine: problem.endLine,
        endColumn: problem.endColumn,
      },
      fingerprint: `${problem.code}|${problem.file}|${problem.message}`,
    })),
  );
}
