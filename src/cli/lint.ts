/** `foundry-net lint`: the hub YAML checks of the extension, for CI. */
import { closeSync, constants, lstatSync, openSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixAll, validateHubYaml } from '../yaml/engine';
import { oneOf, parseCommandLine } from './args';
import { formatJson, formatStylish, toReportedProblems, type ReportedProblem } from './format';
import { printable } from './printable';
import { expandGlob, isGlob } from './glob';
import { LINT_RULES } from './lintRules';
import { toSarif } from './sarif';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  FileError,
  UsageError,
  errorCode,
  readTextFile,
  type CliCommand,
  type CliIo,
} from './io';

const USAGE = `Usage: foundry-net lint [--format json|stylish|sarif] [--fix] <file or glob>...

Checks the network settings of Azure AI Foundry hub YAML files (az ml workspace create --file).

Options:
  --format json|stylish|sarif  Output format (default: stylish); sarif is SARIF 2.1.0 for GitHub code scanning
  --fix                  Apply the safe quick fixes and write the files back
  -h, --help             Show this help

Globs support *, ** and ? (at most two * in one path segment); quote them so that every shell passes them as
written. A glob never follows a symbolic link, and --fix writes only plain files inside the working folder.
Files must be UTF-8 and at most 10 MB. A file that cannot be read or fixed is named, and the others are still checked.
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
      if (matched.length === 0) throw new FileError(`no files match "${printable(pattern)}".`);
      for (const file of matched) files.push(file);
    } else {
      const absolute = path.resolve(cwd, pattern);
      const shown = printable(pattern);
      if (isDirectory(absolute))
        throw new FileError(`"${shown}" is a folder; give files or a quoted glob such as "${shown}/**/*.yaml".`);
      if (!existsAsFile(absolute)) throw new FileError(`cannot find the file "${shown}".`);
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

/**
 * Checks (and fixes) every file, whatever happens to the others: a file that cannot be read or written is named on
 * stderr, the rest are still checked, and the exit code is 2 at the end.
 */
function lint(files: readonly string[], format: 'json' | 'stylish' | 'sarif', fix: boolean, io: CliIo): number {
  const problems: ReportedProblem[] = [];
  const failed: string[] = [];
  const workingFolder = realpathSync(io.cwd);
  const report = (error: unknown, shown: string): void => {
    if (!(error instanceof FileError)) throw error;
    io.stderr(`foundry-net: ${error.message}\n`);
    failed.push(shown);
  };
  for (const file of files) {
    const shown = printable(file);
    const absolute = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = readTextFile(absolute, shown);
    } catch (error) {
      report(error, shown);
      continue;
    }
    if (fix) {
      try {
        text = applySafeFixes(absolute, shown, text, workingFolder, io);
      } catch (error) {
        // Unchanged on disk: its problems are still reported.
        report(error, shown);
      }
    }
    for (const problem of toReportedProblems(file, text, validateHubYaml(text))) problems.push(problem);
  }
  io.stdout(
    format === 'json'
      ? formatJson(problems)
      : format === 'sarif'
        ? formatLintSarif(problems, io.cwd)
        : formatStylish(problems),
  );
  if (failed.length > 0) {
    const verb = fix ? 'checked or fixed' : 'checked';
    io.stderr(
      `foundry-net: ${failed.length === 1 ? '1 file' : `${failed.length} files`} could not be ${verb}: ${failed.join(', ')}.\n`,
    );
    return EXIT_USAGE;
  }
  return problems.some((problem) => problem.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Writes the safe fixes and says so on stderr, for every file; returns the text now in the file. */
function applySafeFixes(absolute: string, shown: string, text: string, workingFolder: string, io: CliIo): string {
  const fixed = fixAll(text);
  if (fixed.text === text) {
    io.stderr(`foundry-net: nothing to fix in "${shown}".\n`);
    return text;
  }
  writeFixes(absolute, shown, fixed.text, workingFolder);
  io.stderr(`foundry-net: fixed ${fixed.applied === 1 ? '1 problem' : `${fixed.applied} problems`} in "${shown}".\n`);
  return fixed.text;
}

/**
 * Writes only a regular file whose real path is inside the working folder (never through a link to elsewhere, nor
 * a hard link shared with a file elsewhere). O_NOFOLLOW: a link swapped in after the check is not written through.
 */
function writeFixes(absolute: string, shown: string, text: string, workingFolder: string): void {
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    throw new FileError(`cannot write the fixes to "${shown}": ${errorCode(error)}; it is unchanged.`);
  }
  const relative = path.relative(workingFolder, real);
  if (relative === '' || relative.startsWith(`..${path.sep}`) || relative === '..' || path.isAbsolute(relative)) {
    throw new FileError(
      `not writing the fixes to "${shown}": it is ${printable(real)}, outside the working folder; it is unchanged.`,
    );
  }
  const stats = lstatSync(real);
  if (!stats.isFile() || stats.nlink > 1) {
    throw new FileError(
      `not writing the fixes to "${shown}": it is not a plain file (a link, or a device); it is unchanged.`,
    );
  }
  let descriptor: number;
  try {
    descriptor = openSync(real, constants.O_WRONLY | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw new FileError(`cannot write the fixes to "${shown}": ${errorCode(error)}; it is unchanged.`);
  }
  try {
    writeFileSync(descriptor, text, 'utf8');
  } catch (error) {
    throw new FileError(`writing the fixes to "${shown}" failed: ${errorCode(error)}; it may be incomplete.`);
  } finally {
    closeSync(descriptor);
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
