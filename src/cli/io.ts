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
