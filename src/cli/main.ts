/** `foundry-net lint`: the hub YAML checks of the extension, for CI. `main` is testable without spawning. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixAll, validateHubYaml } from '../yaml/engine';
import { parseArguments, USAGE, UsageError, type OutputFormat } from './args';
import { formatJson, formatStylish, toReportedProblems, type ReportedProblem } from './format';
import { expandGlob, isGlob } from './glob';
import { version } from '../../package.json';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI; returns the exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const command = parseArguments(argv);
    if (command.kind === 'help' || command.kind === 'version') {
      io.stdout(`${command.kind === 'help' ? USAGE : version}\n`);
      return EXIT_OK;
    }
    return lint(resolveFiles(command.patterns, io.cwd), command.format, command.fix, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError) {
      io.stderr(`foundry-net: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

class FileError extends Error {}

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
      if (isDirectory(absolute)) throw new FileError(`"${pattern}" is a folder; give files or a quoted glob such as "${pattern}/**/*.yaml".`);
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

function lint(files: readonly string[], format: OutputFormat, fix: boolean, io: CliIo): number {
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
  io.stdout(format === 'json' ? formatJson(problems) : formatStylish(problems));
  return problems.some((problem) => problem.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
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
    throw new FileError(`cannot write the fixes to "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}
