/** `foundry-net`: the extension's checks for CI. One table of commands; each parses its own options. */
import { version } from '../../package.json';
import { EXIT_OK, EXIT_USAGE, FileError, UsageError, type CliCommand, type CliIo } from './io';
import { checkCommand } from './check';
import { lintCommand } from './lint';

export { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
export { EXIT_ACCESS, EXIT_FINDINGS } from './io';

const COMMANDS: Readonly<Record<string, CliCommand>> = {
  lint: lintCommand,
  check: checkCommand,
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: foundry-net <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "foundry-net <command> --help" for its options. -v, --version shows the version.',
  ].join('\n');
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) throw new UsageError('No command given; see "foundry-net --help".');
      io.stdout(`${usage()}\n`);
      return EXIT_OK;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${version}\n`);
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      throw new UsageError(
        `Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}; see "foundry-net --help".`,
      );
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.usage}\n`);
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError) {
      io.stderr(`foundry-net: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
