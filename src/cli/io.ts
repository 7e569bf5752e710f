import { readFileSync, statSync } from 'node:fs';

/** What every `foundry-net` command gets from its surroundings: testable without spawning a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** The environment (tokens, endpoints); defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress updates in place); defaults to false. */
  readonly stderrIsTerminal?: boolean;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
/** Problems or findings at or above the threshold. */
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** Sign-in failed, or something could not be read. */
export const EXIT_ACCESS = 3;

/** A mistake in the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** A file that cannot be read or written: one line on stderr, exit 2. */
export class FileError extends Error {}

export interface CliCommand {
  /** One line for the overview. */
  readonly summary: string;
  /** The command's own help text. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** The largest file a command reads: hub YAML files are a few KB; anything this big is a mistake or an attack. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A text file, or a FileError with one line saying why not: missing, a folder, over MAX_FILE_BYTES, or not UTF-8
 * (refused rather than decoded with replacement characters, which `--fix` would then write back). A BOM is kept.
 * `shown` is how the file is named in the message; it must already be printable.
 */
export function readTextFile(absolute: string, shown: string): string {
  let bytes: Buffer;
  try {
    const size = statSync(absolute).size;
    if (size > MAX_FILE_BYTES) throw new FileError(tooBig(shown, size));
    bytes = readFileSync(absolute);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot read "${shown}": ${errorCode(error)}.`);
  }
  // The file may have grown between stat and read.
  if (bytes.length > MAX_FILE_BYTES) throw new FileError(tooBig(shown, bytes.length));
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new FileError(`"${shown}" is not UTF-8 text; save it as UTF-8 and run again.`);
  }
}

function tooBig(shown: string, size: number): string {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `"${shown}" is ${megabytes(size)}; files over ${megabytes(MAX_FILE_BYTES)} are not read.`;
}

/** `EACCES`, `ENOENT`…: what an errno error says in one word. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
